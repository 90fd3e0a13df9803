#!/usr/bin/env bash
# Adds up the Surefire and Failsafe XML reports of every module and prints one closing summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
files=(*/target/surefire-reports/TEST-*.xml */target/failsafe-reports/TEST-*.xml)
if [ ${#files[@]} -eq 0 ]; then
  echo "Tests run: 0, Failures: 0, Errors: 0, Skipped: 0"
  exit 0
fi
awk '
  /<testsuite[ >]/ {
    line = $0
    while (line !~ />/ && (getline more) > 0) line = line " " more
    for (k = 1; k <= 4; k++) {
      key = (k == 1 ? "tests" : k == 2 ? "failures" : k == 3 ? "errors" : "skipped")
      if (match(line, " " key "=\"[0-9]+\"")) {
        v = substr(line, RSTART + length(key) + 3, RLENGTH - length(key) - 4)
        sum[key] += v
      }
    }
  }
  END {
    run = sum["tests"] + 0; f = sum["failures"] + 0; e = sum["errors"] + 0; s = sum["skipped"] + 0
    printf "Tests run: %d, Failures: %d, Errors: %d, Skipped: %d\n", run, f, e, s
    printf "%d passed, %d failed, %d skipped\n", run - f - e - s, f + e, s
  }' "${files[@]}"
