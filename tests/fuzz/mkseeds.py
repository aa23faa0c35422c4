#!/usr/bin/env python3
"""tests/fuzz/mkseeds.py: write the seed corpora of the fuzz targets (tests/fuzz/seeds/).

Usage: mkseeds.py SEEDDIR

The seeds are committed; this script is how they were made, to run again when a target's
input format changes. Each seed is small (a few KB at most):
  elf/     the ELF header, program headers and PT_INTERP path of programs built here in
           each link kind (static, static-pie, PIE, non-PIE, 2 MiB pages, musl), cut after
           those bytes (e_shoff still says how long the file was), with their interpreter
           cut the same way after the mark; and the hand-made files of
           tests/loader/mkelf.py, one per kind of check, with their interpreters.
  script/  #! lines, one per rule of the parser (see tests/unit/test_loader_script_parse.c).
  stack/   stack inputs shaped like the loader's, with a kernel's auxv keys as the template.
See the comment at the top of each fuzz_*.c for its input format.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "loader"))
import mkelf  # noqa: E402

INTERP_MARK = b"\n--interp--\n"
PT_INTERP = 3
PROGRAM = b'#include <stdio.h>\nint main(void) { puts("seed"); return 0; }\n'


def phdrs(data):
    """(p_type, p_offset, p_filesz) of each program header the file holds."""
    phoff, = struct.unpack_from("<Q", data, 32)
    phnum, = struct.unpack_from("<H", data, 56)
    for at in range(phoff, min(phoff + 56 * phnum, len(data) - 55), 56):
        ptype, _, off, _, _, filesz = struct.unpack_from("<IIQQQQ", data, at)
        yield ptype, off, filesz


def head(data):
    """The bytes the ELF checks read: header, program headers, PT_INTERP path."""
    phoff, = struct.unpack_from("<Q", data, 32)
    phnum, = struct.unpack_from("<H", data, 56)
    end = max([64, phoff + 56 * phnum] +
              [off + filesz for ptype, off, filesz in phdrs(data) if ptype == PT_INTERP])
    return data[:end]


def interp_path(data):
    for ptype, off, filesz in phdrs(data):
        if ptype == PT_INTERP:
            return data[off:off + filesz].split(b"\0")[0].decode(errors="replace")
    return None


def with_interp(data, cut):
    """data, plus its interpreter after the mark if it names one that exists."""
    path = interp_path(data)
    if not path or not os.path.isfile(path):
        return cut(data)
    with open(path, "rb") as f:
        return cut(data) + INTERP_MARK + cut(f.read())


def elf_seeds(out, tmp):
    src = os.path.join(tmp, "seed.c")
    with open(src, "wb") as f:
        f.write(PROGRAM)
    kinds = {
        "gcc-static": ["gcc", "-static", "-no-pie"],
        "gcc-static-pie": ["gcc", "-fPIE", "-static-pie"],
        "gcc-pie": ["gcc", "-fPIE", "-pie"],
        "gcc-nopie": ["gcc", "-fno-pie", "-no-pie"],
        "gcc-maxpage": ["gcc", "-fPIE", "-pie", "-Wl,-z,max-page-size=0x200000"],
        "gcc-nosep": ["gcc", "-fPIE", "-pie", "-Wl,-z,noseparate-code"],
        "gcc-execstack": ["gcc", "-fPIE", "-pie", "-Wl,-z,execstack"],
        "musl-static": ["musl-gcc", "-static"],
        "musl-dyn": ["musl-gcc"],
    }
    for name, cc in kinds.items():
        if not shutil.which(cc[0]):
            print("mkseeds: no %s, skipping %s" % (cc[0], name), file=sys.stderr)
            continue
        exe = os.path.join(tmp, name)
        subprocess.run(cc + ["-O2", "-o", exe, src], check=True)
        with open(exe, "rb") as f:
            write(out, name, with_interp(f.read(), head))

    # mkelf.py's files: valid ones and one per check; their interpreters are whole.
    # Made under a relative name, so the PT_INTERP paths are the same on every run.
    cwd = os.getcwd()
    os.chdir(tmp)
    cases = "mkelf"
    stdout, sys.stdout = sys.stdout, open(os.devnull, "w")
    try:
        mkelf.main(cases)
    finally:
        sys.stdout.close()
        sys.stdout = stdout
    for name in ["good-exec", "good-dyn", "good-interp", "dyn-with-interp", "interp-et_exec",
                 "interp-with-bss", "interp-is-itself", "interp-et_rel", "interp-phnum-0",
                 "interp-filesz-gt-memsz", "interp-short-file", "no-pt_load",
                 "entry-in-no-segment", "offset-vaddr-incongruent", "memsz-wraps",
                 "vaddr-straddles-task-size", "segment-tail-past-eof", "segments-share-a-page",
                 "pt_load-unsorted", "pt_load-bss-only-misaligned", "pt_load-many",
                 "dyn-nonzero-first-vaddr", "phdr-table-cut", "interp-two-first-wins"]:
        with open(os.path.join(cases, name), "rb") as f:
            write(out, "mkelf-" + name, with_interp(f.read(), lambda d: d))
    os.chdir(cwd)


SCRIPTS = {
    "sh": b"#!/bin/sh\necho hi\n",
    "env-arg": b"#!/usr/bin/env python3\nprint(1)\n",
    "spaces-arg": b"#! /bin/echo  one two  three  \n",
    "tabs": b"#!\t/bin/sh\t-x \t\n",
    "crlf": b"#!/bin/sh\r\n",
    "empty": b"#!\n",
    "blank": b"#!   \t \n",
    "bare": b"#!",
    "no-newline": b"#!/bin/true",
    "no-newline-arg": b"#!/bin/sh -e",
    "nul-in-name": b"#!/bin/sh\0 -x\n",
    "nul-in-arg": b"#!/bin/sh \0\0x\n",
    "path-253": b"#!" + b"p" * 253 + b"\n",
    "path-254-cut": b"#!" + b"p" * 254 + b"\n",
    "long-arg": b"#!/bin/sh " + b"a" * 300 + b"\n",
    "all-spaces": b"#!" + b" " * 254,
    "elf": b"\x7fELF\x02\x01\x01",
    "not-shebang": b"# !/bin/sh\n",
    # one byte past the first 256 gives the argc before the rewrite
    "argc0": b"#!/bin/sh -x\n".ljust(256, b"\0") + b"\x00",
    "argc3": b"#!/usr/bin/env sh\n".ljust(256, b"\0") + b"\x03",
}


def stack_input(argv, envp, execfn, platform, align_rnd, slack, auxv):
    hdr = struct.pack("<BBBBHh", len(argv), len(envp), 1 if platform else 0, len(auxv),
                      align_rnd, slack)
    # top 0 (TASK_SIZE), AT_PHDR, AT_PHNUM, AT_BASE, AT_ENTRY, RLIMIT_STACK 8 MiB
    hdr += struct.pack("<QQQQQQ", 0, 0x555555554040, 13, 0x7ffff7fc3000, 0x5555555563d0,
                       8 << 20)
    hdr += bytes(range(1, 17))
    for key, val in auxv:
        hdr += struct.pack("<BQ", key, val)
    strings = [execfn] + argv + envp + ([platform] if platform else [])
    return hdr + b"".join(s.encode() + b"\0" for s in strings)


# The keys, in order, of a Linux 6.x x86_64 auxv (values of the program's keys are replaced).
AUXV = [(33, 0x7ffff7fc1000), (51, 3376), (16, 0x178bfbff), (6, 4096), (17, 100), (3, 0x40),
        (4, 56), (5, 13), (7, 0), (8, 0), (9, 0x1040), (11, 1000), (12, 1000), (13, 100),
        (14, 100), (23, 0), (25, 0x7fffffffe389), (26, 2), (31, 0x7fffffffefe8),
        (15, 0x7fffffffe399), (27, 28), (28, 32)]


def stack_seeds(out):
    auxv = AUXV
    env = ["HOME=/root", "PATH=/usr/bin:/bin", "LANG=C.UTF-8"]
    seeds = {
        "typical": stack_input(["./prog", "x"], env, "./prog", "x86_64", 0, 0, auxv),
        "aslr": stack_input(["/bin/true"], env, "/bin/true", "x86_64", 4097, 0, auxv),
        "rounded": stack_input(["a", "bb", "ccc"], ["D=4"], "a", "x86_64", 13, 15, auxv),
        "no-platform": stack_input(["p"], [], "p", None, 0, 0, auxv),
        "argc0": stack_input([], [], "/x", "x86_64", 8191, 0, auxv),
        "empty-strings": stack_input(["", ""], [""], "", "", 7, 0, auxv),
        "too-small": stack_input(["./prog"], env, "./prog", "x86_64", 100, -1, auxv),
        "minimal-auxv": stack_input(["./p"], env, "./p", None, 0, 3, [(6, 4096), (25, 0)]),
        "script": stack_input(["/bin/sh", "-e", "./s", "arg"], env, "./s", "x86_64", 64,
                              0, auxv),
    }
    for name, data in seeds.items():
        write(out, name, data)


def write(d, name, data):
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main(seeddir):
    seeddir = os.path.abspath(seeddir)
    with tempfile.TemporaryDirectory() as tmp:
        elf_seeds(os.path.join(seeddir, "elf"), tmp)
    for name, data in SCRIPTS.items():
        write(os.path.join(seeddir, "script"), name, data)
    stack_seeds(os.path.join(seeddir, "stack"))


if __name__ == "__main__":
    main(sys.argv[1])
