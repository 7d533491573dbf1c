#!/usr/bin/env bash
# From a fresh clone to a running system with demo data: dependencies, build, PostgreSQL, Redis, Kafka, topics,
# migrations, the OIDC provider and the console, the three services (in the background) and seeds. Safe to run again.
set -euo pipefail
source "$(dirname "$0")/infra/lib.sh"
cd "$ROOT"

bash tools/install.sh
bash tools/infra/up.sh
say "migrations: running each service's TypeORM migrations"
NODE_ENV=development npm run -s migrate >"$LOG_DIR/migrate.log" 2>&1 || fail "migrations failed; see .run/logs/migrate.log"
bash tools/console.sh start
bash tools/services.sh start
node tools/dist/seed.js

ACCOUNTS=$(node -e '
const { password, accounts } = require("./seeds/demo-accounts.json");
const orgs = require("./seeds/organisations.json").organisations;
for (const a of accounts) { const o = orgs.find((x) => x.id === a.orgId); console.log(`      ${a.username.padEnd(10)} ${a.name}（${o.name}）`); }
console.log(`    password for all of them: ${password}`);')

cat <<MSG

  jiebang is up.
    web console           http://127.0.0.1:3000   (sign in with a demo account below)
    challenge-service     http://127.0.0.1:3001   (API docs http://127.0.0.1:3001/docs)
    matching-service      http://127.0.0.1:3002   (API docs http://127.0.0.1:3002/docs)
    notification-service  http://127.0.0.1:3003   (API docs http://127.0.0.1:3003/docs)
    OIDC provider (dev)   http://127.0.0.1:3000/oidc (issuer; process on :3004)
    Kafka 127.0.0.1:9092 · PostgreSQL 127.0.0.1:5432 · Redis 127.0.0.1:6379 · logs in .run/logs/

  Demo sign-ins (development only):
$ACCOUNTS

  A token for curl (development only):
    TOKEN=\$(npm run -s token -- --role bureau)
    curl -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:3003/api/v1/notifications

  Stop everything:  npm run down
MSG
