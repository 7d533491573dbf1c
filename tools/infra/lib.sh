# Shared by the infra scripts: paths and a little output helper.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="$ROOT/.run"
LOG_DIR="$RUN_DIR/logs"
mkdir -p "$LOG_DIR"

say() { printf '\033[1;34m[jiebang]\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31m[jiebang] %s\033[0m\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && exec 3>&- 3<&-; }

# wait_for <seconds> <description> <command...>
wait_for() {
  local seconds=$1; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.5
  done
}

# pid_alive <pid file> <pattern>: the recorded process runs AND is ours (its command line matches the pattern),
# so a PID reused after a reboot is never trusted, let alone killed.
pid_alive() {
  [ -f "$1" ] || return 1
  local pid; pid=$(cat "$1")
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2"
}
