#!/usr/bin/env bash
# Starts or stops a local RabbitMQ broker for the tests of Impulse.Sources.RabbitMq.
#   tests/services/rabbitmq.sh start   installs rabbitmq-server if missing, boots one node on 127.0.0.1:5672
#                                      and prints the line to export: export IMPULSE_RABBITMQ=amqp://...
#   tests/services/rabbitmq.sh stop    stops that node.
# Runs without systemd (containers, CI): the node is started with `rabbitmq-server -detached`, as root.
set -euo pipefail

port="${IMPULSE_RABBITMQ_PORT:-5672}"
uri="amqp://guest:guest@127.0.0.1:${port}/"

# Everything listens on loopback only: AMQP, the Erlang distribution port and epmd.
export RABBITMQ_NODENAME="${RABBITMQ_NODENAME:-rabbit@localhost}"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$port"
export RABBITMQ_DIST_PORT="$((port + 20000))"
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
# No plugins: the management UI is not needed, and skipping it saves boot time and memory.
plugins_file=/var/lib/rabbitmq/impulse-enabled-plugins
export RABBITMQ_ENABLED_PLUGINS_FILE="$plugins_file"

log() { echo "rabbitmq.sh: $*" >&2; }

install_if_missing() {
  if command -v rabbitmq-server >/dev/null 2>&1 && command -v rabbitmqctl >/dev/null 2>&1; then
    return
  fi
  log "installing rabbitmq-server (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq rabbitmq-server >/dev/null
}

running() { rabbitmqctl -q -n "$RABBITMQ_NODENAME" status >/dev/null 2>&1; }

start() {
  install_if_missing
  # The package may have booted a node of its own where services may start; ours is configured differently.
  if running; then
    log "node $RABBITMQ_NODENAME already running"
  else
    mkdir -p "$(dirname "$plugins_file")"
    echo '[].' > "$plugins_file"
    chown rabbitmq:rabbitmq "$plugins_file" 2>/dev/null || true
    log "starting node $RABBITMQ_NODENAME on 127.0.0.1:$port"
    rabbitmq-server -detached
  fi
  # await_startup fails at once while the node has not yet registered with epmd, so first wait for it to
  # answer at all (a node still shutting down from a previous run, or a slow boot, both take a while).
  for _ in $(seq 1 120); do
    running && break
    sleep 1
  done
  # Then await_startup waits for the boot to finish, or fails after the timeout (seconds).
  if ! rabbitmqctl -q -n "$RABBITMQ_NODENAME" await_startup --timeout 120 >/dev/null; then
    log "the node did not start; its log is under /var/log/rabbitmq/"
    tail -n 40 /var/log/rabbitmq/"$RABBITMQ_NODENAME".log >&2 2>/dev/null || true
    exit 1
  fi
  echo "export IMPULSE_RABBITMQ=$uri"
}

stop() {
  if ! command -v rabbitmqctl >/dev/null 2>&1; then
    log "rabbitmq-server is not installed"
    return
  fi
  if running; then
    # shutdown stops the node and waits until the Erlang VM has exited.
    rabbitmqctl -q -n "$RABBITMQ_NODENAME" shutdown >/dev/null
    log "stopped node $RABBITMQ_NODENAME"
  else
    log "node $RABBITMQ_NODENAME is not running"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
