# docs/labs/grade/lab2.sh: the graded cases of lab 2's exercise, the #! parser
# (loader/script_parse.c: parse_line). Sourced by docs/labs/grade/grade.sh 2.
#
# The kernel is the oracle. Each case writes a script into a scratch directory and runs
# it from there twice, with tests/loader/kexec.py (fork + execve: no shell, no PATH
# search, no ENOEXEC fallback): natively, where the kernel's fs/binfmt_script.c parses
# the #! line, and as `loader ./SCRIPT ARG...`. The loader must do what the kernel did:
#   the kernel ran it          -> the same exit status and the same stdout;
#   the kernel refused it (E)  -> exit 127 if E is ENOENT, else 126, nothing on stdout,
#                                 one stderr line "loader: ./SCRIPT: strerror(E)[ (...)]".
# The interpreters are /bin/sh and /bin/echo: echo prints its arguments joined by single
# spaces, so a split or a trimmed argument shows in stdout.

lab2_dir=$GRADE_TMP
lab2_loader=$B/loader/loader
lab2_kexec=$S/tests/loader/kexec.py
# /usr/bin/python3 when there is one: a shim on PATH may not run in every environment.
if [ -x /usr/bin/python3 ]; then lab2_py=/usr/bin/python3; else lab2_py=$(command -v python3); fi
for lab2_need in "$lab2_loader" "$lab2_kexec" "$lab2_py" /bin/sh /bin/echo; do
	[ -n "$lab2_need" ] && [ -e "$lab2_need" ] || {
		echo "lab2: ${lab2_need:-python3} is missing (python3 runs the kernel oracle," \
		     "tests/loader/kexec.py; make builds loader/loader)" >&2
		exit 99
	}
done

# lab2_file NAME FORMAT [ARG...]: the script NAME, mode 0755, written by printf FORMAT ARG...
lab2_file() {
	lab2_f=$1; shift
	# shellcheck disable=SC2059 # the format is the file's text, escapes and all
	printf "$@" > "$lab2_dir/$lab2_f" && chmod 755 "$lab2_dir/$lab2_f"
}

# lab2_case NAME MAX SCRIPT [ARG...]: run ./SCRIPT ARG... natively and under the loader
# (from the scratch directory); pass if the loader did what the kernel did.
lab2_case() {
	lab2_name=$1; lab2_max=$2; shift 2
	case_begin "$lab2_name" "$lab2_max"
	"$lab2_py" -c 'import json, sys
print(json.dumps({"name": sys.argv[1], "cwd": sys.argv[2], "argv": ["./" + sys.argv[3]] + sys.argv[4:]}))' \
		"$lab2_name" "$lab2_dir" "$@" > "$lab2_dir/$lab2_name.case" ||
		{ echo "lab2: python3 failed" >&2; exit 99; }
	lab2_rc=0	# (|| keeps a failed case from ending a grade.sh that runs under set -e)
	"$lab2_py" "$lab2_kexec" check "$lab2_loader" "$lab2_dir/$lab2_name.case" \
		> "$lab2_dir/$lab2_name.table" 2>&1 || lab2_rc=$?
	case $lab2_rc in
	0) case_pass ;;
	1) # the case's verdicts (row 2: columns apart by 2+ spaces), then kexec.py's reason
	   case_fail "$(awk -F'  +' 'NR == 2 { k = $2 } /^ *\^ / { sub(/^ *\^ +/, ""); why = $0 }
		END { print (why ~ /^kernel/ ? "" : "kernel: " k "; ") why }' \
		"$lab2_dir/$lab2_name.table")" ;;
	*) echo "lab2: tests/loader/kexec.py failed:" >&2; cat "$lab2_dir/$lab2_name.table" >&2
	   exit 99 ;;
	esac
}

lab2_long() { printf "%0$2d" 0 | tr 0 "$1"; }	# lab2_long CHAR N: N times CHAR

# The interpreter alone; the script's own argv through $0 and $@.
lab2_file simple '#!/bin/sh\necho "simple: $0, $# arguments: $*"\n'
lab2_case simple 10 simple one two

# One argument after the interpreter; then its inner blanks kept (trailing ones dropped).
lab2_file interp-arg '#!/bin/echo one\n'
lab2_case interp-arg 8 interp-arg two
lab2_file arg-inner-spaces '#!/bin/echo  one two  three  \n'
lab2_case arg-inner-spaces 8 arg-inner-spaces four

# Tabs before the interpreter, between it and the argument, inside and after the argument.
lab2_file tabs '#!\t/bin/echo\tx\ty \t\n'
lab2_case tabs 8 tabs z

# The 256-byte buffer (BINPRM_BUF_SIZE). 255 characters: the '\n' is byte 255, inside it.
lab2_file line-255 '#!/bin/echo %s\n' "$(lab2_long a 243)"
lab2_case line-255 8 line-255 end
# 256: no '\n' in the buffer; the name ends inside it, so the line is cut: the argument
# loses its last character.
lab2_file line-256 '#!/bin/echo %s\n' "$(lab2_long b 244)"
lab2_case line-256 8 line-256 end
# 300, all of it the interpreter's path: its name may be cut, so the kernel refuses it.
lab2_file line-300 '#!/%s\n' "$(lab2_long p 297)"
lab2_case line-300 8 line-300

# An interpreter that does not exist; a line ending in "\r\n" (the name is "/bin/sh\r").
lab2_file missing-interp '#!%s/no-such-interpreter -x\necho hi\n' "$lab2_dir"
lab2_case missing-interp 8 missing-interp
lab2_file crlf '#!/bin/sh\r\necho hi\r\n'
lab2_case crlf 8 crlf

# "#!" and nothing after it names no interpreter.
lab2_file empty '#!\necho hi\n'
lab2_case empty 8 empty

# A script as the interpreter: both rewrites of argv, in order.
lab2_file nested-inner '#!/bin/echo inner\n'
lab2_file nested '#!./nested-inner outer\n'
lab2_case nested 9 nested x

# argv after the rewrite: [interpreter, argument, script as given, the original argv[1..]].
lab2_file argv-order '#!/bin/sh -e\nprintf "[%%s]" "$0" "$@"; echo\n'
lab2_case argv-order 9 argv-order 'a b' '' c

