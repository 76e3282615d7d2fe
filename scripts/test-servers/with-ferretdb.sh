#!/usr/bin/env bash
# Runs a command against a FerretDB of its own: MongoDB's wire protocol over a fresh PostgreSQL
# database, on a free loopback port, with MONGODB_URI set for the command. FerretDB is stopped and
# its database dropped when the command ends, however it ends.
#
#   scripts/test-servers/with-ferretdb.sh npm test
#
# Needs Go (to build FerretDB once, see build-ferretdb.sh), PostgreSQL on 127.0.0.1:5432 with trust
# authentication for user root (started here if it does not answer), and the project's node_modules.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "Usage: $0 COMMAND [ARGUMENT...]   e.g. $0 npm test" >&2
  exit 64
fi

repo_dir="$(cd "$(dirname "$0")/../.." && pwd)"
pg_host="${FERRETDB_POSTGRES_HOST:-127.0.0.1}"
pg_port="${FERRETDB_POSTGRES_PORT:-5432}"
pg_user="${FERRETDB_POSTGRES_USER:-root}"
start_timeout_s=30

binary="$("$repo_dir/scripts/test-servers/build-ferretdb.sh")"

if ! pg_isready -q -h "$pg_host" -p "$pg_port"; then
  cluster_version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$cluster_version" ]; then
    echo "PostgreSQL does not answer on $pg_host:$pg_port and no cluster is installed to start." >&2
    exit 1
  fi
  echo "Starting PostgreSQL $cluster_version" >&2
  pg_ctlcluster --skip-systemctl-redirect "$cluster_version" main start
  for _ in $(seq "$start_timeout_s"); do
    pg_isready -q -h "$pg_host" -p "$pg_port" && break
    sleep 1
  done
  pg_isready -q -h "$pg_host" -p "$pg_port" || {
    echo "PostgreSQL did not answer on $pg_host:$pg_port within $start_timeout_s s." >&2
    exit 1
  }
fi

work_dir="$(mktemp -d "${TMPDIR:-/tmp}/ferretdb.XXXXXX")"
log_file="$work_dir/ferretdb.log"
# One database per run, so that runs never see each other's data.
database="ferretdb_$(date +%Y%m%d%H%M%S)_$$"
ferretdb_pid=""
keep_log=false

stop_ferretdb() {
  if [ -n "$ferretdb_pid" ] && kill -0 "$ferretdb_pid" 2>/dev/null; then
    kill "$ferretdb_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$ferretdb_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$ferretdb_pid" 2>/dev/null || true
    wait "$ferretdb_pid" 2>/dev/null || true
  fi
  ferretdb_pid=""
}

clean_up() {
  stop_ferretdb
  dropdb --if-exists --force -h "$pg_host" -p "$pg_port" -U "$pg_user" "$database" >/dev/null 2>&1 || true
  if [ "$keep_log" = true ]; then
    echo "FerretDB's log is kept in $log_file" >&2
  else
    rm -rf "$work_dir"
  fi
}
command_pid=""
# Ends the command too, so that a signal to this script alone (a CI timeout) stops the whole run.
on_signal() {
  if [ -n "$command_pid" ]; then
    kill -TERM "$command_pid" 2>/dev/null || true
    wait "$command_pid" 2>/dev/null || true
  fi
  exit "$1"
}
trap clean_up EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

createdb -h "$pg_host" -p "$pg_port" -U "$pg_user" "$database"

free_port() {
  node -e "const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

# A mongodb ping through the project's own driver: true once FerretDB answers commands.
answers_ping() {
  (cd "$repo_dir" && node -e "
    const { MongoClient } = require('mongodb');
    MongoClient.connect(process.argv[1], { serverSelectionTimeoutMS: 1000 })
      .then((client) => client.db('admin').command({ ping: 1 }).finally(() => client.close()))
      .then(() => process.exit(0), () => process.exit(1));
  " "$1") >/dev/null 2>&1
}

# The free port can be taken between choosing it and FerretDB listening on it: try another then.
for attempt in 1 2 3; do
  port="$(free_port)"
  uri="mongodb://127.0.0.1:$port/plan-tracking"
  "$binary" \
    --handler=postgresql \
    --postgresql-url="postgres://$pg_user@$pg_host:$pg_port/$database" \
    --listen-addr="127.0.0.1:$port" \
    --telemetry=disable \
    --state-dir=- \
    --debug-addr=- \
    --log-level=error \
    >>"$log_file" 2>&1 &
  ferretdb_pid=$!
  deadline=$((SECONDS + start_timeout_s))
  until answers_ping "$uri"; do
    if ! kill -0 "$ferretdb_pid" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      stop_ferretdb
      break
    fi
    sleep 0.2
  done
  [ -n "$ferretdb_pid" ] && break
  echo "FerretDB did not answer on 127.0.0.1:$port (attempt $attempt of 3)" >&2
done
if [ -z "$ferretdb_pid" ]; then
  keep_log=true
  tail -n 20 "$log_file" >&2 || true
  exit 1
fi

echo "FerretDB $("$binary" --version 2>/dev/null | sed -n 's/^version: *//p') on $uri (PostgreSQL database $database)" >&2
status=0
# In the background, so that this script's traps run as soon as a signal arrives.
MONGODB_URI="$uri" "$@" &
command_pid=$!
wait "$command_pid" || status=$?
command_pid=""
if [ "$status" -ne 0 ] && grep -q 'panic' "$log_file"; then
  keep_log=true
  echo "FerretDB logged a panic during the run:" >&2
  grep -m 5 'panic' "$log_file" >&2 || true
fi
exit "$status"
