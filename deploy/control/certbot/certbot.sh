#!/bin/sh
# The certbot container's job (image certbot/certbot): keeps the Let's Encrypt certificate of $DOMAIN.
#   certbot.sh loop   (default) get the first certificate if there is none, then renew twice a day; runs forever
#   certbot.sh once   the same, once, then exit (docker compose run --rm certbot once)
# Challenges are HTTP-01 through the webroot that nginx serves on port 80. The nginx container reloads by itself
# when the files change. ACME_EMAIL gets expiry mail; ACME_STAGING=1 uses Let's Encrypt's staging CA for trials.
# LETSENCRYPT_DIR, CERTBOT_WEBROOT and CERTBOT_BIN exist for the tests; the defaults are the image's.
set -u

LETSENCRYPT_DIR="${LETSENCRYPT_DIR:-/etc/letsencrypt}"
WEBROOT="${CERTBOT_WEBROOT:-/var/www/certbot}"
CERTBOT="${CERTBOT_BIN:-certbot}"
RENEW_EVERY="${CERTBOT_RENEW_SECONDS:-43200}"
RETRY_EVERY="${CERTBOT_RETRY_SECONDS:-3600}"

say() { echo "anomaly-certbot: $*" >&2; }

if [ -z "${DOMAIN:-}" ]; then
  say "DOMAIN is not set: it is the host name to get a certificate for."
  exit 1
fi
live="$LETSENCRYPT_DIR/live/$DOMAIN"

has_issued_certificate() {
  [ -s "$live/fullchain.pem" ] && [ ! -e "$live/PLACEHOLDER" ]
}

issue() {
  # certbot will not write into a live directory it did not create: move nginx's placeholder aside, and put it back
  # if issuing fails, so nginx still finds a certificate when it restarts.
  aside="$LETSENCRYPT_DIR/placeholder-$DOMAIN"
  rm -rf "$aside"
  if [ -d "$live" ]; then
    mv "$live" "$aside"
  fi
  set -- certonly --webroot -w "$WEBROOT" -d "$DOMAIN" --non-interactive --agree-tos --keep-until-expiring
  if [ -n "${ACME_EMAIL:-}" ]; then
    set -- "$@" --email "$ACME_EMAIL" --no-eff-email
  else
    set -- "$@" --register-unsafely-without-email
  fi
  if [ "${ACME_STAGING:-0}" = "1" ]; then
    set -- "$@" --staging
  fi
  mkdir -p "$WEBROOT"
  if "$CERTBOT" "$@"; then
    rm -rf "$aside"
    say "certificate issued for $DOMAIN"
    return 0
  fi
  if [ -d "$aside" ] && [ ! -s "$live/fullchain.pem" ]; then
    rm -rf "$live"
    mv "$aside" "$live"
  fi
  say "could not get a certificate for $DOMAIN: check that its DNS A record points here and port 80 is open."
  return 1
}

run_once() {
  if has_issued_certificate; then
    "$CERTBOT" renew --webroot -w "$WEBROOT" --non-interactive
  else
    issue
  fi
}

case "${1:-loop}" in
  once)
    run_once
    ;;
  loop)
    trap 'exit 0' TERM INT
    while :; do
      if run_once; then wait_for="$RENEW_EVERY"; else wait_for="$RETRY_EVERY"; fi
      sleep "$wait_for" &
      wait $!
    done
    ;;
  *)
    echo "usage: certbot.sh [loop|once]" >&2
    exit 2
    ;;
esac
