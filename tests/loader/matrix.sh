#!/bin/sh
# The matrix of ELF kinds the loader must run: the same sources built static, static-pie,
# PIE, -no-pie (musl's kinds: musl.sh), with 2 MiB max-page-size, with
# noseparate-code, with TLS, threads, a 64 MiB bss, data and bss sharing a page, heavy
# brk/malloc, a stack grown to 3/4 of RLIMIT_STACK, plus nostd-demo/hello; 5000 arguments
# and a 100 KB environment string; and 60 repeated runs of five kinds (ASLR collisions). Each runs natively and under loader/loader: stdout and
# exit status must be equal (argv passing and non-zero exit statuses included).
. "$top_srcdir/tests/loader/lib-loader.sh"

for v in basic-static basic-static-pie basic-pie basic-nopie basic-maxpage \
	 basic-maxpage-static basic-nosep; do
	need_prog $v
	same_run $v "$P/$v"
	same_run $v-args "$P/$v" --exit=0 'two words' '' "tab	and
newline" ünïcødé
	same_run $v-exit7 "$P/$v" --exit=7
	same_run $v-exit255 "$P/$v" --exit=255
done

for v in tls tls-static tls-static-pie threads threads-static bigbss databss databss-pie \
	 heap heap-static deepstack; do
	need_prog $v
	same_run $v "$P/$v"
done
need_prog heap-static-pie
same_run heap-static-pie "$P/heap-static-pie" --static-pie

# The programs check themselves too: a wrong but equal answer must not pass.
grep -q 'share a page: yes' "$T/databss.native.out" ||
	note "databss: the linker did not put data and bss in one page here (check weaker)"
grep -q '0 non-zero' "$T/bigbss.loader.out" || mismatch "bigbss under the loader: bss not zero"
grep -q 'all zero' "$T/databss.loader.out" || mismatch "databss under the loader: padzero missing"
grep -q 'within 1 GiB: yes' "$T/heap.loader.out" ||
	mismatch "heap under the loader: brk does not start after the program's bss"

# Many arguments and a big environment: the stack image must hold them all.
set -- $(seq 1 5000)
same_run many-args "$P/basic-static" --exit=0 "$@"
big=$(head -c 100000 /dev/zero | tr '\0' x)
BIG_ENV=$big same_run big-env "$P/basic-pie" "$(printf '%.60000s' "$big")"
# One argument of the largest size the kernel takes (MAX_ARG_STRLEN: 131071 + NUL), and
# about 1.9 MiB of arguments in all (under the 2 MiB that RLIMIT_STACK / 4 allows).
a128k=$(printf '%.131071s' "$big$big")
same_run max-arg-strlen "$P/basic-static" --exit=0 "$a128k"
a120k=$(printf '%.120000s' "$big$big")
set -- "$a120k" "$a120k" "$a120k" "$a120k" "$a120k" "$a120k" "$a120k" "$a120k"
same_run args-1.9MiB "$P/basic-pie" --exit=0 "$@" "$@"
i=0
while [ $i -lt 3000 ]; do export "LT_MANY_$i=$i"; i=$((i + 1)); done
same_run 3000-env-vars "$P/basic-static-pie"
i=0
while [ $i -lt 3000 ]; do unset "LT_MANY_$i"; i=$((i + 1)); done
set --

# Other stack limits: unlimited (the kernel then lays out mmap bottom-up) and 1 MiB.
for lim in unlimited 1024; do
	for v in basic-static basic-static-pie basic-pie heap deepstack; do
		(ulimit -s $lim 2>/dev/null || exit 0; same_run "$v-stack-$lim" "$P/$v"; exit $MISMATCHES) ||
			MISMATCHES=$((MISMATCHES + 1))
	done
done

# Repeated runs: ASLR places the loader, the program, its break and the stack anew each
# time; a collision that happens one time in fifty shows up here.
for v in basic-static basic-static-pie basic-pie basic-nopie heap-static-pie; do
	"$P/$v" --static-pie > "$T/rep.native" 2>&1
	i=0 bad=0
	while [ $i -lt 60 ]; do
		"$L" "$P/$v" --static-pie > "$T/rep.loader" 2>&1 && cmp -s "$T/rep.native" "$T/rep.loader" ||
			bad=$((bad + 1))
		i=$((i + 1))
	done
	if [ $bad -ne 0 ]; then
		mismatch "$v: $bad of 60 runs under the loader differed from the native run; last:"
		head -n 5 "$T/rep.loader" >&2
	else
		note "$v: 60 runs under the loader, all as natively"
	fi
done

need_built "$B/nostd-demo/hello" "make builds it"
same_run nostd-hello "$B/nostd-demo/hello"
finish "ELF matrix: native and loader runs agree"
