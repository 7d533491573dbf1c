#!/usr/bin/env bash
# start | stop | status of the local OIDC provider (:3004, development only) and the console server (:3000), as
# background processes beside the services (logs and pids in .run/). The services verify tokens through the
# provider's JWKS, so `npm run up` starts these first.
set -euo pipefail
source "$(dirname "$0")/infra/lib.sh"
cd "$ROOT"

# name:port:script:readiness path
PROCESSES=("oidc-provider:3004:tools/dist/oidc/main.js:/oidc/.well-known/openid-configuration" "console:3000:tools/dist/console-server/main.js:/healthz")

ready() { curl -fsS "http://127.0.0.1:$1$2" >/dev/null 2>&1; }

start() {
  for entry in "${PROCESSES[@]}"; do
    IFS=: read -r name port script path <<<"$entry"
    local pid_file="$RUN_DIR/$name.pid"
    if pid_alive "$pid_file" "$script"; then
      say "$name: already running (pid $(cat "$pid_file"))"
      continue
    fi
    port_open "$port" && fail "$name: port $port is taken by another process"
    NODE_ENV=development nohup node "$script" >>"$LOG_DIR/$name.log" 2>&1 &
    echo $! >"$pid_file"
    wait_for 30 "$name" ready "$port" "$path" || fail "$name did not become ready on :$port; last log lines:
$(tail -n 20 "$LOG_DIR/$name.log")"
    say "$name: ready on http://127.0.0.1:$port (pid $(cat "$pid_file"), log .run/logs/$name.log)"
  done
}

stop() {
  for entry in "${PROCESSES[@]}"; do
    IFS=: read -r name _ script _ <<<"$entry"
    local pid_file="$RUN_DIR/$name.pid"
    if pid_alive "$pid_file" "$script"; then
      local pid; pid=$(cat "$pid_file")
      kill -TERM "$pid"
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      say "$name: stopped"
    fi
    rm -f "$pid_file"
  done
}

status() {
  for entry in "${PROCESSES[@]}"; do
    IFS=: read -r name port _ path <<<"$entry"
    if ready "$port" "$path"; then say "$name: ready on :$port"; else say "$name: not ready"; fi
  done
}

"${1:-status}"
