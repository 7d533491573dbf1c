#!/usr/bin/env bash
# From a fresh clone to a running system with demo data: dependencies, build, PostgreSQL, Redis, Kafka, topics,
# migrations, the three services (in the background) and seeds. Safe to run again.
set -euo pipefail
source "$(dirname "$0")/infra/lib.sh"
cd "$ROOT"

bash tools/install.sh
bash tools/infra/up.sh
say "migrations: running each service's TypeORM migrations"
NODE_ENV=development npm run -s migrate >"$LOG_DIR/migrate.log" 2>&1 || fail "migrations failed; see .run/logs/migrate.log"
bash tools/services.sh start
node tools/dist/seed.js

cat <<MSG

  jiebang is up.
    challenge-service     http://127.0.0.1:3001   (API docs http://127.0.0.1:3001/docs)
    matching-service      http://127.0.0.1:3002   (API docs http://127.0.0.1:3002/docs)
    notification-service  http://127.0.0.1:3003   (API docs http://127.0.0.1:3003/docs)
    Kafka 127.0.0.1:9092 · PostgreSQL 127.0.0.1:5432 · Redis 127.0.0.1:6379 · logs in .run/logs/

  A token (development only):
    TOKEN=\$(npm run -s token -- --role bureau)
    curl -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:3003/api/v1/notifications

  Stop everything:  npm run down
MSG
