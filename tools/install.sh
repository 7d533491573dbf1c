#!/usr/bin/env bash
# npm dependencies (only when the lock file changed), a build of every project (incremental) and of the web console
# (when its sources changed), and the browser the console's tests drive (Debian's Chromium and CJK fonts) when missing.
set -euo pipefail
source "$(dirname "$0")/infra/lib.sh"
cd "$ROOT"

node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Node >= 20.19 is required (found "+process.version+")"); process.exit(1) }'

# Debian packages the tests need, installed once (as root, or through sudo); the package list is refreshed at most once.
as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { "${as_root[@]}" apt-get update -qq && apt_updated=1; } || return 1
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "$@" >/dev/null
}

# The console's browser tests drive Debian's Chromium (Playwright's own download is not used) and need CJK fonts, or
# Chinese renders as boxes in the screenshots.
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  say "browser: installing Chromium and CJK fonts (apt-get install chromium fonts-noto-cjk)"
  apt_install chromium fonts-noto-cjk ||
    fail "could not install chromium and fonts-noto-cjk with apt-get; install them, or set CHROMIUM_PATH to a Chromium binary"
else
  say "browser: Chromium and CJK fonts present"
fi

# nginx serves the console in docker-compose; the same configuration is tested here against the real nginx binary.
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  say "nginx: installing it for the console's proxy test (apt-get install nginx-light)"
  apt_install --no-install-recommends nginx-light || fail "could not install nginx-light with apt-get; install nginx (the console proxy test runs it)"
  # Debian's package may start a default site; the test runs its own instance, nothing should hold port 80.
  "${as_root[@]}" nginx -s stop >/dev/null 2>&1 || true
else
  say "nginx: present"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm: installing dependencies (npm ci)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false npm ci --no-progress
else
  say "npm: dependencies up to date"
fi
say "build: compiling libs, services and tools (tsc -b)"
npx tsc -b tsconfig.build.json
console=apps/web-console
if [ ! -f "$console/dist/index.html" ] || [ -n "$(find "$console/src" "$console/public" "$console/index.html" "$console/vite.config.ts" package-lock.json -newer "$console/dist/index.html" -print -quit)" ]; then
  say "console: building the web console (vite build)"
  npm run -s console:build
else
  say "console: built and up to date"
fi
