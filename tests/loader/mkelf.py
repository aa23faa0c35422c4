#!/usr/bin/env python3
"""tests/loader/mkelf.py: generate malformed ELF files (and a few valid controls) for the
loader's integration tests, one mutation each, at test time: no binary is committed.

Usage: mkelf.py OUTDIR > CASES.jsonl
Writes every case file into OUTDIR and prints one JSON line per case for kexec.py check.

The base program is built here from scratch so every byte is known: a static ET_EXEC at
0x400000 with two PT_LOADs (R+X text holding the headers and the code, RW data whose bss
the code writes to) and PT_GNU_STACK. Its code writes "ok\\n" and exits 0; it is position
independent (RIP-relative), so the same bytes serve as an ET_DYN and as a minimal
interpreter (which prints "interp ok\\n": the kernel jumps to the interpreter's entry).
"""
import json
import os
import shutil
import struct
import sys

ET_REL, ET_EXEC, ET_DYN, ET_CORE = 1, 2, 3, 4
EM_386, EM_X86_64, EM_AARCH64 = 3, 62, 183
PT_LOAD, PT_INTERP, PT_PHDR, PT_GNU_STACK, PT_GNU_PROPERTY = 1, 3, 6, 0x6474E551, 0x6474E553
PF_X, PF_W, PF_R = 1, 2, 4
TASK_SIZE = 0x7FFFFFFFF000

PHOFF = 64          # program header table (room for 6 entries: up to 400)
CODE = 0x200        # code and message
INTERP_OFF = 0x300  # PT_INTERP string
DATA = 0x400        # 16 bytes of .data; its bss runs to DATA_VADDR + 0x2000
DATA_BIAS = 0x200000
BSS_TOUCH = 0x1800  # offset into the data segment the code writes to (in bss)


def code_bytes(text_vaddr, data_vaddr, msg, status):
    """x86_64 code at text_vaddr + CODE: store to bss, write(1, msg), exit(status)."""
    c = bytearray()
    here = text_vaddr + CODE
    if data_vaddr is not None:
        # mov byte [rip+d], 7   (7 bytes: C6 05 d32 imm8)
        c += b"\xc6\x05" + struct.pack("<i", data_vaddr + BSS_TOUCH - (here + 7)) + b"\x07"
    c += b"\xb8\x01\x00\x00\x00"            # mov eax, 1 (write)
    c += b"\xbf\x01\x00\x00\x00"            # mov edi, 1
    lea_at = len(c)
    c += b"\x48\x8d\x35" + b"\0\0\0\0"      # lea rsi, [rip+msg]
    c += b"\xba" + struct.pack("<I", len(msg))  # mov edx, len
    c += b"\x0f\x05"                        # syscall
    c += b"\xb8\x3c\x00\x00\x00"            # mov eax, 60 (exit)
    c += b"\xbf" + struct.pack("<I", status)  # mov edi, status
    c += b"\x0f\x05"                        # syscall
    msg_at = len(c)
    c[lea_at + 3:lea_at + 7] = struct.pack("<i", msg_at - (lea_at + 7))
    return bytes(c + msg)


class Elf:
    """An ELF image as editable fields; bytes() serialises it."""

    def __init__(self, etype=ET_EXEC, interp=None, msg=b"ok\n", status=0, data=True,
                 base=None):
        self.base = base if base is not None else 0x400000 if etype == ET_EXEC else 0
        self.msg, self.status = msg, status
        self.ident = bytearray(b"\x7fELF\x02\x01\x01" + b"\0" * 9)
        self.e = dict(type=etype, machine=EM_X86_64, version=1, entry=self.base + CODE,
                      phoff=PHOFF, shoff=0, flags=0, ehsize=64, phentsize=56, phnum=None,
                      shentsize=64, shnum=0, shstrndx=0)
        self.phdrs = []
        self.blobs = {}     # file offset -> bytes
        data_vaddr = self.base + DATA_BIAS + DATA if data else None
        self.blobs[CODE] = code_bytes(self.base, data_vaddr, msg, status)
        if interp is not None:
            s = interp if isinstance(interp, bytes) else interp.encode() + b"\0"
            self.blobs[INTERP_OFF] = s
            self.phdrs.append(dict(type=PT_INTERP, flags=PF_R, offset=INTERP_OFF,
                                   vaddr=self.base + INTERP_OFF, filesz=len(s), memsz=len(s),
                                   align=1))
        self.text = dict(type=PT_LOAD, flags=PF_R | PF_X, offset=0, vaddr=self.base,
                         filesz=None, memsz=None, align=0x1000)
        self.phdrs.append(self.text)
        if data:
            self.blobs[DATA] = bytes(range(1, 17))
            self.data = dict(type=PT_LOAD, flags=PF_R | PF_W, offset=DATA, vaddr=data_vaddr,
                             filesz=16, memsz=0x2000, align=0x1000)
            self.phdrs.append(self.data)
        self.phdrs.append(dict(type=PT_GNU_STACK, flags=PF_R | PF_W, offset=0, vaddr=0,
                               filesz=0, memsz=0, align=16))
        self.truncate = None    # cut the file to this many bytes

    def move_data(self, vaddr):
        """Put the data segment at vaddr (same file offset) and re-aim the code at it."""
        self.data["vaddr"] = vaddr
        self.blobs[CODE] = code_bytes(self.base, vaddr, self.msg, self.status)

    def __bytes__(self):
        e = dict(self.e)
        if e["phnum"] is None:
            e["phnum"] = len(self.phdrs)
        blobs = dict(self.blobs)
        # The table goes at e_phoff when that is inside the file we build, else nowhere.
        table_at = self.e["phoff"] if self.e["phoff"] < 1 << 20 else None
        end = max(off + len(b) for off, b in blobs.items())
        if table_at is not None:
            end = max(end, table_at + 56 * len(self.phdrs))
        if self.text["filesz"] is None:     # the text segment maps the whole file
            self.text["filesz"] = self.text["memsz"] = end
        if table_at is not None:
            blobs[table_at] = b"".join(
                struct.pack("<IIQQQQQQ", p["type"], p["flags"], p["offset"], p["vaddr"],
                            p.get("paddr", p["vaddr"]), p["filesz"], p["memsz"], p["align"])
                for p in self.phdrs)
        out = bytearray(end)
        for off, b in sorted(blobs.items()):
            out[off:off + len(b)] = b
        out[0:64] = bytes(self.ident) + struct.pack(
            "<HHIQQQIHHHHHH", e["type"], e["machine"], e["version"], e["entry"], e["phoff"],
            e["shoff"], e["flags"], e["ehsize"], e["phentsize"], e["phnum"], e["shentsize"],
            e["shnum"], e["shstrndx"])
        if self.truncate is not None:
            out = out[:self.truncate]
        return bytes(out)


def main(outdir):
    os.makedirs(outdir, exist_ok=True)
    cases = []

    def path(name):
        return os.path.join(outdir, name)

    def write(name, data, mode=0o755):
        p = path(name)
        with open(p, "wb") as f:
            f.write(data)
        os.chmod(p, mode)
        return p

    def case(name, elf_or_bytes, mode=0o755, **extra):
        p = write(name, bytes(elf_or_bytes), mode)
        cases.append(dict(name=name, argv=[p], **extra))

    def mutate(name, fn, **kw):
        e = Elf(**kw)
        fn(e)
        case(name, e)

    def setf(d, **kv):
        return lambda e: d(e).update(kv)

    # Interpreters, referenced by the PT_INTERP cases.
    good_interp = write("interp-good.so", bytes(Elf(ET_DYN, msg=b"interp ok\n", data=False)))
    write("interp-short.sh", b"#!/bin/sh\nexit 0\n")                       # < 64 bytes
    write("interp-badmagic.sh", b"#!/bin/sh\n" + b"# padding\n" * 10)     # >= 64 bytes
    i = Elf(ET_DYN, data=False); i.e["machine"] = EM_AARCH64
    write("interp-aarch64.so", bytes(i))
    i = Elf(ET_DYN, data=False); i.e["phentsize"] = 32
    write("interp-phentsize.so", bytes(i))
    i = Elf(ET_DYN, data=False); i.e["type"] = ET_REL
    write("interp-rel.o", bytes(i))
    write("interp-noexec.so", bytes(Elf(ET_DYN, data=False)), 0o644)
    os.makedirs(path("interp-dir"), exist_ok=True)

    # Valid controls: the kernel runs them, so the loader must too.
    case("good-exec", Elf())
    case("good-dyn", Elf(ET_DYN))
    case("good-interp", Elf(interp=good_interp))
    case("good-exit-3", Elf(status=3))

    # ELF header (load_elf_binary checks 1-3, load_elf_phdrs 6-8).
    mutate("bad-magic", lambda e: e.ident.__setitem__(1, ord("X")))
    mutate("e_type-0", lambda e: e.e.update(type=0))
    mutate("e_type-rel", lambda e: e.e.update(type=ET_REL))
    mutate("e_type-core", lambda e: e.e.update(type=ET_CORE))
    mutate("e_machine-386", lambda e: e.e.update(machine=EM_386))
    mutate("e_machine-aarch64", lambda e: e.e.update(machine=EM_AARCH64))
    mutate("ei_class-32", lambda e: e.ident.__setitem__(4, 1))
    mutate("e_phentsize-55", lambda e: e.e.update(phentsize=55))
    mutate("e_phentsize-64", lambda e: e.e.update(phentsize=64))
    mutate("e_phnum-0", lambda e: e.e.update(phnum=0))
    mutate("e_phnum-1171", lambda e: e.e.update(phnum=1171))
    mutate("e_phoff-past-eof", lambda e: e.e.update(phoff=1 << 24))
    mutate("e_phoff-overflow", lambda e: e.e.update(phoff=0xFFFFFFFFFFFFFFC0))

    def cut_table(e):
        e.truncate = PHOFF + 56 + 20
    mutate("phdr-table-cut", cut_table)

    def many_phdrs(e):      # 74 headers: ENOEXEC up to 6.16, runs from 6.17
        e.e["phoff"] = 0x1000
        e.phdrs += [dict(type=0, flags=0, offset=0, vaddr=0, filesz=0, memsz=0, align=0)] * 70
    mutate("e_phnum-74", many_phdrs)

    # PT_INTERP (checks 10-14) and the interpreter (17-19, and e_type after the PONR).
    def interp_field(**kv):
        return lambda e: e.phdrs[0].update(kv)
    mutate("interp-too-long", interp_field(filesz=4097), interp="/lib64/ld-linux-x86-64.so.2")
    mutate("interp-too-short", interp_field(filesz=1), interp="/lib64/ld-linux-x86-64.so.2")
    mutate("interp-no-nul", lambda e: None, interp=b"/lib64/ld-linux-x86-64.so.2")
    mutate("interp-past-eof", interp_field(offset=1 << 20), interp="/lib64/ld-linux-x86-64.so.2")
    mutate("interp-missing", lambda e: None, interp=path("no-such-interp.so"))
    mutate("interp-directory", lambda e: None, interp=path("interp-dir"))
    mutate("interp-not-executable", lambda e: None, interp=path("interp-noexec.so"))
    mutate("interp-short-file", lambda e: None, interp=path("interp-short.sh"))
    mutate("interp-bad-magic", lambda e: None, interp=path("interp-badmagic.sh"))
    mutate("interp-aarch64", lambda e: None, interp=path("interp-aarch64.so"))
    mutate("interp-bad-phentsize", lambda e: None, interp=path("interp-phentsize.so"))
    mutate("interp-et_rel", lambda e: None, interp=path("interp-rel.o"))
    mutate("interp-embedded-nul", lambda e: None,
           interp=good_interp.encode() + b"\0junk\0")

    # Interpreters of other shapes. The kernel maps an ET_EXEC interpreter at its own
    # addresses, ignores the interpreter's own PT_INTERP, and checks its entry and
    # segments only after the point of no return.
    write("interp-exec.so", bytes(Elf(ET_EXEC, msg=b"interp ok\n", base=0x10000000)))
    mutate("interp-et_exec", lambda e: None, interp=path("interp-exec.so"))
    write("interp-bss.so", bytes(Elf(ET_DYN, msg=b"interp ok\n")))
    mutate("interp-with-bss", lambda e: None, interp=path("interp-bss.so"))
    write("interp-interp.so", bytes(Elf(ET_DYN, msg=b"interp ok\n", data=False,
                                        interp=path("no-such-interp.so"))))
    mutate("interp-has-own-pt_interp", lambda e: None, interp=path("interp-interp.so"))
    case("dyn-with-interp", Elf(ET_DYN, interp=good_interp))
    i = Elf(ET_DYN, data=False); i.e["phnum"] = 0
    write("interp-phnum0.so", bytes(i))
    mutate("interp-phnum-0", lambda e: None, interp=path("interp-phnum0.so"))
    i = Elf(ET_DYN, data=False); i.e["entry"] = TASK_SIZE
    write("interp-badentry.so", bytes(i))
    mutate("interp-entry-at-task-size", lambda e: None, interp=path("interp-badentry.so"))
    i = Elf(ET_DYN); i.data.update(filesz=0x3000, memsz=0x1000)
    write("interp-filesz.so", bytes(i))
    mutate("interp-filesz-gt-memsz", lambda e: None, interp=path("interp-filesz.so"))
    i = Elf(ET_DYN, data=False); i.phdrs.remove(i.text); i.text = dict(i.text)
    write("interp-noload.so", bytes(i))
    mutate("interp-without-pt_load", lambda e: None, interp=path("interp-noload.so"))
    mutate("interp-is-itself", lambda e: None, interp=path("interp-is-itself"))

    def no_load(e):
        e.phdrs.remove(e.text)
        e.phdrs.remove(e.data)
        e.text = dict(e.text)
    mutate("no-pt_load", no_load)
    # The entry is in no segment: the kernel jumps there and the program dies of SIGSEGV
    # at its first instruction; a loader can see it coming and refuse.
    mutate("entry-in-no-segment", lambda e: e.e.update(entry=0x500000))

    # A relative PT_INTERP resolves against the caller's cwd, not the program's directory.
    mutate("interp-relative-in-cwd", lambda e: None, interp="interp-good.so")
    cases[-1]["cwd"] = outdir
    mutate("interp-relative-elsewhere", lambda e: None, interp="interp-good.so")
    cases[-1]["cwd"] = "/"
    mutate("interp-empty-string", lambda e: None, interp=b"\0\0")
    os.symlink("interp-good.so", path("interp-symlink.so"))
    mutate("interp-symlink", lambda e: None, interp=path("interp-symlink.so"))

    def two_interps(e):     # only the first PT_INTERP counts
        p = dict(e.phdrs[0])
        e.blobs[INTERP_OFF + 0x80] = path("no-such-interp.so").encode() + b"\0"
        p.update(offset=INTERP_OFF + 0x80, filesz=len(e.blobs[INTERP_OFF + 0x80]))
        e.phdrs.insert(1, p)
    mutate("interp-two-first-wins", two_interps, interp=good_interp)

    # PT_LOAD (the kernel checks these only after its point of no return).
    data = lambda e: e.data
    mutate("filesz-gt-memsz", setf(data, filesz=0x3000, memsz=0x1000))
    mutate("offset-vaddr-incongruent", setf(data, vaddr=0x400000 + DATA_BIAS + DATA + 0x10))
    mutate("entry-at-task-size", lambda e: e.e.update(entry=TASK_SIZE))
    mutate("entry-noncanonical", lambda e: e.e.update(entry=0x8000000000000000))
    mutate("memsz-wraps", setf(data, memsz=0xFFFFFFFFFFFFF000))
    mutate("vaddr-past-task-size", setf(data, vaddr=0x800000000000 + DATA))
    mutate("vaddr-straddles-task-size", setf(data, vaddr=TASK_SIZE - 0x1000 + DATA))
    mutate("segment-past-eof", setf(data, offset=0x100000 + DATA))

    def pie_vaddr_wraps(e):     # the kernel checks a PIE's p_vaddr unbiased
        e.phdrs.remove(e.text)
        e.phdrs.remove(e.data)
        e.text = dict(e.text)
        e.phdrs[1:1] = [dict(type=PT_LOAD, flags=PF_R, offset=0, vaddr=0xFFFFFFFFFFF00000,
                             filesz=0x2A0000000000, memsz=0x2A0000000000, align=0x1000),
                        dict(type=PT_LOAD, flags=PF_R, offset=0, vaddr=0xFFFFFFFFFFF10000,
                             filesz=0x100, memsz=0x1000, align=0x1000)]
    mutate("pie-vaddr-wraps", pie_vaddr_wraps, etype=ET_DYN, interp=good_interp)

    def tail_past_eof(e):   # the file part runs past EOF by pages (no SIGBUS if untouched?)
        e.data.update(filesz=0x3000, memsz=0x4000)
    mutate("segment-tail-past-eof", tail_past_eof)

    def share_page(e):      # text's bss page is mapped over by the data segment (MAP_FIXED)
        e.text["memsz"] = 0x2000
        e.text["filesz"] = None
        e.move_data(0x401000 + DATA)
        b = bytes(e)        # sizes the text segment, then keep memsz at 0x2000
        e.text["memsz"] = 0x2000
    mutate("segments-share-a-page", share_page)

    def unsorted(e):        # PT_LOADs out of vaddr order: the kernel maps them as listed
        i, j = e.phdrs.index(e.text), e.phdrs.index(e.data)
        e.phdrs[i], e.phdrs[j] = e.phdrs[j], e.phdrs[i]
    mutate("pt_load-unsorted", unsorted)

    def empty_load(e):
        e.phdrs.insert(2, dict(type=PT_LOAD, flags=PF_R, offset=0, vaddr=0x800000, filesz=0,
                               memsz=0, align=0x1000))
    mutate("pt_load-empty", empty_load)

    def bss_only(e):        # filesz 0 and a misaligned start (kernel 6.7+ handles these)
        e.phdrs.insert(3, dict(type=PT_LOAD, flags=PF_R | PF_W, offset=0x123, vaddr=0x800123,
                               filesz=0, memsz=0x3000, align=0x1000))
    mutate("pt_load-bss-only-misaligned", bss_only)

    def many_loads(e):      # the same file page mapped read-only at twelve addresses
        for k in range(12):
            e.phdrs.insert(3, dict(type=PT_LOAD, flags=PF_R, offset=0,
                                   vaddr=0x10000000 + k * 0x2000, filesz=0x100, memsz=0x100,
                                   align=0x1000))
    mutate("pt_load-many", many_loads)

    def exec_stack(e):
        e.phdrs[-1]["flags"] = PF_R | PF_W | PF_X
    mutate("gnu-stack-executable", exec_stack)

    case("dyn-nonzero-first-vaddr", Elf(ET_DYN, base=0x10000000))

    def junk_property(e):   # parse_elf_properties() is a no-op on x86_64
        e.blobs[0x180] = b"\xff" * 32
        e.phdrs.insert(0, dict(type=PT_GNU_PROPERTY, flags=PF_R, offset=0x180,
                               vaddr=0x400180, filesz=32, memsz=32, align=8))
    mutate("gnu-property-junk", junk_property)

    def vaddr_zero(e):      # below vm.mmap_min_addr: needs CAP_SYS_RAWIO
        e.base = 0
        e.text["vaddr"] = 0
        e.e["entry"] = CODE
        e.blobs[CODE] = code_bytes(0, 0x400000 + DATA_BIAS + DATA, b"ok\n", 0)
    if os.geteuid() == 0:
        # Root has CAP_SYS_RAWIO: the kernel runs it. A loader may do the same or refuse.
        mutate("vaddr-zero-root", vaddr_zero)
        cases[-1]["expect"] = "run-or-refuse"
        mutate("vaddr-zero-nobody", vaddr_zero)
        cases[-1]["as_nobody"] = True
    else:
        mutate("vaddr-zero", vaddr_zero)

    # Placement (load_elf_binary(), load_elf_interp(), elf_load()). The first PT_LOAD in
    # file order decides where an image goes, not the lowest one; p_align matters only to
    # the program (aligned down) and not at all to the interpreter.
    def far_load(e):        # ET_EXEC: each segment mapped alone, the holes never claimed
        e.phdrs.insert(3, dict(type=PT_LOAD, flags=PF_R, offset=0, vaddr=TASK_SIZE - 0x2000,
                               filesz=0x100, memsz=0x100, align=0x1000))
    mutate("pt_load-near-task-size", far_load)

    def first_load_high(e):     # a PIE anchored at its first PT_LOAD: the rest wraps below 0
        e.phdrs.insert(1, dict(type=PT_LOAD, flags=PF_R, offset=0, vaddr=0x7F0000000000,
                               filesz=0x100, memsz=0x100, align=0x1000))
    mutate("pie-first-pt_load-high", first_load_high, etype=ET_DYN, interp=good_interp)

    def first_bss_only_high(e):     # its page goes to address 0, the text wraps below it
        e.phdrs.insert(0, dict(type=PT_LOAD, flags=PF_R | PF_W, offset=0, vaddr=0x300000,
                               filesz=0, memsz=0x1000, align=0x1000))
    mutate("static-pie-first-pt_load-bss-only", first_bss_only_high, etype=ET_DYN)

    def huge_align(a):
        return lambda e: e.text.update(align=a)
    # An interpreter's p_align is not looked at: 2^47 and 2 MiB are run as 4 KiB.
    i = Elf(ET_DYN, msg=b"interp ok\n", data=False); i.text.update(align=1 << 47)
    write("interp-align-2to47.so", bytes(i))
    mutate("interp-p_align-2to47", lambda e: None, interp=path("interp-align-2to47.so"))
    i = Elf(ET_DYN, msg=b"interp ok\n", data=False); i.text.update(align=0x200000)
    write("interp-align-2m.so", bytes(i))
    mutate("interp-p_align-2m", lambda e: None, interp=path("interp-align-2m.so"))
    # An interpreter linked away from 0, for an ET_EXEC program: its address is a hint.
    write("interp-high.so", bytes(Elf(ET_DYN, msg=b"interp ok\n", data=False,
                                      base=0x10000000)))
    mutate("interp-linked-high", lambda e: None, interp=path("interp-high.so"))
    # An interpreter whose first PT_LOAD has no file bytes, at p_vaddr 2^64 - 1, for a
    # PIE: load_addr -p_vaddr puts that segment's page at address 0 (vm_brk_flags()) and
    # the others right above it: root runs it, others are killed (vm.mmap_min_addr).
    i = Elf(ET_DYN, msg=b"interp ok\n", data=False)
    i.phdrs.insert(0, dict(type=PT_LOAD, flags=PF_R, offset=0, vaddr=0xFFFFFFFFFFFFFFFF,
                           filesz=0, memsz=0x239, align=0x1000))
    write("interp-first-bss-only-wraps.so", bytes(i))
    # A program asking for 2^47 or 2^63 of alignment is aligned down to address 0: root
    # runs it there (CAP_SYS_RAWIO), others are killed.
    page0 = [("pie-p_align-2to63", dict(etype=ET_DYN, interp=good_interp), 1 << 63),
             ("static-pie-p_align-2to47", dict(etype=ET_DYN), 1 << 47)]
    who = [("root", {}), ("nobody", dict(as_nobody=True))] if os.geteuid() == 0 else [("", {})]
    for w, extra in who:
        sfx = "-" + w if w else ""
        for name, kw, a in page0:
            mutate(name + sfx, huge_align(a), **kw)
            cases[-1].update(extra)
        mutate("interp-first-bss-only-wraps" + sfx, lambda e: None, etype=ET_DYN,
               interp=path("interp-first-bss-only-wraps.so"))
        cases[-1].update(extra)

    # PT_INTERP's bytes are read with kernel_read(): a range ending past 2^63 - 1 is
    # EINVAL (rw_verify_area()), one merely past the end of the file EIO.
    for name, off in (("interp-offset-2to64-2", 0xFFFFFFFFFFFFFFFE),
                      ("interp-offset-ends-at-2to63", (1 << 63) - 28),
                      ("interp-offset-below-2to63", (1 << 63) - 0x1000)):
        mutate(name, interp_field(offset=off), interp="/lib64/ld-linux-x86-64.so.2")

    # Not ELF at all, or not a file we may execute.
    case("truncated-magic-only", b"\x7fELF")
    case("truncated-ehdr", bytes(Elf())[:40])
    case("empty-file", b"")
    case("text-file", b"hello world, not a program\n")
    os.makedirs(path("a-directory"), exist_ok=True)
    cases.append(dict(name="a-directory", argv=[path("a-directory")]))
    case("no-exec-bit", Elf(), mode=0o644)
    cases.append(dict(name="missing-file", argv=[path("no-such-file")]))
    os.symlink("symlink-loop-b", path("symlink-loop-a"))
    os.symlink("symlink-loop-a", path("symlink-loop-b"))
    cases.append(dict(name="symlink-loop", argv=[path("symlink-loop-a")]))
    cases.append(dict(name="not-a-directory", argv=[path("good-exec") + "/x"]))
    # Names with a newline or an escape: the one-line message must stay one line.
    cases.append(dict(name="missing-name-with-newline", argv=[path("no\nsuch")]))
    case("not-elf-name-with-escape\x1b[7m", b"plain text\n")
    case("good name with spaces", Elf())

    def rwx_text(e):        # the kernel maps what it is told, W+X included
        e.text["flags"] = PF_R | PF_W | PF_X
    mutate("pt_load-rwx", rwx_text)
    # Under PR_SET_MDWE the kernel refuses to map an RWX segment (SIGSEGV after its point of
    # no return), but maps the bss of an executable segment rwx through vm_brk, which MDWE
    # does not police: a user-space loader cannot do that, so it may run it or refuse.
    cases.append(dict(name="pt_load-rwx-under-mdwe", argv=[path("pt_load-rwx")], mdwe=True))
    cases.append(dict(name="exec-bss-under-mdwe", argv=[path("segments-share-a-page")],
                      mdwe=True, expect="run-or-refuse"))
    if os.geteuid() == 0:
        # The kernel needs only the exec bit; a user-space loader must read the file.
        case("mode-0111-nobody", Elf(), mode=0o111, as_nobody=True, expect="refuse EACCES")
    else:
        case("mode-0111", Elf(), mode=0o111, expect="refuse EACCES")

    for c in cases:
        print(json.dumps(c))


if __name__ == "__main__":
    main(sys.argv[1])
