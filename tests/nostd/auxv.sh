#!/bin/sh
# nostd-demo/auxv prints argc/argv/envp and the auxv as the kernel gave them. Checked
# against what the test passed and against an independent source: glibc's LD_SHOW_AUXV=1,
# which prints the auxv the kernel gave /bin/true (same key set, same values for every
# key that does not depend on the program or on address randomisation).
. "$top_srcdir/tests/lib.sh"
auxv=$B/nostd-demo/auxv
need python3 "the check is written in python3"

run_timeout 10 env -i A=1 'B=two words' "$auxv" first 'second arg' > "$T/auxv" ||
	fail "auxv exited with $?"
head -n 6 "$T/auxv" > "$T/head"
cat > "$T/head.expected" <<TXT
argc 3
argv[0] $auxv
argv[1] first
argv[2] second arg
envp[0] A=1
envp[1] B=two words
TXT
diff -u "$T/head.expected" "$T/head" >&2 || fail "argc/argv/envp differ from what was passed"

LD_SHOW_AUXV=1 /bin/true > "$T/ldshow" || skip "/bin/true with LD_SHOW_AUXV failed"
"$PYTHON3" - "$T/auxv" "$T/ldshow" "$auxv" <<'PY' || fail "auxv disagrees with LD_SHOW_AUXV"
import re, sys
ours, theirs, path = sys.argv[1:4]
names = {0x1b: "AT_RSEQ_FEATURE_SIZE", 0x1c: "AT_RSEQ_ALIGN", 0x1d: "AT_HWCAP3", 0x1e: "AT_HWCAP4"}
mine = []
for line in open(ours):
    k, _, v = line.rstrip("\n").partition(" ")
    if k.startswith("AT_"):
        mine.append((k, v))
ref = []
for line in open(theirs):
    m = re.match(r"AT_\?\?\? \((0x[0-9a-f]+)\):\s*(\S+)", line)
    if m:
        ref.append((names.get(int(m.group(1), 16), "AT_%d" % int(m.group(1), 16)), m.group(2)))
        continue
    k, _, v = line.partition(":")
    ref.append((k.strip(), v.strip()))
errors = []
if mine[-1] != ("AT_NULL", "0"):
    errors.append("last entry is %r, not AT_NULL 0" % (mine[-1],))
mine_keys = [k for k, _ in mine[:-1]]
ref_keys = [k for k, _ in ref]
if mine_keys != ref_keys:
    errors.append("key order differs:\n  ours   %s\n  glibc  %s" % (mine_keys, ref_keys))
def num(v):
    return int(v, 16) if v.startswith("0x") else int(v)
mine_d, ref_d = dict(mine), dict(ref)
for k in ("AT_MINSIGSTKSZ", "AT_PAGESZ", "AT_CLKTCK", "AT_PHENT", "AT_FLAGS", "AT_UID",
          "AT_EUID", "AT_GID", "AT_EGID", "AT_SECURE", "AT_HWCAP2",
          "AT_RSEQ_FEATURE_SIZE", "AT_RSEQ_ALIGN"):
    if k in ref_d and num(mine_d.get(k, "-1")) != num(ref_d[k]):
        errors.append("%s: ours %s, glibc %s" % (k, mine_d.get(k), ref_d[k]))
if "AT_HWCAP" in ref_d and num(mine_d["AT_HWCAP"]) != int(ref_d["AT_HWCAP"], 16):
    errors.append("AT_HWCAP: ours %s, glibc %s" % (mine_d["AT_HWCAP"], ref_d["AT_HWCAP"]))
if mine_d.get("AT_PLATFORM") != ref_d.get("AT_PLATFORM"):
    errors.append("AT_PLATFORM differs")
if mine_d.get("AT_EXECFN") != path:
    errors.append("AT_EXECFN is %r, expected %r" % (mine_d.get("AT_EXECFN"), path))
if mine_d.get("AT_BASE") not in ("0x0",):
    errors.append("a static program should have AT_BASE 0x0, got %r" % mine_d.get("AT_BASE"))
if not re.fullmatch(r"[0-9a-f]{32}", mine_d.get("AT_RANDOM", "")):
    errors.append("AT_RANDOM is not 16 bytes of hex: %r" % mine_d.get("AT_RANDOM"))
for e in errors:
    print(e, file=sys.stderr)
sys.exit(1 if errors else 0)
PY
pass "auxv: $(grep -c '^AT_' "$T/auxv") entries, same keys and values as the kernel gives /bin/true"
