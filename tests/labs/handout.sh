#!/bin/sh
# tests/labs/handout.sh: scripts/lab-handout and docs/labs/grade/grade.sh on the fixture
# lab 7 of tests/labs/fixtures/handout-tree (a C file with lab 7's and lab 8's regions, a
# shell file with a #-comment region, an answer, a grader using both kinds of case):
# the handout keeps only git-tracked files, removes lab 7's solutions and uncomments its
# stubs, leaves lab 8's regions as they are and docs/labs/answers/ out; the full tree grades
# 100% and the handout 0 on every case; grade-lab7.json has Gradescope's layout; malformed
# regions, a lab without regions, a tree that is not a git checkout and bad usage are
# refused with one line.
. "$top_srcdir/tests/lib.sh"

need git
handout=$S/scripts/lab-handout
grade=$S/docs/labs/grade/grade.sh
[ -f "$handout" ] && [ -f "$grade" ] || error "scripts/lab-handout or docs/labs/grade/grade.sh is missing"

src=$T/src
cp -R "$S/tests/labs/fixtures/handout-tree" "$src"
cp "$grade" "$src/docs/labs/grade/grade.sh"
(cd "$src" && git init -q && git add -A) || error "git init of the fixture failed"
echo "not tracked" > "$src/untracked.txt"

sh "$handout" 7 "$src" "$T/h7.tar.gz" > "$T/handout.out" 2>&1; rc=$?
cat "$T/handout.out"
assert_eq "lab-handout 7: exit status" 0 "$rc"
mkdir "$T/x"
tar -xzf "$T/h7.tar.gz" -C "$T/x" || fail "the handout does not extract"
[ "$(ls "$T/x")" = execlab-lab7-handout ] || fail "the handout's top directory: $(ls "$T/x")"
h=$T/x/execlab-lab7-handout

# What is in it.
[ -e "$h/docs/labs/answers" ] && fail "docs/labs/answers/ is in the handout"
[ -e "$h/untracked.txt" ] && fail "an untracked file is in the handout"
[ -x "$h/build.sh" ] || fail "build.sh lost its x bit"
[ -f "$h/docs/labs/grade/lab7.sh" ] || fail "the grader is not in the handout"
grep -n 'LAB 7' "$h/add.c" "$h/build.sh" && fail "lab 7's markers are left in the handout"
grep -q 'return a + b;' "$h/add.c" && fail "lab 7's solution is left in add.c"
# add()'s body is now exactly the stub, uncommented
body=$(sed -n '/^static long add/,/^}/p' "$h/add.c" | sed '1,2d;$d' | tr -d '\t' | tr '\n' '|')
assert_eq "add()'s body in the handout" '(void)a;|(void)b;|return 0;|' "$body"
# lab 8's regions are byte for byte those of the full tree
sed -n '/^static long sub/,/^}/p' "$src/add.c" > "$T/sub.full"
sed -n '/^static long sub/,/^}/p' "$h/add.c" > "$T/sub.handout"
cmp -s "$T/sub.full" "$T/sub.handout" || fail "lab 8's region changed in lab 7's handout"
# the # region: solution gone, stub lines without "# ", a lone "#" an empty line
sed -n '3,5p' "$h/build.sh" > "$T/stub"
printf 'opt=-O0\n\necho "the stub'"'"'s build" >&2\n' > "$T/stub.want"
cmp -s "$T/stub" "$T/stub.want" || fail "build.sh's stub: $(cat "$T/stub")"
grep -q 'opt=-O2' "$h/build.sh" && fail "build.sh's solution is left"
# the stub compiles with -Werror (build.sh's flags)
"$h/build.sh" "$T/add-stub" 2> /dev/null || fail "the handout's stub does not compile with -Werror"

# json_check FILE SCORE MAX NCASES: the layout of Gradescope's results.json, scores added up.
json_check() {
	probe python3 || { note "python3 is missing: $1 is not parsed"; return 0; }
	"$PYTHON3" - "$@" <<'PY' || fail "$1: not the layout expected (above)"
import json, sys
path, score, max_score, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
d = json.load(open(path))
assert set(d) == {"score", "max_score", "tests"}, d.keys()
assert d["score"] == score and d["max_score"] == max_score, (d["score"], d["max_score"])
assert len(d["tests"]) == n, len(d["tests"])
for t in d["tests"]:
    assert set(t) == {"name", "score", "max_score", "output"}, t
    assert isinstance(t["name"], str) and isinstance(t["output"], str)
    assert isinstance(t["score"], int) and isinstance(t["max_score"], int)
assert sum(t["score"] for t in d["tests"]) == score
assert sum(t["max_score"] for t in d["tests"]) == max_score
if score == 0:
    assert all(t["score"] == 0 for t in d["tests"])
print("%s: %d/%d over %d cases" % (path, score, max_score, n))
PY
}

# The full tree: every case passes.
: > "$src/execlab-env"
(cd "$src" && sh docs/labs/grade/grade.sh 7) > "$T/full.out" 2>&1; rc=$?
cat "$T/full.out"
assert_eq "grade.sh 7 on the full tree: exit status" 0 "$rc"
grep -q '^lab 7: score 50/50 (grade-lab7.json)$' "$T/full.out" || fail "the full tree does not grade 50/50"
for c in small negative big with-a-program; do
	grep -q "^  $c: ok " "$T/full.out" || fail "case $c is not ok on the full tree"
done
json_check "$src/grade-lab7.json" 50 50 4
grep -q 'quoted' "$src/grade-lab7.json" || fail "case_note's text is not in the case's output"

# The handout: every case fails.
: > "$h/execlab-env"
(cd "$h" && sh docs/labs/grade/grade.sh 7) > "$T/stub.out" 2>&1; rc=$?
cat "$T/stub.out"
assert_eq "grade.sh 7 on the handout: exit status" 0 "$rc"
grep -q '^lab 7: score 0/50 (grade-lab7.json)$' "$T/stub.out" || fail "the handout does not grade 0/50"
for c in small negative big with-a-program; do
	grep -q "^  $c: FAILED 0/" "$T/stub.out" || fail "case $c does not fail on the stub"
done
grep -q '^  small: FAILED 0/10 (add 2 3: got 0, expected 5)$' "$T/stub.out" ||
	fail "a failed case does not say why"
json_check "$h/grade-lab7.json" 0 50 4

# Refusals: one line each.
refused() {	# refused WHAT STATUS CMD...: CMD exits STATUS with one line on stderr
	local what=$1 want=$2 rc; shift 2
	"$@" > "$T/r.out" 2> "$T/r.err"; rc=$?
	assert_eq "$what: exit status" "$want" "$rc"
	[ "$(wc -l < "$T/r.err")" -eq 1 ] || fail "$what: expected one line on stderr: $(cat "$T/r.err")"
	note "$what: $(cat "$T/r.err")"
}
refused "lab-handout: not a lab number" 2 sh "$handout" x "$src" "$T/bad.tar.gz"
refused "lab-handout: not a git checkout" 2 sh "$handout" 7 "$h" "$T/bad.tar.gz"
refused "lab-handout: a lab without regions" 1 sh "$handout" 9 "$src" "$T/bad.tar.gz"
printf '/* LAB 7 SOLUTION BEGIN */\nint x;\n' > "$src/open.c"
(cd "$src" && git add open.c)
refused "lab-handout: a region without END" 1 sh "$handout" 7 "$src" "$T/bad.tar.gz"
grep -q '^open.c:1: ' "$T/r.err" || fail "the refusal does not name the file and line"
printf '# LAB 7 STUB BEGIN\nnot a comment\n# LAB 7 STUB END\n' > "$src/open.c"
refused "lab-handout: a # stub line without '# '" 1 sh "$handout" 7 "$src" "$T/bad.tar.gz"
printf '/*  LAB 7 SOLUTION BEGIN */\n' > "$src/open.c"
refused "lab-handout: a misspelt marker" 1 sh "$handout" 7 "$src" "$T/bad.tar.gz"
[ -e "$T/bad.tar.gz" ] && fail "a refused handout was written"
refused "grade.sh: not a lab number" 2 sh "$src/docs/labs/grade/grade.sh" x
refused "grade.sh: a lab without a grader" 99 sh -c 'cd "$1" && sh docs/labs/grade/grade.sh 9' sh "$src"
pass "make handout's transform and make grade's cases and JSON work on the fixture lab"
