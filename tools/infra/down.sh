#!/usr/bin/env bash
# Stops only what tools/infra/up.sh started: the Kafka broker, and Redis or PostgreSQL if it had to start them.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

stop_pid() {
  local name=$1 file=$2 pattern=$3
  if pid_alive "$file" "$pattern"; then
    local pid; pid=$(cat "$file")
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    say "$name: stopped (pid $pid)"
  else
    say "$name: not started by us; left alone"
  fi
  rm -f "$file"
}

stop_pid Kafka "$RUN_DIR/kafka.pid" kafka.Kafka
stop_pid Redis "$RUN_DIR/redis.pid" redis-server
if [ -f "$RUN_DIR/postgres.started-by-us" ]; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main stop
  rm -f "$RUN_DIR/postgres.started-by-us"
  say "PostgreSQL: stopped"
else
  say "PostgreSQL: not started by us; left alone"
fi
