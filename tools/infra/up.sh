#!/usr/bin/env bash
# Everything the services and tests need on this machine: PostgreSQL, Redis, Kafka, databases and topics.
# Idempotent: what runs already is used and reported; what is missing is started.
set -euo pipefail
dir="$(dirname "$0")"
[ -f "$dir/../dist/topics.js" ] || bash "$dir/../install.sh" # the readiness check and the topic tool are built
bash "$dir/postgres.sh"
bash "$dir/redis.sh"
bash "$dir/kafka.sh"
node "$dir/../dist/topics.js"
