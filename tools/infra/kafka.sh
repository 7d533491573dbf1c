#!/usr/bin/env bash
# A real Apache Kafka broker (KRaft, single node) on 127.0.0.1:9092, controller on 9093, from Maven Central jars.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

KAFKA_DIR="$ROOT/tools/kafka"
LIB_DIR="$KAFKA_DIR/lib"
DATA_DIR="$RUN_DIR/kafka/data"
PID_FILE="$RUN_DIR/kafka.pid"
HEAP=${KAFKA_HEAP:-512m}

log_tail() { tail -n "${1:-20}" "$LOG_DIR/kafka.log" 2>/dev/null; }

if pid_alive "$PID_FILE" kafka.Kafka; then
  say "Kafka: already running (pid $(cat "$PID_FILE"))"
elif port_open 9092; then
  say "Kafka: something already listens on 127.0.0.1:9092; using it"
else
  command -v java >/dev/null || fail "Java 17 is needed to run Kafka (apt-get install openjdk-17-jre-headless)"
  # 1. Jars: fetched once, again only when the pom changes (never while a broker runs from them).
  stamp="$LIB_DIR/.pom.sha256"
  want=$(sha256sum "$KAFKA_DIR/pom.xml" | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    command -v mvn >/dev/null || fail "Maven is needed to fetch the Kafka jars (apt-get install maven)"
    say "Kafka: fetching broker jars from Maven Central"
    rm -rf "$LIB_DIR"
    mvn -q -B -f "$KAFKA_DIR/pom.xml" dependency:copy-dependencies || fail "Maven could not fetch the Kafka jars (see above)"
    echo "$want" > "$stamp"
  fi
  # 2. Storage: formatted once with a fresh cluster id; kept across restarts.
  mkdir -p "$DATA_DIR"
  sed "s#DATA_DIR#$DATA_DIR#" "$KAFKA_DIR/server.properties.template" > "$RUN_DIR/kafka/server.properties"
  if [ ! -f "$DATA_DIR/meta.properties" ]; then
    cluster_id=$(java -cp "$LIB_DIR/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    java -Dlog4j.configuration="file:$KAFKA_DIR/log4j.properties" -cp "$LIB_DIR/*" kafka.tools.StorageTool format \
      -t "$cluster_id" -c "$RUN_DIR/kafka/server.properties" >>"$LOG_DIR/kafka.log" 2>&1 \
      || fail "formatting Kafka storage failed; last lines of .run/logs/kafka.log:
$(log_tail 15)"
    say "Kafka: formatted KRaft storage (cluster $cluster_id)"
  fi
  # 3. Start detached, heap capped; logs in .run/logs.
  nohup java -Xms256m -Xmx"$HEAP" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$KAFKA_DIR/log4j.properties" -Dkafka.logs.dir="$LOG_DIR" \
    -cp "$LIB_DIR/*" kafka.Kafka "$RUN_DIR/kafka/server.properties" >>"$LOG_DIR/kafka.log" 2>&1 &
  echo $! > "$PID_FILE"
  wait_for 60 kafka port_open 9092 || fail "Kafka did not open 9092; last lines of .run/logs/kafka.log:
$(log_tail 20)"
  say "Kafka: started 3.9.1 (pid $(cat "$PID_FILE"), heap $HEAP, logs .run/logs/kafka.log)"
fi

# 4. Ready means a client can produce and consume, not just that the port is open.
[ -f "$ROOT/tools/dist/kafka-ready.js" ] || fail "tools are not built yet: run 'bash tools/install.sh' (npm run up and npm test do)"
node "$ROOT/tools/dist/kafka-ready.js" || fail "Kafka is up but a produce/consume round trip failed; see .run/logs/kafka.log"
