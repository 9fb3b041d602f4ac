#!/usr/bin/env bash
# The private PKI between the control server and its nodes. Run it on the control server.
#
# Every node's management port (nginx, see deploy/node/nginx/) accepts only clients whose certificate is signed by
# the control server's CA, and the control server checks that the node's certificate is signed by that same CA.
# Idempotent: what exists is kept (delete a file to issue it again); only what is missing is created.
set -euo pipefail

usage() {
  cat <<USAGE
usage: pki.sh [--dir DIR] [--days N] init
       pki.sh [--dir DIR] [--days N] node <node-id> <address> [<address>...]

  init    creates the CA (DIR/ca/: ca.crt, ca.key; the key never leaves this folder) and the control server's
          client certificate (DIR/control/: client.crt, client.key, ca.crt; the control stack mounts this folder)
  node    does init, then issues the node's server certificate for its addresses (IP addresses or DNS names, the
          first one is how the control server reaches it) into DIR/nodes/<node-id>/: node.crt, node.key, ca.crt.
          Copy that folder to the node as deploy/node/pki/.

  --dir DIR   where the PKI lives (default: deploy/control/pki of this repository, which the control stack mounts)
  --days N    validity of new node and client certificates in days (default 825; the CA gets 3650)

example: deploy/node/pki.sh node node-eu-1 203.0.113.10
USAGE
}

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${ANOMALY_PKI_DIR:-$script_dir/../control/pki}"
days=825
ca_days=3650
# The uid the control containers run as (the .NET images' 'app' user): it must be able to read the client key.
app_uid=1654

while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="${2:?--dir needs a directory}"; shift 2 ;;
    --days) days="${2:?--days needs a number}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    --*) echo "pki.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { usage >&2; exit 2; }
case "$days" in ''|*[!0-9]*) echo "pki.sh: --days must be a number" >&2; exit 2 ;; esac
command -v openssl >/dev/null || { echo "pki.sh: openssl is missing (apt-get install -y openssl)" >&2; exit 1; }

say() { echo "pki: $*" >&2; }

new_key() { # new_key <file>
  (umask 077 && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null)
}

ensure_ca() {
  local ca="$dir/ca"
  mkdir -p "$ca"
  chmod 700 "$ca"
  if [ -s "$ca/ca.crt" ] && [ -s "$ca/ca.key" ]; then
    return 0
  fi
  if [ -e "$ca/ca.crt" ] || [ -e "$ca/ca.key" ]; then
    say "$ca has only half of the CA (ca.crt or ca.key): restore the missing file or delete both"
    exit 1
  fi
  new_key "$ca/ca.key"
  openssl req -new -x509 -key "$ca/ca.key" -sha256 -days "$ca_days" -subj "/O=Anomaly Connect/CN=Anomaly Connect node CA" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" \
    -out "$ca/ca.crt"
  say "created the CA: $ca/ca.crt"
}

sign() { # sign <csr> <extensions file> <out>
  openssl x509 -req -in "$1" -CA "$dir/ca/ca.crt" -CAkey "$dir/ca/ca.key" -CAcreateserial -CAserial "$dir/ca/ca.srl" \
    -sha256 -days "$days" -extfile "$2" -out "$3" 2>/dev/null
}

ensure_client() {
  local out="$dir/control"
  mkdir -p "$out"
  cp "$dir/ca/ca.crt" "$out/ca.crt"
  if [ -s "$out/client.crt" ] && [ -s "$out/client.key" ]; then
    return 0
  fi
  local work
  work="$(mktemp -d)"
  new_key "$out/client.key"
  openssl req -new -key "$out/client.key" -subj "/O=Anomaly Connect/CN=anomaly-control" -out "$work/client.csr"
  printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
    "extendedKeyUsage=clientAuth" "authorityKeyIdentifier=keyid" > "$work/ext"
  sign "$work/client.csr" "$work/ext" "$out/client.crt"
  rm -rf "$work"
  if [ "$(id -u)" -eq 0 ]; then
    chown "$app_uid" "$out/client.key"
  fi
  say "created the control server's client certificate: $out/client.crt"
}

ensure_node() { # ensure_node <node-id> <address>...
  local id="$1"; shift
  case "$id" in ''|*[!A-Za-z0-9._-]*) echo "pki.sh: node id '$id' may use only letters, digits, '.', '_' and '-'" >&2; exit 2 ;; esac
  [ $# -ge 1 ] || { echo "pki.sh: node $id needs at least one address" >&2; usage >&2; exit 2; }
  local out="$dir/nodes/$id" san="" address
  for address in "$@"; do
    if [[ "$address" =~ ^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$ || "$address" == *:* ]]; then
      san="$san,IP:$address"
    elif [[ "$address" =~ ^[A-Za-z0-9.-]+$ ]]; then
      san="$san,DNS:$address"
    else
      echo "pki.sh: '$address' is neither an IP address nor a DNS name" >&2; exit 2
    fi
  done
  san="${san#,}"
  mkdir -p "$out"
  cp "$dir/ca/ca.crt" "$out/ca.crt"
  if [ -s "$out/node.crt" ] && [ -s "$out/node.key" ]; then
    say "node $id already has a certificate ($out/node.crt): kept; delete it to issue a new one"
    return 0
  fi
  local work
  work="$(mktemp -d)"
  new_key "$out/node.key"
  openssl req -new -key "$out/node.key" -subj "/O=Anomaly Connect/CN=$id" -out "$work/node.csr"
  printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
    "extendedKeyUsage=serverAuth" "authorityKeyIdentifier=keyid" "subjectAltName=$san" > "$work/ext"
  sign "$work/node.csr" "$work/ext" "$out/node.crt"
  rm -rf "$work"
  say "created node $id's certificate for $san: copy $out/ to the node as deploy/node/pki/"
}

command="$1"; shift
case "$command" in
  init)
    [ $# -eq 0 ] || { usage >&2; exit 2; }
    ensure_ca
    ensure_client
    ;;
  node)
    [ $# -ge 2 ] || { usage >&2; exit 2; }
    ensure_ca
    ensure_client
    ensure_node "$@"
    ;;
  *)
    echo "pki.sh: unknown command '$command'" >&2
    usage >&2
    exit 2
    ;;
esac
