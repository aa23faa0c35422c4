#!/bin/sh
# tests/fuzz/run.sh SECONDS FUZZDIR TARGET...: what `make fuzz` runs. Each TARGET (a built
# tests/fuzz/fuzz_NAME) fuzzes for SECONDS, one after the other, on a scratch copy of
# FUZZDIR/seeds/NAME and FUZZDIR/regressions/NAME (the committed corpus never grows). Its
# output goes to TARGET.out, an input it crashes on to TARGET-crash-<sha1>. At the end, one
# line per target: edges covered (libFuzzer's last "cov:"), inputs run, crash or not.
# Exits 1 if any target crashed, leaked, timed out or ran out of memory.
set -u
seconds=$1 fuzzdir=$2
shift 2
case $seconds in ''|*[!0-9]*) echo "make fuzz: FUZZ_SECONDS must be a number of seconds" >&2; exit 2 ;; esac

scratch=$(mktemp -d "${TMPDIR:-/tmp}/execlab-fuzz.XXXXXX") || exit 2
trap 'rm -rf "$scratch"' EXIT
trap 'exit 130' INT TERM

summary= failed=0
for target in "$@"; do
	name=${target##*/fuzz_}
	corpus=$scratch/$name
	mkdir -p "$corpus"
	for d in "$fuzzdir/seeds/$name" "$fuzzdir/regressions/$name"; do
		[ -d "$d" ] && cp "$d"/* "$corpus"/ 2>/dev/null
	done
	rm -f "$target"-crash-* "$target"-leak-* "$target"-timeout-* "$target"-oom-*
	echo "make fuzz: $target for $seconds s on $(ls "$corpus" | wc -l) inputs (output in $target.out)"
	# -timeout: a pure function that runs a second on a few KB is stuck
	"$target" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
		-artifact_prefix="$target-" "$corpus" > "$target.out" 2>&1
	status=$?
	cov=$(grep -o 'cov: [0-9]*' "$target.out" | tail -n 1 | cut -d' ' -f2)
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$target.out" | tail -n 1)
	found=$(ls "$target"-crash-* "$target"-leak-* "$target"-timeout-* "$target"-oom-* \
		2>/dev/null | tr '\n' ' ')
	if [ $status -ne 0 ] || [ -n "$found" ]; then
		failed=1
		result="CRASH (exit $status): ${found:-see $target.out}"
		# What libFuzzer said about it (the sanitizer's report and the input's bytes),
		# so that a log of this run alone shows what to fix.
		echo "make fuzz: $target failed; the end of $target.out:"
		grep -v -e '^#[0-9]' -e '^INFO: ' "$target.out" | tail -n 40 | sed 's/^/  | /'
	else
		result="no crash"
	fi
	summary="$summary$(printf '  %-24s cov: %6s edges  %12s runs  %s' "$target" "${cov:-?}" \
		"${runs:-?}" "$result")
"
done
echo "make fuzz: $seconds s per target"
printf '%s' "$summary"
exit $failed
