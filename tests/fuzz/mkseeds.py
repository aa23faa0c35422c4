#!/usr/bin/env python3
"""tests/fuzz/mkseeds.py: write the seed corpora of the fuzz targets (tests/fuzz/seeds/).

Usage: mkseeds.py SEEDDIR [TARGET...]   (default: every target)

The seeds are committed; this script is how they were made, to run again when a target's
input format changes. Each seed is small (a few KB at most):
  elf/     the ELF header, program headers and PT_INTERP path of programs built here in
           each link kind (static, static-pie, PIE, non-PIE, 2 MiB pages, musl), cut after
           those bytes (e_shoff still says how long the file was), with their interpreter
           cut the same way after the mark; and the hand-made files of
           tests/loader/mkelf.py, one per kind of check, with their interpreters.
  script/  #! lines, one per rule of the parser (see tests/unit/test_loader_script_parse.c).
  stack/   stack inputs shaped like the loader's, with a kernel's auxv keys as the template.
  select/  -e expressions, NUL-separated: one per kind of item and of error.
  opts/    trace command lines after "trace", NUL-separated: every option, and the errors.
  decode/  one call each of the decoders with a struct printer (stat, sockaddr, msghdr,
           sigaction, timespec, iovec, poll, fd_set, rlimit, ...), numbers from the uapi
           headers <asm/unistd_64.h> and <asm/unistd_32.h>, over a memory image holding
           each struct once.
See the comment at the top of each fuzz_*.c for its input format.
"""
import errno
import os
import re
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


SELECT = {
    "names": b"trace=openat,close,read",
    "classes": b"%file,%network,%memory,%signal,%desc,%ipc,%creds,%clock,%process",
    "stat-classes": b"%stat,%lstat,%fstat,%%stat,%statfs,%fstatfs,%%statfs",
    "negated": b"trace=!%file",
    "double-negation": b"!!openat",
    "optional": b"?nosuch,write",
    "regex": b"/^(open|close)",
    "bad-regex": b"/(",
    "all": b"?all,read",
    "none": b"none",
    "not-none": b"!none",
    "empty-items": b",,",
    "bang": b"!",
    "unknown": b"trace=nosuch",
    "other-qualifier": b"signal=SIGINT",
    "status": b"status=failed",
    "status-negated": b"status=!successful,unfinished",
    "status-unsupported": b"status=successful",
    "status-bad": b"status=nope",
    "repeated": b"trace=%net\0trace=!write\0status=all\0read",
}

OPTS = {
    "follow-count": [b"-f", b"-c", b"true"],
    "expr-output": [b"-e", b"trace=openat,close", b"-o", b"/dev/null", b"ls", b"-l"],
    "attached-args": [b"-etrace=read", b"-s100", b"-Scalls", b"-C", b"x"],
    "long-equals": [b"--expr=trace=all", b"--string-limit=8", b"--summary-sort-by=name",
                    b"--output=f", b"x"],
    "compare": [b"--json", b"--compare", b"ls", b"true"],
    "compare-pid": [b"--compare", b"-p", b"1", b"ls"],
    "compare-none": [b"--compare"],
    "attach": [b"-p", b"1234", b"-w"],
    "attach-and-program": [b"-p", b"1", b"ls"],
    "bad-pid": [b"-p", b"0x"],
    "flags": [b"-k", b"--tree", b"--cost", b"--no-seccomp", b"-Z", b"--summary-only", b"x"],
    "dump-filter": [b"--dump-filter", b"-e", b"trace=%file"],
    "help": [b"--help"],
    "version": [b"--version", b"-c"],
    "unknown": [b"-x"],
    "unknown-long": [b"--nope", b"x"],
    "missing-arg": [b"-s"],
    "bad-sort": [b"-S", b"speed", b"x"],
    "no-program": [b"-c"],
    "many-exprs": [b"-e", b"read"] * 33 + [b"x"],
    "stop-at-program": [b"ls", b"-c", b"--help"],
}

# The decode target's input (tests/fuzz/fuzz_decode.c): its memory image at MEM_BASE and
# the kinds of argument.
MEM_BASE = 0x10000
RAW, POINTER, SMALL = 0, 1, 2
# Where each struct of the image lies.
MSGHDR, TIMESPEC, SIGACTION, POLLFD, FDSET, SOCKADDR, IOV, STR, STR2, PATH, STAT, ARGV = (
    0, 64, 96, 128, 160, 256, 320, 384, 400, 448, 512, 672)


def memory_image():
    img = bytearray(704)
    # msghdr: name, namelen, iov, iovlen, control, controllen, flags
    struct.pack_into("<QI4xQQQQi", img, MSGHDR, MEM_BASE + SOCKADDR, 16, MEM_BASE + IOV, 2,
                     0, 0, 0)
    struct.pack_into("<qq", img, TIMESPEC, 1, 500000000)
    # the kernel's sigaction: handler, flags, restorer, mask
    struct.pack_into("<QQQQ", img, SIGACTION, 0x401000, 0, 0x401100, 1 << 1)
    struct.pack_into("<ihhihh", img, POLLFD, 0, 1, 0, 1, 4, 4)
    struct.pack_into("<Q", img, FDSET, 0b1011)
    # sockaddr_in 127.0.0.1:80 (port and address in network order)
    struct.pack_into("<H", img, SOCKADDR, 2)
    struct.pack_into(">HI", img, SOCKADDR + 2, 80, 0x7f000001)
    struct.pack_into("<QQQQ", img, IOV, MEM_BASE + STR, 5, MEM_BASE + STR2, 3)
    img[STR:STR + 6] = b"hello\0"
    img[STR2:STR2 + 4] = b"ab\n\0"
    img[PATH:PATH + 12] = b"/etc/passwd\0"
    img[STAT:STAT + 144] = bytes(range(144))
    struct.pack_into("<QQQ", img, ARGV, MEM_BASE + PATH, MEM_BASE + STR, 0)
    return bytes(img)


def syscall_numbers(header):
    """{name: number} of a uapi <asm/unistd_*.h>."""
    out = subprocess.run(["cpp", "-dM", "-include", header, "/dev/null"], check=True,
                         capture_output=True, text=True).stdout
    return {m.group(1): int(m.group(2))
            for m in re.finditer(r"^#define __NR_(\w+) (\d+)$", out, re.M)}


P, S, R = (lambda off: (POINTER, off)), (lambda v: (SMALL, v & 0xff)), (lambda v: (RAW, v))
# (personality, name, arguments, return value or -errno, flags)
DECODE = [
    (0, "stat", [P(PATH), P(STAT)], 0),
    (0, "fstat", [S(3), P(STAT)], 0),
    (0, "newfstatat", [S(-100), P(PATH), P(STAT), S(0)], 0),
    (0, "openat", [S(-100), P(PATH), S(0)], -errno.ENOENT),
    (0, "read", [S(3), P(STR), S(5)], 5),
    (0, "write", [S(1), P(STR2), S(3)], 3),
    (0, "readv", [S(3), P(IOV), S(2)], 8),
    (0, "writev", [S(1), P(IOV), S(2)], 8),
    (0, "connect", [S(3), P(SOCKADDR), S(16)], 0),
    (0, "sendto", [S(3), P(STR), S(5), S(0), P(SOCKADDR), S(16)], 5),
    (0, "sendmsg", [S(3), P(MSGHDR), S(0)], 8),
    (0, "recvmsg", [S(3), P(MSGHDR), S(0)], 8),
    (0, "rt_sigaction", [S(2), P(SIGACTION), P(SIGACTION), S(8)], 0),
    (0, "rt_sigprocmask", [S(0), P(FDSET), P(FDSET), S(8)], 0),
    (0, "nanosleep", [P(TIMESPEC), R(0)], 0),
    (0, "clock_gettime", [S(1), P(TIMESPEC)], 0),
    (0, "poll", [P(POLLFD), S(2), S(-1)], 1),
    (0, "select", [S(4), P(FDSET), P(FDSET), R(0), P(TIMESPEC)], 2),
    (0, "getrlimit", [S(3), P(TIMESPEC)], 0),
    (0, "prlimit64", [S(0), S(7), R(0), P(TIMESPEC)], 0),
    (0, "wait4", [S(-1), P(FDSET), S(0), R(0)], 1234),
    (0, "execve", [P(PATH), P(ARGV), P(ARGV)], 0),
    (0, "rt_sigreturn", [], 0, 4),
    (1, "read", [S(3), P(STR), S(5)], 5),
    (1, "writev", [S(1), P(IOV), S(2)], 8),
    (1, "nanosleep", [P(TIMESPEC), R(0)], 0),
    (1, "rt_sigaction", [S(2), P(SIGACTION), P(SIGACTION), S(8)], 0),
    (1, "poll", [P(POLLFD), S(2), S(-1)], 1),
    (1, "_newselect", [S(4), P(FDSET), P(FDSET), R(0), P(TIMESPEC)], 2),
    (1, "fstat64", [S(3), P(STAT)], 0),
    (1, "ugetrlimit", [S(3), P(TIMESPEC)], 0),
]


def decode_input(pers, nr, args, rval, flags=0):
    if rval < 0:
        flags |= 1
        rval = -rval - 1	# the target serves errno (value % 4095) + 1
    data = struct.pack("<BHBBq", pers, nr, 32, flags, rval)
    args = args + [R(0)] * (6 - len(args))
    for kind, value in args:
        data += struct.pack("<BQ", kind, value)
    return data + struct.pack("<H", 0) + memory_image()


def tracer_seeds(seeddir):
    for name, data in SELECT.items():
        write(os.path.join(seeddir, "select"), name, data)
    for name, argv in OPTS.items():
        write(os.path.join(seeddir, "opts"), name, b"\0".join(argv))
    numbers = [syscall_numbers("asm/unistd_64.h"), syscall_numbers("asm/unistd_32.h")]
    for pers, name, args, rval, *flags in DECODE:
        write(os.path.join(seeddir, "decode"), ("i386-" if pers else "") + name,
              decode_input(pers, numbers[pers][name], args, rval, *flags))


def write(d, name, data):
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main(seeddir, targets):
    seeddir = os.path.abspath(seeddir)
    every = not targets
    if every or "elf" in targets:
        with tempfile.TemporaryDirectory() as tmp:
            elf_seeds(os.path.join(seeddir, "elf"), tmp)
    if every or "script" in targets:
        for name, data in SCRIPTS.items():
            write(os.path.join(seeddir, "script"), name, data)
    if every or "stack" in targets:
        stack_seeds(os.path.join(seeddir, "stack"))
    if every or {"select", "opts", "decode"} & set(targets):
        tracer_seeds(seeddir)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
