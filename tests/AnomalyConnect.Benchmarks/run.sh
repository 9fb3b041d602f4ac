#!/usr/bin/env bash
# Takes the figures of docs/benchmarks.md on this machine, all on 127.0.0.1:
#   bash tests/AnomalyConnect.Benchmarks/run.sh [figure…]
# figures: grants scale-out accounting resync subscription poll-cpu expiry memory (default: all, ~15 min).
# It starts its own PostgreSQL, silo processes, v2ray and loopback nodes, and stops them at the end.
# Smaller runs: BENCH_USERS_PER_NODE=1000 BENCH_NODES=3 BENCH_WRK_SECONDS=5 BENCH_POLL_ROUNDS=1 (see BenchSettings.cs).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../deploy/dev/lib.sh"

ensure_postgres
ensure_tool v2ray v2ray
ensure_tool wrk wrk

cd "$REPO_ROOT"
log "building the benchmarks and the silo (Release)"
dotnet build tests/AnomalyConnect.Benchmarks -c Release -nologo -v quiet
exec dotnet tests/AnomalyConnect.Benchmarks/bin/Release/net10.0/AnomalyConnect.Benchmarks.dll "$@"
