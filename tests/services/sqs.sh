#!/usr/bin/env bash
# Starts or stops a local SQS-compatible endpoint for the tests of Impulse.Sources.Sqs.
#   tests/services/sqs.sh start   installs the npm package local-aws-sqs (outside the repository) if missing, serves
#                                 it on 127.0.0.1:9324 and prints the line to export: export IMPULSE_SQS=http://...
#   tests/services/sqs.sh stop    stops it.
# local-aws-sqs speaks both of SQS's protocols, AWS JSON 1.0 (which AWSSDK.SQS v4 uses) and the older query one,
# and keeps its queues in memory: a restart starts empty.
set -euo pipefail

port="${IMPULSE_SQS_PORT:-9324}"
version=2.0.2
home="${IMPULSE_SERVICES_HOME:-/opt/impulse-services}/sqs"
pidfile="$home/server.pid"
logfile="$home/server.log"
url="http://127.0.0.1:${port}"

log() { echo "sqs.sh: $*" >&2; }

install_if_missing() {
  if [ -f "$home/node_modules/local-aws-sqs/package.json" ] \
    && grep -q "\"version\": \"$version\"" "$home/node_modules/local-aws-sqs/package.json"; then
    return
  fi
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    log "installing nodejs and npm (apt)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq nodejs npm >/dev/null
  fi
  log "installing local-aws-sqs@$version into $home (npm)"
  mkdir -p "$home"
  rm -f "$home"/.impulse-patched-*
  [ -f "$home/package.json" ] || echo '{"private":true}' > "$home/package.json"
  npm install --prefix "$home" --no-audit --no-fund --loglevel=error "local-aws-sqs@$version" >/dev/null
}

patch_emulator() {
  # local-aws-sqs 2.0.2 departs from SQS where the adapter's tests look: these fixes make it behave as SQS does.
  # Each replacement must match exactly once, so a different version fails here instead of misbehaving in tests.
  [ -f "$home/.impulse-patched-$version" ] && return
  log "patching local-aws-sqs@$version to SQS's semantics"
  node - "$home/node_modules" <<'JS'
const fs = require("fs");
const root = process.argv[2];
const patches = [
  ["local-aws-sqs/dist/index.js", [
    // A long poll returns as soon as it found messages, not only once it has MaxNumberOfMessages or timed out
    // (it also used to collect the same message again whenever its visibility timeout ran out meanwhile).
    ["if(r.length==e){clearInterval(c),clearTimeout(n),o();break}}},10)",
     "if(r.length==e)break}r.length&&(clearInterval(c),clearTimeout(n),o())},10)"],
    // ChangeMessageVisibility is not a receive: it must not raise ApproximateReceiveCount.
    ["let n=Number(t.record.attributes.ApproximateReceiveCount)+1;t.record.attributes.ApproximateReceiveCount=String(n),n==1&&(t.record.attributes.ApproximateFirstReceiveTimestamp=Date.now().toString()),t.visible=!1",
     "if(!i){let n=Number(t.record.attributes.ApproximateReceiveCount)+1;t.record.attributes.ApproximateReceiveCount=String(n),n==1&&(t.record.attributes.ApproximateFirstReceiveTimestamp=Date.now().toString())}t.visible=!1"],
    // ApproximateNumberOfMessages counts visible messages only, not those in flight.
    ["ApproximateNumberOfMessages:String(S(this,E).filter(o=>!o.delayed).length)",
     "ApproximateNumberOfMessages:String(S(this,E).filter(o=>!o.delayed&&o.visible).length)"],
    // A message sent without a delay is visible at once, not delayed until the next turn of the event loop.
    ["let i={visible:!0,record:t,delayed:!0},r=(isNaN(e)?this.DelaySeconds:e)*1e3;return S(this,E).push(i),ie(this,ge)._++,setTimeout(()=>{i.delayed=!1,ie(this,ge)._--},r).unref(),",
     "let i={visible:!0,record:t,delayed:!1},r=(isNaN(e)?this.DelaySeconds:e)*1e3;return S(this,E).push(i),r>0&&(i.delayed=!0,ie(this,ge)._++,setTimeout(()=>{i.delayed=!1,ie(this,ge)._--},r).unref()),"],
    // Only the latest receipt handle of a message in flight changes its visibility (an older one is invalid) ...
    ["if(!r)return!1;let n=Number(e);",
     "if(!r||r.visible||t!=r.record.ReceiptHandle)return!1;let n=Number(e);"],
    // ... or deletes it: SQS accepts an older handle but deletes nothing.
    ["}else i!=-1&&l(this,D,zt).call(this,i);return!0}",
     "}else i!=-1&&S(this,E)[i].record.ReceiptHandle==t&&l(this,D,zt).call(this,i);return!0}"],
  ]],
  ["aws-md5-of-message-attributes/src/index.js", [
    // The MD5 of message attributes counts UTF-8 bytes, not UTF-16 code units, or the SDK rejects non-ASCII values.
    ["nameSize.writeUInt32BE(key.length);", "nameSize.writeUInt32BE(Buffer.byteLength(key, \"utf-8\"));"],
    ["typeSize.writeUInt32BE(DataType.length);", "typeSize.writeUInt32BE(Buffer.byteLength(DataType, \"utf-8\"));"],
    ["valueSize.writeUInt32BE(StringValue.length);", "valueSize.writeUInt32BE(Buffer.byteLength(StringValue, \"utf-8\"));"],
  ]],
];
for (const [file, replacements] of patches) {
  const path = `${root}/${file}`;
  let text = fs.readFileSync(path, "utf8");
  for (const [from, to] of replacements) {
    const count = text.split(from).length - 1;
    if (count !== 1) {
      console.error(`sqs.sh: cannot patch ${file}: expected the text once, found it ${count} times: ${from}`);
      process.exit(1);
    }
    text = text.replace(from, to);
  }
  fs.writeFileSync(path, text);
}
JS
  touch "$home/.impulse-patched-$version"
}

write_server() {
  # Queue deletion is immediate (no 60 s wait before a name can be reused) so test runs can clean up after themselves.
  # One shim: local-aws-sqs answers a ReceiveMessage that found nothing with an empty body, where SQS's JSON protocol
  # answers {}; the AWS SDK cannot parse the empty body and retries, receiving messages the caller never sees.
  cat > "$home/server.js" <<'JS'
const http = require("http");
const { createRequestHandler } = require("local-aws-sqs");
const port = Number(process.argv[2]);
const { requestHandler } = createRequestHandler({ port, hostname: "127.0.0.1", emulateQueueCreationLifecycle: false });
http.createServer((req, res) => {
  if (req.headers["x-amz-target"]) {
    let wrote = false;
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = (chunk, ...rest) => { if (chunk && chunk.length) wrote = true; return write(chunk, ...rest); };
    res.end = (chunk, ...rest) => {
      const empty = !wrote && (chunk == null || typeof chunk === "function" || chunk.length === 0);
      if (empty && res.statusCode === 200 && !res.headersSent) {
        res.setHeader("Content-Type", "application/x-amz-json-1.0");
        res.removeHeader("Content-Length");
        return typeof chunk === "function" ? end("{}", chunk) : end("{}", ...rest);
      }
      return end(chunk, ...rest);
    };
  }
  requestHandler(req, res);
}).listen(port, "127.0.0.1", () => console.log(`local-aws-sqs listening on 127.0.0.1:${port}`));
JS
}

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

ready() {
  # Any HTTP answer means the server is up; ListQueues over the JSON protocol is the cheapest one.
  curl -s -o /dev/null -X POST "$url/" -H 'Content-Type: application/x-amz-json-1.0' \
    -H 'X-Amz-Target: AmazonSQS.ListQueues' -d '{}' 2>/dev/null
}

start() {
  install_if_missing
  patch_emulator
  if running; then
    log "already running (pid $(cat "$pidfile"))"
  else
    write_server
    log "starting local-aws-sqs on 127.0.0.1:$port"
    nohup node "$home/server.js" "$port" >"$logfile" 2>&1 &
    echo $! > "$pidfile"
  fi
  for _ in $(seq 1 100); do
    if ready; then
      echo "export IMPULSE_SQS=$url"
      return
    fi
    if ! running; then
      break
    fi
    sleep 0.1
  done
  log "the server did not start; its log:"
  cat "$logfile" >&2 || true
  exit 1
}

stop() {
  if running; then
    local pid
    pid="$(cat "$pidfile")"
    kill "$pid"
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    log "stopped (pid $pid)"
  else
    log "not running"
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
