#!/usr/bin/env python3
"""tests/loader/kexec.py: the kernel as the oracle for loader/loader.

Runs a program natively (fork + execve, no shell, no PATH search, no ENOEXEC fallback) and
says what the kernel did with it, then runs it under the loader and checks the loader did
the same thing by the loader's contract (README, loader(1)):

  kernel verdict                     loader must
  ---------------------------------  ----------------------------------------------------
  errno E before the point of no     exit 127 if E == ENOENT else 126, nothing on stdout,
  return ("errno ENOEXEC")           exactly one stderr line "loader: PROG: strerror(E)"
                                     optionally followed by " (detail)"
  killed by SIGSEGV/SIGBUS/SIGKILL   refuse up front: exit 126, nothing on stdout, exactly
  with no output (post-PONR kill)    one stderr line "loader: PROG: ..."
  exit N (the program ran)           run it too: exit N with the same stdout

Verdicts are words: "errno ENOEXEC", "signal SIGSEGV", "exit 0", "timeout".

Usage:
  kexec.py run [--as-nobody] -- PROG [ARG...]      print the kernel's verdict
  kexec.py check LOADER CASES.jsonl                one line per case, exit 1 on any mismatch

A CASES.jsonl line is a JSON object: {"name": ..., "argv": [PROG, ARG...]} plus optional
"as_nobody": true (run both sides as uid/gid 65534), "expect": "refuse EACCES" (the loader
must refuse with that errno whatever the kernel did; used where a user-space loader cannot
do what the kernel does, e.g. mode 0111), "expect": "run-or-refuse" (the kernel verdict is
a privilege artefact: the loader may run it like the kernel or refuse cleanly with 126),
"runtime_signal": true (a signal is the program's own doing after a successful exec: the
loader must die of the same signal), "cwd", "mdwe": true (both sides run under
PR_SET_MDWE, which forbids W+X mappings; skipped where the kernel lacks it).
"""
import errno
import json
import os
import signal
import subprocess
import sys

TIMEOUT = 10
NOBODY = 65534


def _mdwe():
    """PR_SET_MDWE(PR_MDWE_REFUSE_EXEC_GAIN): no W+X mapping, no mprotect adding X."""
    import ctypes
    if ctypes.CDLL(None, use_errno=True).prctl(65, 1, 0, 0, 0) != 0:
        os._exit(77)


def _demote():
    os.setgroups([])
    os.setresgid(NOBODY, NOBODY, NOBODY)
    os.setresuid(NOBODY, NOBODY, NOBODY)


def run(argv, as_nobody=False, cwd=None, env=None, stdin=subprocess.DEVNULL, mdwe=False):
    """Run argv natively; return (verdict, stdout bytes, stderr bytes)."""
    pre = _demote if as_nobody else _mdwe if mdwe else None
    try:
        p = subprocess.Popen(argv, executable=argv[0], stdin=stdin,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             cwd=cwd, env=env, close_fds=True, restore_signals=True,
                             start_new_session=True,
                             preexec_fn=pre)
    except OSError as e:
        return "errno " + errno.errorcode.get(e.errno, str(e.errno)), b"", b""
    try:
        out, err = p.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        # Its own session: kill the whole group, so nothing it started outlives the test.
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = p.communicate()
        return "timeout", out, err
    if p.returncode < 0:
        return "signal " + signal.Signals(-p.returncode).name, out, err
    return "exit %d" % p.returncode, out, err


def first_line(b):
    s = b.decode(errors="replace").rstrip("\n")
    return s.split("\n")[0] if s else ""


def escape(name, backslash):
    """name with control characters written as C escapes (\\n, \\r, \\t, \\xNN)."""
    out = []
    for c in name:
        if c == "\\" and backslash:
            out.append("\\\\")
        elif c in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[c])
        elif ord(c) < 32 or ord(c) == 127:
            out.append("\\x%02x" % ord(c))
        else:
            out.append(c)
    return "".join(out)


def judge(case, kernel, kout, kerr, loader, lout, lerr):
    """Return None if the loader's result fits the kernel's verdict, else the reason."""
    prog = case["argv"][0]
    # Lines end at "\n" only; a raw "\r" (say from a CRLF script's interpreter name) is
    # reported separately, since it garbles the one line on a terminal.
    lines = lerr.decode(errors="replace").rstrip("\n").split("\n") if lerr else []
    expect = case.get("expect", "")

    def refused(status, reason_prefix):
        if loader != "exit %d" % status:
            return "expected exit %d, got %s" % (status, loader)
        if lout:
            return "printed on stdout: %r" % lout[:80]
        if len(lines) != 1:
            return "expected exactly one stderr line, got %d: %r" % (len(lines), lines[:4])
        line = lines[0]
        # A name with control characters may (should) be shown escaped, C style.
        names = {prog, escape(prog, False), escape(prog, True)}
        want = next(("loader: %s: %s" % (n, reason_prefix) for n in names
                     if line.startswith("loader: %s: %s" % (n, reason_prefix))),
                    "loader: %s: %s" % (prog, reason_prefix))
        bad = [c for c in line if ord(c) < 32 and c != "\t"]
        if bad:
            return ("stderr line holds raw control character(s) %r: names should be escaped "
                    "(e.g. \\r) so the message stays one line on a terminal: %r" % (bad, line))
        if not line.startswith(want):
            return "stderr %r does not start with %r" % (line, want)
        rest = line[len(want):]
        if reason_prefix and rest and not rest.startswith(" ("):
            return "stderr %r: reason must be strerror, optionally then ' (detail)'" % line
        return None

    if expect.startswith("refuse "):
        e = getattr(errno, expect.split()[1])
        return refused(127 if e == errno.ENOENT else 126, os.strerror(e))
    if expect == "run-or-refuse" and loader == "exit 126":
        return refused(126, "")
    if kernel.startswith("errno "):
        e = getattr(errno, kernel.split()[1])
        return refused(127 if e == errno.ENOENT else 126, os.strerror(e))
    if kernel.startswith("signal ") and not case.get("runtime_signal"):
        if kout:
            return "kernel run printed output before its signal: not a post-PONR kill"
        return refused(126, "")
    if kernel == "timeout":
        return "the native run timed out: no verdict"
    if loader != kernel:
        return "kernel %s, loader %s (stderr %r)" % (kernel, loader, first_line(lerr))
    if lout != kout:
        return "stdout differs: kernel %r, loader %r" % (kout[:120], lout[:120])
    return None


def check(loader_path, cases_file):
    cases = [json.loads(l) for l in open(cases_file) if l.strip()]
    rows, bad = [], 0
    for case in cases:
        argv = case["argv"]
        nob = case.get("as_nobody", False)
        cwd = case.get("cwd")
        mdwe = case.get("mdwe", False)
        kernel, kout, kerr = run(argv, nob, cwd, mdwe=mdwe)
        if kernel == "exit 77" and mdwe:
            rows.append((case["name"], "no MDWE here", "", "skip", ""))
            continue
        loader, lout, lerr = run([loader_path] + argv, nob, cwd, mdwe=mdwe)
        why = judge(case, kernel, kout, kerr, loader, lout, lerr)
        shown = first_line(lerr) if loader.startswith("exit 12") else first_line(lout)
        rows.append((escape(case["name"], False), kernel, loader,
                     "ok" if why is None else "FAIL", escape(shown, False)))
        if why is not None:
            bad += 1
            rows.append(("", "", "", "", "^ " + why))
    w = [max(len(r[i]) for r in rows + [("case", "kernel", "loader", "", "")])
         for i in range(3)]
    print("%-*s  %-*s  %-*s  %-4s  %s" % (w[0], "case", w[1], "kernel", w[2], "loader",
                                          "", "loader said"))
    for r in rows:
        print("%-*s  %-*s  %-*s  %-4s  %s" % (w[0], r[0], w[1], r[1], w[2], r[2], r[3], r[4]))
    print("%d cases, %d mismatches" % (len(cases), bad))
    return 1 if bad else 0


def main(args):
    if len(args) >= 1 and args[0] == "run":
        args = args[1:]
        nob = False
        if args and args[0] == "--as-nobody":
            nob, args = True, args[1:]
        if args and args[0] == "--":
            args = args[1:]
        v, out, err = run(args, nob, stdin=None)
        sys.stdout.buffer.write(out)
        sys.stderr.buffer.write(err)
        print(v)
        return 0
    if len(args) == 3 and args[0] == "check":
        return check(args[1], args[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
