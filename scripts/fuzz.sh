#!/usr/bin/env bash
# Runs every fuzz target for a bounded time (FUZZTIME, default 10s each).
# CI (.ci/run) runs it with FUZZTIME=5s after the tests, which run the seed
# corpora (testdata/fuzz) as plain tests.
# A failing input is saved under the package's testdata/fuzz/FuzzX/ by go
# test: commit it with the fix, and it stays a regression seed.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-10s}
targets=(
  "./scanner/policy FuzzAnalyze"
  "./internal/fetch FuzzParseRoutes"
  "./internal/cli FuzzCheckURL"
  "./scanner FuzzParseCookieLifetime"
  "./internal/config FuzzParse"
  "./scanner/kb FuzzParseFilterList"
  "./scanner/consent FuzzParseRule"
  "./scanner/consent FuzzDecodeTCString"
)
for t in "${targets[@]}"; do
  read -r pkg fn <<<"$t"
  echo "== $pkg $fn ($fuzztime)"
  go test -run '^$' -fuzz "^${fn}\$" -fuzztime "$fuzztime" "$pkg"
done
