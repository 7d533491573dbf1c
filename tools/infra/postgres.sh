#!/usr/bin/env bash
# PostgreSQL on 127.0.0.1:5432: use it when it answers; start the installed cluster when stopped; create the databases.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER

if pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
  say "PostgreSQL: already running on $PGHOST:$PGPORT"
elif command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
  version=$(ls /etc/postgresql | sort -V | tail -1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  touch "$RUN_DIR/postgres.started-by-us"
  wait_for 30 postgres pg_isready -q -h "$PGHOST" -p "$PGPORT" || fail "PostgreSQL did not become ready"
  say "PostgreSQL: started cluster $version/main"
else
  fail "PostgreSQL is not answering on $PGHOST:$PGPORT and no local cluster is installed (apt-get install postgresql)"
fi

for db in jiebang_challenge jiebang_matching jiebang_notification; do
  for name in "$db" "${db}_test"; do
    if [ "$(psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" postgres)" = "1" ]; then
      :
    else
      createdb "$name"
      say "PostgreSQL: created database $name"
    fi
  done
done
say "PostgreSQL: databases jiebang_{challenge,matching,notification} and their _test twins are present"
