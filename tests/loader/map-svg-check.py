#!/usr/bin/env python3
"""map-svg-check.py MAP.txt PICTURE.svg: the SVG of loader --map=svg:FILE against the text
of --map from the same run (loader --map --map=svg:FILE PROG 2> MAP.txt). Prints what
differs and exits 1, or prints a one-line summary.
map-svg-check.py --png PICTURE.png PICTURE.svg: the PNG rsvg-convert made has the SVG's size.
"""
import re
import struct
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"
MIN_H = 2          # map_svg.h: MAP_SVG_MIN_H
SPLIT = 1 << 20    # map_svg.h: MAP_SVG_SPLIT
ROW = re.compile(r"^loader: memory_map: (0x[0-9a-f]+)-(0x[0-9a-f]+)\s+(\S+) (...)  (.*)$")
BRK = re.compile(r"^loader: memory_map: (0x[0-9a-f]+)\s+brk starts here")
SP = re.compile(r"top: sp (0x[0-9a-f]+)")


def png(png_path, svg_path):
    with open(png_path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit("the rendered file is not a PNG")
    w, h = struct.unpack(">II", head[16:24])
    root = ET.parse(svg_path).getroot()
    want = (int(root.get("width")), int(root.get("height")))
    if (w, h) != want:
        sys.exit("the PNG is %dx%d, the SVG says %dx%d" % ((w, h) + want))
    print("rendered %dx%d" % (w, h))


def main():
    if sys.argv[1] == "--png":
        return png(sys.argv[2], sys.argv[3])
    errors = []
    rows, brk, sp = [], None, None
    for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
        m = ROW.match(line.rstrip("\n"))
        if m:
            rows.append({"start": int(m.group(1), 16), "end": int(m.group(2), 16),
                         "perms": m.group(4).strip(), "rest": m.group(5)})
            s = SP.search(line)
            if s:
                sp = int(s.group(1), 16)
            continue
        m = BRK.match(line)
        if m:
            brk = int(m.group(1), 16)
    if not rows:
        sys.exit("no mapping in the text --map")
    try:
        root = ET.parse(sys.argv[2]).getroot()
    except ET.ParseError as e:
        sys.exit("the SVG is not well-formed XML: %s" % e)
    if root.tag != NS + "svg":
        sys.exit("the root element is %s, not svg" % root.tag)

    regions = root.findall(NS + "g[@class='region']")
    boxes = []
    for ri, region in enumerate(regions):
        for g in region.findall(NS + "g[@class='mapping']"):
            rect = g.find(NS + "rect")
            label = g.find(NS + "text[@class='label']")
            boxes.append({"g": g, "region": ri, "start": int(g.get("data-start"), 16),
                          "end": int(g.get("data-end"), 16), "perms": g.get("data-perms"),
                          "sections": g.get("data-sections"), "kind": g.get("data-kind"),
                          "y": float(rect.get("y")), "h": float(rect.get("height")),
                          "label": "".join(label.itertext()) if label is not None else ""})
    if len(root.findall(".//" + NS + "g[@class='mapping']")) != len(boxes):
        errors.append("a mapping element outside every region")
    # one element per mapping, in the text's order (high to low addresses), same data
    if len(boxes) != len(rows):
        errors.append("%d mapping elements for %d mappings in the text" % (len(boxes), len(rows)))
    for i, (b, r) in enumerate(zip(boxes, rows)):
        if (b["start"], b["end"]) != (r["start"], r["end"]):
            errors.append("mapping %d: %#x-%#x in the SVG, %#x-%#x in the text"
                          % (i, b["start"], b["end"], r["start"], r["end"]))
        if b["perms"] != r["perms"]:
            errors.append("mapping %d: perms %r in the SVG, %r in the text" % (i, b["perms"], r["perms"]))
        if b["sections"] and " " + b["sections"] not in r["rest"]:
            errors.append("mapping %d: sections %r not those of the text %r" % (i, b["sections"], r["rest"]))
        # the label shows the permissions, the range and the first section
        label = b["label"]
        if b["perms"] and not label.startswith(b["perms"]):
            errors.append("mapping %d: label %r does not start with %s" % (i, label, b["perms"]))
        if "%#x-%#x" % (b["start"], b["end"]) not in label:
            errors.append("mapping %d: label %r does not show its range" % (i, label))
        if b["sections"] and b["sections"].split()[0] not in label:
            errors.append("mapping %d: label %r does not name %s" % (i, label, b["sections"].split()[0]))
    for a, b in zip(boxes, boxes[1:]):
        if a["start"] < b["start"] or a["y"] > b["y"]:
            errors.append("%#x drawn before %#x: not high to low" % (a["start"], b["start"]))
    # heights to scale within each region (the largest box sets the scale)
    for ri in range(len(regions)):
        rb = [b for b in boxes if b["region"] == ri and b["end"] > b["start"]]
        if not rb:
            continue
        ref = max(rb, key=lambda b: b["end"] - b["start"])
        k = ref["h"] / (ref["end"] - ref["start"])
        for b in rb:
            want = k * (b["end"] - b["start"])
            if not (abs(b["h"] - want) <= 2 or (want < MIN_H and b["h"] == MIN_H)):
                errors.append("%#x-%#x: height %g, %g to scale with its region's largest box"
                              % (b["start"], b["end"], b["h"], want))
    # regions: separated by holes wider than SPLIT, each hole drawn and labelled
    gaps = root.findall(NS + "g[@class='gap']")
    if len(gaps) != max(len(regions) - 1, 0):
        errors.append("%d holes drawn between %d regions" % (len(gaps), len(regions)))
    for g in gaps:
        if int(g.get("data-bytes")) <= SPLIT or "not mapped" not in "".join(g.itertext()):
            errors.append("a hole of %s bytes drawn as one" % g.get("data-bytes"))
    # the stack and its pointer, the brk
    stacks = [b for b in boxes if b["kind"] == "stack"]
    spg = root.findall(".//" + NS + "g[@class='sp']")
    if len(stacks) != 1 or "[stack]" not in stacks[0]["label"]:
        errors.append("%d [stack] boxes" % len(stacks))
    if len(spg) != 1 or int(spg[0].get("data-addr"), 16) != sp:
        errors.append("the stack pointer is not marked at %s" % (hex(sp) if sp else "?"))
    brks = root.findall(".//" + NS + "g[@class='brk']")
    if brk is None or len(brks) != 1 or int(brks[0].get("data-addr"), 16) != brk:
        errors.append("brk is not marked at %s" % (hex(brk) if brk is not None else "?"))
    elif "brk" not in "".join(brks[0].itertext()):
        errors.append("the brk mark is not labelled")
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    print("%d mappings in %d regions, as in the text, to scale; sp and brk marked"
          % (len(boxes), len(regions)))


main()
