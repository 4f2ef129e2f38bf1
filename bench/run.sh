#!/usr/bin/env bash
# Scopegate's benchmark: Scopegate against the floor (straight to the upstream) and against nginx
# proxy_pass, same upstream, same run. See docs/BENCHMARKS.md for what each row measures.
#
#   bench/run.sh            full run (under 10 minutes on 2 cores)
#   bench/run.sh --quick    smoke check (about 2 minutes): short loads, 200 WebSocket subscribers
#
# Everything listens on free loopback ports inside a temp directory and is stopped on exit.
# Writes bench/results/<UTC date-time>.md and .json (the directory is git-ignored).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$repo/bench"
jar="$repo/target/scopegate.jar"
mode=full
for arg in "$@"; do
  case "$arg" in
    --quick) mode=quick ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown argument $arg (try --help)" >&2; exit 2 ;;
  esac
done

if [ "$mode" = full ]; then
  SAT=8 WARM=2 JIT_WARM=10 PACED=12 WS_SECONDS=8 FANOUT=10000 HEADS=5 BLOCKS=1000 TURNS=4 TURN=2
else
  SAT=2 WARM=1 JIT_WARM=3 PACED=3 WS_SECONDS=2 FANOUT=200 HEADS=3 BLOCKS=300 TURNS=2 TURN=1
fi
CONNECTIONS=64 THREADS=2 RATE=1000 COUNTED=200

say() { printf "bench: %4ds  %s\n" "$SECONDS" "$*" >&2; }
die() { say "$*"; exit 1; }

# ------------------------------------------------------------------ what the run needs
apt_updated=""
install() { # Debian packages, only those missing
  local packages="$*"
  command -v apt-get >/dev/null || die "missing: $packages (no apt-get here; install them by hand)"
  local sudo=""
  [ "$(id -u)" = 0 ] || { command -v sudo >/dev/null && sudo="sudo"; } || die "missing: $packages (run as root or install them)"
  say "installing $packages (Debian packages)"
  [ -n "$apt_updated" ] || { $sudo apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $packages >/dev/null
}
NJS_MODULE=/usr/lib/nginx/modules/ngx_http_js_module.so
missing=""
command -v nginx >/dev/null || missing="$missing nginx"
[ -f "$NJS_MODULE" ] || missing="$missing libnginx-mod-http-js"
command -v wrk >/dev/null || missing="$missing wrk"
command -v curl >/dev/null || missing="$missing curl"
command -v java >/dev/null || missing="$missing openjdk-17-jre-headless"
[ -z "$missing" ] || install $missing

# the jar: ./scopegate builds it when missing or older than the sources, and makes its class-data
# archive (once per build), so that no measured start pays for either
"$repo/scopegate" --version >/dev/null

# ------------------------------------------------------------------ processes and ports
work="$(mktemp -d "${TMPDIR:-/tmp}/scopegate-bench.XXXXXX")"
pids=()
cleanup() {
  local status=$?
  for pidfile in "$work"/*.pid; do # the nginx masters started here
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ $status -ne 0 ]; then
    say "failed; logs kept in $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

used_ports=" "
# below the kernel's ephemeral range, so no outgoing connection of the run can take a port
# between its check and its bind
ephemeral_low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
free_port() { # sets FREE_PORT: a loopback port nothing listens on, not handed out before
  local port
  while :; do
    port=$((10000 + RANDOM % (ephemeral_low - 10000)))
    case "$used_ports" in *" $port "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      used_ports="$used_ports$port "
      FREE_PORT=$port
      return
    fi
  done
}

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...: polls COMMAND every 10 ms
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || die "$what did not come up in ${seconds}s (logs in $work)"
    sleep 0.01
  done
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# every process of an nginx (master and workers) or a single pid
family() {
  local pid=$1
  echo "$pid"
  cat "/proc/$pid/task/$pid/children" 2>/dev/null || ps -o pid= --ppid "$pid"
}
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { # utime + stime of the processes given (fields 14 and 15 of /proc/PID/stat)
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
  done
  echo $total
}
rss_mib() { # VmRSS summed over the processes given, MiB
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)))
  done
  echo $((total / 1024))
}

start_nginx() { # start_nginx NAME CONF (its pid file is in $work: cleanup stops it)
  local name=$1 conf=$2
  nginx -p "$work" -c "$conf" -e "$work/$name-error.log" || die "nginx $name did not start (see $work/$name-error.log)"
}

fill() { # fill TEMPLATE OUT KEY=VALUE...
  local template=$1 out=$2; shift 2
  local sedargs=(-e "s#@DIR@#$work#g" -e "s#@BENCH@#$bench#g")
  for kv in "$@"; do sedargs+=(-e "s#@${kv%%=*}@#${kv#*=}#g"); done
  sed "${sedargs[@]}" "$template" >"$out"
}

# ------------------------------------------------------------------ results
tsv="$work/results.tsv"
: >"$tsv"
record() { # record GROUP ROW LABEL key=value...
  local group=$1 row=$2 label=$3; shift 3
  printf '%s\t%s\t%s\t%s\n' "$group" "$row" "$label" "$*" >>"$tsv"
  printf '  %-44s %s\n' "$label" "$*" >&2
}
value() { # value KEY LINE: the value of KEY=... in a line of figures
  echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p" | head -1
}

# check URL BODY HEADER WANT: one call with curl; its answer must contain WANT (a result, the
# echoed id...) and no error. Prints the answer.
check() {
  local url=$1 body=$2 header=$3 want=$4 answer
  local args=(-s -m 30 -H 'Content-Type: application/json' -d "$body")
  [ -z "$header" ] || args+=(-H "$header")
  answer="$(curl "${args[@]}" "$url")" || die "no answer from $url"
  case "$answer" in
    *'"error"'*) die "error answer from $url for $body: ${answer:0:300}" ;;
    *"$want"*) echo "$answer" ;;
    *) die "unexpected answer from $url for $body (wanted $want): ${answer:0:300}" ;;
  esac
}

load() { # load SECONDS URL BODY HEADER [OUT]: wrk, 64 connections, keep-alive
  BENCH_BODY="$3" BENCH_HEADER="$4" BENCH_ACCEPT_ENCODING="${ACCEPT_ENCODING:-}" \
    wrk -t$THREADS -c$CONNECTIONS -d"$1"s --timeout 30s -s "$bench/wrk/rpc.lua" "$2" >"${5:-/dev/null}"
}

# upstream_per_call URL BODY HEADER COUNTER: what reaches the upstream per request, from exactly
# COUNTED requests (BenchClient count, 8 at once). COUNTER prints the upstream's count so far
# (nginx: requests in its access log; dev node: JSON-RPC calls); what it receives while idle (the
# proxy's own polling) is measured for a second first and subtracted.
upstream_per_call() {
  local url=$1 body=$2 header=$3 counter=$4 idle0 idle1 c0 c1 t0 t1
  local args=(count "$url" $COUNTED 8 "$body")
  [ -z "$header" ] || args+=("$header")
  sleep 0.3; idle0=$($counter); sleep 1; idle1=$($counter)
  c0=$($counter); t0=$(now_ms)
  java -cp "$jar" dev.scopegate.bench.BenchClient "${args[@]}" 2>>"$work/client.log" | grep -q "ok=$COUNTED failed=0" \
    || die "not every one of $COUNTED requests to $url was answered without error: $(tail -n 1 "$work/client.log")"
  t1=$(now_ms); sleep 0.3 # nginx flushes its access log every 100 ms
  c1=$($counter)
  awk -v a="$c0" -v b="$c1" -v i0="$idle0" -v i1="$idle1" -v ms="$((t1 - t0 + 300))" -v n="$COUNTED" \
    'BEGIN { printf "%.2f", (b - a - (i1 - i0) * ms / 1000) / n }'
}

# saturate GROUP ROW LABEL URL BODY HEADER COUNTER PIDS...: the upstream count per request
# (above), then wrk at saturation after a warm-up.
saturate() {
  local group=$1 row=$2 label=$3 url=$4 body=$5 header=$6 counter=$7; shift 7
  local procs=("$@")
  local upstream="-"
  if [ "$counter" != no_count ]; then
    upstream=$(upstream_per_call "$url" "$body" "$header" "$counter")
  fi
  load $WARM "$url" "$body" "$header"
  local cpu0 cpu1 out rss_during
  cpu0=$(cpu_ticks "${procs[@]}")
  load $SAT "$url" "$body" "$header" "$work/wrk.out" &
  local wrk_pid=$!
  sleep $((SAT - 1 > 0 ? SAT - 1 : 1))
  rss_during=$(rss_mib "${procs[@]}")
  wait $wrk_pid
  cpu1=$(cpu_ticks "${procs[@]}")
  out="$(grep '^requests=' "$work/wrk.out")" || die "wrk printed no figures for $label: $(cat "$work/wrk.out")"
  local requests; requests=$(value requests "$out")
  local cpu_us=$(( (cpu1 - cpu0) * 1000000 / CLK_TCK / (requests > 0 ? requests : 1) ))
  record "$group" "$row" "$label" "$out cpu_us_per_req=$cpu_us upstream_per_req=$upstream rss_load_mib=$rss_during"
}

# paced GROUP ROW LABEL URL BODY HEADER: 1 000 req/s, open loop (BenchClient paced)
paced() {
  local group=$1 row=$2 label=$3 url=$4 body=$5 header=$6 out
  local args=(paced "$url" $RATE $PACED 16 "$body")
  [ -z "$header" ] || args+=("$header")
  out="$(client "${args[@]}")"
  record "$group" "$row" "$label" "$out"
}

no_count() { echo -; }

# client MODE ARGS...: one BenchClient run; its figures, or client_failed=1 (the row shows it
# and the run goes on; the client's output is in $work/client.log)
client() {
  local out cause
  out="$(java -cp "$jar" dev.scopegate.bench.BenchClient "$@" 2>"$work/client.err" | tail -1)" || true
  cat "$work/client.err" >>"$work/client.log"
  if [ -z "$out" ]; then # the row says why (the work directory is removed after a run that ends)
    cause="$(grep -m1 -E '^[A-Za-z0-9_.$]+(Exception|Error)' "$work/client.err" | tr -c 'A-Za-z0-9_.:$\n-' '_' | cut -c1-160)"
    out="client_failed=1 cause=${cause:-unknown}"
  fi
  echo "$out"
}

# jit_warm URL: the JVM compiles its hot paths during the first seconds of load; every call shape
# the rows use is sent for JIT_WARM seconds before any row of a Scopegate instance is measured.
jit_warm() {
  local url=$1; shift
  for body in "$@"; do
    load $JIT_WARM "$url" "$body" "$TENANT"
    load $JIT_WARM "$url" "$body" "$OPERATOR"
  done
}

# ------------------------------------------------------------------ the run
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
t_start=$SECONDS
say "mode $mode; work directory $work"

# The dev node (private-state rows, WebSocket rows, backfill): its own JVM.
say "starting the dev node (seeding $BLOCKS blocks for the backfill)"
java -cp "$jar" dev.scopegate.bench.BenchNode "$work" "$BLOCKS" >"$work/devnode.log" 2>&1 &
pids+=($!)

# The upstream: nginx + njs, one worker.
free_port; UPSTREAM_PORT=$FREE_PORT
fill "$bench/upstream/nginx-upstream.conf.in" "$work/upstream.conf" UPSTREAM_PORT="$UPSTREAM_PORT"
start_nginx upstream "$work/upstream.conf"
UPSTREAM="http://127.0.0.1:$UPSTREAM_PORT/"
wait_for 10 "the nginx upstream" curl -sf -d '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber"}' "$UPSTREAM"
upstream_count() { wc -l <"$work/upstream-access.log"; }
upstream_pid=$(cat "$work/upstream.pid")

# nginx proxy_pass in front of it: worker_processes auto (the comparison) and 1.
proxy_nginx() { # proxy_nginx NAME WORKERS UPSTREAM_PORT: sets PROXY_PORT
  free_port; PROXY_PORT=$FREE_PORT
  fill "$bench/upstream/nginx-proxy.conf.in" "$work/proxy-$1.conf" NAME="$1" WORKERS="$2" PORT="$PROXY_PORT" UPSTREAM_PORT="$3"
  start_nginx "proxy-$1" "$work/proxy-$1.conf"
}
proxy_nginx auto auto "$UPSTREAM_PORT"; NGINX_PORT=$PROXY_PORT
proxy_nginx one 1 "$UPSTREAM_PORT"; NGINX1_PORT=$PROXY_PORT
wait_for 10 "nginx proxy_pass" curl -sf -d '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber"}' "http://127.0.0.1:$NGINX_PORT/"
wait_for 10 "nginx proxy_pass (1 worker)" curl -sf -d '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber"}' "http://127.0.0.1:$NGINX1_PORT/"
nginx_pid=$(cat "$work/proxy-auto.pid")
nginx1_pid=$(cat "$work/proxy-one.pid")

# The framework's floor: a Vert.x proxy that only passes bodies through (BenchProxy), built as
# Scopegate's HTTP path is, on the same JVM defaults as the launcher's.
free_port; VERTX_PORT=$FREE_PORT
java -XX:+UseSerialGC -Xmn128m -cp "$jar" dev.scopegate.bench.BenchProxy "$VERTX_PORT" "$UPSTREAM_PORT" >"$work/vertx-proxy.log" 2>&1 &
vertx_pid=$!
pids+=($vertx_pid)
wait_for 30 "the Vert.x proxy" curl -sf -d '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber"}' "http://127.0.0.1:$VERTX_PORT/"

# Below it, the JVM's floor: the same pass-through on Netty's own HTTP codecs (NettyProxy), the
# layer Vert.x is built on; how much a rewrite below Vert.x could gain.
free_port; NETTY_PORT=$FREE_PORT
java -XX:+UseSerialGC -Xmn128m -cp "$jar" dev.scopegate.bench.NettyProxy "$NETTY_PORT" "$UPSTREAM_PORT" >"$work/netty-proxy.log" 2>&1 &
netty_pid=$!
pids+=($netty_pid)
wait_for 30 "the Netty proxy" curl -sf -d '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber"}' "http://127.0.0.1:$NETTY_PORT/"

wait_for 300 "the dev node" test -f "$work/node.json"
node_json="$(cat "$work/node.json")"
jfield() { echo "$node_json" | sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }
NODE_HTTP=$(jfield http) NODE_WS=$(jfield ws) TESSERA=$(jfield tessera) CONTROL=$(jfield control)
TOKEN=$(jfield tokenA) PRIVATE_A=$(jfield privateA)
LOG_CONTRACTS=$(echo "$node_json" | sed -n 's/.*"logContracts":\(\[[^]]*\]\).*/\1/p')
NODE_HEAD=$(echo "$node_json" | sed -n 's/.*"head":\([0-9]*\).*/\1/p')
node_pid=$(echo "$node_json" | sed -n 's/.*"pid":\([0-9]*\).*/\1/p')
node_count() { curl -s "$CONTROL/count"; }
API_KEY=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')

# Scopegate: its own JVM, configured by a YAML file (extra SCOPEGATE_* variables may be given).
scopegate() { # scopegate NAME UPSTREAM_YAML [VAR=VALUE...] -> sets SG_PORT SG_METRICS SG_PID SG_READY_MS
  local name=$1 upstream_yaml=$2; shift 2
  free_port; SG_PORT=$FREE_PORT
  free_port; SG_METRICS=$FREE_PORT
  cat >"$work/$name.yaml" <<EOF
upstream:
$upstream_yaml
server:
  host: 127.0.0.1
  port: $SG_PORT
  maxConnections: 30000
  ws: { maxConnections: 20000, maxConnectionsPerTenant: 20000, maxSubscriptionsPerTenant: 20000, idleTimeout: 300s }
privacy:
  index: { path: $work/$name-index }
auth:
  apiKey: $API_KEY
  jwt: { publicKeyFile: $work/issuer.pem }
metrics:
  port: $SG_METRICS
  readyMaxIndexLag: 0
EOF
  local t0; t0=$(now_ms)
  # through the launcher, as a user starts it: its JVM defaults and class-data archive, and
  # JAVA_OPTS after them (it execs java, so $! is the JVM)
  env "$@" "$repo/scopegate" --config "$work/$name.yaml" >"$work/$name.log" 2>&1 &
  SG_PID=$!
  pids+=($SG_PID)
  wait_for 600 "Scopegate ($name)" curl -sf "http://127.0.0.1:$SG_METRICS/ready"
  SG_READY_MS=$(( $(now_ms) - t0 ))
}

BN='{"jsonrpc":"2.0","id":42,"method":"eth_blockNumber","params":[]}'
BATCH="[$(for i in 1 2 3 4 5 6 7 8 9 10; do printf '{"jsonrpc":"2.0","id":%d,"method":"eth_blockNumber","params":[]}' $i; [ $i = 10 ] || printf ','; done)]"
TENANT="Authorization: Bearer $TOKEN"
OPERATOR="X-API-Key: $API_KEY"

# --- group fixed: eth_blockNumber against the nginx + njs upstream
say "Scopegate against the nginx upstream"
scopegate public "  http: $UPSTREAM
  mode: public"
sg_pid=$SG_PID sg_url="http://127.0.0.1:$SG_PORT/"
sleep 2
record start ready "Scopegate start (no index), idle" "ready_ms=$SG_READY_MS rss_idle_mib=$(rss_mib $sg_pid)"

check "$UPSTREAM" "$BN" "" '"id":42' >/dev/null
check "$sg_url" "$BN" "$TENANT" '"id":42' >/dev/null
check "$sg_url" "$BN" "$OPERATOR" '"id":42' >/dev/null
answer="$(check "$sg_url" "$BATCH" "$TENANT" '"id":10')"
[ "$(echo "$answer" | grep -o '"result"' | wc -l)" = 10 ] || die "batch: not 10 results: ${answer:0:300}"

say "warming Scopegate's JIT up"
jit_warm "$sg_url" "$BN" "$BATCH"
say "saturation, eth_blockNumber ($SAT s each, $CONNECTIONS connections)"
saturate fixed floor "direct to the upstream (floor)" "$UPSTREAM" "$BN" "" upstream_count $upstream_pid
saturate fixed nginx "nginx proxy_pass, workers auto" "http://127.0.0.1:$NGINX_PORT/" "$BN" "" upstream_count $(family $nginx_pid)
saturate fixed nginx1 "nginx proxy_pass, 1 worker" "http://127.0.0.1:$NGINX1_PORT/" "$BN" "" upstream_count $(family $nginx1_pid)
load $JIT_WARM "http://127.0.0.1:$VERTX_PORT/" "$BN" ""
saturate fixed vertx "Vert.x bare proxy (the framework's floor)" "http://127.0.0.1:$VERTX_PORT/" "$BN" "" upstream_count $vertx_pid
load $JIT_WARM "http://127.0.0.1:$NETTY_PORT/" "$BN" ""
saturate fixed netty "Netty bare proxy (the JVM's floor)" "http://127.0.0.1:$NETTY_PORT/" "$BN" "" upstream_count $netty_pid
kill $netty_pid # its one row is done
saturate fixed operator "Scopegate operator (API key)" "$sg_url" "$BN" "$OPERATOR" upstream_count $sg_pid
saturate fixed tenant "Scopegate tenant (JWT)" "$sg_url" "$BN" "$TENANT" upstream_count $sg_pid
# as real clients call (Go's net/http, node's fetch, OkHttp, browsers): Accept-Encoding: gzip
ACCEPT_ENCODING=gzip saturate fixed tenant-gzip "Scopegate tenant, client accepts gzip" "$sg_url" "$BN" "$TENANT" upstream_count $sg_pid

say "saturation, a batch of 10"
saturate batch floor "batch of 10, direct (floor)" "$UPSTREAM" "$BATCH" "" upstream_count $upstream_pid
saturate batch nginx "batch of 10, nginx proxy_pass" "http://127.0.0.1:$NGINX_PORT/" "$BATCH" "" upstream_count $(family $nginx_pid)
saturate batch tenant "batch of 10, Scopegate tenant" "$sg_url" "$BATCH" "$TENANT" upstream_count $sg_pid
record start after "Scopegate after the saturation rows" "rss_after_mib=$(rss_mib $sg_pid)"

say "latency at a fixed $RATE req/s (open loop, $PACED s each)"
paced paced floor "direct to the upstream (floor)" "$UPSTREAM" "$BN" ""
paced paced nginx "nginx proxy_pass, workers auto" "http://127.0.0.1:$NGINX_PORT/" "$BN" ""
paced paced vertx "Vert.x bare proxy (the framework's floor)" "http://127.0.0.1:$VERTX_PORT/" "$BN" ""
paced paced operator "Scopegate operator" "$sg_url" "$BN" "$OPERATOR"
paced paced tenant "Scopegate tenant" "$sg_url" "$BN" "$TENANT"
kill $vertx_pid # idle since its paced row; the rows after it do not need it

# --- limiter rows: configuration only. A row runs when this build knows its keys.
# Every budget on and far above the load, so each call pays the whole limiter and none is refused.
LIMIT_ROWS=(
  "memory|tenant with limits on (in memory)|SCOPEGATE_LIMITS_TENANT_REQUESTSPERSECOND=1000000000 SCOPEGATE_LIMITS_TENANT_BURST=1000000000 SCOPEGATE_LIMITS_TENANT_CONCURRENT=1000000 SCOPEGATE_LIMITS_TENANT_COSTPERSECOND=1000000000"
  "redis|tenant with limits on (Redis)|SCOPEGATE_LIMITS_TENANT_REQUESTSPERSECOND=1000000000 SCOPEGATE_LIMITS_TENANT_BURST=1000000000 SCOPEGATE_LIMITS_TENANT_CONCURRENT=1000000 SCOPEGATE_LIMITS_TENANT_COSTPERSECOND=1000000000 SCOPEGATE_LIMITS_REDIS_URL=redis://127.0.0.1:@REDIS_PORT@"
)
for spec in "${LIMIT_ROWS[@]}"; do
  IFS='|' read -r row label vars <<<"$spec"
  if ! grep -q '`limits.tenant.requestsPerSecond`' "$repo/docs/config-reference.md" \
      || { [[ "$vars" == *REDIS* ]] && ! grep -q '`limits.redis.url`' "$repo/docs/config-reference.md"; }; then
    record fixed "limits-$row" "$label" "todo=limits.*_not_in_this_build"
    continue
  fi
  if [[ "$vars" == *@REDIS_PORT@* ]]; then
    command -v redis-server >/dev/null || install redis-server
    free_port; redis_port=$FREE_PORT
    redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >"$work/redis.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
    vars="${vars//@REDIS_PORT@/$redis_port}"
  fi
  scopegate "limits-$row" "  http: $UPSTREAM
  mode: public" $vars
  check "http://127.0.0.1:$SG_PORT/" "$BN" "$TENANT" '"id":42' >/dev/null
  load $JIT_WARM "http://127.0.0.1:$SG_PORT/" "$BN" "$TENANT" # only the tenant's row is measured here
  saturate fixed "limits-$row" "$label" "http://127.0.0.1:$SG_PORT/" "$BN" "$TENANT" upstream_count $SG_PID
  kill $SG_PID; wait $SG_PID 2>/dev/null || true
done

kill $sg_pid; wait $sg_pid 2>/dev/null || true
kill "$(cat "$work/proxy-one.pid")"

# --- groups read and logs: the dev node with private state
say "Scopegate against the dev node (indexing $NODE_HEAD blocks first)"
NODE_HTTP_PORT=$(echo "$NODE_HTTP" | sed 's#.*:\([0-9]*\).*#\1#')
proxy_nginx devnode auto "$NODE_HTTP_PORT"; devnginx_url="http://127.0.0.1:$PROXY_PORT/"
scopegate private "  http: $NODE_HTTP
  ws: $NODE_WS
  privacyManager: $TESSERA
  mode: single"
# (the dev node's extension contract is its own code; no extension is seeded here, so the
# default extenderCodeHashes do)
priv_pid=$SG_PID priv_url="http://127.0.0.1:$SG_PORT/" priv_ws="ws://127.0.0.1:$SG_PORT/"
record start ready-private "Scopegate start + index of $NODE_HEAD blocks" "ready_ms=$SG_READY_MS"
devnginx_pid=$(cat "$work/proxy-devnode.pid")

# the fan-out first, while this Scopegate is fresh: its RSS figures are then the subscribers'
# own, not the heap the eth_getLogs rows grew
say "WebSocket fan-out: $FANOUT tenant subscribers to newHeads, $HEADS heads"
out="$(client fanout "$priv_ws" $FANOUT $HEADS "$CONTROL" $priv_pid "$TENANT")"
record fanout tenant "newHeads to $FANOUT subscribers (tenant)" "$out"

READ="{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_getCode\",\"params\":[\"$PRIVATE_A\",\"latest\"]}"
check "$NODE_HTTP" "$READ" "" '"result":"0x6080' >/dev/null
check "$priv_url" "$READ" "$TENANT" '"result":"0x6080' >/dev/null
check "$priv_url" "$READ" "$OPERATOR" '"result":"0x6080' >/dev/null
LOGS="{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"eth_getLogs\",\"params\":[{\"fromBlock\":\"0x1\",\"toBlock\":\"latest\",\"address\":$LOG_CONTRACTS}]}"
say "warming Scopegate's JIT up"
jit_warm "$priv_url" "$READ" "$LOGS"
say "saturation, a tenant's read of its own private contract"
saturate read floor "eth_getCode, direct to the dev node" "$NODE_HTTP" "$READ" "" node_count $node_pid
saturate read nginx "eth_getCode, nginx proxy_pass" "$devnginx_url" "$READ" "" node_count $(family $devnginx_pid)
saturate read operator "eth_getCode private, Scopegate operator" "$priv_url" "$READ" "$OPERATOR" node_count $priv_pid
saturate read tenant "eth_getCode own private, Scopegate tenant" "$priv_url" "$READ" "$TENANT" node_count $priv_pid
# The same two in turns: the machine drifts between loads a minute apart (±30 % on this kind of
# host), and a ratio of two rows measured apart carries that drift. TURNS rounds of TURN seconds
# each, the order swapped every round; the report takes the median of the rounds' ratios.
turn_rps() { # turn_rps HEADER: one turn's requests/s
  load $TURN "$priv_url" "$READ" "$1" "$work/wrk.out"
  value rps "$(grep '^requests=' "$work/wrk.out")"
}
ratios=""
for round in $(seq $TURNS); do
  if [ $((round % 2)) = 1 ]; then
    op_rps=$(turn_rps "$OPERATOR"); tenant_rps=$(turn_rps "$TENANT")
  else
    tenant_rps=$(turn_rps "$TENANT"); op_rps=$(turn_rps "$OPERATOR")
  fi
  ratios="$ratios$(awk -v t="$tenant_rps" -v o="$op_rps" 'BEGIN { printf "%.3f", (o > 0 ? t / o : 0) }'),"
done
record turns read "own read in turns: tenant / operator, $TURNS rounds of ${TURN} s" "ratios=${ratios%,}"

all_logs=$(check "$NODE_HTTP" "$LOGS" "" '"logIndex"' | grep -o '"logIndex"' | wc -l)
op_logs=$(check "$priv_url" "$LOGS" "$OPERATOR" '"logIndex"' | grep -o '"logIndex"' | wc -l)
tenant_logs=$(check "$priv_url" "$LOGS" "$TENANT" '"logIndex"' | grep -o '"logIndex"' | wc -l)
[ "$all_logs" = 1000 ] && [ "$op_logs" = 1000 ] || die "eth_getLogs: the node answered $all_logs logs, the operator got $op_logs (wanted 1000)"
[ "$tenant_logs" -lt 1000 ] || die "eth_getLogs: the tenant got all $tenant_logs logs (nothing filtered)"
say "saturation, eth_getLogs: 1000 logs over 50 contracts (tenant sees $tenant_logs)"
saturate logs floor "eth_getLogs 1000, direct to the dev node" "$NODE_HTTP" "$LOGS" "" node_count $node_pid
saturate logs nginx "eth_getLogs 1000, nginx proxy_pass" "$devnginx_url" "$LOGS" "" node_count $(family $devnginx_pid)
saturate logs operator "eth_getLogs 1000, Scopegate operator" "$priv_url" "$LOGS" "$OPERATOR" node_count $priv_pid
saturate logs tenant "eth_getLogs filtered to $tenant_logs, tenant" "$priv_url" "$LOGS" "$TENANT" node_count $priv_pid
kill "$devnginx_pid"

# --- WebSocket: calls (closed loop, 64 connections) and the newHeads fan-out
say "WebSocket calls ($WS_SECONDS s each, $CONNECTIONS connections)"
ws_calls() { # ws_calls ROW LABEL URL HEADER PIDS...
  local row=$1 label=$2 url=$3 header=$4; shift 4
  local args=(ws-calls "$url" $WS_SECONDS $CONNECTIONS "$BN") cpu0 cpu1 out
  [ -z "$header" ] || args+=("$header")
  cpu0=$(cpu_ticks "$@")
  out="$(client "${args[@]}")"
  cpu1=$(cpu_ticks "$@")
  local ok; ok=$(value ok "$out")
  record ws "$row" "$label" "$out cpu_us_per_req=$(( (cpu1 - cpu0) * 1000000 / CLK_TCK / (ok > 0 ? ok : 1) ))"
}
ws_calls floor "WebSocket eth_blockNumber, direct to the dev node" "$NODE_WS" "" $node_pid
ws_calls operator "WebSocket eth_blockNumber, Scopegate operator" "$priv_ws" "$OPERATOR" $priv_pid
ws_calls tenant "WebSocket eth_blockNumber, Scopegate tenant" "$priv_ws" "$TENANT" $priv_pid

kill $priv_pid; wait $priv_pid 2>/dev/null || true

# --- privacy-index backfill: a fresh index over the dev node's chain vs the same reads direct
say "privacy-index backfill of $NODE_HEAD blocks"
scopegate backfill "  http: $NODE_HTTP
  ws: $NODE_WS
  privacyManager: $TESSERA
  mode: single"
kill $SG_PID; wait $SG_PID 2>/dev/null || true
# from the index's first line to its "caught up" line (logback's ISO timestamps)
log_ms() { date -d "$(grep -m1 "$1" "$work/backfill.log" | cut -d' ' -f1)" +%s%3N; }
index_ms=$(( $(log_ms 'caught up at block') - $(log_ms 'privacy index: resuming after block') ))
record backfill scopegate "privacy index, fresh" \
  "blocks=$((NODE_HEAD + 1)) ms=$index_ms blocks_per_s=$(( (NODE_HEAD + 1) * 1000 / (index_ms > 0 ? index_ms : 1) )) ready_ms=$SG_READY_MS"
out="$(client backfill-direct "$NODE_HTTP" "$TESSERA" "$NODE_HEAD")"
record backfill direct "the index's reads, direct to the dev node" "$out"

# ------------------------------------------------------------------ the report
elapsed=$((SECONDS - t_start))
stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
mkdir -p "$bench/results"
machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1), $(uname -sr), $(java -version 2>&1 | head -1), load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$jar" dev.scopegate.bench.BenchReport "$tsv" "$bench/results/$stamp" \
  "mode=$mode" "started=$started" "seconds=$elapsed" "machine=$machine" \
  "commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$repo" diff --quiet 2>/dev/null || echo +dirty)"
say "done in ${elapsed}s: bench/results/$stamp.md and .json"
