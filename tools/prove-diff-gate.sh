#!/usr/bin/env bash
# Proves the release gate of the openapi module end to end, with the real openapi-diff-maven plugin:
#   1. a deliberately broken copy of estimate.yaml (prompt maxLength 4000 -> 2000, same info.version)
#      fails `mvn verify` (the plugin and ReleaseGateTest both refuse it);
#   2. the same copy with info.version's major bumped passes with -Pbreaking-change;
#   3. the bumped copy still fails WITHOUT the profile, and an unbumped copy fails WITH it.
# The real spec is never touched: the copies live in a temp dir and reach the build through
# -Dopenapi.current.spec. Run from anywhere; exits non-zero if the gate does not behave.
set -Eeuo pipefail
cd "$(dirname "$0")/.."

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
spec="$PWD/openapi/src/main/resources/openapi/estimate.yaml"
released_version="$(sed -n 's/^  version: *//p' openapi/released/estimate.yaml | head -1)"
major="${released_version%%.*}"

# Breaking: the first maxLength 4000 in the file is the prompt's.
sed '0,/maxLength: 4000/s//maxLength: 2000/' "$spec" > "$tmp/broken.yaml"
sed "0,/^  version: .*/s//  version: $((major + 1)).0.0/" "$tmp/broken.yaml" > "$tmp/broken-bumped.yaml"
cmp -s "$spec" "$tmp/broken.yaml" && { echo "could not make the broken copy"; exit 1; }

mvn_gate() { # $1 = spec copy, rest = extra maven args; prints the log to $tmp/log
  mvn -B -o -pl openapi verify -Dopenapi.current.spec="$1" \
      -Dtest='ReleaseGateTest' -Dsurefire.failIfNoSpecifiedTests=false "${@:2}" > "$tmp/log" 2>&1
}
fail=0
expect() { # $1 = pass|fail, $2 = label, rest = mvn_gate args
  local want="$1" label="$2"; shift 2
  if mvn_gate "$@"; then got=pass; else got=fail; fi
  if [[ "$got" == "$want" ]]; then echo "ok   - $label: build ${got}ed as expected"
  else echo "FAIL - $label: build ${got}ed, expected $want"; tail -40 "$tmp/log"; fail=1; fi
}

expect fail "breaking change, same version"               "$tmp/broken.yaml"
grep -q "must not be below\|breaks clients\|backward compatibility" "$tmp/log" \
  && echo "ok   - the failure names the breaking change" || { echo "FAIL - no gate message"; fail=1; }
expect fail "breaking change, plugin alone (-DskipTests)"  "$tmp/broken.yaml" -DskipTests
grep -q "The API changes broke backward compatibility" "$tmp/log" \
  && echo "ok   - openapi-diff-maven reports: The API changes broke backward compatibility" \
  || { echo "FAIL - the plugin did not report the break"; fail=1; }
expect fail "breaking change, major bumped, no profile"   "$tmp/broken-bumped.yaml"
expect pass "breaking change, major bumped, -Pbreaking-change" "$tmp/broken-bumped.yaml" -Pbreaking-change
expect fail "breaking change, same version, -Pbreaking-change" "$tmp/broken.yaml" -Pbreaking-change
expect pass "unchanged spec"                               "$spec"

exit "$fail"
