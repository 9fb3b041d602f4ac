#!/usr/bin/env bash
# Shared helpers of the dev scripts: find or install what they need, run PostgreSQL as a non-root user.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

log() { printf '[anomaly] %s\n' "$*" >&2; }

as_root() { [ "$(id -u)" -eq 0 ]; }

apt_install() {
  if ! as_root; then
    log "missing packages: $*; install them with: sudo apt-get install -y $*"
    return 1
  fi
  if [ -z "${ANOMALY_APT_UPDATED:-}" ]; then
    apt-get update -qq >/dev/null
    export ANOMALY_APT_UPDATED=1
  fi
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_postgres() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    apt_install postgresql
    # Debian starts a cluster of its own on 5432; ours run on their own ports and data directories.
  fi
  [ -x "$PG_BIN/initdb" ] || { log "PostgreSQL 15 server binaries not found in $PG_BIN"; return 1; }
}

ensure_tool() { # ensure_tool <command> <debian package>
  command -v "$1" >/dev/null 2>&1 || apt_install "$2"
}

# Runs a command as the owner of PostgreSQL's data: 'postgres' when we are root (PostgreSQL refuses root).
as_pg_user() {
  if as_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_prepare_dir() { # pg_prepare_dir <dir>
  mkdir -p "$1"
  if as_root; then chown -R postgres:postgres "$1"; fi
  chmod 700 "$1"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || shuf -i 20000-60000 -n 1
}

# pg_start <datadir> <port> [extra postgres -c options...]
pg_start() {
  local dir="$1" port="$2"; shift 2
  local opts="-p $port -c listen_addresses=127.0.0.1 -k $dir"
  for o in "$@"; do opts="$opts -c $o"; done
  as_pg_user "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -o "$opts" -w -t 60 start >/dev/null
}

pg_stop() { # pg_stop <datadir>
  as_pg_user "$PG_BIN/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1 || true
}
