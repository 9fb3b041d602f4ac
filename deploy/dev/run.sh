#!/usr/bin/env bash
# Starts the whole system on this machine: a local PostgreSQL (created on first use, kept across restarts)
# and one process with the silo, the front end, and the bot when BOT_TOKEN is set.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DATA_DIR="${ANOMALY_DATA_DIR:-$REPO_ROOT/.data}"
PG_DIR="$DATA_DIR/postgres"
PG_PORT="${ANOMALY_PG_PORT:-54329}"
SECRETS="$DATA_DIR/secrets.env"
LISTEN="${ANOMALY_LISTEN:-http://127.0.0.1:8080}"

ensure_postgres
mkdir -p "$DATA_DIR"
chmod 755 "$DATA_DIR"

if [ ! -f "$SECRETS" ]; then
  umask 077
  {
    echo "API_SECRET_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '=+/\n' | cut -c1-40)"
    echo "CORPORATE_SECRET=$(head -c 32 /dev/urandom | base64 | tr -d '=+/\n' | cut -c1-40)"
    echo "WEBHOOK_SECRET=$(head -c 32 /dev/urandom | base64 | tr -d '=+/\n' | cut -c1-40)"
    echo "DB_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '=+/\n' | cut -c1-32)"
  } > "$SECRETS"
  umask 022
  log "created secrets in $SECRETS"
fi
set -a; source "$SECRETS"; set +a

if [ ! -f "$PG_DIR/PG_VERSION" ]; then
  log "creating the PostgreSQL data directory $PG_DIR"
  pg_prepare_dir "$PG_DIR"
  pwfile="$(mktemp)"; printf '%s' "$DB_PASSWORD" > "$pwfile"; chmod 644 "$pwfile"
  as_pg_user "$PG_BIN/initdb" -D "$PG_DIR" -U postgres --auth-local=peer --auth-host=scram-sha-256 --pwfile="$pwfile" >/dev/null
  rm -f "$pwfile"
fi

if ! as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
  pg_start "$PG_DIR" "$PG_PORT"
  STARTED_PG=1
fi
trap '[ -n "${STARTED_PG:-}" ] && pg_stop "$PG_DIR"' EXIT

export PGPASSWORD="$DB_PASSWORD"
if ! psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'anomaly_connect'" | grep -q 1; then
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE anomaly_connect" >/dev/null
  log "created database anomaly_connect"
fi
unset PGPASSWORD

export DB_HOST=127.0.0.1 DB_PORT="$PG_PORT" DB_NAME=anomaly_connect DB_USER=postgres
export APP_URL="${APP_URL:-$LISTEN}"

log "building"
dotnet build "$REPO_ROOT/silo/AnomalyConnect.Silo" -c Release -v quiet -nologo >/dev/null
log "Anomaly Connect listens on $LISTEN (PostgreSQL on 127.0.0.1:$PG_PORT, data in $DATA_DIR)"
log "admin token (Authorization: Bearer …): $API_SECRET_KEY"
[ -n "${BOT_TOKEN:-}" ] && log "Telegram bot: on" || log "Telegram bot: off (set BOT_TOKEN to start it)"
cd "$REPO_ROOT/silo/AnomalyConnect.Silo/bin/Release/net10.0"
dotnet AnomalyConnect.Silo.dll --urls "$LISTEN"
