#!/usr/bin/env bash
# Lints the OpenAPI document with Redocly CLI (version pinned in tools/package.json + package-lock.json),
# using openapi/redocly.yaml (the `recommended` ruleset). Installs the linter into tools/node_modules when it
# is missing or not the pinned version. Exits non-zero when the linter reports an error (warnings pass).
# Usage: tools/lint-spec.sh [spec.yaml ...]   (default: the current spec and the released copy)
set -Eeuo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

# No telemetry, no update notices (CI has no network beyond the package registries).
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true REDOCLY_SUPPRESS_NOTIFICATIONS=true
export NO_UPDATE_NOTIFIER=1

want="$(node -p "require('$here/package.json').devDependencies['@redocly/cli']")"
have="$(node -p "require('$here/node_modules/@redocly/cli/package.json').version" 2>/dev/null || echo none)"
if [[ "$have" != "$want" || ! -x "$here/node_modules/.bin/redocly" ]]; then
  echo "installing @redocly/cli $want into tools/node_modules (npm ci)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

if [[ $# -eq 0 ]]; then
  set -- "$root/openapi/src/main/resources/openapi/estimate.yaml" "$root/openapi/released/estimate.yaml"
fi
echo "redocly lint (@redocly/cli $want, config openapi/redocly.yaml): $*"
"$here/node_modules/.bin/redocly" lint --config "$root/openapi/redocly.yaml" --format=stylish "$@"
