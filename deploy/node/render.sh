#!/usr/bin/env bash
# Renders a node's configs from deploy/node/.env into deploy/node/generated/:
#   xray/config.json, hysteria/config.yaml (+ a self-signed tls.crt/tls.key unless you put your own there),
#   nginx/nginx.conf, and node.json: the body of the control server's POST /admin/api/nodes for this node.
# Secrets left empty in .env (Reality key pair, short id, Hysteria2 stats secret) are generated once and written
# back into .env, so running it again gives the same node. Needs bash, openssl and envsubst (gettext-base).
set -euo pipefail

usage() {
  cat <<USAGE
usage: render.sh [--env FILE] [--out DIR]
  --env FILE   the node's settings (default: deploy/node/.env; start from .env.example)
  --out DIR    where to write (default: deploy/node/generated)
USAGE
}

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
env_file="$script_dir/.env"
out="$script_dir/generated"
while [ $# -gt 0 ]; do
  case "$1" in
    --env) env_file="${2:?--env needs a file}"; shift 2 ;;
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "render.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done

fail() { echo "render.sh: $*" >&2; exit 1; }
for tool in openssl envsubst base64; do
  command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install -y openssl gettext-base coreutils)"
done
[ -f "$env_file" ] || fail "$env_file does not exist: copy $script_dir/.env.example to it and fill it in"

# Reads NAME=value lines (values may be quoted); nothing in the file is executed.
load_env() {
  local line name value
  while IFS= read -r line || [ -n "$line" ]; do
    [[ "$line" =~ ^[[:space:]]*([A-Z_][A-Z0-9_]*)=(.*)$ ]] || continue
    name="${BASH_REMATCH[1]}"
    value="${BASH_REMATCH[2]}"
    value="${value%"${value##*[![:space:]]}"}"
    if [[ "$value" =~ ^\"(.*)\"$ || "$value" =~ ^\'(.*)\'$ ]]; then
      value="${BASH_REMATCH[1]}"
    fi
    printf -v "$name" '%s' "$value"
    export "${name?}"
  done < "$env_file"
}

# Sets NAME=value in the env file, replacing its line or adding one.
remember() {
  local name="$1" value="$2" tmp
  tmp="$(mktemp)"
  if grep -q "^$name=" "$env_file"; then
    awk -v n="$name" -v v="$value" 'index($0, n "=") == 1 { print n "=" v; next } { print }' "$env_file" > "$tmp"
  else
    cat "$env_file" > "$tmp"
    printf '%s=%s\n' "$name" "$value" >> "$tmp"
  fi
  cat "$tmp" > "$env_file"
  rm -f "$tmp"
  printf -v "$name" '%s' "$value"
  export "${name?}"
}

base64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
base64url_decode() {
  local s="${1//-/+}"
  s="${s//_//}"
  while [ $(( ${#s} % 4 )) -ne 0 ]; do s="$s="; done
  printf '%s' "$s" | base64 -d
}
# An X25519 key as Xray writes it: the raw 32 bytes, base64url without padding.
new_x25519_private_key() { openssl genpkey -algorithm X25519 -outform DER | tail -c 32 | base64url; }
x25519_public_key() {
  # PKCS#8 wrapping of a raw X25519 private key (RFC 8410), so openssl can derive the public key.
  { printf '\x30\x2e\x02\x01\x00\x30\x05\x06\x03\x2b\x65\x6e\x04\x22\x04\x20'; base64url_decode "$1"; } |
    openssl pkey -inform DER -pubout -outform DER | tail -c 32 | base64url
}

require() { # require NAME regex description
  local value="${!1:-}"
  [ -n "$value" ] || fail "$1 is not set in $env_file: $3"
  [[ "$value" =~ $2 ]] || fail "$1='$value' is not valid: $3"
}

load_env

: "${NODE_NAME:=${NODE_ID:-}}" "${NODE_REGION:=}" "${NODE_CAPACITY:=500}" "${VLESS_PORT:=443}" "${HY2_PORT:=443}"
: "${REALITY_FINGERPRINT:=chrome}" "${XRAY_INBOUND_TAG:=vless-reality}" "${MGMT_PORT:=8443}"
: "${XRAY_API_PORT:=10085}" "${HY2_STATS_PORT:=9999}" "${HY2_OBFS_PASSWORD:=}"
[ -n "${HY2_SERVER_NAME:-}" ] || HY2_SERVER_NAME="${REALITY_SERVER_NAME:-}"
export NODE_NAME NODE_REGION NODE_CAPACITY VLESS_PORT HY2_PORT REALITY_FINGERPRINT XRAY_INBOUND_TAG MGMT_PORT \
  XRAY_API_PORT HY2_STATS_PORT HY2_OBFS_PASSWORD HY2_SERVER_NAME

port='^[0-9]{1,5}$'
hostname='^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$'
require NODE_ID '^[A-Za-z0-9._-]+$' "the node's id (letters, digits, '.', '_', '-')"
require NODE_ADDRESS '^([0-9]{1,3}\.){3}[0-9]{1,3}$|^[0-9A-Fa-f:]*:[0-9A-Fa-f:]*$' "the node's public IP address"
require CONTROL_URL '^https?://[^][:space:]"\?#]+$' "the control server's public URL, e.g. https://vpn.example.com"
CONTROL_URL="${CONTROL_URL%/}"
require REALITY_DEST '^[A-Za-z0-9.-]+:[0-9]{1,5}$' "host:port of the site Reality borrows, e.g. www.microsoft.com:443"
require REALITY_SERVER_NAME "$hostname" "the SNI clients send, a name the REALITY_DEST site serves"
require HY2_SERVER_NAME "$hostname" "the SNI of Hysteria2"
require REALITY_FINGERPRINT '^[a-z0-9]+$' "chrome, firefox, safari, ios, edge or random"
require XRAY_INBOUND_TAG '^[A-Za-z0-9._-]+$' "the VLESS inbound's tag"
require NODE_CAPACITY '^[0-9]+$' "a number of users"
for name in VLESS_PORT HY2_PORT MGMT_PORT XRAY_API_PORT HY2_STATS_PORT; do
  require "$name" "$port" "a port number"
done
[[ "$NODE_NAME" != *[\"\\]* && "$NODE_REGION" != *[\"\\]* ]] || fail "NODE_NAME and NODE_REGION may not contain quotes or backslashes"
[[ "$HY2_OBFS_PASSWORD" =~ ^[A-Za-z0-9._~-]*$ ]] || fail "HY2_OBFS_PASSWORD may use only letters, digits and . _ ~ -"
: "${HY2_AUTH_SECRET:=}"
export HY2_AUTH_SECRET
[[ "$HY2_AUTH_SECRET" =~ ^[A-Za-z0-9_-]*$ ]] || fail "HY2_AUTH_SECRET may use only letters, digits, '_' and '-'"

[ -n "${REALITY_PRIVATE_KEY:-}" ] || remember REALITY_PRIVATE_KEY "$(new_x25519_private_key)"
[ -n "${REALITY_SHORT_ID:-}" ] || remember REALITY_SHORT_ID "$(openssl rand -hex 8)"
[ -n "${HY2_STATS_SECRET:-}" ] || remember HY2_STATS_SECRET "$(openssl rand -hex 24)"
require REALITY_PRIVATE_KEY '^[A-Za-z0-9_-]{43}$' "an x25519 private key, base64url (43 characters); leave it empty to generate one"
require REALITY_SHORT_ID '^([0-9a-f]{2}){1,8}$' "hex, an even number of characters, at most 16"
require HY2_STATS_SECRET '^[A-Za-z0-9_-]{16,}$' "at least 16 letters, digits, '_' or '-'"
REALITY_PUBLIC_KEY="$(x25519_public_key "$REALITY_PRIVATE_KEY")"
REALITY_DEST_HOST="${REALITY_DEST%:*}"
export REALITY_PUBLIC_KEY REALITY_DEST_HOST

# Only these are substituted, so nginx's own $variables stay as they are.
variables='${NODE_ID} ${NODE_ADDRESS} ${CONTROL_URL} ${VLESS_PORT} ${HY2_PORT} ${MGMT_PORT} ${XRAY_API_PORT}
${HY2_STATS_PORT} ${XRAY_INBOUND_TAG} ${REALITY_DEST} ${REALITY_DEST_HOST} ${REALITY_SERVER_NAME}
${REALITY_PRIVATE_KEY} ${REALITY_SHORT_ID} ${HY2_SERVER_NAME} ${HY2_STATS_SECRET} ${HY2_AUTH_SECRET}'
render() { # render <template> <output>
  mkdir -p "$(dirname "$2")"
  envsubst "$variables" < "$1" > "$2.tmp"
  mv "$2.tmp" "$2"
}

umask 077
render "$script_dir/xray/config.json.template" "$out/xray/config.json"
render "$script_dir/hysteria/config.yaml.template" "$out/hysteria/config.yaml"
if [ -n "$HY2_OBFS_PASSWORD" ]; then
  printf '\nobfs:\n  type: salamander\n  salamander:\n    password: "%s"\n' "$HY2_OBFS_PASSWORD" >> "$out/hysteria/config.yaml"
fi
render "$script_dir/nginx/nginx.conf.template" "$out/nginx/nginx.conf"
# The containers read these as root; the directory itself stays private.
chmod 755 "$out" "$out/xray" "$out/hysteria" "$out/nginx"
chmod 644 "$out/xray/config.json" "$out/hysteria/config.yaml" "$out/nginx/nginx.conf"

if [ ! -s "$out/hysteria/tls.crt" ] || [ ! -s "$out/hysteria/tls.key" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
    -subj "/CN=$HY2_SERVER_NAME" -addext "subjectAltName=DNS:$HY2_SERVER_NAME" \
    -keyout "$out/hysteria/tls.key" -out "$out/hysteria/tls.crt" 2>/dev/null
  echo "render.sh: made a self-signed certificate for Hysteria2 ($HY2_SERVER_NAME); clients need insecure=1" >&2
fi

host="$NODE_ADDRESS"
[[ "$host" == *:* ]] && host="[$host]"
obfs='null'
[ -z "$HY2_OBFS_PASSWORD" ] || obfs="\"$HY2_OBFS_PASSWORD\""
cat > "$out/node.json" <<JSON
{
  "id": "$NODE_ID",
  "name": "$NODE_NAME",
  "region": "$NODE_REGION",
  "address": "$NODE_ADDRESS",
  "capacity": $NODE_CAPACITY,
  "xray": {
    "api_url": "https://$host:$MGMT_PORT",
    "flavor": "xray",
    "inbound_tag": "$XRAY_INBOUND_TAG",
    "port": $VLESS_PORT,
    "security": "reality",
    "reality": {
      "public_key": "$REALITY_PUBLIC_KEY",
      "short_id": "$REALITY_SHORT_ID",
      "server_name": "$REALITY_SERVER_NAME",
      "fingerprint": "$REALITY_FINGERPRINT"
    }
  },
  "hysteria2": {
    "port": $HY2_PORT,
    "stats_url": "https://$host:$MGMT_PORT/hy2",
    "stats_secret": "$HY2_STATS_SECRET",
    "server_name": "$HY2_SERVER_NAME",
    "obfs_password": $obfs
  }
}
JSON

echo "render.sh: wrote $out (xray, hysteria, nginx, node.json)" >&2
if [ -z "$HY2_AUTH_SECRET" ]; then
  echo "render.sh: HY2_AUTH_SECRET is empty: Hysteria2 refuses every client until you register node.json with the" \
    "control server, put the auth-hook secret of its answer into $env_file and run render.sh again" >&2
fi
if [ ! -s "$script_dir/pki/node.crt" ] && [ "$out" = "$script_dir/generated" ]; then
  echo "render.sh: deploy/node/pki/ has no node.crt yet: copy it from the control server (pki.sh node ...)" >&2
fi
