#!/bin/sh
# The initial stack under the loader is the kernel's (create_elf_tables):
# nostd-demo/auxv prints argc, argv, envp and the auxv as found at its entry. Natively and
# under the loader: same argc/argv/envp; same auxv keys in the same order; equal values for
# every key that is not an address (AT_ENTRY and AT_PHDR too: auxv is ET_EXEC, so they are
# fixed); AT_BASE 0 (static); AT_RANDOM 16 bytes, fresh on each run. Then a dynamic
# program: glibc's LD_SHOW_AUXV=1 key list and non-address values, native vs loader.
# Then tests/progs/stacklayout, which checks the stack layout and mm identity from inside.
. "$top_srcdir/tests/loader/lib-loader.sh"
need_python
auxv=$B/nostd-demo/auxv
need_built "$auxv" "make builds it"

for run in native loader loader2; do
	case $run in native) pre= ;; *) pre=$L ;; esac
	run_timeout 10 env -i A=1 'B=two words' C= $pre "$auxv" x 'y z' '' > "$T/$run" 2> "$T/$run.err" ||
		fail "$run run of auxv exited with $? ($(head -n 3 "$T/$run.err"))"
done

"$PY" - "$T/native" "$T/loader" "$T/loader2" <<'PY' || mismatch "nostd-demo/auxv: the loader's initial stack differs from the kernel's (above)"
import re, sys
def parse(path):
    head, aux = [], []
    for line in open(path, encoding="utf-8", errors="replace"):
        k, _, v = line.rstrip("\n").partition(" ")
        (aux if k.startswith("AT_") else head).append((k, v))
    return head, aux
nh, na = parse(sys.argv[1])
lh, la = parse(sys.argv[2])
_, la2 = parse(sys.argv[3])
err = []
if nh != lh:
    err.append("argc/argv/envp differ:\n  native %r\n  loader %r" % (nh, lh))
nk, lk = [k for k, _ in na], [k for k, _ in la]
if nk != lk:
    err.append("auxv keys or order differ:\n  native %s\n  loader %s" % (" ".join(nk), " ".join(lk)))
if not la or la[-1] != ("AT_NULL", "0"):
    err.append("loader's auxv does not end with AT_NULL 0")
nd, ld, ld2 = dict(na), dict(la), dict(la2)
same = ("AT_MINSIGSTKSZ AT_HWCAP AT_PAGESZ AT_CLKTCK AT_PHDR AT_PHENT AT_PHNUM AT_BASE "
        "AT_FLAGS AT_ENTRY AT_UID AT_EUID AT_GID AT_EGID AT_SECURE AT_HWCAP2 AT_EXECFN "
        "AT_PLATFORM AT_RSEQ_FEATURE_SIZE AT_RSEQ_ALIGN AT_HWCAP3 AT_HWCAP4 AT_EXECFD "
        "AT_BASE_PLATFORM").split()
for k in same:
    if nd.get(k) != ld.get(k):
        err.append("%s: native %r, loader %r" % (k, nd.get(k), ld.get(k)))
if ld.get("AT_BASE") not in ("0x0", "0"):
    err.append("AT_BASE of a static program must be 0, loader gave %r" % ld.get("AT_BASE"))
for k in nd:   # unknown keys (AT_<n>) the kernel passes: present under the loader too
    if k not in ld:
        err.append("%s missing under the loader" % k)
r1, r2, rn = ld.get("AT_RANDOM", ""), ld2.get("AT_RANDOM", ""), nd.get("AT_RANDOM", "")
if not re.fullmatch(r"[0-9a-f]{32}", r1):
    err.append("AT_RANDOM under the loader is not 16 bytes: %r" % r1)
elif r1 == r2 or r1 == rn:
    err.append("AT_RANDOM is not fresh: %s twice" % r1)
if ld.get("AT_SYSINFO_EHDR", "0x0") in ("0x0", "0") and "AT_SYSINFO_EHDR" in nd:
    err.append("AT_SYSINFO_EHDR is 0 under the loader")
for e in err:
    print("  " + e, file=sys.stderr)
print("# auxv: %d entries natively, %d under the loader; %d differences" % (len(na), len(la), len(err)))
sys.exit(1 if err else 0)
PY

# A dynamic program: glibc's own LD_SHOW_AUXV dump (the interpreter reads the auxv).
prog=/bin/true
[ -x $prog ] || prog=/usr/bin/true
run_timeout 10 env -i LD_SHOW_AUXV=1 $prog > "$T/ld.native" 2>&1 || fail "native LD_SHOW_AUXV run failed"
run_timeout 10 env -i LD_SHOW_AUXV=1 "$L" $prog > "$T/ld.loader" 2>&1 ||
	mismatch "LD_SHOW_AUXV=1 loader $prog exited $?"
"$PY" - "$T/ld.native" "$T/ld.loader" <<'PY' || mismatch "LD_SHOW_AUXV: the dynamic program's auxv differs (above)"
import sys
def parse(p):
    out = []
    for line in open(p, errors="replace"):
        k, _, v = line.partition(":")
        out.append((k.strip(), v.strip()))
    return out
n, l = parse(sys.argv[1]), parse(sys.argv[2])
err = []
if [k for k, _ in n] != [k for k, _ in l]:
    err.append("keys differ:\n  native %s\n  loader %s" % (" ".join(k for k, _ in n), " ".join(k for k, _ in l)))
nd, ld = dict(n), dict(l)
for k in ("AT_MINSIGSTKSZ", "AT_HWCAP", "AT_PAGESZ", "AT_CLKTCK", "AT_PHENT", "AT_PHNUM",
          "AT_FLAGS", "AT_UID", "AT_EUID", "AT_GID", "AT_EGID", "AT_SECURE", "AT_HWCAP2",
          "AT_EXECFN", "AT_PLATFORM"):
    if nd.get(k) != ld.get(k):
        err.append("%s: native %r, loader %r" % (k, nd.get(k), ld.get(k)))
# Addresses move with ASLR, but within one image the distances do not: AT_PHDR - AT_ENTRY
# is fixed by the file (AT_PHDR by the kernel's rule: the PT_LOAD holding e_phoff).
def delta(d):
    try:
        return int(d["AT_PHDR"], 16) - int(d["AT_ENTRY"], 16)
    except (KeyError, ValueError):
        return None
if delta(nd) != delta(ld):
    err.append("AT_PHDR - AT_ENTRY: native %r, loader %r" % (delta(nd), delta(ld)))
try:
    if int(ld.get("AT_BASE", "0"), 16) % 4096:
        err.append("AT_BASE %s is not page-aligned" % ld["AT_BASE"])
except ValueError:
    err.append("AT_BASE unreadable: %r" % ld.get("AT_BASE"))
if ld.get("AT_BASE", "0x0") in ("0x0", "0"):
    err.append("AT_BASE of a dynamic program is %r under the loader (the interpreter's base)" % ld.get("AT_BASE"))
for e in err:
    print("  " + e, file=sys.stderr)
print("# LD_SHOW_AUXV: %d entries natively, %d under the loader" % (len(n), len(l)))
sys.exit(1 if err else 0)
PY
# The stack layout and process identity, checked from inside by tests/progs/stacklayout
# (relations that hold under ASLR: packing and order of the strings, the zero word at the
# top of [stack], AT_RANDOM/AT_PLATFORM placement, /proc/self/{cmdline,environ,auxv},
# mm->arg_start..env_end, start_stack, start_code/end_code, start_data/end_data, brk).
for v in stacklayout stacklayout-static stacklayout-static-pie; do
	need_prog $v
	run_timeout 10 env -i A=1 'B=two words' "$P/$v" x 'y z' > "$T/$v.native" 2>&1
	nrc=$?
	[ $nrc -eq 0 ] || note "$v natively: $(grep -c ': no$' "$T/$v.native") facts do not hold here"
	run_timeout 10 env -i A=1 'B=two words' "$L" "$P/$v" x 'y z' > "$T/$v.loader" 2>&1
	lrc=$?
	if [ $lrc -ne $nrc ] || ! cmp -s "$T/$v.native" "$T/$v.loader"; then
		mismatch "$v: the stack or identity under the loader differs from the kernel's (exit $lrc, natively $nrc):"
		diff -u "$T/$v.native" "$T/$v.loader" >&2
	else
		note "$v: $(grep -c ': yes$' "$T/$v.loader") facts hold, as natively"
	fi
	# The facts themselves (expected/stacklayout.out: every one holds) under the loader.
	diff -u "$S/tests/loader/expected/stacklayout.out" "$T/$v.loader" >&2 ||
		mismatch "$v under the loader differs from tests/loader/expected/stacklayout.out"
done
finish "auxv and initial stack as the kernel builds them"
