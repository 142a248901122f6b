#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages when missing, starts a private server for the tests
# (as the postgres user, data in a folder of its own, listening on 127.0.0.1 only) and prints the JDBC
# URL of its test database on stdout. Idempotent: a server already running there is reused.
#   usage: url="$(bash .ci/postgres.sh)"; export PLANCHECK_TEST_PG="$url"
#          bash .ci/postgres.sh --stop
set -euo pipefail
port="${PLANCHECK_PG_PORT:-54329}"
dir="${PLANCHECK_PG_DIR:-/tmp/plancheck-pg}"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
if [ "${1:-}" = "--stop" ]; then
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir" -m fast stop >&2 || true
  exit 0
fi
if ! runuser -u postgres -- "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  rm -rf "$dir"
  mkdir -p "$dir"
  chown postgres:postgres "$dir"
  pw="$(mktemp)"
  echo "plancheck-admin" >"$pw"
  chown postgres "$pw"
  runuser -u postgres -- "$bin/initdb" -D "$dir" -U postgres --auth=scram-sha-256 --pwfile="$pw" -E UTF8 \
    --locale=C.UTF-8 >/dev/null
  rm -f "$pw"
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >&2
  export PGPASSWORD=plancheck-admin
  psql -h 127.0.0.1 -p "$port" -U postgres -qAt -v ON_ERROR_STOP=1 >/dev/null <<SQL
CREATE ROLE plancheck LOGIN PASSWORD 'plancheck-test';
CREATE DATABASE plancheck_test OWNER plancheck ENCODING 'UTF8';
SQL
fi
echo "jdbc:postgresql://127.0.0.1:$port/plancheck_test?user=plancheck&password=plancheck-test"
