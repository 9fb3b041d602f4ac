#!/usr/bin/env bash
# Builds and runs every test. Starts what the tests need (a throwaway PostgreSQL on a free loopback port,
# removed afterwards; Debian's v2ray for the node tests) and ends with "N passed, N failed".
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_postgres
ensure_tool v2ray v2ray
ensure_tool nginx nginx
ensure_tool openssl openssl
ensure_tool envsubst gettext-base
ensure_tool chromium chromium

WORK="$(mktemp -d /tmp/anomaly-test.XXXXXX)"
chmod 755 "$WORK"
PG_DIR="$WORK/pg"
RESULTS="$WORK/results"
mkdir -p "$RESULTS"
cleanup() {
  pg_stop "$PG_DIR"
  rm -rf "$WORK"
}
trap cleanup EXIT

pg_prepare_dir "$PG_DIR"
as_pg_user "$PG_BIN/initdb" -D "$PG_DIR" -U postgres --auth=trust >/dev/null
PG_PORT="$(free_port)"
pg_start "$PG_DIR" "$PG_PORT" max_connections=400 fsync=off synchronous_commit=off full_page_writes=off shared_buffers=256MB
log "throwaway PostgreSQL on 127.0.0.1:$PG_PORT"
export ANOMALY_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"

cd "$REPO_ROOT"
dotnet build AnomalyConnect.sln -c Release -nologo -v quiet
set +e
dotnet test AnomalyConnect.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$RESULTS" "$@"
status=$?
set -e

passed=0; failed=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  e="$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
  log "the test run failed outside any test (a crashed test host or a build error)"
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
