#!/usr/bin/env bash
# Measures privacyscan over generated fixture shops (internal/fixture/genshops)
# on this machine: sites per hour, peak memory of privacyscan and its
# Chromium (RSS and PSS summed over the process tree), memory at every 10th
# site, and the time to the first JSONL site line, at each --sites-parallel.
#
#   SHOPS=40 PARALLEL="1 2 4" PAGES=5 scripts/scale-bench.sh
#
# Everything stays on 127.0.0.1 (the shops and their trackers are served
# by one fixture server; --resolve routes their hostnames to it). Results
# go to $OUT (default /tmp/privacyscan-scale-bench): one JSON file per run,
# and a table on standard output. Not run in CI: a run takes minutes.
# Extra flags for every scan go in EXTRA (e.g. EXTRA="--browser-recycle 50").
set -euo pipefail
cd "$(dirname "$0")/.."
shops=${SHOPS:-40}
parallel=${PARALLEL:-1 2 4}
pages=${PAGES:-5}
out=${OUT:-/tmp/privacyscan-scale-bench}
extra=${EXTRA:-}
mkdir -p "$out"
go build -o "$out/privacyscan" ./cmd/privacyscan
go build -o "$out/genshops" ./internal/fixture/genshops/cmd/genshops
rm -f "$out/ready"
"$out/genshops" serve -n "$shops" -root . -out "$out" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -e "$out/ready" ] && break; sleep 0.1; done
[ -e "$out/ready" ] || { echo "the shop server did not start" >&2; exit 1; }
PRIVACYSCAN_RESOLVE=$(cat "$out/resolve.txt")
export PRIVACYSCAN_RESOLVE
printf '%-9s %6s %8s %10s %10s %10s %12s %s\n' parallel sites wall_s sites/h peakRSS_MB peakPSS_MB first_site_s pss_at_sites
for p in $parallel; do
  rm -f "$out/run-$p.jsonl"
  # shellcheck disable=SC2086 # EXTRA is split on purpose
  "$out/genshops" watch -jsonl "$out/run-$p.jsonl" -result "$out/result-$p.json" -- \
    "$out/privacyscan" scan -q --insecure --targets "$out/targets.txt" --pages "$pages" \
    --sites-parallel "$p" --fail-on none \
    --format jsonl -o "$out/run-$p.jsonl" $extra || true
  python3 - "$out/result-$p.json" "$p" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
at = " ".join(f"{k}:{v['pss_mb']:.0f}" for k, v in sorted(((int(k), v) for k, v in r["at_site"].items())))
print(f"{sys.argv[2]:<9} {r['sites']:>6} {r['wall_seconds']:>8.1f} {r['sites_per_hour']:>10.0f} {r['peak_rss_mb']:>10.0f} {r['peak_pss_mb']:>10.0f} {r['first_site_seconds']:>12.1f} {at}")
PY
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); CPUs: $(nproc)"
