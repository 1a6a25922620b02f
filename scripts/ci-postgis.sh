#!/usr/bin/env bash
# A throw-away PostgreSQL 15 + PostGIS cluster for the "real server" run of the test suite.
#
#   scripts/ci-postgis.sh start   # initdb in a temp dir, start on 127.0.0.1:$PGPORT, create db + postgis
#   scripts/ci-postgis.sh stop    # stop it and delete its directory
#   scripts/ci-postgis.sh status
#
# Then: DATABASE_URL=postgres://postgres@127.0.0.1:55432/landmap npm test
#
# Needs Debian's postgresql-15-postgis-3 (apt-get install postgresql-15-postgis-3).
# Auth is `trust` on loopback only: for CI and local tests, never for real data.
# As root the cluster runs as the `postgres` user (PostgreSQL refuses to run as root).
set -euo pipefail

PGPORT="${PGPORT:-55432}"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
PGDB="${PGDB:-landmap}"
# Outside the work tree on purpose: a fresh clone may live under a directory the postgres user cannot enter.
PGDIR="${CI_PG_DIR:-${TMPDIR:-/tmp}/landmap-ci-pg-${PGPORT}}"
SOCKDIR="${PGDIR}/sock"
DATA="${PGDIR}/data"
LOG="${PGDIR}/postgres.log"

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

is_up() {
  "${PGBIN}/pg_isready" -q -h 127.0.0.1 -p "${PGPORT}" >/dev/null 2>&1
}

start() {
  if [ ! -x "${PGBIN}/initdb" ]; then
    echo "ci-postgis: ${PGBIN}/initdb not found — apt-get install postgresql-15-postgis-3" >&2
    exit 1
  fi
  if [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
    echo "ci-postgis: PostGIS for PostgreSQL 15 not found — apt-get install postgresql-15-postgis-3" >&2
    exit 1
  fi
  if is_up; then
    echo "ci-postgis: something already answers on 127.0.0.1:${PGPORT}; run '$0 stop' or set PGPORT" >&2
    exit 1
  fi
  rm -rf "${PGDIR}"
  mkdir -p "${PGDIR}" "${SOCKDIR}"
  if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "${PGDIR}"; fi

  echo "ci-postgis: initdb in ${DATA}"
  as_owner "${PGBIN}/initdb" -D "${DATA}" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"${PGDIR}/initdb.log" 2>&1 \
    || { cat "${PGDIR}/initdb.log" >&2; exit 1; }

  echo "ci-postgis: starting PostgreSQL on 127.0.0.1:${PGPORT}"
  if ! as_owner "${PGBIN}/pg_ctl" -D "${DATA}" -l "${LOG}" -w -t 60 \
      -o "-p ${PGPORT} -k ${SOCKDIR} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
    echo "ci-postgis: PostgreSQL did not start; its log:" >&2
    cat "${LOG}" >&2 || true
    exit 1
  fi

  local psql=("${PGBIN}/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${PGPORT}" -U postgres)
  "${psql[@]}" -d postgres -c "CREATE DATABASE ${PGDB}"
  "${psql[@]}" -d "${PGDB}" -c "CREATE EXTENSION IF NOT EXISTS postgis"
  echo "ci-postgis: ready: $("${psql[@]}" -d "${PGDB}" -At -c 'select postgis_lib_version()' | sed 's/^/PostGIS /')"
  echo "DATABASE_URL=postgres://postgres@127.0.0.1:${PGPORT}/${PGDB}"
}

stop() {
  if [ -f "${DATA}/postmaster.pid" ]; then
    as_owner "${PGBIN}/pg_ctl" -D "${DATA}" -m fast -w -t 60 stop >/dev/null 2>&1 || true
    echo "ci-postgis: stopped PostgreSQL on port ${PGPORT}"
  fi
  rm -rf "${PGDIR}"
}

status() {
  if is_up; then echo "ci-postgis: up on 127.0.0.1:${PGPORT} (${DATA})"; else echo "ci-postgis: down"; exit 3; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
