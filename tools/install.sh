#!/usr/bin/env bash
# npm dependencies (only when the lock file changed), a build of every project (incremental) and of the web console
# (when its sources changed).
set -euo pipefail
source "$(dirname "$0")/infra/lib.sh"
cd "$ROOT"

node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Node >= 20.19 is required (found "+process.version+")"); process.exit(1) }'

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm: installing dependencies (npm ci)"
  NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false npm ci --no-progress
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
