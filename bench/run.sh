#!/bin/bash
# bench/run.sh: execlab's speed goals as ratios measured side by side in one run.
# Each comparison interleaves its commands in ROUNDS rounds of K runs (bench/runs gives the
# median of each), and reports the median over rounds. Tracer timings are pinned to one
# CPU (taskset -c 0), as these 2-vCPU machines are noisy. Never run by `make check`.
set -u
B=${top_builddir:-.}
ROUNDS=${ROUNDS:-5}
RUNS=$B/bench/runs
PIN=; command -v taskset >/dev/null && PIN="taskset -c 0"
STRACE=$(command -v strace || true)

# median of the arguments
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# compare K LABEL1 'CMD1' LABEL2 'CMD2' ...: prints one line per command with its median (us)
declare -A RESULT
compare() {
	local k=$1; shift
	local -a labels=() cmds=()
	while [ $# -gt 0 ]; do labels+=("$1"); cmds+=("$2"); shift 2; done
	local -A acc=()
	for ((r = 0; r < ROUNDS; r++)); do
		for i in "${!cmds[@]}"; do
			local m
			m=$($PIN $RUNS "$k" ${cmds[$i]} 2>/dev/null | cut -d' ' -f1) || m=
			[ -n "$m" ] || { echo "  ${labels[$i]}: failed (${cmds[$i]})"; return 1; }
			acc[$i]="${acc[$i]:-} $m"
		done
	done
	for i in "${!cmds[@]}"; do
		RESULT[${labels[$i]}]=$(median ${acc[$i]})
		printf '  %-28s %10.1f us   (%s)\n' "${labels[$i]}" "${RESULT[${labels[$i]}]}" "${cmds[$i]}"
	done
}
ratio() { awk -v a="$2" -v b="$3" -v what="$1" 'BEGIN { printf "  => %-44s %.2fx\n", what, a / b }'; }
per_call() { awk -v a="$2" -v b="$3" -v n="$4" -v what="$1" 'BEGIN { printf "  => %-44s %.2f us/syscall\n", what, (a - b) / n }'; }

echo "execlab benchmarks ($(date -u +%F), $(uname -r), $(nproc) CPUs, rounds=$ROUNDS)"

if [ -x "$B/loader/loader" ]; then
	echo; echo "== loader: user-space exec vs the kernel's (300 runs each, interleaved) =="
	LDSO=/lib64/ld-linux-x86-64.so.2
	K=$((300 / ROUNDS))
	compare $K native "/bin/true" loader "$B/loader/loader /bin/true" ld.so "$LDSO /bin/true" &&
	{ ratio "loader /bin/true vs native (goal <= 1.20x)" "${RESULT[loader]}" "${RESULT[native]}"
	  ratio "ld.so /bin/true vs native" "${RESULT[ld.so]}" "${RESULT[native]}"; }
	if [ -n "$STRACE" ]; then
		# Everything between the loader's execve and hello's own write + exit.
		log=$(mktemp)
		for prog in "$B/nostd-demo/hello" /bin/true; do
			$STRACE -f -qq -o "$log" "$B/loader/loader" "$prog" >/dev/null 2>&1
			# The loader's calls: after its own execve, up to the program's first call
			# (hello: its write to fd 1; /bin/true: ld.so's brk).
			awk 'NR > 1 && /^[0-9]* *(write\(1,|brk\()/ {exit} NR > 1' "$log" > "$log.own"
			goal=; [ "$prog" = "$B/nostd-demo/hello" ] && goal=" (goal <= 16)"
			echo "  => loader's own syscalls before $(basename "$prog")'s first instruction: $(wc -l < "$log.own")$goal, $(awk '/memfd_create\(/ {t = 1} /mmap\(/ && !t {n++} END {print n + 0}' "$log.own") of them mmaps of segments, then $(sed -n '/memfd_create(/,$p' "$log.own" | wc -l) to make the trampoline and leave"
		done
		rm -f "$log" "$log.own"
	fi
fi

if [ -x "$B/tracer/trace" ] && [ -n "$STRACE" ]; then
	N=200000
	echo; echo "== trace -f -c vs strace -f -c: getppid loop, $N calls, pinned =="
	compare 1 untraced "$B/bench/getppid_loop $N" \
		strace "$STRACE -f -c -o /dev/null $B/bench/getppid_loop $N" \
		trace "$B/tracer/trace -f -c -o /dev/null $B/bench/getppid_loop $N" &&
	{ ratio "trace/strace (goal <= 1.0x, stretch 0.9x)" "${RESULT[trace]}" "${RESULT[strace]}"
	  per_call "trace" "${RESULT[trace]}" "${RESULT[untraced]}" $N
	  per_call "strace" "${RESULT[strace]}" "${RESULT[untraced]}" $N; }

	N=50000
	echo; echo "== per-call output to a file: open_close, $N pairs, pinned =="
	compare 1 untraced "$B/bench/open_close $N" \
		strace "$STRACE -f -o /dev/null $B/bench/open_close $N" \
		trace "$B/tracer/trace -f -o /dev/null $B/bench/open_close $N" &&
	ratio "trace -o/strace -o (goal <= 1.0x)" "${RESULT[trace]}" "${RESULT[strace]}"

	echo; echo "== fixed cost: -f -c true (20 runs per round) =="
	compare 20 untraced "/bin/true" strace "$STRACE -f -c -o /dev/null /bin/true" \
		trace "$B/tracer/trace -f -c -o /dev/null /bin/true" &&
	awk -v t="${RESULT[trace]}" -v s="${RESULT[strace]}" -v u="${RESULT[untraced]}" \
		'BEGIN { printf "  => fixed cost: trace %.2f ms, strace %.2f ms, untraced %.2f ms (goal <= 5 ms)\n", t/1000, s/1000, u/1000 }'

	# -k: libunwind walks, each file's symbol table read once (libdwfl, libc6-dbg's debug
	# info). strace -f -k takes about 42x strace -f here: not run, it would take minutes.
	# set -f: the pattern reaches find unexpanded.
	echo; echo "== -k: trace -f -k vs trace -f on find /usr/include -name '*.h', pinned =="
	set -f
	compare 1 trace "$B/tracer/trace -f -o /dev/null find /usr/include -name *.h" \
		trace-k "$B/tracer/trace -f -k -o /dev/null find /usr/include -name *.h" &&
	ratio "trace -f -k / trace -f (goal <= 3x)" "${RESULT[trace-k]}" "${RESULT[trace]}"
	set +f

	if "$B/tracer/trace" -e trace=openat -c -o /dev/null /bin/true 2>/dev/null; then
		echo; echo "== seccomp: -e trace=openat on 4 threads x 12500 getppid, pinned =="
		compare 1 untraced "$B/bench/threads 12500 4" \
			strace "$STRACE -f --seccomp-bpf -e trace=openat -o /dev/null $B/bench/threads 12500 4" \
			trace "$B/tracer/trace -f -e trace=openat -o /dev/null $B/bench/threads 12500 4" &&
		{ ratio "trace vs untraced (goal <= 1.5x)" "${RESULT[trace]}" "${RESULT[untraced]}"
		  ratio "strace vs untraced" "${RESULT[strace]}" "${RESULT[untraced]}"
		  ratio "trace/strace (goal <= 0.05)" "${RESULT[trace]}" "${RESULT[strace]}"; }
	fi
fi
