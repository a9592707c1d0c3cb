#!/usr/bin/env bash
# Starts or stops a local Redis server for the tests of Impulse.Sources.Redis.
#   tests/services/redis.sh start   installs redis-server if missing, starts it daemonized on 127.0.0.1:6390
#                                   with no persistence, and prints the line to export: export IMPULSE_REDIS=...
#   tests/services/redis.sh stop    shuts that server down.
# Runs without systemd (containers, CI): the server is started directly with --daemonize yes, as root.
set -euo pipefail

port="${IMPULSE_REDIS_PORT:-6390}"
# Its own pid and log files, so this server never meets one the package may have started on 6379.
run_dir="${TMPDIR:-/tmp}/impulse-redis-$port"

log() { echo "redis.sh: $*" >&2; }

install_if_missing() {
  if command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1; then
    return
  fi
  log "installing redis-server (apt)"
  export DEBIAN_FRONTEND=noninteractive
  # Waits for another apt (say, another service's script) instead of failing on its lock.
  local wait_lock=(-o DPkg::Lock::Timeout=300)
  apt-get "${wait_lock[@]}" update -qq
  apt-get "${wait_lock[@]}" install -y -qq redis-server >/dev/null
}

running() { redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; }

start() {
  install_if_missing
  if running; then
    log "a server already answers on 127.0.0.1:$port"
  else
    mkdir -p "$run_dir"
    log "starting redis-server on 127.0.0.1:$port"
    # --save '' and --appendonly no: the tests need no persistence, and skipping it keeps every write in memory.
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
      --dir "$run_dir" --pidfile "$run_dir/redis.pid" --logfile "$run_dir/redis.log"
    for _ in $(seq 1 100); do
      running && break
      sleep 0.1
    done
    if ! running; then
      log "the server did not answer within 10 s; its log:"
      tail -n 40 "$run_dir/redis.log" >&2 2>/dev/null || true
      exit 1
    fi
  fi
  echo "export IMPULSE_REDIS=127.0.0.1:$port"
}

stop() {
  if ! command -v redis-cli >/dev/null 2>&1; then
    log "redis-server is not installed"
    return
  fi
  if running; then
    # NOSAVE: there is nothing to keep; SHUTDOWN returns once the server has exited, so the port is free after it.
    redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || true
    log "stopped the server on 127.0.0.1:$port"
  else
    log "no server answers on 127.0.0.1:$port"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
