#!/usr/bin/env bash
# Every test: the console's browser tests (Playwright, Chromium), then unit, integration (real PostgreSQL, Redis,
# Kafka) and end-to-end (the three services as processes), ending with jest's summary.
# Installs and starts what the tests need first. Extra arguments go to jest (e.g. --selectProjects unit).
set -euo pipefail
source "$(dirname "$0")/infra/lib.sh"
cd "$ROOT"

bash tools/install.sh
say "api types: the console's generated API clients match the services' OpenAPI documents (npm run api:check)"
node tools/dist/openapi/api-types.js --check
say "asyncapi: docs/asyncapi.yaml matches the event contracts in libs/contracts (npm run asyncapi:check)"
node tools/dist/asyncapi/asyncapi.js --check
say "typecheck: every project including tests (tsc -p tsconfig.spec.json), the web console and its browser tests"
npx tsc -p tsconfig.spec.json
npx tsc -p apps/web-console/tsconfig.json
npx tsc -p e2e-browser/tsconfig.json
say "lint: module boundaries and TypeScript rules (eslint, Nx project graph)"
NX_DAEMON=false npm run -s lint
bash tools/infra/up.sh
# Before jest, so the run still ends with jest's summary; a failure stops here (set -e) with its trace and screenshot.
say "browser tests: the web console in Chromium against the running system (Playwright; failures keep traces in e2e-browser/test-results/)"
npx playwright test -c e2e-browser
say "tests: jest (unit, integration, e2e)"
exec npx jest --workers=2 "$@"
