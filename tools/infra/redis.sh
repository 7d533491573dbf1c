#!/usr/bin/env bash
# Redis on 127.0.0.1:6379: use it when it answers; otherwise start the installed redis-server (no persistence, like the machine's).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then
  say "Redis: already running on 127.0.0.1:6379"
elif command -v redis-server >/dev/null; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no \
    --pidfile "$RUN_DIR/redis.pid" --logfile "$LOG_DIR/redis.log" --dir "$RUN_DIR"
  wait_for 15 redis sh -c 'redis-cli -p 6379 ping | grep -q PONG' || fail "Redis did not start; see $LOG_DIR/redis.log"
  say "Redis: started (pid $(cat "$RUN_DIR/redis.pid"))"
else
  fail "Redis is not answering on 127.0.0.1:6379 and redis-server is not installed (apt-get install redis-server)"
fi
