#!/usr/bin/env bash
# Long hostile-input campaign against an in-process mock on 127.0.0.1 (see HostileInputFuzzTest).
# Usage: mock-server/fuzz.sh [REQUESTS] [SEED]      defaults: 100000 requests, the build's seed
# Runs only the fuzz test (no package step, so target/estimate-mock.jar is left alone) and prints the counts.
set -euo pipefail
cd "$(dirname "$0")/.."
requests="${1:-100000}"
seed_arg=()
if [[ $# -ge 2 ]]; then seed_arg=("-Dfuzz.seed=$2"); fi
status=0
mvn -q -o -pl mock-server test -Dtest=HostileInputFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfuzz.requests="$requests" "${seed_arg[@]}" || status=$?
cat mock-server/target/fuzz-report.txt
exit "$status"
