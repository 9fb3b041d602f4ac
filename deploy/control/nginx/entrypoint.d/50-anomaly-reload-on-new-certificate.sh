#!/bin/sh
# Starts a watcher beside nginx: when certbot writes a new certificate for $DOMAIN (the first one, or a renewal),
# nginx reloads, so the certbot container needs no access to this one. Checked every CERT_WATCH_SECONDS (60).
set -eu
cert="${LETSENCRYPT_DIR:-/etc/letsencrypt}/live/${DOMAIN}/fullchain.pem"
interval="${CERT_WATCH_SECONDS:-60}"
(
  last="$(cksum "$cert" 2>/dev/null || true)"
  while sleep "$interval"; do
    now="$(cksum "$cert" 2>/dev/null)" || continue
    [ "$now" = "$last" ] && continue
    # A renewal writes several files: reload only once they make a valid configuration, else try again next time.
    if nginx -t -q >/dev/null 2>&1 && nginx -s reload; then
      echo "anomaly-cert-watch: new certificate for ${DOMAIN}; nginx reloaded" >&2
      last="$now"
    fi
  done
) </dev/null >/dev/null 2>&1 &
