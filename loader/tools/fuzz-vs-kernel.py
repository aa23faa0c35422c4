#!/usr/bin/env python3
"""loader/tools/fuzz-vs-kernel.py: the kernel as oracle for random malformed files.

  fuzz-vs-kernel.py elf LOADER PROGRAM SEED COUNT    mutate ELF header/phdr fields of PROGRAM
  fuzz-vs-kernel.py script LOADER SEED COUNT         random #! lines

Each case runs natively (fork + execve) and under LOADER. Flagged: the kernel refused
with an errno and the loader did not exit 126/127; the loader was killed by a signal
where the kernel was not; or both ran to an exit but with different status or stdout.
(Kernel SIGSEGV vs loader 126 is the contract: post-point-of-no-return checks made up
front.) Not part of `make check` (random, and slow): a tool for whoever changes a check.
"""
import collections, os, random, shutil, struct, subprocess, sys, tempfile

def run(argv):
    try:
        p = subprocess.run(argv, capture_output=True, timeout=10)
    except OSError as e:
        return 'errno%d' % e.errno, b''
    except subprocess.TimeoutExpired:
        return 'timeout', b''
    return ('sig%d' % -p.returncode) if p.returncode < 0 else ('exit%d' % p.returncode), p.stdout

def judge(kernel, loader):
    (k, ko), (l, lo) = kernel, loader
    if k.startswith('errno'):
        return l == ('exit127' if k == 'errno2' else 'exit126')
    if l.startswith('sig') and not k.startswith('sig'):
        return False
    if k.startswith('exit') and l.startswith('exit') and l != 'exit126':
        return (k, ko) == (l, lo)
    return True

def elf_cases(base, n):
    phoff, = struct.unpack_from('<Q', base, 32)
    phnum, = struct.unpack_from('<H', base, 56)
    fields = [(16, 2), (18, 2), (24, 8), (32, 8), (54, 2), (56, 2)]
    for i in range(phnum):
        o = phoff + 56 * i
        fields += [(o, 4), (o + 4, 4), (o + 8, 8), (o + 16, 8), (o + 32, 8), (o + 40, 8), (o + 48, 8)]
    for _ in range(n):
        d = bytearray(base)
        for _ in range(random.randint(1, 3)):
            off, size = random.choice(fields)
            old = int.from_bytes(d[off:off + size], 'little')
            v = random.choice([random.getrandbits(8 * size),
                               old + random.choice([-4096, -1, 1, 4096, 1 << 24, 1 << 47]),
                               random.choice([0, 1, 56, 1170, 1171, 0x1000, 0x400000,
                                              0x7ffffffff000, (1 << 64) - 1])])
            d[off:off + size] = (v & ((1 << (8 * size)) - 1)).to_bytes(size, 'little')
        yield bytes(d)

def script_cases(n, nested):
    chars = [b' ', b'\t', b'\r', b'\0', b'x', b'-', b'/']
    for _ in range(n):
        interp = random.choice([b'/bin/echo', nested.encode(), b'/nonexistent', b'', b'/bin'])
        sep = b''.join(random.choice([b' ', b'\t', b'']) for _ in range(random.randint(0, 3)))
        arg = b''.join(random.choice(chars) for _ in range(random.randint(0, 8)))
        pad = b'y' * random.choice([0, 0, 0, 200, 240, 260])
        end = random.choice([b'\n', b'', b'\r\n'])
        yield b'#!' + sep + interp + sep + arg + pad + end + b'echo body\n'

def main():
    mode, loader = sys.argv[1], sys.argv[2]
    tmp = tempfile.mkdtemp(prefix='loader-fuzz.')
    case = os.path.join(tmp, 'case')
    if mode == 'elf':
        random.seed(int(sys.argv[4]))
        cases = elf_cases(open(sys.argv[3], 'rb').read(), int(sys.argv[5]))
    else:
        random.seed(int(sys.argv[3]))
        nested = os.path.join(tmp, 'nested')
        with open(nested, 'wb') as f:
            f.write(b'#!/bin/echo nested\n')
        os.chmod(nested, 0o755)
        cases = script_cases(int(sys.argv[4]), nested)
    stats, flagged = collections.Counter(), 0
    for i, data in enumerate(cases):
        with open(case, 'wb') as f:
            f.write(data)
        os.chmod(case, 0o755)
        k, l = run([case, 'A']), run([loader, case, 'A'])
        stats[(k[0], l[0])] += 1
        if not judge(k, l):
            flagged += 1
            keep = os.path.join(tmp, 'flagged%d' % i)
            with open(keep, 'wb') as f:
                f.write(data)
            print('case %d: kernel %s, loader %s (kept as %s)' % (i, k[0], l[0], keep))
    print('%d flagged;' % flagged, ', '.join('kernel %s/loader %s: %d' % (a, b, c)
                                            for (a, b), c in stats.most_common()))
    if not flagged:
        shutil.rmtree(tmp)
    return 1 if flagged else 0

if __name__ == '__main__':
    sys.exit(main())
