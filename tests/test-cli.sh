#!/bin/bash
# test-cli.sh: the waymark command line, run as a user would, with no display.
#
#   bash test-cli.sh PATH/TO/waymark
#
# Prints TAP. Every check runs the real binary with DISPLAY and
# WAYLAND_DISPLAY unset.

set -u

waymark=$(realpath "$1")
fixtures=$(dirname "$(realpath "$0")")/data
unset DISPLAY WAYLAND_DISPLAY

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
mkdir out log

n=0

check () {
  local description=$1
  shift
  n=$((n + 1))
  if "$@"; then
    echo "ok $n - $description"
  else
    echo "not ok $n - $description"
    sed 's/^/# stdout: /' log/stdout
    sed 's/^/# stderr: /' log/stderr
  fi
}

# Runs waymark; its output goes to log/stdout and log/stderr, its exit
# status to $status.
run () {
  "$waymark" "$@" >log/stdout 2>log/stderr
  status=$?
}

status_is () { [ "$status" -eq "$1" ]; }
failed () { [ "$status" -ne 0 ]; }
one_stderr_line () { [ "$(wc -l <log/stderr)" -eq 1 ]; }
stderr_has () { grep -qF -- "$1" log/stderr; }
stdout_has () { grep -qF -- "$1" log/stdout; }
out_is_empty () { [ -z "$(ls -A out)" ]; }
starts_with () { [ "$(head -c "${#2}" "$1")" = "$2" ]; }
is_png () { [ "$(head -c 4 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e47 ]; }
is_svg () { starts_with "$1" '<?xml' || starts_with "$1" '<svg'; }
is_pdf () { starts_with "$1" '%PDF-'; }
png_width () { od -An -tu1 -j16 -N4 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }'; }
png_height () { od -An -tu1 -j20 -N4 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }'; }
same_file () { cmp -s "$1" "$2"; }
differ () { ! cmp -s "$1" "$2"; }
all_of () { local check; for check in "$@"; do eval "$check" || return 1; done; }

cat >map.waymark <<'EOF'
{
  "format" : "waymark",
  "version" : 1,
  "id" : "5e0f5c2a-7d1e-4b0e-9a51-3f4e0d2c1b01",
  "title" : "Renewing a passport",
  "kind" : "current-state",
  "scale_min" : -3,
  "scale_max" : 3,
  "direction" : "auto",
  "personas" : [
    {
      "id" : "5e0f5c2a-7d1e-4b0e-9a51-3f4e0d2c1b02",
      "name" : "Anna",
      "color" : "#3584e4"
    }
  ],
  "stages" : [
    {
      "id" : "5e0f5c2a-7d1e-4b0e-9a51-3f4e0d2c1b03",
      "name" : "Apply"
    },
    {
      "id" : "5e0f5c2a-7d1e-4b0e-9a51-3f4e0d2c1b04",
      "name" : "Wait"
    },
    {
      "id" : "5e0f5c2a-7d1e-4b0e-9a51-3f4e0d2c1b05",
      "name" : "Collect"
    }
  ],
  "lanes" : [
    {
      "id" : "5e0f5c2a-7d1e-4b0e-9a51-3f4e0d2c1b06",
      "kind" : "actions",
      "title" : "Actions",
      "cards" : {
        "5e0f5c2a-7d1e-4b0e-9a51-3f4e0d2c1b03" : [
          {
            "id" : "5e0f5c2a-7d1e-4b0e-9a51-3f4e0d2c1b07",
            "text" : "Fills in the form online"
          }
        ]
      }
    }
  ],
  "emotion_points" : [
    {
      "id" : "5e0f5c2a-7d1e-4b0e-9a51-3f4e0d2c1b08",
      "persona" : "5e0f5c2a-7d1e-4b0e-9a51-3f4e0d2c1b02",
      "stage" : "5e0f5c2a-7d1e-4b0e-9a51-3f4e0d2c1b04",
      "score" : -2
    }
  ],
  "moments" : [
  ]
}
EOF

# Broken maps: a wrong type, two problems at once, not JSON, empty.
sed 's/"name" : "Wait"/"name" : 42/' map.waymark >wrong-type.waymark
sed -e 's/"name" : "Wait"/"name" : 42/' -e 's/"kind" : "actions"/"kind" : "dancing"/' map.waymark >two-problems.waymark
printf '{ "format" : "waymark", "version" : 1, "title" : ' >truncated.waymark
: >empty.waymark

# Exporting, in each format.
run --export out/map.png map.waymark
check "PNG export exits 0" status_is 0
check "PNG export writes a PNG" is_png out/map.png
check "PNG export prints the path it wrote" stdout_has "$tmp/out/map.png"
check "PNG export is quiet on stderr" test ! -s log/stderr

run --export out/map.svg map.waymark
check "SVG export writes an SVG" all_of "status_is 0" "is_svg out/map.svg"

run --export out/map.pdf map.waymark
check "PDF export writes a PDF" all_of "status_is 0" "is_pdf out/map.pdf"

run --export out/MAP.PNG map.waymark
check "the extension is read in any case" all_of "status_is 0" "is_png out/MAP.PNG"

run map.waymark --export out/after.png
check "options may follow the map" all_of "status_is 0" "is_png out/after.png"

run --export out/map2.png --scale 2 map.waymark
check "--scale 2 doubles the width" \
  test "$(png_width out/map2.png)" -ge $(($(png_width out/map.png) * 2 - 1)) -a \
       "$(png_width out/map2.png)" -le $(($(png_width out/map.png) * 2))
check "--scale 2 doubles the height" \
  test "$(png_height out/map2.png)" -ge $(($(png_height out/map.png) * 2 - 1)) -a \
       "$(png_height out/map2.png)" -le $(($(png_height out/map.png) * 2))

run --export out/dark.png --theme dark map.waymark
check "--theme dark exports" all_of "status_is 0" "is_png out/dark.png"
check "--theme dark differs from light" differ out/dark.png out/map.png
run --export out/light.png --theme light map.waymark
check "--theme light is the default" same_file out/light.png out/map.png

cp out/dark.png dark-copy.png
run --export out/dark.png map.waymark
check "exporting over a picture replaces it" all_of "status_is 0" "same_file out/dark.png out/map.png"

# The editor needs a display and fails here; export, which never
# initialises GTK, works all the same, even with a GDK backend that
# cannot exist.
run map.waymark
check "the editor needs a display" failed
GDK_BACKEND=none-such run --export out/no-gtk.png map.waymark
check "export never initialises GTK" all_of "status_is 0" "is_png out/no-gtk.png"

# Bad input: one line on stderr naming the file and the place, a failure,
# and no picture.
rm -rf out && mkdir out
for map in wrong-type.waymark truncated.waymark empty.waymark missing.waymark; do
  for format in png svg pdf; do
    run --export "out/map.$format" "$map"
    check "$map to $format fails" failed
    check "$map to $format: one line on stderr naming the file" \
      all_of one_stderr_line "stderr_has 'waymark: $map: '"
    check "$map to $format leaves no file" out_is_empty
  done
done
run --export out/map.png wrong-type.waymark
check "the error names the place and the problem" stderr_has "stages[1].name"

cp dark-copy.png out/kept.png
run --export out/kept.png truncated.waymark
check "a failed export leaves the old picture as it was" all_of failed "same_file out/kept.png dark-copy.png"
check "... and nothing else" test "$(ls -A out)" = kept.png
rm -rf out && mkdir out

# Bad command lines: status 2, one line, no picture.
run --export out/map.png --theme blue map.waymark
check "an unknown theme is a usage error" all_of "status_is 2" one_stderr_line "stderr_has blue" out_is_empty
for scale in 0 -1 9 abc nan; do
  run --export out/map.png --scale "$scale" map.waymark
  check "--scale $scale is a usage error" all_of "status_is 2" one_stderr_line out_is_empty
done
run --export out/map.jpg map.waymark
check "an unknown picture format is a usage error" all_of "status_is 2" one_stderr_line "stderr_has map.jpg" out_is_empty
run --export out/map.png map.waymark map.waymark
check "--export takes one map" all_of "status_is 2" one_stderr_line out_is_empty
run --export out/map.png
check "--export needs a map" all_of "status_is 2" one_stderr_line out_is_empty
run --export out/map.png --validate map.waymark
check "--export and --validate exclude each other" all_of "status_is 2" one_stderr_line out_is_empty
run --theme dark map.waymark
check "--theme without --export is a usage error" all_of "status_is 2" one_stderr_line
run --no-such-option
check "an unknown option is a usage error" all_of "status_is 2" one_stderr_line "stderr_has no-such-option"

# Validating.
run --validate map.waymark
check "a valid map validates" all_of "status_is 0" "stdout_has 'map.waymark: valid'"
run --validate wrong-type.waymark
check "a wrong type is invalid" all_of "status_is 1" "stdout_has 'wrong-type.waymark: stages[1].name'"
run --validate two-problems.waymark
check "every problem is printed, each naming the file" \
  all_of "status_is 1" "test \$(grep -c '^two-problems.waymark: ' log/stdout) -ge 2" \
         "test \$(grep -vc '^two-problems.waymark: ' log/stdout) -eq 0"
run --validate truncated.waymark
check "a truncated map is invalid" all_of "status_is 1" "stdout_has 'truncated.waymark: '"
run --validate map.waymark wrong-type.waymark
check "one invalid map of two fails" all_of "status_is 1" "stdout_has 'map.waymark: valid'" \
  "stdout_has 'wrong-type.waymark: stages[1].name'"
run --validate missing.waymark
check "a missing map fails with one line" all_of "status_is 1" one_stderr_line "stderr_has missing.waymark"
run --validate
check "--validate needs a map" all_of "status_is 2" one_stderr_line

# The format's own fixtures, when they are there: the valid maps export
# and validate; every broken one fails in one line, with no picture.
for map in "$fixtures"/*.waymark; do
  [ -e "$map" ] || continue
  name=$(basename "$map")
  run --validate "$map"
  check "fixture $name validates" status_is 0
  for format in png svg pdf; do
    run --export "out/map.$format" "$map"
    check "fixture $name exports to $format" all_of "status_is 0" "is_$format out/map.$format"
  done
  rm -f out/*
done
for map in "$fixtures"/broken/*.waymark; do
  [ -e "$map" ] || continue
  name=$(basename "$map")
  run --export out/map.png "$map"
  check "broken $name: export fails in one line naming the file, with no picture" \
    all_of failed one_stderr_line "stderr_has 'waymark: $map: '" out_is_empty
  run --validate "$map"
  check "broken $name: invalid, every problem naming the file" \
    all_of "status_is 1" "test -s log/stdout" "test \$(grep -vc '^$map: ' log/stdout) -eq 0"
done

# Help and version.
run --version
check "--version prints the version" all_of "status_is 0" "grep -qE '^waymark [0-9]+\.[0-9]+' log/stdout"
run --help
check "--help explains --export" all_of "status_is 0" "stdout_has --export" "stdout_has --validate"

# Surveys: --apply-survey sets the emotion points of a map from a CSV of
# responses, saves the map in place and prints what changed. The output is
# matched on its ASCII parts: the arrow and the minus depend on the locale.
surveys=$fixtures/survey
examples=$(dirname "$fixtures")/../data/examples
cp "$surveys/map.waymark" survey.waymark
run --apply-survey "$surveys/basic.csv" survey.waymark
check "--apply-survey exits 0" status_is 0
check "--apply-survey prints each change with n and spread" \
  all_of "stdout_has 'Anna, Awareness: none '" "stdout_has '(n = 3, spread 3)'" \
         "stdout_has 'Anna, Purchase: +2 '" "stdout_has '(n = 2, spread 0)'" \
         "stdout_has 'Bob, Awareness: none '"
check "--apply-survey prints one line a persona and stage, and a summary" \
  test "$(wc -l <log/stdout)" -eq 5
check "--apply-survey counts the responses used" stdout_has "basic.csv: 7 of 10 responses used"
check "--apply-survey names the rows skipped on stderr" \
  all_of "stderr_has 'basic.csv: row 8: '" "stderr_has 'basic.csv: row 9: '" "stderr_has 'basic.csv: row 10: '"
run --validate survey.waymark
check "the updated map is valid" status_is 0
check "the updated map holds computed points and their evidence" \
  all_of "grep -qF '\"computed\" : true' survey.waymark" "grep -qF '\"sample_size\" : 3' survey.waymark" \
         "grep -qF '\"link\" : \"basic.csv\"' survey.waymark"
check "the update leaves no temporary file" test -z "$(ls -A | grep -v '\.waymark$' | grep -vx -e out -e log -e dark-copy.png)"

cp survey.waymark before.waymark
run --apply-survey "$surveys/basic.csv" survey.waymark
check "applying the same survey again keeps one evidence per point" \
  test "$(grep -c '"link" : "basic.csv"' survey.waymark)" -eq "$(grep -c '"link" : "basic.csv"' before.waymark)"

cp survey.waymark before.waymark
for broken in stray-quote unclosed-quote nul invalid-utf8-bom mixed-encoding utf16-odd no-score-column nothing-matches; do
  run --apply-survey "$surveys/$broken.csv" survey.waymark
  check "broken survey $broken.csv fails in one line naming the file" \
    all_of "status_is 1" one_stderr_line "stderr_has 'waymark: $surveys/$broken.csv: '"
  check "broken survey $broken.csv leaves the map byte-identical" same_file survey.waymark before.waymark
done
run --apply-survey "$surveys/stray-quote.csv" survey.waymark
check "a broken survey's error names the row and the column" stderr_has "row 3, column 2: "
run --apply-survey none-such.csv survey.waymark
check "a missing survey fails in one line" all_of "status_is 1" one_stderr_line "stderr_has none-such.csv" \
  "same_file survey.waymark before.waymark"
run --apply-survey "$surveys/basic.csv" missing.waymark
check "a missing map fails in one line, and is not created" \
  all_of "status_is 1" one_stderr_line "stderr_has missing.waymark" "test ! -e missing.waymark"
cp truncated.waymark truncated-copy.waymark
run --apply-survey "$surveys/basic.csv" truncated-copy.waymark
check "a broken map fails and stays as it was" all_of "status_is 1" one_stderr_line \
  "same_file truncated.waymark truncated-copy.waymark"

cp "$surveys/map.waymark" custom.waymark
run --apply-survey "$surveys/custom-columns.csv" custom.waymark
check "a header without a score column fails, naming it" all_of "status_is 1" one_stderr_line "stderr_has 'row 1: '"
run --apply-survey "$surveys/custom-columns.csv" --column score=Stars --survey-scale 1..5 custom.waymark
check "--column names a column, --survey-scale rescales (2 and 4 on 1..5 is 0)" \
  all_of "status_is 0" "stdout_has 'Anna, Purchase: +2 '" "stdout_has ' 0 (n = 2, '"
cp "$surveys/map.waymark" custom.waymark
run --apply-survey "$surveys/custom-columns.csv" --column SCORE=3 --column persona=1 custom.waymark
check "--column takes a column's number" all_of "status_is 0" "stdout_has '(n = 2, '"

cp custom.waymark before.waymark
for scale in 5..1 3..3 1-5 abc ..5; do
  run --apply-survey "$surveys/basic.csv" --survey-scale "$scale" custom.waymark
  check "--survey-scale $scale is a usage error" all_of "status_is 2" one_stderr_line "same_file custom.waymark before.waymark"
done
for column in colour=Red score score= =Stars score=0; do
  run --apply-survey "$surveys/basic.csv" --column "$column" custom.waymark
  check "--column $column is a usage error" all_of "status_is 2" one_stderr_line "same_file custom.waymark before.waymark"
done
run --apply-survey "$surveys/basic.csv" custom.waymark custom.waymark
check "--apply-survey takes one map" all_of "status_is 2" one_stderr_line
run --survey-scale 1..5 custom.waymark
check "--survey-scale without --apply-survey is a usage error" all_of "status_is 2" one_stderr_line
run --apply-survey "$surveys/basic.csv" --review custom.waymark
check "--apply-survey and --review exclude each other" all_of "status_is 2" one_stderr_line \
  "same_file custom.waymark before.waymark"

# Review: findings one a line, errors first; exit 1 for an error, 2 for a
# map that cannot be read.
run --review map.waymark
check "--review finds the low point without an opportunity" \
  all_of "status_is 1" "grep -q '^error: .*Emotion of Anna at Wait' log/stdout"
check "--review groups the findings by level, errors first" \
  test "$(sed -n 's/^\([a-z]*\): .*/\1/p' log/stdout | uniq | tr '\n' ' ')" = "error warning info "
check "--review finds stages without a touchpoint and personas without goals" \
  all_of "stdout_has 'No touchpoint: Stage 3 of 3: Collect'" "stdout_has 'No goals: Persona: Anna'"
check "--review ends with a summary" stdout_has "map.waymark: 1 error, "
for example in car-purchase online-purchase persian-rtl; do
  run --review "$examples/$example.waymark"
  check "example $example: no error-level finding" all_of "status_is 0" "test \$(grep -c '^error: ' log/stdout) -eq 0"
done
run --review "$examples/service-blueprint.waymark"
check "example service-blueprint: its low point has no opportunity" \
  all_of "status_is 1" "test \$(grep -c '^error: ' log/stdout) -eq 1" "stdout_has 'Verify identity'"
run --review missing.waymark
check "--review of a missing map exits 2 in one line" all_of "status_is 2" one_stderr_line "stderr_has missing.waymark"
run --review truncated.waymark
check "--review of a broken map exits 2 in one line" all_of "status_is 2" one_stderr_line
run --review
check "--review needs a map" all_of "status_is 2" one_stderr_line
run --help
check "--help explains --apply-survey and --review" all_of "stdout_has --apply-survey" "stdout_has --review"

# Grids and journeys: --export writes a map's grid as CSV, or the map as a
# Mermaid journey; --import-grid and --import-mermaid bring them into a map,
# or make a new one, and save it only when something changed.
rm -rf out && mkdir out
cp map.waymark grid.waymark
run --export out/grid.csv grid.waymark
check "--export .csv exits 0 and prints the path" all_of "status_is 0" "stdout_has '$tmp/out/grid.csv'"
check "the grid is UTF-8 with a byte-order mark, its first row naming the stages" \
  test "$(head -n 1 out/grid.csv | tr -d '\r')" = "$(printf '\357\273\277')\"\",\"kind\",\"Apply\",\"Wait\",\"Collect\""
run --export out/journey.mmd grid.waymark
check "--export .mmd writes a Mermaid journey" \
  all_of "status_is 0" "starts_with out/journey.mmd journey" "grep -qxF '    section Wait' out/journey.mmd" \
         "grep -qxF '      Experience: 2: Anna' out/journey.mmd"
run --export out/grid2.csv --scale 2 grid.waymark
check "--scale with a grid is a usage error" all_of "status_is 2" one_stderr_line "test ! -e out/grid2.csv"
run --export out/broken.mmd truncated.waymark
check "a broken map exports no journey" all_of "status_is 1" one_stderr_line "test ! -e out/broken.mmd"
cp out/grid.csv kept.csv
run --export out/grid.csv truncated.waymark
check "a failed export leaves the old grid as it was" all_of failed "same_file out/grid.csv kept.csv"

cp grid.waymark before.waymark
run --import-grid out/grid.csv grid.waymark
check "a grid exported and imported back changes nothing" \
  all_of "status_is 0" "stdout_has 'grid.waymark: nothing to change'" "same_file grid.waymark before.waymark"
run --import-mermaid out/journey.mmd grid.waymark
check "a journey exported and imported back changes nothing" \
  all_of "status_is 0" "stdout_has 'grid.waymark: nothing to change'" "same_file grid.waymark before.waymark"
sed 's/Fills in the form online/Fills in the form at the office/' out/grid.csv >edited.csv
run --import-grid edited.csv grid.waymark
check "an edited cell changes that card, keeping its id" \
  all_of "status_is 0" "stdout_has 'Actions, Apply: 1 changed'" \
         "grep -qF '\"text\" : \"Fills in the form at the office\"' grid.waymark" \
         "grep -qF '5e0f5c2a-7d1e-4b0e-9a51-3f4e0d2c1b07' grid.waymark"
run --validate grid.waymark
check "the map a grid changed is valid" status_is 0
check "the map's previous version is kept beside it" same_file grid.waymark~ before.waymark

cp grid.waymark before.waymark
printf '"Lanes","kind","Apply"\n' >corner.csv
run --import-grid corner.csv grid.waymark
check "a broken grid fails in one line naming the file, the row and the column" \
  all_of "status_is 1" one_stderr_line "stderr_has 'waymark: corner.csv: row 1, column 1: '"
check "a broken grid leaves the map byte-identical" same_file grid.waymark before.waymark
printf '"","kind","Apply"\n"Actions","actions","never closed\n' >unclosed.csv
run --import-grid unclosed.csv grid.waymark
check "a quote never closed is refused where it opens" \
  all_of "status_is 1" one_stderr_line "stderr_has 'row 2, column 3: '" "same_file grid.waymark before.waymark"
printf '"","kind","Apply"\n"Emotion curve","emotion-curve","Happy"\n' >curve.csv
run --import-grid curve.csv grid.waymark
check "cards in an emotion curve are refused" \
  all_of "status_is 1" one_stderr_line "stderr_has 'row 2, column 3: '" "same_file grid.waymark before.waymark"
run --import-grid none-such.csv grid.waymark
check "a missing grid fails in one line" all_of "status_is 1" one_stderr_line "same_file grid.waymark before.waymark"
run --import-grid out/grid.csv truncated-copy.waymark
check "a map that cannot be read is not overwritten by an import" \
  all_of "status_is 1" one_stderr_line "same_file truncated.waymark truncated-copy.waymark"

run --import-grid out/grid.csv new-grid.waymark
check "--import-grid makes a new map when there is none" \
  all_of "status_is 0" "stdout_has 'new-grid.waymark: new map'" "stdout_has 'stage added: Wait'" \
         "stdout_has 'lane added: Actions'"
run --validate new-grid.waymark
check "the new map of a grid is valid" status_is 0

run --import-mermaid "$fixtures/exchange/journey.mmd" passport.waymark
check "--import-mermaid makes a new map of a journey" \
  all_of "status_is 0" "stdout_has 'passport.waymark: new map'" "stdout_has 'persona added: Ben'" \
         "grep -qF '\"title\" : \"Renewing a passport\"' passport.waymark"
run --validate passport.waymark
check "the new map of a journey is valid" status_is 0
cp grid.waymark before.waymark
run --import-mermaid "$fixtures/exchange/journey.mmd" grid.waymark
check "--import-mermaid adds a journey to a map: personas, cards and scores" \
  all_of "status_is 0" "stdout_has 'persona added: Ben'" "stdout_has 'Anna, Apply: none '" \
         "stdout_has 'Actions, Apply: 2 cards added'" "differ grid.waymark before.waymark"

cp grid.waymark before.waymark
printf 'journey\n  section Apply\n    Pay: 9: Anna\n' >bad.mmd
run --import-mermaid bad.mmd grid.waymark
check "a broken journey fails in one line naming its line" \
  all_of "status_is 1" one_stderr_line "stderr_has 'waymark: bad.mmd: line 3: '" "same_file grid.waymark before.waymark"
printf 'journey\n    Pay: 3: Anna\n' >nosection.mmd
run --import-mermaid nosection.mmd grid.waymark
check "a task in no section is refused" \
  all_of "status_is 1" one_stderr_line "stderr_has 'line 2: '" "same_file grid.waymark before.waymark"
run --import-mermaid bad.mmd missing-too.waymark
check "a broken journey makes no map" all_of "status_is 1" one_stderr_line "test ! -e missing-too.waymark"
run --import-grid out/grid.csv grid.waymark grid.waymark
check "--import-grid takes one map" all_of "status_is 2" one_stderr_line "same_file grid.waymark before.waymark"
run --import-mermaid bad.mmd --review grid.waymark
check "--import-mermaid and --review exclude each other" all_of "status_is 2" one_stderr_line
run --help
check "--help explains --import-grid and --import-mermaid" \
  all_of "stdout_has --import-grid" "stdout_has --import-mermaid" "stdout_has .mmd"

echo "1..$n"
