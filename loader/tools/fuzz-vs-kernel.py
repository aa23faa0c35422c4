#!/usr/bin/env python3
"""loader/tools/fuzz-vs-kernel.py: differential fuzzer, loader/loader against the kernel.

  fuzz-vs-kernel.py [--seed N] [--minutes M] [--count N] [--keep DIR] LOADER
  fuzz-vs-kernel.py --replay SEED:INDEX[/K,...] [--keep DIR] LOADER

Builds real programs into a scratch directory (gcc static, static-pie, PIE and non-PIE;
musl-gcc static and dynamic when musl-gcc exists; tiny -nostdlib programs whose own _start
writes their argv and exits), copies the ELF interpreters (glibc's ld.so, musl's, a tiny
one), then makes mutants: one to four field-by-field mutations of the ELF header, of any
p_* field of any program header, of segment order and overlap, of the PT_INTERP bytes,
of where the program headers are, and truncations; of the program itself, or of a copied
interpreter that a copied program names as PT_INTERP; and random #! lines.

Each mutant runs natively twice (through a small helper that asks to be ptraced and then
execs it, so an exec that the kernel abandons after its point of no return is told apart
from a program that crashes once running) and once as `LOADER ./prog A`, each in a fresh scratch cwd with a fixed
environment, stdin /dev/null, RLIMIT_CORE 0, in its own process group (killed whole on a
timeout or when the program leaves anything behind). Only a native outcome that is the
same both times is compared (ASLR can make a mutant fit one run and not the next).

The loader's contract (README.md, "loader"): once the program runs, its own exit status
and stdout; before that exactly one stderr line `loader: PROGRAM: strerror[ (detail)]`
and exit 127 (not found) or 126 (cannot be run: every check the kernel makes, including
those it makes after its point of no return). So, kernel verdict -> what the loader must do:
  errno E                        refuse: 127 if E is ENOENT else 126, strerror(E) in the line
  killed during exec (post-PONR) refuse with 126
  ran                            the same exit status (or signal) and the same stdout; a
                                 program that died of a signal without output may instead
                                 be refused with 126 (the loader's up-front checks)
Disagreements, most severe first (a mutant counts once, under its most severe one):
  crash     the loader was killed by a signal the native run was not, before it started
            the program (its -v narration tells; a signal after that is the program's)
  hang      the loader timed out where the native run did not
  runs      the loader ran what the kernel refused or killed after its point of no return
  refuses   the loader refused what the kernel ran
  differs   different exit status, errno or stdout
  format    a refusal that is not exactly one well-formed stderr line
A disagreement is reported only if a second loader run (and native run) repeats it; one
that does not is listed as unstable and not counted. A finding of several mutations is
reduced to the single mutation that still shows it, when one does.

Every finding prints its reproducer (--replay SEED:INDEX, and /K,... for the reduced one).
Findings of a class that is explained but not fixed (listed, with the reason, in
fuzz-vs-kernel.known next to this script, or --known FILE) are labelled with its name and
counted apart. Exit status: 0 no unexplained disagreement, 1 some, 2 bad usage or nothing
to fuzz with (no gcc).
`make fuzz-differential` runs it against loader/loader (FUZZ_MINUTES, FUZZ_SEED).
"""
import argparse
import collections
import ctypes
import errno
import os
import random
import re
import resource
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time

PAGE = 0x1000
TASK_SIZE = (1 << 47) - PAGE        # x86_64, 4-level paging: the last user page ends here
U64 = (1 << 64) - 1
PHDR_SIZE = 56
HEAD = 1024                         # the loader's first read: tables beyond it take a pread
ENV = {'PATH': '/usr/bin:/bin', 'LC_ALL': 'C'}
ARGS = ['./prog', 'A']

# --------------------------------------------------------------------------------------
# Programs built at run time. Output depends on nothing random: argv, a .data string and
# whether the .bss is zero, so a loader mapping data or bss wrongly shows up in stdout.
# (data and bss have external linkage so the compiler keeps them and reads them.)

LIBC_SRC = r'''
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
char data[32] = "data";
char bss[20000];
int main(int argc, char **argv)
{
	int dirty = 0;
	char *heap = malloc(200000);
	for (size_t i = 0; i < sizeof bss; i++)
		dirty |= bss[i];
	printf("%s argc=%d", WHO, argc);
	for (int i = 0; i < argc; i++)
		printf(" [%s]", argv[i]);
	if (heap)
		memset(heap, 1, 200000);
	printf(" %s bss-%s heap-%s\n", data, dirty ? "dirty" : "zero", heap ? "ok" : "none");
	return 3;
}
'''

# Freestanding: its own _start, two system calls, no libc, nothing to relocate.
TINY_SRC = r'''
static long sys3(long n, long a, long b, long c)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return r;
}
char data[] = "data";
char bss[5000];
static char out[512];
__attribute__((used)) void tiny_main(long *sp)
{
	long argc = sp[0];
	char **argv = (char **)(sp + 1);
	unsigned long n = 0, dirty = 0;
	const char *s;
	for (s = WHO; *s; s++)
		out[n++] = *s;
	for (long i = 0; i < argc && n < 400; i++) {
		out[n++] = ' ';
		out[n++] = '[';
		for (s = argv[i]; *s && n < 400; s++)
			out[n++] = *s;
		out[n++] = ']';
	}
	for (unsigned long i = 0; i < sizeof bss; i++)
		dirty |= bss[i];
	out[n++] = ' ';
	for (s = data; *s; s++)
		out[n++] = *s;
	out[n++] = dirty ? '!' : '0';
	out[n++] = '\n';
	sys3(1, 1, (long)out, n);
	sys3(60, EXIT, 0, 0);
}
__asm__(".globl _start\n_start:\n\tmov %rsp, %rdi\n\tand $-16, %rsp\n\tcall tiny_main\n\thlt\n");
'''

TINY_FLAGS = ['-O1', '-ffreestanding', '-fno-stack-protector', '-fno-builtin',
              '-fcf-protection=none', '-nostdlib', '-Wl,--build-id=none']

# name: (compiler, source, -D flags, link flags)
BASES = {
    'static': ('gcc', LIBC_SRC, ['-DWHO="static"'], ['-static', '-no-pie', '-fno-pie']),
    'static-pie': ('gcc', LIBC_SRC, ['-DWHO="static-pie"'], ['-static-pie', '-fPIE']),
    'pie': ('gcc', LIBC_SRC, ['-DWHO="pie"'], ['-pie', '-fPIE']),
    'nopie': ('gcc', LIBC_SRC, ['-DWHO="nopie"'], ['-no-pie', '-fno-pie']),
    'musl-static': ('musl-gcc', LIBC_SRC, ['-DWHO="musl-static"'], ['-static']),
    'musl-dyn': ('musl-gcc', LIBC_SRC, ['-DWHO="musl-dyn"'], []),
    'tiny': ('gcc', TINY_SRC, ['-DWHO="tiny"', '-DEXIT=7'],
             TINY_FLAGS + ['-static', '-no-pie', '-fno-pie']),
    'tiny-pie': ('gcc', TINY_SRC, ['-DWHO="tiny-pie"', '-DEXIT=7'],
                 TINY_FLAGS + ['-static-pie', '-fPIE']),
    'tiny-nosep': ('gcc', TINY_SRC, ['-DWHO="tiny-nosep"', '-DEXIT=7'],
                   TINY_FLAGS + ['-static', '-no-pie', '-fno-pie', '-Wl,-z,noseparate-code']),
    # a PIE whose PT_INTERP is ./ld.so, and a tiny static-pie to be that interpreter
    'tiny-dyn': ('gcc', TINY_SRC, ['-DWHO="tiny-dyn"', '-DEXIT=7'],
                 TINY_FLAGS + ['-pie', '-fPIE', '-Wl,--dynamic-linker=./ld.so']),
    'tinyld': ('gcc', TINY_SRC, ['-DWHO="tinyld"', '-DEXIT=5'],
               TINY_FLAGS + ['-static-pie', '-fPIE']),
}
INTERPRETERS = {'ld-glibc': '/lib64/ld-linux-x86-64.so.2', 'ld-musl': '/lib/ld-musl-x86_64.so.1'}

# What a mutant is made of: the file mutated ('prog' or 'ld'), the base program, the
# interpreter copied to ./ld.so (None: the program's own PT_INTERP is left alone).
# name: (weight, program base, interpreter base, which one is mutated)
TARGETS = {
    'tiny': (12, 'tiny', None, 'prog'),
    'tiny-pie': (10, 'tiny-pie', None, 'prog'),
    'tiny-nosep': (5, 'tiny-nosep', None, 'prog'),
    'tiny-dyn': (8, 'tiny-dyn', 'tinyld', 'prog'),
    'static': (6, 'static', None, 'prog'),
    'static-pie': (7, 'static-pie', None, 'prog'),
    'pie': (8, 'pie', None, 'prog'),
    'nopie': (6, 'nopie', None, 'prog'),
    'musl-static': (4, 'musl-static', None, 'prog'),
    'musl-dyn': (4, 'musl-dyn', None, 'prog'),
    'interp:tinyld': (8, 'tiny-dyn', 'tinyld', 'ld'),
    'interp:ld-glibc': (8, 'pie', 'ld-glibc', 'ld'),
    'interp:ld-musl': (5, 'musl-dyn', 'ld-musl', 'ld'),
    'script': (6, None, None, 'prog'),
}


def build_bases(scratch, log):
    """Compile every base program it can; copy the interpreters. Returns {name: bytes}."""
    src = os.path.join(scratch, 'src')
    os.makedirs(src, exist_ok=True)
    jobs, bases = {}, {}
    for name, (cc, text, defs, flags) in BASES.items():
        if not shutil.which(cc):
            continue
        c = os.path.join(src, name + '.c')
        with open(c, 'w') as f:
            f.write(text)
        out = os.path.join(src, name)
        jobs[name] = (out, subprocess.Popen([cc, '-std=gnu11', '-w'] + defs + flags +
                                            ['-o', out, c], stdout=subprocess.DEVNULL,
                                            stderr=subprocess.PIPE))
    for name, (out, p) in jobs.items():
        err = p.communicate()[1]
        if p.returncode == 0:
            bases[name] = open(out, 'rb').read()
        else:
            log('note: base %s not built: %s' % (name, err.decode(errors='replace')
                                                   .strip().split('\n')[-1][:160]))
    for name, path in INTERPRETERS.items():
        if os.path.exists(path):
            bases[name] = open(os.path.realpath(path), 'rb').read()
    # copies that name ./ld.so as their interpreter, so a mutated copy can stand there
    for name in ('pie', 'musl-dyn'):
        if name in bases:
            bases[name + '@ld.so'] = retarget_interp(bases[name], b'./ld.so')
    return bases


def build_tracer(scratch):
    """The traced-exec helper (TRACE_EXEC_SRC), or None if it cannot be built."""
    c, out = os.path.join(scratch, 'src', 'trace-exec.c'), os.path.join(scratch, 'trace-exec')
    with open(c, 'w') as f:
        f.write(TRACE_EXEC_SRC)
    r = subprocess.run(['gcc', '-std=gnu11', '-w'] + TINY_FLAGS + ['-static', '-no-pie',
                                                                   '-fno-pie', '-o', out, c],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out if r.returncode == 0 else None


def available_targets(bases):
    t = {}
    if 'tinyld' not in bases:      # every case directory holds a copy (see materialise)
        return t
    for name, (w, prog, ld, which) in TARGETS.items():
        if name == 'script':
            ok = True
        elif which == 'ld':
            ok = prog in bases and ld in bases
        else:
            ok = prog in bases and (ld is None or ld in bases)
        if ok:
            t[name] = (w, prog, ld, which)
    return t


# --------------------------------------------------------------------------------------
# ELF layout

EH = {'e_ident': (0, 16), 'e_type': (16, 2), 'e_machine': (18, 2), 'e_entry': (24, 8),
      'e_phoff': (32, 8), 'e_phentsize': (54, 2), 'e_phnum': (56, 2)}
PH = {'p_type': (0, 4), 'p_flags': (4, 4), 'p_offset': (8, 8), 'p_vaddr': (16, 8),
      'p_paddr': (24, 8), 'p_filesz': (32, 8), 'p_memsz': (40, 8), 'p_align': (48, 8)}
PT = {0: 'PT_NULL', 1: 'PT_LOAD', 2: 'PT_DYNAMIC', 3: 'PT_INTERP', 4: 'PT_NOTE',
      5: 'PT_SHLIB', 6: 'PT_PHDR', 7: 'PT_TLS', 0x6474e550: 'PT_GNU_EH_FRAME',
      0x6474e551: 'PT_GNU_STACK', 0x6474e552: 'PT_GNU_RELRO', 0x6474e553: 'PT_GNU_PROPERTY',
      0x6474e554: 'PT_GNU_SFRAME'}
PT_LOAD, PT_INTERP = 1, 3


def get(img, off, size):
    return int.from_bytes(img[off:off + size], 'little')


def pt_name(t):
    return PT.get(t, 'PT_%#x' % t)


class Elf:
    """The header and program headers of an image, as far as they lie inside it."""

    def __init__(self, img):
        self.img = img
        self.size = len(img)
        self.ok = len(img) >= 64 and img[:4] == b'\x7fELF'
        self.phoff = get(img, 32, 8) if self.ok else 0
        self.phnum = get(img, 56, 2) if self.ok else 0
        self.ph = []
        if self.ok and get(img, 54, 2) == PHDR_SIZE:
            for i in range(min(self.phnum, 256)):
                o = self.phoff + i * PHDR_SIZE
                if o + PHDR_SIZE > len(img):
                    break
                self.ph.append({k: get(img, o + fo, fs) for k, (fo, fs) in PH.items()})
                self.ph[-1]['at'] = o

    def loads(self):
        return [i for i, p in enumerate(self.ph) if p['p_type'] == PT_LOAD]

    def of_type(self, t):
        return [i for i, p in enumerate(self.ph) if p['p_type'] == t]


def retarget_interp(img, path):
    """img with its PT_INTERP string replaced by path (NUL-padded to the same p_filesz)."""
    e = Elf(img)
    out = bytearray(img)
    for p in e.ph:
        if p['p_type'] == PT_INTERP:
            n = p['p_filesz']
            assert len(path) < n
            out[p['p_offset']:p['p_offset'] + n] = path + b'\0' * (n - len(path))
    return bytes(out)


# --------------------------------------------------------------------------------------
# Mutations. An Op is concrete, computed against the image at generation time: byte
# writes ('w', offset, bytes; past the end the file grows, zero-filled), copies within the
# file ('c', [(to, from, length), ...], all read before any is written: moving program
# headers around carries whatever they hold when the op is applied) and truncations
# ('t', length). So it can be replayed, described and applied alone (to reduce a finding
# to the mutation that matters) and then means what its description says.

class Op:
    def __init__(self, kind, desc, actions):
        self.kind, self.desc, self.actions = kind, desc, actions

    def grows(self, img):
        """How many bytes the op would add to img."""
        ends = [a[1] + len(a[2]) for a in self.actions if a[0] == 'w']
        ends += [to + n for a in self.actions if a[0] == 'c' for to, _, n in a[1]]
        return max([e - len(img) for e in ends] + [0])

    def apply(self, img):
        for a in self.actions:
            if a[0] == 'w':
                put_bytes(img, a[1], a[2])
            elif a[0] == 'c':
                chunks = [(to, bytes(img[frm:frm + n]).ljust(n, b'\0')) for to, frm, n in a[1]]
                for to, data in chunks:
                    put_bytes(img, to, data)
            else:
                del img[a[1]:]


def put_bytes(img, off, data):
    if off + len(data) > len(img):
        img.extend(b'\0' * (off + len(data) - len(img)))
    img[off:off + len(data)] = data


def write_int(off, size, v):
    return ('w', off, (v & ((1 << (8 * size)) - 1)).to_bytes(size, 'little'))


def near(v, name):
    return [(v - 1, name + '-1'), (v, name), (v + 1, name + '+1')]


BIG = (near(1 << 47, '2^47') + near(1 << 63, '2^63') + near(TASK_SIZE, 'TASK_SIZE') +
       [((1 << 47) - 2 * PAGE, '2^47-2pages'), (U64, '2^64-1'), (U64 - PAGE + 1, '-page'),
        (1 << 32, '2^32'), ((1 << 32) - 1, '2^32-1'), (1 << 31, '2^31'), (1 << 40, '2^40')])


def generic_values(old, width, rng):
    """Interesting values for a field of width bytes that holds old."""
    if width == 2:
        return [(0, '0'), (1, '1'), (2, '2'), (55, '55'), (56, '56'), (57, '57'),
                (1169, '1169'), (1170, '1170 (64 KiB of phdrs)'), (1171, '1171'),
                (0xfffe, '0xfffe'), (0xffff, 'PN_XNUM'), (old - 1, 'old-1'),
                (old + 1, 'old+1'), (rng.getrandbits(16), 'random')]
    vals = [(0, '0'), (1, '1'), (old + 1, 'old+1'), (old - 1, 'old-1'),
            (old + PAGE, 'old+page'), (old - PAGE, 'old-page'),
            (old & ~(PAGE - 1), 'page start'), ((old + PAGE - 1) & ~(PAGE - 1), 'page align'),
            (old | (PAGE - 1), 'page end'), (old ^ 0x800, 'old^0x800'), (old * 2, 'old*2'),
            (PAGE - 1, 'page-1'), (PAGE, 'page'), (PAGE + 1, 'page+1'),
            (rng.randrange(0x4000), 'small random'), (rng.getrandbits(8 * width), 'random')]
    if width == 8:
        vals += BIG + [(old + (1 << 47), 'old+2^47'), (old + (1 << 63), 'old+2^63'),
                       (old << 12, 'old<<12')]
    else:
        vals += [(0xffffffff, '2^32-1'), (0x80000000, '2^31')]
    return vals


def rel_values(e, i, field):
    """Values of phdr i's field that sit on a boundary relative to its other fields."""
    p = e.ph[i]
    off, va, fs, ms, size = p['p_offset'], p['p_vaddr'], p['p_filesz'], p['p_memsz'], e.size
    loads = [e.ph[j] for j in e.loads() if j != i]
    if field == 'p_filesz':
        return [(ms, '=p_memsz'), (ms + 1, 'p_memsz+1'), (size - off, 'to EOF'),
                (size - off + 1, 'EOF+1'), (fs + PAGE, 'old+page'), (0, '0')]
    if field == 'p_memsz':
        v = [(fs, '=p_filesz'), (fs - 1, 'p_filesz-1'), (0, '0'),
             (TASK_SIZE - va, 'ends at TASK_SIZE'), (TASK_SIZE - va + 1, 'TASK_SIZE+1'),
             ((1 << 47) - va, 'ends at 2^47'), (1 << 30, '1 GiB'), (1 << 44, '16 TiB'),
             (ms + PAGE, 'old+page')]
        v += [(q['p_vaddr'] - va + PAGE, 'into next PT_LOAD') for q in loads if q['p_vaddr'] > va]
        return v
    if field == 'p_vaddr':
        v = [(TASK_SIZE - ms, 'ends at TASK_SIZE'), (TASK_SIZE - ms + 1, 'TASK_SIZE+1'),
             (TASK_SIZE - PAGE + (va & (PAGE - 1)), 'last page'), ((1 << 47) - ms, 'ends at 2^47'),
             (va + 1, 'off congruence'), (va + PAGE, 'old+page'), (0x10000, '64 KiB'),
             (0x400000, '0x400000'), (0x7f0000000000 + (va & (PAGE - 1)), '0x7f0000000000'),
             (va & (PAGE - 1), 'page 0')]
        # beyond user space but congruent with p_offset, so mmap's own check passes
        v += [((big & ~(PAGE - 1)) | (off & (PAGE - 1)), name + ', congruent')
              for big, name in ((TASK_SIZE, 'TASK_SIZE'), (1 << 47, '2^47'), (1 << 63, '2^63'),
                                (U64 - PAGE + 1, '2^64-page'))]
        v += [(q['p_vaddr'], 'another PT_LOAD') for q in loads]
        return v
    if field == 'p_offset':
        return [(size, 'EOF'), (size - 1, 'EOF-1'), ((size + PAGE - 1) & ~(PAGE - 1), 'page past EOF'),
                (off + 1, 'old+1'), (off + PAGE, 'old+page'), (off - PAGE, 'old-page'),
                (0, '0'), (size - fs, 'ends at EOF'), (size - fs + 1, 'ends past EOF')]
    if field == 'p_align':
        return [(0, '0'), (1, '1'), (2, '2'), (3, '3'), (8, '8'), (PAGE, 'page'),
                (2 * PAGE, '2 pages'), (3 * PAGE, '3 pages (not a power of 2)'),
                (0x200000, '2 MiB'), (0x200001, '2 MiB+1'), (1 << 30, '1 GiB'),
                (1 << 47, '2^47'), (1 << 63, '2^63'), (U64, '2^64-1')]
    if field == 'p_type':
        return [(t, n) for t, n in PT.items()] + [(0x70000000, 'PT_LOPROC'),
                                                 (0x60000000, 'PT_LOOS'), (0xffffffff, '~0')]
    if field == 'p_flags':
        return [(f, 'PF=%s' % ''.join(c for c, b in (('R', 4), ('W', 2), ('X', 1)) if f & b)
                 or '0') for f in range(8)] + [(p['p_flags'] | 0x0ff00000, 'PF_MASKOS bits'),
                                              (0xffffffff, '~0')]
    return []


def op_eh_field(e, rng):
    if e.size < 64:     # past a truncation: header writes would just regrow the file
        return None
    name = rng.choices(['e_type', 'e_entry', 'e_phoff', 'e_phentsize', 'e_phnum',
                        'e_machine', 'e_ident'], [5, 4, 5, 2, 4, 1, 1])[0]
    off, width = EH[name]
    if name == 'e_ident':
        k = rng.choice([4, 5, 6, 7, 8, 15])     # class, data, version, OS ABI, ...
        v = rng.choice([0, 1, 2, 3, 0xff])
        return Op('e_ident', 'e_ident[%d] %#x -> %#x' % (k, e.img[k], v), [write_int(k, 1, v)])
    old = get(e.img, off, width)
    if name == 'e_type':
        vals = [(0, 'ET_NONE'), (1, 'ET_REL'), (2, 'ET_EXEC'), (3, 'ET_DYN'), (4, 'ET_CORE'),
                (5, '5'), (0xfe00, 'ET_LOOS'), (0xff00, 'ET_LOPROC'), (0xffff, '0xffff')]
    elif name == 'e_machine':
        vals = [(3, 'EM_386'), (0, 'EM_NONE'), (183, 'EM_AARCH64'), (62 + 256, '62+256')]
    elif name == 'e_entry':
        vals = generic_values(old, 8, rng) + [(p['p_vaddr'] + rng.randrange(max(p['p_memsz'], 1)),
                                               'inside %s' % pt_name(p['p_type']))
                                              for p in e.ph if p['p_type'] == PT_LOAD]
    elif name == 'e_phoff':
        n = e.phnum * PHDR_SIZE
        vals = [(0, '0'), (1, '1'), (8, '8'), (63, '63'), (65, '65'), (old + PHDR_SIZE, 'next phdr'),
                (e.size, 'EOF'), (e.size - n, 'table ends at EOF'),
                (e.size - n + 1, 'table ends past EOF'), (HEAD - n // 2, 'across byte 1024'),
                (HEAD, '1024')] + BIG
    elif name == 'e_phentsize':
        vals = [(0, '0'), (32, '32 (ELF32)'), (55, '55'), (57, '57'), (64, '64'), (112, '112')]
    else:
        vals = generic_values(old, 2, rng) + [(old - 1, 'one fewer'), (old + 1, 'one more'),
                                             (old + 2, 'two more')]
    v, label = rng.choice(vals)
    return Op(name, 'ehdr.%s %#x -> %#x (%s)' % (name, old, v & ((1 << 8 * width) - 1), label),
              [write_int(off, width, v)])


def op_ph_field(e, rng):
    if not e.ph:
        return None
    loads = e.loads()
    i = rng.choice(loads) if loads and rng.random() < 0.6 else rng.randrange(len(e.ph))
    p = e.ph[i]
    field = rng.choices(list(PH), [3, 2, 4, 5, 1, 5, 5, 4])[0]
    fo, width = PH[field]
    old = p[field]
    vals = rel_values(e, i, field)
    if field not in ('p_type', 'p_flags', 'p_align') or rng.random() < 0.3:
        vals = vals + generic_values(old, width, rng)
    v, label = rng.choice(vals)
    v &= (1 << 8 * width) - 1
    return Op('%s.%s' % (pt_name(p['p_type']), field),
              'phdr[%d](%s).%s %#x -> %#x (%s)' % (i, pt_name(p['p_type']), field, old, v, label),
              [write_int(p['at'] + fo, width, v)])


def move_phdrs(e, pairs):
    """Copy phdr b over phdr a for each (a, b)."""
    return ('c', [(e.ph[a]['at'], e.ph[b]['at'], PHDR_SIZE) for a, b in pairs])


def op_order(e, rng):
    if len(e.ph) < 2:
        return None
    how = rng.choice(['swap', 'swap loads', 'reverse loads', 'first to last'])
    loads = e.loads()
    if how == 'swap loads' and len(loads) >= 2:
        i, j = rng.sample(loads, 2)
    elif how == 'reverse loads' and len(loads) >= 2:
        return Op('order', 'PT_LOADs in reverse order',
                  [move_phdrs(e, zip(loads, reversed(loads)))])
    elif how == 'first to last':
        n = len(e.ph)
        return Op('order', 'phdr[0] moved after phdr[%d]' % (n - 1),
                  [move_phdrs(e, [(k, (k + 1) % n) for k in range(n)])])
    else:
        i, j = rng.sample(range(len(e.ph)), 2)
    return Op('order', 'swap phdr[%d](%s) and phdr[%d](%s)' % (
        i, pt_name(e.ph[i]['p_type']), j, pt_name(e.ph[j]['p_type'])),
        [move_phdrs(e, [(i, j), (j, i)])])


def op_overlap(e, rng):
    loads = e.loads()
    if len(loads) < 2:
        return None
    i, j = rng.sample(loads, 2)
    p, q = e.ph[i], e.ph[j]
    how = rng.choice(['same page', 'next page', 'duplicate', 'memsz into'])
    if how == 'duplicate':
        return Op('overlap', 'phdr[%d] = copy of phdr[%d] (PT_LOAD)' % (i, j),
                  [move_phdrs(e, [(i, j)])])
    if how == 'memsz into':
        if q['p_vaddr'] <= p['p_vaddr']:
            i, j, p, q = j, i, q, p
        v = q['p_vaddr'] - p['p_vaddr'] + rng.choice([1, 0x10, PAGE, q['p_memsz']])
        return Op('overlap', 'phdr[%d](PT_LOAD).p_memsz %#x -> %#x (into phdr[%d])' % (
            i, p['p_memsz'], v, j), [write_int(p['at'] + 40, 8, v)])
    # keep p_vaddr congruent with p_offset: only the overlap itself is wrong
    v = (q['p_vaddr'] & ~(PAGE - 1)) + (p['p_offset'] & (PAGE - 1)) + (PAGE if how == 'next page' else 0)
    return Op('overlap', 'phdr[%d](PT_LOAD).p_vaddr %#x -> %#x (%s of phdr[%d])' % (
        i, p['p_vaddr'], v, how, j), [write_int(p['at'] + 16, 8, v)])


def op_truncate(e, rng):
    cuts = [0, 1, 3, 4, 16, 18, 24, 52, 56, 63, 64, 65, 255, 256, 257, HEAD - 1, HEAD, HEAD + 1,
            PAGE - 1, PAGE, PAGE + 1, 2 * PAGE, e.size - 1, e.size // 2]
    n = e.phnum * PHDR_SIZE
    cuts += [e.phoff + k for k in (0, 1, 4, 8, PHDR_SIZE, n - 1, n)]
    for p in e.ph:
        cuts += [p['p_offset'], p['p_offset'] + 1, p['p_offset'] + p['p_filesz'] - 1,
                 p['p_offset'] + p['p_filesz'], (p['p_offset'] + p['p_filesz'] + PAGE - 1) & ~(PAGE - 1)]
    cuts = sorted({c for c in cuts if 0 <= c < e.size})
    if not cuts:
        return None
    c = rng.choice(cuts)
    return Op('truncate', 'truncated %d -> %d bytes' % (e.size, c), [('t', c)])


def op_phdr_move(e, rng):
    """The table moved elsewhere, e_phoff following it: a valid file, read another way."""
    if not e.ph or len(e.ph) != e.phnum:
        return None
    n = e.phnum * PHDR_SIZE
    where = [('end of file', (e.size + 7) & ~7), ('end of file, odd offset', e.size + 1),
             ('end of file +4', ((e.size + 7) & ~7) + 4)]
    # across the loader's first 1024 bytes, where the file has room (zero padding)
    a = HEAD - n // 2
    if a > e.phoff + n and a + n <= e.size and not any(e.img[a:a + n]):
        where.append(('across byte 1024', a & ~7))
        where.append(('across byte 1024, odd offset', a | 1))
    label, at = rng.choice(where)
    return Op('phdr table moved', 'program headers copied to %#x (%s), e_phoff %#x -> %#x' % (
        at, label, e.phoff, at), [('c', [(at, e.phoff, n)]), write_int(32, 8, at)])


INTERP_PATHS = {
    'missing': b'./missing', 'directory': b'.', 'root': b'/', 'not ELF': b'./notelf',
    'not executable': b'./noexec', 'itself': b'./prog', 'tiny interpreter': b'./tinyelf',
    'glibc ld.so': b'/lib64/ld-linux-x86-64.so.2', 'a #! script': b'./script',
    'name too long': b'./' + b'n' * 256, 'relative, no ./': b'tinyelf',
}


def op_interp(e, rng):
    """The PT_INTERP path: its bytes, its size, where it is; or a PT_INTERP added."""
    interps = e.of_type(PT_INTERP)
    if not interps:
        # make one of a harmless phdr, path appended at the end of the file
        spare = [k for k, p in enumerate(e.ph) if p['p_type'] in (4, 0x6474e551, 0, 0x6474e553)]
        if not spare:
            return None
        k = rng.choice(spare)
        label, path = rng.choice(sorted(INTERP_PATHS.items()))
        at = e.size
        ph = struct.pack('<IIQQQQQQ', PT_INTERP, 4, at, 0, 0, len(path) + 1, len(path) + 1, 1)
        return Op('PT_INTERP added', 'phdr[%d](%s) -> PT_INTERP %r (%s)' % (
            k, pt_name(e.ph[k]['p_type']), path.decode(), label),
            [('w', at, path + b'\0'), ('w', e.ph[k]['at'], ph)])
    p = e.ph[interps[0]]
    at, fs = p['p_offset'], p['p_filesz']
    hows = ['zero size', 'long', 'past EOF', 'second PT_INTERP']
    if 2 <= fs <= 4096 and at + fs <= e.size:     # the path is where it says: edit it there
        hows += ['unterminated', 'empty', 'one byte', 'other file', 'inner NUL']
    how = rng.choice(hows)
    fsz = p['at'] + 32
    if how == 'unterminated':
        return Op('PT_INTERP path', 'PT_INTERP not NUL-terminated', [('w', at + fs - 1, b'x')])
    if how == 'empty':
        return Op('PT_INTERP path', 'PT_INTERP "" (2 NULs)',
                  [('w', at, b'\0\0'), write_int(fsz, 8, 2)])
    if how == 'one byte':
        return Op('PT_INTERP path', 'PT_INTERP p_filesz 1', [('w', at, b'\0'), write_int(fsz, 8, 1)])
    if how == 'zero size':
        return Op('PT_INTERP path', 'PT_INTERP p_filesz 0', [write_int(fsz, 8, 0)])
    if how == 'past EOF':
        v = rng.choice([e.size, e.size - 1, e.size - fs + 1, U64 - 1])
        return Op('PT_INTERP path', 'PT_INTERP p_offset %#x -> %#x (past EOF)' % (at, v),
                  [write_int(p['at'] + 8, 8, v)])
    if how == 'second PT_INTERP':
        others = [k for k in range(len(e.ph)) if k != interps[0]]
        if not others:
            return None
        k = rng.choice(others)
        label, path = rng.choice(sorted(INTERP_PATHS.items()))
        ph = struct.pack('<IIQQQQQQ', PT_INTERP, 4, e.size, 0, 0, len(path) + 1,
                         len(path) + 1, 1)
        return Op('PT_INTERP path', 'phdr[%d](%s) -> a second PT_INTERP %r (%s)' % (
            k, pt_name(e.ph[k]['p_type']), path.decode(), label),
            [('w', e.size, path + b'\0'), ('w', e.ph[k]['at'], ph)])
    if how == 'inner NUL':
        orig = bytes(e.img[at:at + fs])
        return Op('PT_INTERP path', 'PT_INTERP with junk after its NUL, p_filesz +8',
                  [('w', e.size, orig + b'junk\0\0\0\0'), write_int(p['at'] + 8, 8, e.size),
                   write_int(fsz, 8, fs + 8)])
    if how == 'long':
        orig = bytes(e.img[at:at + fs]).split(b'\0')[0] or b'./ld.so'
        total = rng.choice([255, 256, 1024, 4095, 4096, 4097])
        if orig.startswith(b'/'):
            pad = (total - 1 - len(orig)) // 2
            path = b'/' + b'./' * pad + orig[1:]
        else:
            pad = (total - 1 - len(orig)) // 2
            path = b'./' * pad + orig
        path = path[:total - 1]
        return Op('PT_INTERP path', 'PT_INTERP same file by a %d-byte path (p_filesz %d)' % (
            len(path), len(path) + 1), [('w', e.size, path + b'\0'), write_int(p['at'] + 8, 8, e.size),
                                        write_int(fsz, 8, len(path) + 1)])
    label, path = rng.choice(sorted(INTERP_PATHS.items()))
    if len(path) < fs:
        acts = [('w', at, path + b'\0' * (fs - len(path)))]
    else:
        acts = [('w', e.size, path + b'\0'), write_int(p['at'] + 8, 8, e.size),
                write_int(fsz, 8, len(path) + 1)]
    return Op('PT_INTERP path', 'PT_INTERP -> %r (%s)' % (path.decode(), label), acts)


ELF_OPS = [(op_ph_field, 45), (op_eh_field, 15), (op_truncate, 9), (op_order, 7),
           (op_overlap, 8), (op_interp, 9), (op_phdr_move, 5)]


# #! lines: interpreters that exist in the case directory (see materialise) or do not
SCRIPT_INTERPS = [('tiny', b'./tinyelf'), ('nested', b'./nested'), ('chain', None),
                  ('itself', b'./prog'), ('missing', b'./missing'), ('empty', b''),
                  ('directory', b'.'), ('not ELF', b'./notelf'), ('not executable', b'./noexec'),
                  ('absolute', b'/bin/echo'), ('long', None), ('loops', b'./loop')]


def op_script(rng):
    label, interp = rng.choice(SCRIPT_INTERPS)
    if label == 'chain':
        k = rng.randrange(1, 8)
        interp = b'./chain%d' % k
        label = 'chain of %d' % (8 - k)
    elif label == 'long':
        interp = b'./' * rng.choice([60, 126, 127, 128, 200]) + b'tinyelf'
    lead = b''.join(rng.choice([b' ', b'\t', b'']) for _ in range(rng.randrange(3)))
    sep = rng.choice([b' ', b'\t', b'  ', b' \t'])
    arg = rng.choice([b'', b'', b'-x', b'a b', b'arg\0hidden', b'\r', b' x '])
    tail = rng.choice([b'\n', b'\n', b'', b'\r\n', b' \n'])
    pad = b'y' * rng.choice([0, 0, 0, 200, 240, 250, 260])
    line = b'#!' + lead + interp + (sep + arg if arg else b'') + pad + tail
    return Op('#! ' + label.split(' of ')[0], '#! line %r' % line, [('t', 0), ('w', 0, line + b'body\n')])


def make_mutant(seed, index, bases, targets, keep_ops=None):
    """The index-th mutant of seed: (target name, [ops]). Independent of any other index."""
    rng = random.Random('%d:%d' % (seed, index))
    names = sorted(targets)
    name = rng.choices(names, [targets[n][0] for n in names])[0]
    if name == 'script':
        ops = [op_script(rng)]
    else:
        img = bytearray(base_image(bases, name, targets)[targets[name][3]])
        nops = rng.choices([1, 2, 3, 4], [55, 25, 12, 8])[0]
        ops = []
        tries = 0
        while len(ops) < nops and tries < 20:
            tries += 1
            fn = rng.choices([f for f, _ in ELF_OPS], [w for _, w in ELF_OPS])[0]
            op = fn(Elf(img), rng)
            if op is None or op.grows(img) > (1 << 20):
                continue
            op.apply(img)
            ops.append(op)
    if keep_ops is not None:
        ops = [ops[k - 1] for k in keep_ops if 1 <= k <= len(ops)]
    return name, ops


def base_image(bases, name, targets):
    """{'prog': bytes, 'ld': bytes or None} before any mutation."""
    _, prog, ld, which = targets[name]
    if which == 'ld' and prog + '@ld.so' in bases:
        prog = prog + '@ld.so'      # a copy naming ./ld.so, where the mutated copy goes
    return {'prog': bases[prog], 'ld': bases[ld] if ld else None}


def materialise(d, bases, targets, name, ops):
    """Write the mutant and the files it may refer to into the empty directory d."""
    imgs = dict(base_image(bases, name, targets)) if name != 'script' else {'prog': b'', 'ld': None}
    which = targets[name][3]
    img = bytearray(imgs[which])
    for op in ops:
        op.apply(img)
    imgs[which] = bytes(img)

    def put(fname, data, mode=0o755):
        with open(os.path.join(d, fname), 'wb') as f:
            f.write(data)
        os.chmod(os.path.join(d, fname), mode)

    put('prog', imgs['prog'])
    if imgs['ld'] is not None:
        put('ld.so', imgs['ld'])
    put('tinyelf', bases['tinyld'])
    put('noexec', bases['tinyld'], 0o644)
    put('notelf', b'not an ELF file\n')
    put('script', b'#!./tinyelf\n')
    if name == 'script':
        put('nested', b'#!./tinyelf nested\n')
        put('loop', b'#!./loop\n')
        for k in range(1, 8):
            put('chain%d' % k, b'#!./chain%d\n' % (k + 1) if k < 7 else b'#!./tinyelf end\n')
    return imgs


# --------------------------------------------------------------------------------------
# Running

# The native side's exec goes through this helper, built at setup: `trace-exec FD PROG
# ARG...` asks to be traced by its parent (this script), then execs PROG; a failed exec's
# errno goes to FD. Tracing shows how the exec ended, which a plain fork + exec cannot: a
# stop with SIGTRAP (the exec completed; the program has not run an instruction yet) or
# with the SIGSEGV the kernel forces when it abandons an exec after its point of no
# return. (A helper, not os.fork() + ptrace in Python: subprocess's vfork is several times
# cheaper than forking this interpreter.)
TRACE_EXEC_SRC = r"""
static long sys4(long n, long a, long b, long c, long d)
{
	long r;
	register long r10 __asm__("r10") = d;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10)
			 : "rcx", "r11", "memory");
	return r;
}
__attribute__((used)) void trace_exec(long *sp)
{
	char **argv = (char **)(sp + 1), **envp = argv + sp[0] + 1;
	long fd = 0;
	int e;
	for (const char *s = argv[1]; *s; s++)
		fd = fd * 10 + (*s - '0');
	/* fcntl(F_SETFD, FD_CLOEXEC): the program must not inherit it */
	if (sys4(72, fd, 2, 1, 0) < 0 || sys4(101, 0, 0, 0, 0) < 0)	/* ptrace(TRACEME) */
		sys4(60, 254, 0, 0, 0);
	e = (int)-sys4(59, (long)argv[2], (long)(argv + 2), (long)envp, 0);
	sys4(1, fd, (long)&e, sizeof e, 0);
	sys4(60, 255, 0, 0, 0);
}
__asm__(".globl _start\n_start:\n\tmov %rsp, %rdi\n\tand $-16, %rsp\n\tcall trace_exec\n\thlt\n");
"""

libc = ctypes.CDLL(None, use_errno=True)
SYS_PTRACE, PTRACE_DETACH = 101, 17


def ptrace(req, pid=0, data=0):
    return libc.syscall(ctypes.c_long(SYS_PTRACE), ctypes.c_long(req), ctypes.c_long(pid),
                        ctypes.c_long(0), ctypes.c_long(data))


class Run:
    """How one run ended. how: 'errno ENOEXEC' (exec failed), 'killed in exec SIGSEGV'
    (after the kernel's point of no return), 'exit N', 'signal SIGSEGV' (the program's,
    or the loader's), 'timeout'. ran: the exec completed (None when not traced)."""

    def __init__(self, how, out=b'', err=b'', ran=None):
        self.how, self.out, self.err, self.ran = how, out, err, ran

    def key(self):
        return (self.how, self.out)


OUT_CAP = 1 << 16


def spawn(argv, cwd, timeout, tracer=None):
    """Run argv (through the tracer helper if given) in cwd, in a new session and process
    group, stdin /dev/null, the fixed ENV. subprocess forks with vfork here, which costs a
    fraction of os.fork() from a big Python process; reaping is ours, so the process group
    is killed while its leader is still a zombie (its id cannot have been reused)."""
    rexc = wexc = None
    if tracer:
        rexc, wexc = os.pipe()
        argv = [tracer, str(wexc)] + argv
    try:
        p = subprocess.Popen(argv, cwd=cwd, env=ENV, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             start_new_session=True,
                             pass_fds=(wexc,) if tracer else (), restore_signals=True)
    except OSError as ex:
        for fd in (rexc, wexc):
            if fd is not None:
                os.close(fd)
        return Run('errno ' + errno.errorcode.get(ex.errno, str(ex.errno)), ran=False)
    try:
        return wait_run(p, rexc, wexc, timeout, tracer)
    except BaseException:
        # interrupted (^C, SIGTERM): leave nothing running behind
        if p.returncode is None:
            kill_group(p.pid, False)
            p.wait()
        raise


def wait_run(p, rexc, wexc, timeout, tracer):
    """The rest of spawn(): see how the exec went, collect output, reap."""
    pid = p.pid
    pidfd = os.pidfd_open(pid)
    status, reaped, ran, exec_errno = None, False, None, None
    if tracer:
        os.close(wexc)
        _, st = os.waitpid(pid, 0)
        if os.WIFSTOPPED(st):
            ran = os.WSTOPSIG(st) == signal.SIGTRAP
            # a completed exec goes on untraced; an abandoned one gets its signal back
            ptrace(PTRACE_DETACH, pid, 0 if ran else os.WSTOPSIG(st))
        else:
            status, reaped, ran = st, True, False
            p.returncode = os.waitstatus_to_exitcode(st)
            msg = os.read(rexc, 4)
            if len(msg) == 4:
                exec_errno = struct.unpack('<i', msg)[0]
        os.close(rexc)
    rout, rerr = p.stdout.fileno(), p.stderr.fileno()
    bufs = {rout: bytearray(), rerr: bytearray()}
    fds = {rout, rerr}
    deadline = time.monotonic() + timeout
    exited, timed_out = reaped, False
    poller = select.poll()
    for fd in fds:
        poller.register(fd, select.POLLIN)
    if not reaped:
        poller.register(pidfd, select.POLLIN)
    while fds or not exited:
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        for fd, _ in poller.poll(left * 1000):
            if fd == pidfd:
                exited = True
                poller.unregister(pidfd)
                if fds:     # the leader is gone, something it left holds the pipes
                    kill_group(pid, reaped)
                continue
            data = os.read(fd, 65536)
            if data:
                if len(bufs[fd]) < OUT_CAP:
                    bufs[fd] += data
            else:
                poller.unregister(fd)
                fds.discard(fd)
    kill_group(pid, reaped)
    if not reaped:
        _, status = os.waitpid(pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
    p.stdout.close()
    p.stderr.close()
    os.close(pidfd)
    out, err = bytes(bufs[rout]), bytes(bufs[rerr])
    if exec_errno is not None:
        return Run('errno ' + errno.errorcode.get(exec_errno, str(exec_errno)), out, err, False)
    if tracer and ran is False and not os.WIFSIGNALED(status):
        return Run('tracer failed (exit %d)' % os.WEXITSTATUS(status), out, err, False)
    if timed_out:
        return Run('timeout', out, err, ran)
    if os.WIFSIGNALED(status):
        name = signal.Signals(os.WTERMSIG(status)).name
        if ran is False:
            return Run('killed in exec ' + name, out, err, False)
        return Run('signal ' + name, out, err, ran)
    return Run('exit %d' % os.WEXITSTATUS(status), out, err, ran)


def kill_group(pid, reaped):
    if reaped:
        return
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass


# --------------------------------------------------------------------------------------
# Judging

# strerror texts, longest first (so no text is taken for a shorter one it starts with)
STRERRORS = sorted({os.strerror(e): e for e in sorted(errno.errorcode, reverse=True)}.items(),
                   key=lambda se: -len(se[0]))

CATEGORIES = collections.OrderedDict([
    ('crash', 'loader crash (killed by a signal)'),
    ('hang', 'loader hang (timeout)'),
    ('runs', 'loader runs what the kernel refuses or kills after its point of no return'),
    ('refuses', 'loader refuses what the kernel runs'),
    ('differs', 'different exit status, errno or stdout'),
    ('format', 'refusal is not exactly one well-formed stderr line'),
])


KNOWN = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'fuzz-vs-kernel.known')


def load_known(path):
    """The explained classes of fuzz-vs-kernel.known: [(name, category regex, target
    regex, description regex, kernel regex, loader regex, reason)]. A rule is a line
    `NAME | CATEGORY | TARGET | DESCRIPTION | KERNEL | LOADER` of regular expressions
    (re.search; empty matches anything), then its reason on indented lines."""
    rules = []
    with open(path) as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith('#'):
                continue
            if line[0].isspace():
                if not rules:
                    raise ValueError('%s:%d: a reason before any rule' % (path, n))
                rules[-1][-1].append(line.strip())
                continue
            fields = [x.strip() for x in line.rstrip('\n').split('|')]
            if len(fields) != 6:
                raise ValueError('%s:%d: want NAME | CATEGORY | TARGET | DESCRIPTION | '
                                 'KERNEL | LOADER' % (path, n))
            rules.append([fields[0]] + [re.compile(x) for x in fields[1:]] + [[]])
    return rules


def known_class(rules, cat, f):
    """The name of the first rule a finding f of category cat matches, or None."""
    for name, rc, rt, rd, rk, rl, _ in rules:
        if (rc.search(cat) and rt.search(f['target']) and rd.search(f['desc']) and
                rk.search(f['kernel']) and rl.search(f['loader'] + ': ' + f['said'])):
            return name
    return None


def refusal_format(run, prog):
    """None if run is a well-formed refusal of prog, else what is wrong; and its errno."""
    if run.out:
        return 'printed on stdout: %r' % run.out[:60], None
    text = run.err.decode(errors='replace')
    lines = text.split('\n')
    if not text.endswith('\n') or len(lines) != 2:
        return '%d stderr lines: %r' % (text.count('\n') + (not text.endswith('\n')),
                                         text[:160]), None
    m = re.match(r'loader: (.*?): (.*)$', lines[0])
    if not m or m.group(1) != prog:
        return 'not "loader: %s: reason": %r' % (prog, lines[0][:160]), None
    reason = m.group(2)
    for s, e in STRERRORS:
        if reason == s or reason.startswith(s + ' ('):
            if reason != s and not reason.endswith(')'):
                break
            want = 127 if e == errno.ENOENT else 126
            if run.how != 'exit %d' % want:
                return 'exit status %s with reason %r' % (run.how[5:], s), e
            return None, e
    return 'reason is not strerror[ (detail)]: %r' % reason[:160], None


def judge(k, l, prog, trace, jumped=False):
    """(category, detail) for a loader run l against a deterministic native run k, or
    (None, what agreed). The detail adds what the two verdicts do not already say.
    jumped: the loader had started the program before l ended (see Fuzzer.under_loader)."""
    if l.how == 'timeout':
        return 'hang', ''
    kernel_ran = k.how.startswith(('exit', 'signal')) and (k.ran or not trace)
    killed = k.how.startswith('killed in exec') or (
        not trace and k.how.startswith('signal') and not k.out)
    if l.how.startswith('signal'):
        if kernel_ran and l.key() == k.key():
            return None, 'same signal'
        if jumped:
            return ('differs' if kernel_ran else 'runs',
                    'the program died of %s once the loader had started it' % l.how[7:])
        return 'crash', ''
    if kernel_ran and l.key() == k.key():
        return None, 'same'
    refusal = l.how in ('exit 126', 'exit 127') and not jumped and (
        not kernel_ran or l.err.startswith(b'loader: '))
    if refusal:
        bad, e = refusal_format(l, prog)
        if k.how.startswith('errno'):
            want = k.how.split()[1]
            if e is not None and errno.errorcode.get(e) != want:
                return 'differs', 'the loader gives %s' % errno.errorcode.get(e, e)
            if l.how != 'exit %d' % (127 if want == 'ENOENT' else 126):
                return 'differs', '%s must give exit %d' % (want, 127 if want == 'ENOENT' else 126)
        elif killed:
            if l.how != 'exit 126':
                return 'differs', 'a kill after the point of no return must give exit 126'
        elif k.how.startswith('signal') and not k.out:
            pass        # died before any output: the loader's up-front checks may refuse it
        else:
            return 'refuses', ''
        if bad:
            return 'format', bad
        return None, 'refused'
    if not kernel_ran:
        return 'runs', 'the program ended with %s once the loader had started it' % l.how \
            if jumped else ''
    if l.how != k.how:
        return 'differs', ''
    return 'differs', 'stdout: kernel %r, loader %r' % (k.out[:80], l.out[:80])


# --------------------------------------------------------------------------------------
# The campaign

class Fuzzer:
    def __init__(self, args):
        self.args = args
        self.loader = os.path.abspath(args.loader)
        self.scratch = tempfile.mkdtemp(prefix='fuzz-differential.')
        self.case = os.path.join(self.scratch, 'case')
        self.tracer = None
        self.stats = collections.Counter()
        self.outcomes = collections.Counter()
        self.groups = collections.OrderedDict()     # (category, family, kind) -> [findings]
        self.unstable = []
        self.uncompared = []       # native hangs, differing native runs: no verdict to judge by
        self.shown = collections.Counter()
        self.known = load_known(args.known) if args.known else []

    def log(self, *a):
        print(*a, flush=True)

    def setup(self):
        if not shutil.which('gcc'):
            self.log('fuzz-vs-kernel: gcc not found: nothing to build mutants from')
            return False
        self.bases = build_bases(self.scratch, self.log)
        self.targets = available_targets(self.bases)
        if not self.targets:
            self.log('fuzz-vs-kernel: no base program could be built')
            return False
        os.makedirs(self.case, exist_ok=True)
        self.tracer = build_tracer(self.scratch)
        # ptrace may be forbidden (a container's seccomp): then a native signal without
        # output stands for a kill after the point of no return
        probe = spawn(['/bin/true'], self.case, 10, self.tracer) if self.tracer else None
        if not probe or probe.how != 'exit 0' or not probe.ran:
            self.tracer = None
            self.log('note: cannot trace the native exec (%s): a kill after the point of no '
                     'return is not told from a crash at the first instruction' %
                     (probe.how if probe else 'helper not built'))
        return True

    def fresh_case(self):
        shutil.rmtree(self.case, ignore_errors=True)
        os.mkdir(self.case)

    def native(self):
        return spawn(ARGS, self.case, self.args.timeout, self.tracer)

    def under_loader(self, k):
        """The loader's run, and its (category, detail) against the native run k."""
        l = spawn([self.loader] + ARGS, self.case, self.args.timeout)
        cat, why = judge(k, l, ARGS[0], self.tracer is not None)
        # Whose signal, whose 126 without the loader's line (ld.so exits 127 too)? With -v
        # the loader names its steps on stderr, the last one (start_thread) just before it
        # jumps: what ends the run after that is the program's doing.
        if cat is not None and (l.how.startswith('signal') or (
                l.how in ('exit 126', 'exit 127') and not l.err.startswith(b'loader: '))):
            v = spawn([self.loader, '-v'] + ARGS, self.case, self.args.timeout)
            if v.how == l.how and re.search(rb'^loader: start_thread: ', v.err, re.M):
                cat, why = judge(k, l, ARGS[0], self.tracer is not None, jumped=True)
        return l, cat, why

    def check(self, name, ops):
        """Run one mutant. Returns (verdict, kernel run, loader run, category, why), where
        verdict is 'agree', 'disagree', 'unstable', 'native-nondeterministic' or 'native-hang'."""
        self.fresh_case()
        materialise(self.case, self.bases, self.targets, name, ops)
        k1 = self.native()
        if k1.how == 'timeout':
            return 'native-hang', k1, None, None, None
        if k1.how.startswith('tracer failed'):
            return 'native-error', k1, None, None, None
        k2 = self.native()
        if k1.key() != k2.key():
            return 'native-nondeterministic', k1, None, None, None
        l1, cat, why = self.under_loader(k1)
        if cat is None:
            return 'agree', k1, l1, None, why
        # confirm: ASLR can make one exec fit where the next does not
        k3 = self.native()
        l2, cat2, _ = self.under_loader(k3)
        if k3.key() != k1.key() or cat2 != cat:
            return 'unstable', k1, l1, cat, why
        return 'disagree', k1, l1, cat, why

    def reduce(self, name, ops, cat):
        """The 1-based index of a single op that alone shows category cat, or None."""
        if len(ops) < 2:
            return None
        for n, op in enumerate(ops, 1):
            v, _, _, c, _ = self.check(name, [op])
            if v == 'disagree' and c == cat:
                return n
        return None

    def record(self, seed, index, name, ops, k, l, cat, why):
        red = self.reduce(name, ops, cat)
        if red is not None:
            kind, desc, rep = ops[red - 1].kind, ops[red - 1].desc, '%d:%d/%d' % (seed, index, red)
        else:
            kind = '+'.join(sorted({op.kind for op in ops}))
            desc = '; '.join(op.desc for op in ops)
            rep = '%d:%d' % (seed, index)
        family = 'interp' if name.startswith('interp:') else 'script' if name == 'script' else 'prog'
        key = (cat, family, kind)
        f = {'rep': rep, 'target': name, 'desc': desc, 'kernel': k.how, 'loader': l.how,
             'why': why, 'said': first_line(l.err)}
        f['known'] = known_class(self.known, cat, f)
        if f['known']:
            key = key + (f['known'],)
        self.groups.setdefault(key, []).append(f)
        self.stats['disagree ' + cat] += 1
        # a systematic bug can produce thousands: show the first few of each cause
        self.shown[key] += 1
        if self.shown[key] <= self.args.show:
            self.log('%s %s [%s %s] --replay %s: %s: %s' % (
                'KNOWN(%s)' % f['known'] if f['known'] else 'DISAGREE', cat, family, kind, rep,
                name, desc))
            self.log('    %s' % self.explain(f))
            if self.args.keep:
                self.keep(rep, name, [ops[red - 1]] if red else ops)

    @staticmethod
    def explain(f):
        return 'kernel %s; loader %s%s%s' % (f['kernel'], f['loader'], (': %s' % f['said'])
                                             if f['said'] else '',
                                             ('; ' + f['why']) if f['why'] else '')

    def keep(self, rep, name, ops):
        """Write the mutant rep (SEED:INDEX[/K]) and its neighbour files to DIR/SEED-INDEX[-K]."""
        d = os.path.join(self.args.keep, rep.replace(':', '-').replace('/', '-').replace(',', '_'))
        if os.path.exists(d):
            shutil.rmtree(d)
        os.makedirs(d)
        materialise(d, self.bases, self.targets, name, ops)
        env = ' '.join('%s=%s' % kv for kv in sorted(ENV.items()))
        with open(os.path.join(d, 'README'), 'w') as f:
            f.write('mutant %s (%s): %s\nnatively:      cd %s && env -i %s %s\n'
                    'under loader:  cd %s && env -i %s %s %s\n' % (
                        rep, name, '; '.join(o.desc for o in ops), d, env, ' '.join(ARGS),
                        d, env, self.loader, ' '.join(ARGS)))
        return d

    def run(self):
        a = self.args
        seed = a.seed
        start = time.monotonic()
        last = start
        index = 0
        limits = ([('%d mutants' % a.count)] if a.count is not None else []) + (
            [('%g minutes' % a.minutes)] if a.minutes is not None else [])
        self.log('fuzz-vs-kernel: seed %d; %s; loader %s; targets: %s' % (
            seed, ' or '.join(limits), self.loader, ' '.join(sorted(self.targets))))
        try:
            while True:
                if a.count is not None and index >= a.count:
                    break
                if a.minutes is not None and time.monotonic() - start >= a.minutes * 60:
                    break
                name, ops = make_mutant(seed, index, self.bases, self.targets)
                v, k, l, cat, why = self.check(name, ops)
                self.stats[v] += 1
                if k is not None and l is not None:
                    self.outcomes[(k.how, l.how)] += 1
                if v == 'disagree':
                    self.record(seed, index, name, ops, k, l, cat, why)
                elif v == 'unstable':
                    self.unstable.append('%d:%d %s (%s: kernel %s, loader %s)' % (
                        seed, index, name, cat, k.how, l.how))
                elif v != 'agree':
                    self.uncompared.append('%d:%d %s (%s)' % (seed, index, name, v))
                index += 1
                now = time.monotonic()
                if now - last >= a.progress:
                    last = now
                    self.log('[%4.0fs] %d mutants (%.1f/s), %d disagreements' % (
                        now - start, index, index / (now - start), self.disagreements()))
        except KeyboardInterrupt:
            self.log('interrupted')
        self.summary(seed, index, time.monotonic() - start)
        return 1 if self.disagreements() - self.explained() else 0

    def disagreements(self):
        return sum(len(v) for v in self.groups.values())

    def explained(self):
        return sum(len(v) for k, v in self.groups.items() if len(k) > 3)

    def summary(self, seed, n, secs):
        st = self.stats
        self.log('')
        self.log('summary: seed %d, %d mutants in %.0f s (%.1f mutants/s)' % (
            seed, n, secs, n / secs if secs else 0))
        self.log('  compared %d (agree %d, disagree %d, unstable %d); not compared: %d whose '
                 'native runs differed, %d native hangs, %d tracer failures' % (
                     st['agree'] + st['disagree'] + st['unstable'], st['agree'],
                     st['disagree'], st['unstable'], st['native-nondeterministic'],
                     st['native-hang'], st['native-error']))
        self.log('  outcomes (kernel / loader: count):')
        for (kh, lh), c in self.outcomes.most_common(12):
            self.log('    %-28s %-14s %d' % (kh, lh, c))
        per = collections.Counter()
        for key, fs in self.groups.items():
            per[key[0]] += len(fs)
        self.log('disagreements: %d%s' % (self.disagreements(), (' (' + ', '.join(
            '%s %d' % (c, per[c]) for c in CATEGORIES if per[c]) + ')') if per else ''))
        known = collections.Counter()
        for k, fs in self.groups.items():
            if len(k) > 3:
                known[k[3]] += len(fs)
        self.log('  explained (%s): %d%s; unexplained: %d' % (
            os.path.basename(self.args.known) if self.args.known else 'no list',
            self.explained(), (' (' + ', '.join('%s %d' % kv for kv in sorted(known.items())) +
                               ')') if known else '', self.disagreements() - self.explained()))
        for cat, label in CATEGORIES.items():
            keys = sorted((k for k in self.groups if k[0] == cat),
                          key=lambda k: -len(self.groups[k]))
            if not keys:
                continue
            self.log('  %s: %s' % (cat, label))
            for key in keys:
                fs = self.groups[key]
                f = fs[0]
                names = sorted({x['target'] for x in fs})
                self.log('    %5d  %s %s [%s]%s' % (len(fs), key[1], key[2], ' '.join(names),
                                               ' known: %s' % key[3] if len(key) > 3 else ''))
                self.log('           e.g. --replay %s: %s: %s' % (f['rep'], f['target'], f['desc']))
                self.log('           %s' % self.explain(f))
        for what, runs in (('unstable (not counted)', self.unstable),
                           ('not compared', self.uncompared)):
            if runs:
                self.log('%s: %s%s' % (what, '; '.join(runs[:10]),
                                       ' ...' if len(runs) > 10 else ''))

    def replay(self, spec):
        seed, index, only = spec
        name, ops = make_mutant(seed, index, self.bases, self.targets, only)
        spec = '%d:%d%s' % (seed, index, ('/' + ','.join(map(str, only))) if only else '')
        self.log('mutant %s: %s' % (spec, name))
        for n, op in enumerate(ops, 1):
            self.log('  %d. [%s] %s' % (n, op.kind, op.desc))
        v, k, l, cat, why = self.check(name, ops)
        self.log('native: %s, stdout %r' % (k.how, k.out[:200]))
        if k.err:
            self.log('native stderr: %r' % k.err[:300])
        if l is not None:
            self.log('loader: %s, stdout %r' % (l.how, l.out[:200]))
            if l.err:
                self.log('loader stderr: %r' % l.err[:300])
        self.log('verdict: %s%s' % (v, (' %s: %s' % (cat, why)) if cat else
                                     (' (%s)' % why) if why else ''))
        known = known_class(self.known, cat, {
            'target': name, 'desc': '; '.join(op.desc for op in ops), 'kernel': k.how,
            'loader': l.how, 'said': first_line(l.err)}) if cat and l is not None else None
        if known:
            self.log('known: %s (explained in %s)' % (known, self.args.known))
        if self.args.keep:
            self.log('kept in %s' % self.keep(spec, name, ops))
        return 1 if v == 'disagree' else 0


def first_line(b):
    s = b.decode(errors='replace').strip('\n')
    return s.split('\n')[0][:200] if s else ''


def main(argv):
    p = argparse.ArgumentParser(prog='fuzz-vs-kernel.py', description=(
        'Differential fuzzer: mutants of real ELF programs, their interpreters and #! lines, '
        'each run natively and under LOADER; every disagreement with the kernel is reported.'))
    p.add_argument('loader', metavar='LOADER', help='the loader to test (loader/loader)')
    p.add_argument('--seed', type=int, help='fixes the mutant sequence (default: the time)')
    p.add_argument('--minutes', type=float, help='run for M minutes')
    p.add_argument('--count', type=int, help='run N mutants')
    p.add_argument('--replay', metavar='SEED:INDEX[/K,...]',
                   help='run one mutant (only its mutations K,... if given) and show the runs')
    p.add_argument('--keep', metavar='DIR', help='write mutants out (the replayed one, or every '
                   'disagreeing one) into DIR/SEED-INDEX/')
    p.add_argument('--timeout', type=float, default=3.0, help='seconds per run (default 3)')
    p.add_argument('--progress', type=float, default=30.0, help='seconds between progress lines')
    p.add_argument('--show', type=int, default=3, help='findings printed per cause (default 3)')
    p.add_argument('--known', default=KNOWN if os.path.exists(KNOWN) else None,
                   help='the explained-but-unfixed classes, which label findings (default: '
                   'fuzz-vs-kernel.known next to this script; "" for none)')
    a = p.parse_args(argv)
    if a.seed is None:
        a.seed = int(time.time())
    if a.seed < 0:
        p.error('--seed must not be negative')
    if a.minutes is None and a.count is None and not a.replay:
        a.count = 200
    if (a.minutes is not None and a.minutes < 0) or (a.count is not None and a.count < 0):
        p.error('--minutes and --count must not be negative')
    if a.replay:
        m = re.match(r'^(\d+):(\d+)(?:/(\d+(?:,\d+)*))?$', a.replay)
        if not m:
            p.error('--replay wants SEED:INDEX[/K,...], got %r' % a.replay)
        a.replay = (int(m.group(1)), int(m.group(2)),
                    [int(x) for x in m.group(3).split(',')] if m.group(3) else None)
    if a.known:
        try:
            load_known(a.known)
        except (OSError, ValueError, re.error) as e:
            p.error('--known: %s' % e)
    if not os.path.isfile(a.loader) or not os.access(a.loader, os.X_OK):
        p.error('%s is not an executable file' % a.loader)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # make(1) or a terminal may stop us with SIGTERM or SIGHUP: still clean up, summarise
    for s in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, signal.default_int_handler)
    fz = Fuzzer(a)
    try:
        if not fz.setup():
            return 2
        return fz.replay(a.replay) if a.replay else fz.run()
    finally:
        shutil.rmtree(fz.scratch, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
