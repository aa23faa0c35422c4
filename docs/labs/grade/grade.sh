#!/bin/sh
# docs/labs/grade/grade.sh N: grades lab N, from the top of the build directory (`make grade
# LAB=N` runs it there, after building). It sources docs/labs/grade/labN.sh, which defines
# the graded cases with the functions below, prints one line per case and the total, and
# writes grade-labN.json in the build directory in the layout of Gradescope's results.json:
#   {"score": S, "max_score": M, "tests": [{"name": ..., "score": ..., "max_score": ...,
#    "output": ...}, ...]}
# Exit status: 0 once graded (the score is the result, whatever it is); 2 bad usage; 99 the
# grader itself cannot run (no labN.sh, not in a build directory, labN.sh stopped or
# defines no case).
#
# What labN.sh may use (docs/labs/README.md, "Grading"):
#   grade_case NAME MAX COMMAND [ARG...]
#       a case that COMMAND decides: exit 0 gives MAX points, anything else 0; its output
#       (stdout and stderr) is the case's output, its last line the reason shown. COMMAND
#       may be a function of labN.sh (run in a subshell) or a program (killed after
#       GRADE_TIMEOUT seconds, default 120).
#   case_begin NAME MAX; ... case_fail TEXT ...; case_pass
#       a case made of several checks in labN.sh itself: it scores MAX if case_pass is
#       called and case_fail never was (each case_fail adds its TEXT to the reason); a case
#       with neither scores 0 ("no verdict"). The case ends at the next case_begin or
#       grade_case, or at the end of labN.sh.
#   case_note TEXT         adds a line to the current case's output
#   grade_run CMD [ARG...] runs CMD with the timeout, its output appended to the case's output
#   $B, $S                 the build and source directories (absolute); the tools are on
#                          PATH (execlab-env) and the working directory is $B
#   $GRADE_TMP             a scratch directory, removed at the end
# Case names are unique, made of letters, digits, '-', '_' and '.'; MAX is a positive integer.
set -u

usage() { echo "grade.sh: $* (usage: docs/labs/grade/grade.sh N, from the build directory)" >&2; exit 2; }
stop() { echo "grade.sh: $*" >&2; exit 99; }

[ $# -eq 1 ] || usage "expected one lab number"
case $1 in ''|*[!0-9]*) usage "'$1' is not a lab number" ;; esac
LAB=$(( $1 + 0 ))
S=$(cd "$(dirname "$0")/../../.." && pwd -P) || stop "cannot find the source directory"
B=$(pwd -P)
LABSH=$S/docs/labs/grade/lab$LAB.sh
[ -f "$LABSH" ] || stop "lab $LAB has no grader ($LABSH)"
[ -f "$B/execlab-env" ] || stop "$B is not a built build directory (no execlab-env): run make grade LAB=$LAB there"
. "$B/execlab-env"
GRADE_TIMEOUT=${GRADE_TIMEOUT:-120}
GRADE_TMP=$(mktemp -d "${TMPDIR:-/tmp}/execlab-grade$LAB.XXXXXX") || stop "mktemp failed"
R=$(mktemp -d "${TMPDIR:-/tmp}/execlab-grade-results.XXXXXX") || stop "mktemp failed"
trap 'rm -rf "$GRADE_TMP" "$R"' EXIT
trap 'exit 130' INT TERM
export B S GRADE_TMP

# Each case: $R/NNN.name, .max, .score (when decided), .fail (reasons), .out (its output).
ncase=0
cur=
case_start() {
	case_end
	case $1 in ''|*[!A-Za-z0-9._-]*) stop "$LABSH: case name '$1': use letters, digits, '-', '_', '.'" ;; esac
	case $2 in ''|*[!0-9]*|0) stop "$LABSH: case $1: MAX '$2' is not a positive integer" ;; esac
	grep -qxF -- "$1" "$R"/*.name 2> /dev/null && stop "$LABSH: case $1 is defined twice"
	ncase=$((ncase + 1))
	cur=$R/$(printf '%03d' $ncase)
	printf '%s\n' "$1" > "$cur.name"
	echo "$2" > "$cur.max"
	: > "$cur.out"
}
# case_end: the verdict of a case_begin case (a grade_case case has decided already).
case_end() {
	[ -n "$cur" ] || return 0
	if [ ! -f "$cur.score" ]; then
		if [ -s "$cur.fail" ]; then echo 0 > "$cur.score"
		elif [ -f "$cur.pass" ]; then cat "$cur.max" > "$cur.score"
		else echo 0 > "$cur.score"; echo "no verdict (neither case_pass nor case_fail)" > "$cur.fail"
		fi
	fi
	report
	cur=
}
report() {
	local name max score why
	name=$(cat "$cur.name"); max=$(cat "$cur.max"); score=$(cat "$cur.score")
	if [ "$score" = "$max" ]; then
		echo "  $name: ok $score/$max"
	else
		why=$(tr '\n' ';' < "$cur.fail" | sed 's/;$//; s/;/; /g')
		echo "  $name: FAILED $score/$max ($why)"
	fi
}
case_begin() { [ $# -eq 2 ] || stop "$LABSH: case_begin NAME MAX"; case_start "$1" "$2"; }
case_pass() { [ -n "$cur" ] || stop "$LABSH: case_pass outside a case"; : > "$cur.pass"; }
case_fail() {
	[ -n "$cur" ] || stop "$LABSH: case_fail outside a case"
	printf '%s\n' "${*:-failed}" >> "$cur.fail"
	printf 'FAILED: %s\n' "${*:-failed}" >> "$cur.out"
}
case_note() { [ -n "$cur" ] || stop "$LABSH: case_note outside a case"; printf '%s\n' "$*" >> "$cur.out"; }
grade_run() {
	[ -n "$cur" ] || stop "$LABSH: grade_run outside a case"
	local rc
	case $(type "$1" 2> /dev/null) in
	*function*)
		# a function of labN.sh: run in a subshell (timeout cannot run it; the programs
		# it runs carry their own timeouts)
		( "$@" ) >> "$cur.out" 2>&1 < /dev/null; rc=$? ;;
	*)
		timeout --kill-after=5 "$GRADE_TIMEOUT" "$@" >> "$cur.out" 2>&1 < /dev/null; rc=$?
		[ $rc -eq 124 ] && echo "timed out after ${GRADE_TIMEOUT}s: $*" >> "$cur.out" ;;
	esac
	return $rc
}
grade_case() {
	[ $# -ge 3 ] || stop "$LABSH: grade_case NAME MAX COMMAND..."
	local name=$1 max=$2 rc last
	shift 2
	case_start "$name" "$max"
	grade_run "$@"; rc=$?
	if [ $rc -eq 0 ]; then
		cat "$cur.max" > "$cur.score"
	else
		echo 0 > "$cur.score"
		last=$(sed '/^[[:space:]]*$/d' "$cur.out" | tail -n 1 | cut -c1-200)
		echo "${last:-exit status $rc}" > "$cur.fail"
	fi
	case_end
}

echo "lab $LAB: grading with $LABSH"
# labN.sh runs in a subshell, so that a stray exit or error in it stops only it; the cases
# it decided are in $R. The working directory is the build directory.
# (Its last command's status does not matter; a syntax error or an exit stops it early.)
( cd "$B" || exit 1; . "$LABSH"; case_end; : > "$R/done" ); rc=$?
[ -f "$R/done" ] || stop "$LABSH stopped (status $rc) before its end"
ls "$R"/*.name > /dev/null 2>&1 || stop "$LABSH defines no case"

# json_lines: each case as one JSON object per line (name, score, max_score, output), its
# output reduced to printable ASCII (and tabs, newlines) so that the file is valid JSON.
# (sed escapes: awks differ on backslashes in gsub's replacement)
tab=$(printf '\t')
json_string() {
	LC_ALL=C tr -cd '\11\12\40-\176' | head -c 8000 |
		sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e "s/$tab/\\\\t/g" |
		awk 'BEGIN { ORS = "" } { s = s (NR > 1 ? "\\n" : "") $0 } END { print "\"" s "\"" }'
}
score=0 max=0 sep=
json=$B/grade-lab$LAB.json
{
	for f in "$R"/*.name; do
		c=${f%.name}
		s=$(cat "$c.score"); m=$(cat "$c.max")
		score=$((score + s)); max=$((max + m))
		out=$( { [ -s "$c.fail" ] && sed 's/^/reason: /' "$c.fail"; cat "$c.out"; } | json_string)
		name=$(json_string < "$c.name")
		printf '%s\n    {"name": %s, "score": %s, "max_score": %s, "output": %s}' \
			"$sep" "$name" "$s" "$m" "$out"
		sep=,
	done > "$R/tests.json"
	printf '{"score": %s, "max_score": %s, "tests": [' "$score" "$max"
	cat "$R/tests.json"
	printf '\n]}\n'
} > "$json.tmp" && mv "$json.tmp" "$json" || stop "cannot write $json"
echo "lab $LAB: score $score/$max (grade-lab$LAB.json)"
exit 0
