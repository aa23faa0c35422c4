#!/usr/bin/env python3
"""tests/loader/no-exec-check.py CMD [ARG...]: run CMD with execveat(2) failing EINVAL.

A seccomp filter makes every execveat answer EINVAL, which is what a kernel older than
6.14 answers to AT_EXECVE_CHECK, so the loader's fallback (statfs for noexec, ETXTBSY not
seen) can be tested on a newer kernel. CMD itself is started with execve, which stays
allowed. Exits 77 where seccomp filters cannot be installed.
"""
import ctypes
import os
import struct
import sys

NR_EXECVEAT = 322
AUDIT_ARCH_X86_64 = 0xC000003E


def stmt(code, k):
    return struct.pack("<HBBI", code, 0, 0, k)


def jeq(k, jt, jf):
    return struct.pack("<HBBI", 0x15, jt, jf, k)    # BPF_JMP | BPF_JEQ | BPF_K


LD_ABS, RET = 0x20, 0x06                            # BPF_LD|BPF_W|BPF_ABS, BPF_RET|BPF_K
ALLOW, ERRNO = 0x7FFF0000, 0x00050000
prog = b"".join([
    stmt(LD_ABS, 4), jeq(AUDIT_ARCH_X86_64, 1, 0), stmt(RET, ALLOW),   # other arch: allow
    stmt(LD_ABS, 0), jeq(NR_EXECVEAT, 0, 1), stmt(RET, ERRNO | 22),    # execveat: EINVAL
    stmt(RET, ALLOW),
])
buf = ctypes.create_string_buffer(prog, len(prog))


class Fprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


fp = Fprog(len(prog) // 8, ctypes.addressof(buf))
libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(38, 1, 0, 0, 0) != 0 or libc.prctl(22, 2, ctypes.byref(fp), 0, 0) != 0:
    sys.exit(77)        # PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP(SECCOMP_MODE_FILTER)
os.execv(sys.argv[1], sys.argv[1:])
