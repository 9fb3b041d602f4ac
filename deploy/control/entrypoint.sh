#!/bin/sh
# Starts one Anomaly Connect process. Every process of the cluster needs its own SILO_NAME; replicas of one compose
# service share their environment, so each takes its container's hostname (the container id), which is unique.
set -eu
if [ -z "${SILO_NAME:-}" ]; then
  SILO_NAME="${HOSTNAME:-$(hostname)}"
fi
export SILO_NAME
exec dotnet /app/AnomalyConnect.Silo.dll "$@"
