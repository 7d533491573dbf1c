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
SEED_STARTED=$SECONDS
if ! curl -fsS http://127.0.0.1:3001/health/ready >/dev/null 2>&1; then
  # Demo timer settings, for seeding only: some demo objects lie behind a timer no command replaces (the 7-day 公示
  # before 定榜, auto-confirmation after 5 working days, the 5-working-day rating appeal window before CLOSED). The
  # services start with these periods in seconds, the seed drives just those objects (--phase=timers) and waits
  # for the timers, then the services restart with the normal settings for everything else and for the demo itself.
  say "services: starting with the demo timer settings for seeding (公示 5s, auto-confirm 2s, appeal window 2s)"
  PUBLIC_NOTICE_PERIOD=5s CONFIRM_REMINDER_AFTER=1s AUTO_CONFIRM_AFTER=2s RATING_APPEAL_WINDOW=2s bash tools/services.sh start
  node tools/dist/seed.js --phase=timers
  say "services: restarting with the normal settings"
  bash tools/services.sh stop
fi
bash tools/services.sh start
node tools/dist/seed.js
say "seeding took $((SECONDS - SEED_STARTED)) s"

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
