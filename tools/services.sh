#!/usr/bin/env bash
# start | stop | status of the three services as background processes (logs and pids in .run/).
set -euo pipefail
source "$(dirname "$0")/infra/lib.sh"
cd "$ROOT"

SERVICES=("challenge-service:3001" "matching-service:3002" "notification-service:3003")
DEV_JWKS_URL=${JWT_JWKS_URL:-http://127.0.0.1:3004/oidc/jwks}
DEV_ISSUERS=${JWT_ISSUER:-jiebang-dev,http://127.0.0.1:3000/oidc}

ready() { curl -fsS "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1; }

start() {
  for entry in "${SERVICES[@]}"; do
    local name=${entry%%:*} port=${entry##*:}
    local pid_file="$RUN_DIR/$name.pid"
    if pid_alive "$pid_file" "apps/$name/dist/main.js"; then
      say "$name: already running (pid $(cat "$pid_file"))"
      continue
    fi
    port_open "$port" && fail "$name: port $port is taken by another process"
    # Development mode on the loopback interface only; tokens verified through the local OIDC provider's JWKS
    # (tools/console.sh starts it first), from it or from the dev token tool, which signs with the same key.
    NODE_ENV=development HOST=127.0.0.1 PORT=$port JWT_JWKS_URL="$DEV_JWKS_URL" JWT_ISSUER="$DEV_ISSUERS" \
      nohup node "apps/$name/dist/main.js" >>"$LOG_DIR/$name.log" 2>&1 &
    echo $! >"$pid_file"
    say "$name: started (pid $!, log .run/logs/$name.log)"
  done
  for entry in "${SERVICES[@]}"; do
    local name=${entry%%:*} port=${entry##*:}
    wait_for 90 "$name" ready "$port" || fail "$name did not become ready on :$port; last log lines:
$(tail -n 20 "$LOG_DIR/$name.log")"
    say "$name: ready on http://127.0.0.1:$port"
  done
}

stop() {
  for entry in "${SERVICES[@]}"; do
    local name=${entry%%:*}
    local pid_file="$RUN_DIR/$name.pid"
    if pid_alive "$pid_file" "apps/$name/dist/main.js"; then
      local pid; pid=$(cat "$pid_file")
      kill -TERM "$pid"
      # Graceful shutdown drains the consumer and the relay first; give it time before forcing.
      for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      say "$name: stopped"
    fi
    rm -f "$pid_file"
  done
}

status() {
  for entry in "${SERVICES[@]}"; do
    local name=${entry%%:*} port=${entry##*:}
    if ready "$port"; then say "$name: ready on :$port"; else say "$name: not ready"; fi
  done
}

"${1:-status}"
