#!/usr/bin/env bash
# A newcomer's first minute: install what is missing, then scan the embedded
# demo shop (served on 127.0.0.1; nothing leaves the machine).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
exec go run ./cmd/privacyscan demo "$@"
