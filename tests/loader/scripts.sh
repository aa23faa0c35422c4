#!/bin/sh
# #! scripts (the rules of the kernel's fs/binfmt_script.c), each
# checked against the kernel's verdict on the same file (kexec.py): a chain of 5 scripts
# runs and 6 give ELOOP (126 "Too many levels of symbolic links"); a script naming itself
# (ELOOP); a missing interpreter (127 ENOENT); an interpreter argument with inner spaces
# kept; CRLF (ENOENT on "/bin/sh\r"); an empty #! line (ENOEXEC, 126); the 256-byte
# buffer limits; relative interpreters; argv and AT_EXECFN of a script through
# nostd-demo/auxv as the interpreter.
. "$top_srcdir/tests/loader/lib-loader.sh"
need_python
auxv=$B/nostd-demo/auxv
need_built "$auxv" "make builds it"
echo_=$(command -v echo); [ -x /bin/echo ] && echo_=/bin/echo
sh_=/bin/sh

mk() { f=$T/$1; shift; printf "$@" > "$f"; chmod 755 "$f"; }

# Chains: s1 -> s2 -> ... -> sN -> echo (an ELF). N = 5 runs, N = 6 is ELOOP.
for n in 5 6; do
	mk chain$n-$n "#!$echo_ chain-end\n"
	i=$((n - 1))
	while [ $i -ge 1 ]; do
		mk chain$n-$i "#!$T/chain$n-$((i + 1))\n"
		i=$((i - 1))
	done
done
verdict=$(kernel_verdict "$T/chain5-1" a)
assert_eq "kernel on a chain of 5 scripts" "exit 0" "$verdict"
verdict=$(kernel_verdict "$T/chain6-1" a)
assert_eq "kernel on a chain of 6 scripts" "errno ELOOP" "$verdict"
check_like_kernel chain-of-5 "$T/chain5-1" a
check_like_kernel chain-of-6 "$T/chain6-1" a
expect_refusal chain-of-6-text 126 "Too many levels of symbolic links" "$T/chain6-1" a

mk self "#!$T/self\n"
check_like_kernel names-itself "$T/self"
mk missing "#!$T/no-such-interpreter\necho hi\n"
check_like_kernel missing-interp "$T/missing"
expect_refusal missing-interp-127 127 "No such file or directory" "$T/missing"
mk crlf "#!$sh_\r\necho hi\r\n"
check_like_kernel crlf "$T/crlf"
mk empty "#!\necho hi\n"
check_like_kernel empty-line "$T/empty"
mk blank "#!   \t \n"
check_like_kernel blank-line "$T/blank"
mk interp-dir "#!$T\n"
check_like_kernel interp-is-directory "$T/interp-dir"
mk noexec "#!$sh_\necho hi\n"; chmod 644 "$T/noexec"
check_like_kernel script-without-x "$T/noexec"

# One optional argument, inner spaces kept, leading and trailing blanks dropped; tabs too.
mk spaces "#! $echo_  one two  three  \n"
check_like_kernel arg-inner-spaces "$T/spaces" four
mk tabs "#!\t$echo_\tx\ty \t\n"
check_like_kernel arg-tabs "$T/tabs" z
mk noline "#!$echo_"	# no newline at all: the zero-filled buffer ends the name
check_like_kernel no-newline "$T/noline" arg
mk sh-script "#!$sh_\necho \"\$0|\$*\"; exit 9\n"
check_like_kernel sh-exit-9 "$T/sh-script" 'a b' c

# The 256-byte buffer (BINPRM_BUF_SIZE): "#!" + a 253-character path + "\n" is parsed
# (the path does not exist: ENOENT); a 254-character path cannot end within the buffer
# (ENOEXEC); an over-long argument is cut short without an error.
long253=/$(printf '%0252d' 0 | tr 0 a)
long254=/$(printf '%0253d' 0 | tr 0 a)
mk path253 "#!$long253\n"
check_like_kernel path-253-chars "$T/path253"
mk path254 "#!$long254\n"
check_like_kernel path-254-chars "$T/path254"
mk longarg "#!$echo_ $(printf '%0300d' 0 | tr 0 y)\n"
check_like_kernel arg-cut-at-256 "$T/longarg" tail
# A relative interpreter resolves against the caller's cwd; a script that is its own
# interpreter's interpreter through a relative path.
mkdir "$T/sub"
mk sub/rel "#!./sub/helper\n"
mk sub/helper "#!$echo_ helper\n"
cd "$T" && check_like_kernel relative-interp ./sub/rel x
cd "$T/sub" && check_like_kernel relative-interp-wrong-cwd ./rel x
cd "$T"

# argv and AT_EXECFN of a script: [interp, arg, script-as-passed, args...]; AT_EXECFN is the
# script. Relative and absolute, through auxv as the interpreter.
mk av "#!$auxv -opt\n"
for how in abs rel; do
	case $how in abs) s=$T/av ;; rel) s=./av ;; esac
	(cd "$T" && run_timeout 10 env -i X=1 "$s" A 'B C') > "$T/av.$how.native" 2>&1 ||
		fail "native run of the script failed"
	(cd "$T" && run_timeout 10 env -i X=1 "$L" "$s" A 'B C') > "$T/av.$how.loader" 2>&1
	grep -E '^(argc |argv\[|envp\[|AT_EXECFN |AT_PHNUM |AT_ENTRY )' "$T/av.$how.native" > "$T/av.n"
	grep -E '^(argc |argv\[|envp\[|AT_EXECFN |AT_PHNUM |AT_ENTRY )' "$T/av.$how.loader" > "$T/av.l"
	grep -q "^AT_EXECFN $s\$" "$T/av.n" || fail "kernel's AT_EXECFN for a script is not the script"
	if cmp -s "$T/av.n" "$T/av.l"; then
		note "script ($how path): same argv and AT_EXECFN: $(grep -c . "$T/av.n") lines"
	else
		mismatch "script $s via auxv: argv/AT_EXECFN differ from the kernel's:"
		diff -u "$T/av.n" "$T/av.l" >&2
		head -n 3 "$T/av.$how.loader" >&2
	fi
done
# E2BIG at the byte: the kernel checks the argument size again as load_script() copies
# the rewrite's strings (a long interpreter path adds bytes), before it opens the
# interpreter, with the pointers counted as execve() was given them. The loader must
# agree on both sides of the kernel's boundary, for a good interpreter and for one that
# is not a program at all (E2BIG comes first). RLIMIT_STACK 600 KiB: the limit is 150 KiB.
long=$T/$(printf 'd%.0s' $(seq 1 200))
mkdir -p "$long"
cp /bin/true "$long/true"
printf 'not a program\n' > "$long/junk"; chmod 755 "$long/junk"
mk e2big-good "#!$long/true\n"
mk e2big-junk "#!$long/junk\n"
"$PY" - "$L" "$T/e2big-good" "$T/e2big-junk" <<'PY' || mismatch "E2BIG of a #! rewrite: not where the kernel draws it (above)"
import os, resource, subprocess, sys
loader, scripts = sys.argv[1], sys.argv[2:]
def pre():
    resource.setrlimit(resource.RLIMIT_STACK, (600 << 10, resource.getrlimit(resource.RLIMIT_STACK)[1]))
def run(argv, n):
    a = "x" * (n // 2)
    try:
        p = subprocess.run(argv + [a, a], env={}, preexec_fn=pre, capture_output=True)
        err = p.stderr.decode()
        if p.returncode == 126 and "Argument list too long" in err:
            return "E2BIG"
        return "refused" if argv[0] == loader and p.returncode in (126, 127) else "rc%d" % p.returncode
    except OSError as e:
        return "E2BIG" if e.strerror == "Argument list too long" else "refused"
bad = 0
for script in scripts:
    lo, hi = 140000, 155000          # the kernel accepts lo and refuses hi
    if run([script], lo) == "E2BIG" or run([script], hi) != "E2BIG":
        print("  %s: no boundary between %d and %d natively" % (script, lo, hi)); bad += 1; continue
    while hi - lo > 2:
        mid = (lo + hi) // 2 & ~1
        if run([script], mid) == "E2BIG": hi = mid
        else: lo = mid
    for n, want in ((lo, run([script], lo)), (hi, "E2BIG")):
        got = run([loader, script], n)
        print("# %s: %d bytes of arguments: kernel %s, loader %s" % (os.path.basename(script), n, want, got))
        if got != want:
            print("  %s with %d bytes of arguments: kernel %s, loader %s" % (script, n, want, got)); bad += 1
sys.exit(1 if bad else 0)
PY
finish "#! scripts handled as binfmt_script does"
