#!/usr/bin/env bash
# Kafka's own admin tools against the broker, from the jars the broker runs on:
#   npm run kafka -- consumer-groups --describe --all-groups    # every group's members, offsets and lag
#   npm run kafka -- topics --describe --topic jiebang.challenge
#   npm run kafka -- get-offsets --topic jiebang.challenge
# --bootstrap-server defaults to the first of KAFKA_BROKERS (127.0.0.1:9092).
set -euo pipefail
source "$(dirname "$0")/../infra/lib.sh"
KAFKA_DIR="$ROOT/tools/kafka"
LIB_DIR="$KAFKA_DIR/lib"

usage() {
  echo "usage: npm run kafka -- <consumer-groups|topics|get-offsets> [options of Kafka's tool]" >&2
  exit 2
}
[ $# -ge 1 ] || usage
case "$1" in
  consumer-groups) class=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
  topics) class=org.apache.kafka.tools.TopicCommand ;;
  get-offsets) class=org.apache.kafka.tools.GetOffsetShell ;;
  *) usage ;;
esac
shift

# A checkout whose broker was started before the tools joined the pom: add the missing jars beside it (the broker's
# own start refreshes lib/ from the pom when it is not running).
if ! ls "$LIB_DIR"/kafka-tools-[0-9]*.jar >/dev/null 2>&1; then
  command -v mvn >/dev/null || fail "Maven is needed to fetch the Kafka tools (apt-get install maven)"
  mvn -q -B -f "$KAFKA_DIR/pom.xml" dependency:copy-dependencies >&2 || fail "Maven could not fetch the Kafka tools (see above)"
fi

args=("$@")
if [[ " $* " != *" --bootstrap-server "* ]]; then
  brokers=${KAFKA_BROKERS:-127.0.0.1:9092}
  args=(--bootstrap-server "${brokers%%,*}" "${args[@]}")
fi
exec java -Xmx256m -Dlog4j.configuration="file:$KAFKA_DIR/tools-log4j.properties" -cp "$LIB_DIR/*" "$class" "${args[@]}"
