#!/bin/bash
# Docker HEALTHCHECK: GET /healthz on this container's own port (from ASPNETCORE_URLS), healthy on HTTP 200.
# The runtime image has no curl; bash's /dev/tcp is enough for one request.
set -u
first_url="${ASPNETCORE_URLS:-http://+:8080}"
first_url="${first_url%%;*}"
port="${first_url##*:}"
port="${port%%/*}"
case "$port" in
  ''|*[!0-9]*) port=8080 ;;
esac
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 5 status_line <&3 || exit 1
case "$status_line" in
  "HTTP/1."?" 200"*) exit 0 ;;
  *) exit 1 ;;
esac
