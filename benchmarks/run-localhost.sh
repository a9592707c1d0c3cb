#!/usr/bin/env bash
# Measures the local host from outside its process (docs/performance.md, "Local host: HTTP push and queue pull"):
#   HTTP: wrk against GET /noop (requests/s, p99);
#   queue: pre-fills the queue `bench` with N messages, starts the host, times the drain through a pull trigger
#          with batch size 10 (messages/s = N / seconds from the first message handled to the Nth), embedded then Redis.
# Usage: benchmarks/run-localhost.sh [RUNS] (default 3). Env: MESSAGES (200000), DURATION (15s), CONNECTIONS (64),
#        PORT (3900), REDIS (1; 0 skips Redis). Starts Redis with tests/services/redis.sh and leaves it running.
# Figures go to standard output, progress to standard error; the host's error logs and wrk's reports stay in a temp
# folder (printed). The host's invocation log goes to a file there, as `dotnet run ... > file` would.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
messages="${MESSAGES:-200000}"
duration="${DURATION:-15s}"
connections="${CONNECTIONS:-64}"
port="${PORT:-3900}"
use_redis="${REDIS:-1}"
redis_connection="127.0.0.1:${IMPULSE_REDIS_PORT:-6390}"
work="$(mktemp -d /tmp/impulse-localhost-bench.XXXXXX)"
dll="$root/benchmarks/LocalHostApp/bin/Release/net10.0/LocalHostApp.dll"
host_pid=""

log() { echo "run-localhost.sh: $*" >&2; }

stop_host() {
  if [[ -n "$host_pid" ]] && kill -0 "$host_pid" 2>/dev/null; then
    kill -TERM "$host_pid" 2>/dev/null || true
    wait "$host_pid" 2>/dev/null || true
  fi
  host_pid=""
}
trap stop_host EXIT

# start_host LOG_PREFIX [ENV=VALUE]...: starts the host in $work, its stdout (the invocation log) and stderr to files.
start_host() {
  local name="$1"; shift
  (cd "$work" && exec env "$@" dotnet "$dll" serve --port "$port" --queue-db "$work/queues.db" \
    >"$work/$name.out" 2>"$work/$name.err") &
  host_pid=$!
  for _ in $(seq 1 300); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/2015-03-31/functions"; then return; fi
    kill -0 "$host_pid" 2>/dev/null || { cat "$work/$name.err" >&2; log "the host exited"; exit 1; }
    sleep 0.1
  done
  log "the host did not answer within 30 s"; exit 1
}

# drain NAME PROVIDER TARGET [ENV=VALUE]...: fills the queue, starts the host, waits for the drain line.
drain() {
  local name="$1" provider="$2" target="$3"; shift 3
  dotnet "$dll" fill "$provider" "$target" "$messages" 2>"$work/$name-fill.err" || { cat "$work/$name-fill.err" >&2; exit 1; }
  sed -n 's/^BENCH //p' "$work/$name-fill.err" >&2
  start_host "$name" BENCH_DRAIN_TOTAL="$messages" "$@"
  for _ in $(seq 1 1200); do
    grep -q '^BENCH drained' "$work/$name.err" && break
    kill -0 "$host_pid" 2>/dev/null || break
    sleep 0.25
  done
  local line
  line="$(grep '^BENCH drained' "$work/$name.err" || true)"
  # Lets in-flight deletes finish, then checks the queue is empty (a message counted twice would be a redelivery).
  sleep 1
  stop_host
  dotnet "$dll" fill "$provider" "$target" 2>&1 | sed -n 's/^BENCH filled.*visible now: /after drain: /p' >&2
  if [[ -z "$line" ]]; then
    log "$name: the drain did not finish in 300 s"; tail -5 "$work/$name.err" >&2
    echo "$name: not finished"
  else
    rm -f "$work/$name.out"
    echo "$name: $(sed -n 's/^BENCH drained [0-9]* messages in \([0-9.]*\) s: \([0-9]*\) messages\/s/\2 messages\/s (\1 s)/p' <<<"$line")"
  fi
}

if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk (apt)"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq wrk >/dev/null
fi

log "building benchmarks/LocalHostApp (Release)"
dotnet build -c Release "$root/benchmarks/LocalHostApp" -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }

if [[ "$use_redis" == 1 ]]; then
  bash "$root/tests/services/redis.sh" start >/dev/null
fi

log "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
log "results and logs in $work"
for run in $(seq 1 "$runs"); do
  echo "== run $run (load $(cut -d' ' -f1-3 /proc/loadavg))"

  # HTTP push: a no-op function behind GET /noop.
  start_host "http-$run"
  wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$port/noop" >/dev/null   # warm-up: JIT, tiering, connection pools
  wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port/noop" >"$work/wrk-$run.txt"
  stop_host
  # The invocation log (two JSON lines per request) runs to hundreds of MB: count it, then drop it.
  invocations=$(( $(grep -c '"platform.report"' "$work/http-$run.out" || true) ))
  rm -f "$work/http-$run.out"
  rps="$(awk '/^Requests\/sec/ {print $2}' "$work/wrk-$run.txt")"
  p50="$(awk '$1 == "50%" {print $2}' "$work/wrk-$run.txt")"
  p99="$(awk '$1 == "99%" {print $2}' "$work/wrk-$run.txt")"
  errors="$(grep -E 'Non-2xx|Socket errors' "$work/wrk-$run.txt" | tr '\n' ' ' || true)"
  echo "http: $rps requests/s, p50 $p50, p99 $p99, $invocations invocations logged (warm-up included) ${errors}"

  # Queue pull, embedded: a fresh database each run.
  rm -f "$work/queues.db" "$work/queues.db-wal" "$work/queues.db-shm"
  drain "embedded-$run" embedded "$work/queues.db"

  # Queue pull, Redis Streams.
  if [[ "$use_redis" == 1 ]]; then
    redis-cli -h "${redis_connection%:*}" -p "${redis_connection#*:}" --scan --pattern 'impulse:bench*' \
      | xargs -r redis-cli -h "${redis_connection%:*}" -p "${redis_connection#*:}" del >/dev/null
    drain "redis-$run" redis "$redis_connection" \
      IMPULSE__SOURCES__QUEUES__BENCH__PROVIDER=redis IMPULSE__SOURCES__REDIS__CONNECTION="$redis_connection"
  fi
done
