#!/bin/sh
# Runs in the nginx image's entrypoint before nginx starts (after the templates are rendered):
#  1. writes the /admin and /metrics allowlist from ADMIN_ALLOWLIST (addresses or CIDR ranges, separated by commas);
#  2. when /etc/letsencrypt/live/$DOMAIN/ has no certificate yet, puts a self-signed placeholder there, marked by a
#     file named PLACEHOLDER, so nginx can start and serve the ACME challenge that gets the real one.
# LETSENCRYPT_DIR and ADMIN_ALLOWLIST_FILE move the outputs (the tests use them); the defaults are the image's paths.
set -eu

LETSENCRYPT_DIR="${LETSENCRYPT_DIR:-/etc/letsencrypt}"
ADMIN_ALLOWLIST_FILE="${ADMIN_ALLOWLIST_FILE:-/etc/nginx/anomaly/admin-allowlist.conf}"

say() { echo "anomaly-bootstrap: $*" >&2; }

if [ -z "${DOMAIN:-}" ]; then
  say "DOMAIN is not set: it is the public host name of the control server and names its certificate."
  exit 1
fi

write_allowlist() {
  mkdir -p "$(dirname "$ADMIN_ALLOWLIST_FILE")"
  tmp="$ADMIN_ALLOWLIST_FILE.tmp"
  echo "# Written from ADMIN_ALLOWLIST at start-up: who may open /admin and /metrics." > "$tmp"
  count=0
  for entry in $(printf '%s' "${ADMIN_ALLOWLIST:-}" | tr ',;' '  '); do
    case "$entry" in
      *[!0-9A-Fa-f.:/]*|*/*/*|/*|*/)
        rm -f "$tmp"
        say "ADMIN_ALLOWLIST has '$entry', which is not an IP address or a CIDR range."
        exit 1
        ;;
    esac
    echo "allow $entry;" >> "$tmp"
    count=$((count + 1))
  done
  echo "deny all;" >> "$tmp"
  mv "$tmp" "$ADMIN_ALLOWLIST_FILE"
  if [ "$count" -eq 0 ]; then
    say "ADMIN_ALLOWLIST is empty: /admin and /metrics answer 403 to everyone."
  fi
}

ensure_certificate() {
  live="$LETSENCRYPT_DIR/live/$DOMAIN"
  if [ -s "$live/fullchain.pem" ] && [ -s "$live/privkey.pem" ]; then
    return 0
  fi
  say "no certificate for $DOMAIN yet: using a self-signed placeholder until certbot issues one."
  mkdir -p "$live"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 90 \
    -subj "/CN=$DOMAIN" -addext "subjectAltName=DNS:$DOMAIN" \
    -keyout "$live/privkey.pem" -out "$live/fullchain.pem" 2>/dev/null
  chmod 600 "$live/privkey.pem"
  cp "$live/fullchain.pem" "$live/chain.pem"
  echo "A self-signed placeholder made by the nginx container; certbot replaces this directory." > "$live/PLACEHOLDER"
}

write_allowlist
ensure_certificate
