#!/usr/bin/env bash
# The WebSocket fan-out row of bench/run.sh alone: the dev node, one private-state Scopegate and
# BenchClient fanout (tenant subscribers to newHeads). Prints BenchClient's line of figures.
#
#   bench/fanout.sh [SUBSCRIBERS [HEADS]]     default 10000 subscribers, 5 heads
#
# Environment: FANOUT_JAR (default target/scopegate.jar; another build for an A/B in one
# session; not SCOPEGATE_*, which Scopegate reads as its configuration), JAVA_OPTS (Scopegate's JVM; e.g. -XX:StartFlightRecording=...), ROUNDS (the fan-out
# runs that many times against the same Scopegate, each printing its line; default 1), KEEP (set:
# keep the work directory and its logs).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${FANOUT_JAR:-$repo/target/scopegate.jar}"
client_jar="$repo/target/scopegate.jar"
subscribers="${1:-10000}" heads="${2:-5}" rounds="${ROUNDS:-1}"

say() { echo "fanout: $*" >&2; }
[ -f "$jar" ] || "$repo/scopegate" --version >/dev/null
work="$(mktemp -d "${TMPDIR:-/tmp}/scopegate-fanout.XXXXXX")"
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ $status -ne 0 ] || [ -n "${KEEP:-}" ]; then say "logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { # a loopback port below the ephemeral range that nothing listens on
  local low; low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  while :; do
    FREE_PORT=$((10000 + RANDOM % (low - 10000)))
    (exec 3<>"/dev/tcp/127.0.0.1/$FREE_PORT") 2>/dev/null || return 0
  done
}
wait_for() { # wait_for SECONDS DESCRIPTION PID COMMAND...: while PID lives
  local deadline=$((SECONDS + $1)) what=$2 pid=$3; shift 3
  until "$@" >/dev/null 2>&1; do
    { [ $SECONDS -lt $deadline ] && kill -0 "$pid" 2>/dev/null; } \
      || { say "$what did not come up (logs in $work)"; exit 1; }
    sleep 0.05
  done
}

say "starting the dev node"
java -cp "$client_jar" dev.scopegate.bench.BenchNode "$work" 50 >"$work/devnode.log" 2>&1 &
pids+=($!)
wait_for 300 "the dev node" $! test -f "$work/node.json"
node_json="$(cat "$work/node.json")"
jfield() { echo "$node_json" | sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

free_port; port=$FREE_PORT
free_port; metrics=$FREE_PORT
cat >"$work/scopegate.yaml" <<EOF
upstream:
  http: $(jfield http)
  ws: $(jfield ws)
  privacyManager: $(jfield tessera)
  mode: single
server:
  host: 127.0.0.1
  port: $port
  maxConnections: 30000
  ws: { maxConnections: 20000, maxConnectionsPerTenant: 20000, maxSubscriptionsPerTenant: 20000, idleTimeout: 300s }
privacy:
  index: { path: $work/index }
auth:
  apiKey: $(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  jwt: { publicKeyFile: $work/issuer.pem }
metrics:
  port: $metrics
  readyMaxIndexLag: 0
EOF
say "starting Scopegate ($jar)"
java ${JAVA_OPTS:-} -jar "$jar" --config "$work/scopegate.yaml" >"$work/scopegate.log" 2>&1 &
sg_pid=$!
pids+=($sg_pid)
wait_for 600 "Scopegate" $sg_pid curl -sf "http://127.0.0.1:$metrics/ready"

for round in $(seq "$rounds"); do
  say "round $round: $subscribers tenant subscribers to newHeads, $heads heads"
  java -cp "$client_jar" dev.scopegate.bench.BenchClient fanout "ws://127.0.0.1:$port/" \
    "$subscribers" "$heads" "$(jfield control)" "$sg_pid" "Authorization: Bearer $(jfield tokenA)" \
    2>>"$work/client.log" | tail -1
done
