#!/bin/sh
# The differential fuzzer's self-test (loader/tools/fuzz-vs-kernel.py; `make
# fuzz-differential` runs it for minutes). A fixed seed and 40 mutants, end to end:
#   a fake loader that always exits 0 must be caught: disagreements reported, exit 1, and
#     a reported reproducer (--replay SEED:INDEX) must replay that same mutant and keep it;
#   against the real loader the tool must run and summarise all 40 mutants. Findings are
#     not a failure here: the loader may have some; the fuzzer itself is what is tested;
#   a class listed as explained (--known) labels its findings and does not fail the run;
#   bad usage (a malformed list too) exits 2.
# Skips only without python3 or gcc (the fuzzer builds its programs with gcc). A missing
# loader/loader is a broken build here, not a reason to skip: exit 99 (hard error).
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
loader=${EXECLAB_LOADER:-$top_builddir/loader/loader}
if [ ! -x "$loader" ]; then
	echo "ERROR: $loader is not built"
	exit 99
fi
. "$top_srcdir/tests/loader/lib-loader.sh"
need_python
need_cmd gcc "the fuzzer builds the programs it mutates"

FUZZ=$S/loader/tools/fuzz-vs-kernel.py
SEED=4242
# the fuzzer's scratch directory goes inside ours, removed with it
TMPDIR=$T
export TMPDIR

# 1. A planted disagreement: this "loader" runs nothing and always exits 0.
printf '#!/bin/sh\nexit 0\n' > "$T/fake-loader"
chmod 755 "$T/fake-loader"
run_timeout 300 "$PY" "$FUZZ" --seed $SEED --count 40 "$T/fake-loader" > "$T/fake.log" 2>&1
rc=$?
sed 's/^/fake: /' "$T/fake.log"
check_eq "exit status against a loader that always exits 0" 1 "$rc"
grep -Eq '^disagreements: [1-9]' "$T/fake.log" ||
	mismatch "no disagreement reported against a loader that always exits 0"
grep -q '^DISAGREE ' "$T/fake.log" || mismatch "no DISAGREE line printed"

# 2. A reported reproducer replays the same mutant (its description) and keeps its files.
line=$(grep -m 1 '^DISAGREE ' "$T/fake.log")
rep=$(printf '%s\n' "$line" | sed -n 's/^DISAGREE .* --replay \([0-9]*:[0-9/,]*\): .*/\1/p')
if [ -z "$rep" ]; then
	mismatch "the DISAGREE line has no --replay SEED:INDEX: $line"
else
	run_timeout 120 "$PY" "$FUZZ" --replay "$rep" --keep "$T/keep" "$T/fake-loader" \
		> "$T/replay.log" 2>&1
	rc=$?
	sed 's/^/replay: /' "$T/replay.log"
	check_eq "exit status of --replay $rep" 1 "$rc"
	grep -q '^verdict: disagree' "$T/replay.log" || mismatch "--replay $rep did not disagree again"
	# the mutation as the run described it (after "--replay SEED:INDEX: TARGET: ")
	desc=$(printf '%s\n' "$line" | sed 's/^DISAGREE .* --replay [0-9:/,]*: [^:]*: //')
	first=${desc%%; *}
	grep -qF -- "$first" "$T/replay.log" ||
		mismatch "--replay $rep made another mutant (expected '$first')"
	ls "$T"/keep/*/prog > /dev/null 2>&1 || mismatch "--keep wrote no prog file"
fi

# 3. The real loader: the tool runs all 40 mutants and summarises; findings are allowed.
run_timeout 300 "$PY" "$FUZZ" --seed $SEED --count 40 "$L" > "$T/real.log" 2>&1
rc=$?
sed 's/^/real: /' "$T/real.log"
case $rc in
0 | 1) ;;
*) mismatch "exit status $rc against the real loader (0 or 1 expected)" ;;
esac
grep -Eq "^summary: seed $SEED, 40 mutants in " "$T/real.log" ||
	mismatch "no summary line for 40 mutants"
grep -Eq '^  compared [1-9]' "$T/real.log" || mismatch "no mutant was compared"
grep -Eq '^disagreements: [0-9]+' "$T/real.log" || mismatch "no disagreement count"
grep -q Traceback "$T/real.log" "$T/fake.log" && mismatch "the fuzzer raised an exception"

# 4. A class listed as explained (--known) labels its findings and no longer fails the
#    run; a malformed list is bad usage. The committed list must load.
printf 'everything | | | | | ^exit 0\n\tthe fake loader always exits 0\n' > "$T/all.known"
run_timeout 300 "$PY" "$FUZZ" --seed $SEED --count 40 --known "$T/all.known" "$T/fake-loader" \
	> "$T/known.log" 2>&1
rc=$?
sed 's/^/known: /' "$T/known.log"
check_eq "exit status when every finding is explained" 0 "$rc"
grep -q '^KNOWN(everything) ' "$T/known.log" || mismatch "no KNOWN(everything) line printed"
grep -Eq '^  explained \(all.known\): [1-9][0-9]* \(everything [1-9][0-9]*\); unexplained: 0$' \
	"$T/known.log" || mismatch "no count of explained findings"
printf 'just a name\n' > "$T/bad.known"
"$PY" "$FUZZ" --count 1 --known "$T/bad.known" "$L" > /dev/null 2>&1
check_eq "exit status with a malformed --known" 2 "$?"
grep -q Traceback "$T/known.log" && mismatch "the fuzzer raised an exception with --known"
grep -q '^  explained (fuzz-vs-kernel.known): ' "$T/real.log" ||
	mismatch "the run against the real loader did not use loader/tools/fuzz-vs-kernel.known"

# 5. Fixed findings stay fixed: every reproducer of loader/tools/fuzz-vs-kernel.fixed agrees.
grep -v '^#' "$S/loader/tools/fuzz-vs-kernel.fixed" | while IFS='	' read -r rep why; do
	[ -n "$rep" ] || continue
	run_timeout 120 "$PY" "$FUZZ" --replay "$rep" "$L" > "$T/fixed.log" 2>&1
	if grep -q '^verdict: agree' "$T/fixed.log"; then
		note "fixed $rep agrees: $why"
	else
		echo "MISMATCH: --replay $rep does not agree any more ($why):" >&2
		sed 's/^/  /' "$T/fixed.log" >&2
		echo x >> "$T/fixed.fail"
	fi
done
[ -f "$T/fixed.fail" ] && mismatch "$(wc -l < "$T/fixed.fail") fixed finding(s) came back"

# 6. Bad usage.
"$PY" "$FUZZ" --replay nonsense "$L" > /dev/null 2>&1
check_eq "exit status of a bad --replay" 2 "$?"
"$PY" "$FUZZ" --count 1 "$T/no-such-loader" > /dev/null 2>&1
check_eq "exit status with a missing LOADER" 2 "$?"

finish "differential fuzzer self-test (seed $SEED, 40 mutants)"
