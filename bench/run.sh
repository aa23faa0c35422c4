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

# In-kernel counting (trace --engine=bpf): the programs count in the kernel and the tables
# are read once, so a run pays per call only the programs' own time, plus a fixed start-up
# (libbpf reads the kernel's BTF, the verifier checks the programs). The ratios are given
# with that start-up removed (measured on /bin/true: how the goals are set, and how
# bpftrace's own start-up is removed) and raw. Needs root (or CAP_BPF and CAP_PERFMON).
if [ -x "$B/tracer/trace" ]; then
	echo; echo "== in-kernel counting: trace -c --engine=bpf, pinned =="
	BT=$(mktemp -d)
	if ! "$B/tracer/trace" --engine=bpf -c -o /dev/null /bin/true 2> "$BT/why"; then
		echo "  not measured: $(cat "$BT/why")"
	else
		TB="$B/tracer/trace --engine=bpf -c -o /dev/null"
		TBW="$B/tracer/trace --engine=bpf -c -w -o /dev/null"
		BPFTRACE=$(command -v bpftrace || true)
		# bpftrace's nearest equivalent: calls and errors per syscall number of the
		# process it starts, in maps printed at its end. A script, as compare splits
		# commands on blanks.
		cat > "$BT/count.bt" <<'BPF'
tracepoint:raw_syscalls:sys_exit /pid == cpid/ { @calls[args->id] = count(); if (args->ret < 0) { @errors[args->id] = count(); } }
BPF
		printf '#!/bin/sh\nexec %s -q %s -c "$*" > /dev/null\n' "$BPFTRACE" "$BT/count.bt" > "$BT/bpftrace"
		chmod +x "$BT/bpftrace"
		BPFTRACE_ROW=; [ -n "$BPFTRACE" ] && BPFTRACE_ROW=1

		# start-up (10 runs per round): what each costs before the program runs
		compare 10 true "/bin/true" bpf-true "$TB /bin/true" bpf-w-true "$TBW /bin/true" \
			${BPFTRACE_ROW:+bpftrace-true "$BT/bpftrace /bin/true"} &&
		awk -v t="${RESULT[true]}" -v b="${RESULT[bpf-true]}" -v w="${RESULT[bpf-w-true]}" \
			-v bt="${RESULT[bpftrace-true]:-0}" 'BEGIN {
			printf "  => start-up: trace --engine=bpf %.1f ms, with -w %.1f ms", (b - t) / 1000, (w - t) / 1000
			if (bt > 0) printf ", bpftrace %.1f ms", (bt - t) / 1000
			printf "\n" }'
		UP_B=$(awk -v a="${RESULT[bpf-true]}" -v b="${RESULT[true]}" 'BEGIN { print a - b }')
		UP_W=$(awk -v a="${RESULT[bpf-w-true]}" -v b="${RESULT[true]}" 'BEGIN { print a - b }')
		UP_BT=$(awk -v a="${RESULT[bpftrace-true]:-0}" -v b="${RESULT[true]}" 'BEGIN { print a - b }')
		# bpf_rows LABEL [GOAL GOAL-W]: the ratios of one workload's rows to its untraced
		# row, start-up removed (the goals are for those) and raw
		bpf_rows() {
			awk -v u="${RESULT[untraced]}" -v b="${RESULT[bpf]}" -v w="${RESULT[bpf-w]}" \
				-v ub="$UP_B" -v uw="$UP_W" -v goal="${2:-}" -v goalw="${3:-}" -v what="$1" 'BEGIN {
				printf "  => %-44s %.2fx (raw %.2fx)%s\n", what ": bpf -c vs untraced", (b - ub) / u, b / u, goal
				printf "  => %-44s %.2fx (raw %.2fx)%s\n", what ": bpf -c -w vs untraced", (w - uw) / u, w / u, goalw }'
			if [ -n "${RESULT[bpftrace]:-}" ] && [ -n "$BPFTRACE_ROW" ]; then
				awk -v u="${RESULT[untraced]}" -v t="${RESULT[bpftrace]}" -v up="$UP_BT" \
					-v b="${RESULT[bpf]}" -v ub="$UP_B" -v what="$1" 'BEGIN {
					printf "  => %-44s %.2fx (raw %.2fx)\n", what ": bpftrace vs untraced", (t - up) / u, t / u
					printf "  => %-44s %.2fx (goal <= 1.0x)\n", what ": bpf -c / bpftrace, start-ups removed", (b - ub) / (t - up) }'
			fi
		}

		N=${BPF_CALLS:-2000000}
		echo "  -- getppid loop, $N calls --"
		RESULT[bpftrace]=
		compare 1 untraced "$B/bench/getppid_loop $N" bpf "$TB $B/bench/getppid_loop $N" \
			bpf-w "$TBW $B/bench/getppid_loop $N" \
			${BPFTRACE_ROW:+bpftrace "$BT/bpftrace $B/bench/getppid_loop $N"} &&
		bpf_rows "getppid" "   (goal <= 1.25x)" "   (goal <= 1.6x)"
		if [ -n "$STRACE" ]; then
			# strace -c stops twice per call: a tenth of the calls, the same ratio
			compare 1 untraced "$B/bench/getppid_loop $((N / 10))" \
				strace "$STRACE -f -c -o /dev/null $B/bench/getppid_loop $((N / 10))" &&
			ratio "getppid: strace -c vs untraced ($((N / 10)) calls)" "${RESULT[strace]}" "${RESULT[untraced]}"
		fi

		N=${BPF_THREAD_CALLS:-500000}
		echo "  -- 4 threads x $N getppid, -f --"
		RESULT[bpftrace]=
		compare 1 untraced "$B/bench/threads $N 4" bpf "$TB -f $B/bench/threads $N 4" \
			bpf-w "$TBW -f $B/bench/threads $N 4" \
			${BPFTRACE_ROW:+bpftrace "$BT/bpftrace $B/bench/threads $N 4"} &&
		bpf_rows "4 threads"
		[ -n "$STRACE" ] &&
		compare 1 untraced "$B/bench/threads $((N / 10)) 4" \
			strace "$STRACE -f -c -o /dev/null $B/bench/threads $((N / 10)) 4" &&
		ratio "4 threads: strace -f -c vs untraced ($((N / 10)) calls each)" "${RESULT[strace]}" "${RESULT[untraced]}"

		N=${BPF_EXECS:-300}
		echo "  -- fork/exec storm: sh runs /bin/true $N times, -f --"
		printf 'i=0; while [ $i -lt %d ]; do /bin/true; i=$((i + 1)); done\n' "$N" > "$BT/storm.sh"
		# (no bpftrace row: its cpid filter does not follow children)
		RESULT[bpftrace]=
		compare 1 untraced "sh $BT/storm.sh" bpf "$TB -f sh $BT/storm.sh" \
			bpf-w "$TBW -f sh $BT/storm.sh" \
			${STRACE:+strace "$STRACE -f -c -o /dev/null sh $BT/storm.sh"} \
			ptrace "$B/tracer/trace -f -c -o /dev/null sh $BT/storm.sh" &&
		{ bpf_rows "storm"
		  [ -n "$STRACE" ] && ratio "storm: strace -f -c vs untraced" "${RESULT[strace]}" "${RESULT[untraced]}"
		  ratio "storm: trace -f -c (ptrace) vs untraced" "${RESULT[ptrace]}" "${RESULT[untraced]}"; }
	fi
	rm -rf "$BT"
fi
