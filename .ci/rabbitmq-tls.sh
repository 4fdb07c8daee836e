#!/usr/bin/env bash
# Gives a RabbitMQ node a TLS listener for the TLS tests (issue 8, "Security"): generates a test CA and a
# server certificate for the host name "localhost" (and nothing else: connecting to 127.0.0.1 must fail
# host-name verification) into a directory the tests read, adds the listener to the node's rabbitmq.conf,
# and restarts the node only when that changed or the listener is not up. Idempotent: a second run with
# everything in place touches nothing. The plain listener, the plugins and the rest of the file stay.
#
# Settings (environment), defaults for the CI node:
#   RABBITMQ_TLS_NODE    node name                          rabbit@localhost
#   RABBITMQ_TLS_CONFIG  the node's rabbitmq.conf           /etc/rabbitmq/rabbitmq.conf
#   RABBITMQ_TLS_START   command that starts the node       rabbitmq-server -detached
#   RABBITMQ_TLS_PORT    TLS port on 127.0.0.1              5671
#   POSTAGE_TLS_DIR      where ca.pem and the server files go  /var/tmp/postage-tls
# The tests find the CA through POSTAGE_TEST_TLS_CA=$POSTAGE_TLS_DIR/ca.pem (.ci/run exports it).
set -euo pipefail

node="${RABBITMQ_TLS_NODE:-rabbit@localhost}"
config="${RABBITMQ_TLS_CONFIG:-/etc/rabbitmq/rabbitmq.conf}"
start="${RABBITMQ_TLS_START:-rabbitmq-server -detached}"
port="${RABBITMQ_TLS_PORT:-5671}"
dir="${POSTAGE_TLS_DIR:-/var/tmp/postage-tls}"
begin="# BEGIN postage TLS listener (.ci/rabbitmq-tls.sh)"
end="# END postage TLS listener"

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# 1. The CA and the server certificate, made again when missing or expiring within a day.
mkdir -p "$dir"
renewed=false
if ! [ -s "$dir/ca.pem" ] || ! [ -s "$dir/server-key.pem" ] \
    || ! openssl x509 -checkend 86400 -noout -in "$dir/server-cert.pem" >/dev/null 2>&1; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=Postage test CA" \
    -keyout "$dir/ca-key.pem" -out "$dir/ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
    -keyout "$dir/server-key.pem" -out "$dir/server.csr" 2>/dev/null
  printf 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n' > "$dir/server.ext"
  openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca-key.pem" -CAcreateserial \
    -days 30 -extfile "$dir/server.ext" -out "$dir/server-cert.pem" 2>/dev/null
  rm -f "$dir/server.csr" "$dir/server.ext" "$dir/ca.srl"
  renewed=true
  echo "rabbitmq-tls: made a test CA and a server certificate for localhost in $dir"
fi
chmod 755 "$dir"
chmod 644 "$dir/ca.pem" "$dir/server-cert.pem"
chmod 600 "$dir/ca-key.pem"
if [ "$(id -u)" = 0 ] && id rabbitmq >/dev/null 2>&1; then
  chown rabbitmq "$dir/server-key.pem"
  chmod 600 "$dir/server-key.pem"
else
  chmod 644 "$dir/server-key.pem" # a throwaway test key: the broker's user must read it
fi

# 2. The listener in rabbitmq.conf, between our markers; everything else in the file is kept as it is.
block="$begin
listeners.ssl.default = 127.0.0.1:$port
ssl_options.cacertfile = $dir/ca.pem
ssl_options.certfile = $dir/server-cert.pem
ssl_options.keyfile = $dir/server-key.pem
ssl_options.verify = verify_none
ssl_options.fail_if_no_peer_cert = false
$end"
current=""
[ -f "$config" ] && current="$(cat "$config")"
others="$(printf '%s\n' "$current" | awk -v b="$begin" -v e="$end" '$0 == b {skip = 1} !skip {print} $0 == e {skip = 0}')"
wanted="$(printf '%s\n%s\n' "$others" "$block" | sed '/./,$!d')"
changed=false
if [ "$current" != "$wanted" ]; then
  printf '%s\n' "$wanted" > "$config"
  changed=true
  echo "rabbitmq-tls: added the TLS listener 127.0.0.1:$port to $config"
fi

# 3. Restart only when the configuration or the certificates changed, or the listener is not up.
if ! $changed && ! $renewed && port_open "$port"; then
  echo "rabbitmq-tls: $node already listens for TLS on 127.0.0.1:$port"
  exit 0
fi
echo "rabbitmq-tls: restarting $node to open the TLS listener"
rabbitmqctl -q -n "$node" stop >/dev/null 2>&1 || true
$start
for _ in $(seq 1 30); do
  rabbitmqctl -q -n "$node" await_startup --timeout 60 >/dev/null 2>&1 && break
  sleep 1
done
for _ in $(seq 1 30); do
  port_open "$port" && break
  sleep 1
done
if ! port_open "$port"; then
  echo "rabbitmq-tls: $node does not listen on 127.0.0.1:$port after the restart; see its log" >&2
  exit 1
fi
echo "rabbitmq-tls: $node listens for TLS on 127.0.0.1:$port (CA: $dir/ca.pem)"
