#!/usr/bin/env bash
# The node's firewall (ufw): nothing comes in but SSH, the VPN ports, and the management port from the control
# server alone. Idempotent: ufw skips rules it already has. Run as root on the node.
#
# The node's containers use the host network, so these rules apply to them (Docker's published ports would
# bypass ufw; host networking does not).
set -euo pipefail

usage() {
  cat <<USAGE
usage: firewall.sh [--dry-run] [--ssh-port N] [--hy2-port N] [--mgmt-port N] <control-server-ip>

  Denies all incoming traffic except: SSH (22/tcp), HTTP (80/tcp, Xray's fallback), VLESS Reality (443/tcp),
  Hysteria2 (443/udp) and the management port (8443/tcp) from <control-server-ip> only.

  --dry-run      print the ufw commands instead of running them
  --ssh-port N   SSH port (default 22)
  --hy2-port N   Hysteria2's UDP port (default 443; HY2_PORT of deploy/node/.env)
  --mgmt-port N  the mTLS management port (default 8443; MGMT_PORT of deploy/node/.env)

example: firewall.sh 198.51.100.20
USAGE
}

dry_run=0
ssh_port=22
hy2_port=443
mgmt_port=8443
control_ip=""

is_port() { [[ "$1" =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le 65535 ]; }
is_ip() {
  [[ "$1" =~ ^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$ ]] &&
    [ "${BASH_REMATCH[1]}" -le 255 ] && [ "${BASH_REMATCH[2]}" -le 255 ] &&
    [ "${BASH_REMATCH[3]}" -le 255 ] && [ "${BASH_REMATCH[4]}" -le 255 ] && return 0
  [[ "$1" =~ ^[0-9A-Fa-f:]+$ && "$1" == *:*:* ]]
}
fail() { echo "firewall.sh: $*" >&2; usage >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=1; shift ;;
    --ssh-port) is_port "${2:-}" || fail "--ssh-port needs a port number"; ssh_port="$2"; shift 2 ;;
    --hy2-port) is_port "${2:-}" || fail "--hy2-port needs a port number"; hy2_port="$2"; shift 2 ;;
    --mgmt-port) is_port "${2:-}" || fail "--mgmt-port needs a port number"; mgmt_port="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) fail "unknown option $1" ;;
    *) [ -z "$control_ip" ] || fail "only one control server address"; control_ip="$1"; shift ;;
  esac
done
[ -n "$control_ip" ] || fail "the control server's IP address is required"
is_ip "$control_ip" || fail "'$control_ip' is not an IP address"

run() {
  if [ "$dry_run" -eq 1 ]; then
    local out="" arg
    for arg in "$@"; do
      if [[ "$arg" == *" "* ]]; then out="$out \"$arg\""; else out="$out $arg"; fi
    done
    echo "${out# }"
  else
    "$@"
  fi
}

if [ "$dry_run" -eq 0 ]; then
  command -v ufw >/dev/null || { echo "firewall.sh: ufw is missing: apt-get install -y ufw" >&2; exit 1; }
  [ "$(id -u)" -eq 0 ] || { echo "firewall.sh: run it as root" >&2; exit 1; }
fi

# Allow SSH before the default turns to deny, so this session is never cut off.
run ufw allow "$ssh_port/tcp" comment "ssh"
run ufw allow 80/tcp comment "xray http fallback"
run ufw allow 443/tcp comment "xray vless reality"
run ufw allow "$hy2_port/udp" comment "hysteria2"
run ufw allow proto tcp from "$control_ip" to any port "$mgmt_port" comment "anomaly management (mTLS)"
run ufw default deny incoming
run ufw default allow outgoing
run ufw --force enable
if [ "$dry_run" -eq 0 ]; then
  ufw status verbose
fi
