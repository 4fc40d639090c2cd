#!/usr/bin/env bash
# A throwaway PostgreSQL primary and its streaming standby on this machine, to prove that the
# reports read from a replica (tests/replica). Debian's clusters: `replprimary` on 127.0.0.1:5442
# and `replstandby` on 127.0.0.1:5443, the standby made with `pg_basebackup -R` from the primary.
# Runs as root (as CI does). Never touches any other cluster (the machine's own on 5432 included).
#
#   bash scripts/replica.sh up     fresh primary and standby; prints `export ...` lines for eval
#   bash scripts/replica.sh env    prints the same lines again
#   bash scripts/replica.sh down   stops and drops both clusters
#
# eval "$(bash scripts/replica.sh up)" && npm run test:replica; bash scripts/replica.sh down
set -euo pipefail

PRIMARY=replprimary
STANDBY=replstandby
PRIMARY_PORT="${REPLICA_PRIMARY_PORT:-5442}"
STANDBY_PORT="${REPLICA_STANDBY_PORT:-5443}"
DB=cases
# Streams WAL to the standby; no other right.
REPL_ROLE=replicator
# The reports' login on the standby: reads every table, owns and writes nothing.
REPORT_ROLE=cases_reports

say() { printf 'replica: %s\n' "$*" >&2; }
die() {
  printf 'replica: %s\n' "$*" >&2
  exit 1
}

[ "$(id -u)" -eq 0 ] || die "run as root (it creates PostgreSQL clusters with Debian's pg_createcluster)"
command -v pg_createcluster >/dev/null ||
  die "pg_createcluster not found: install Debian's postgresql (postgresql-common provides pg_createcluster)"

# The newest installed server version: the clusters need its binaries, not just a client.
VERSION="$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/postgres' 2>/dev/null |
  sed -E 's#/usr/lib/postgresql/([^/]+)/bin/postgres#\1#' | sort -V | tail -n 1)"
[ -n "$VERSION" ] || die "no PostgreSQL server installed (/usr/lib/postgresql/*/bin/postgres): apt-get install postgresql"
BIN="/usr/lib/postgresql/$VERSION/bin"
PRIMARY_DATA="/var/lib/postgresql/$VERSION/$PRIMARY"
STANDBY_DATA="/var/lib/postgresql/$VERSION/$STANDBY"

as_postgres() { runuser -u postgres -- "$@"; }
ctl() { pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$@"; }
exists() { [ -d "/etc/postgresql/$VERSION/$1" ]; }
psql_on() {
  local port="$1"
  shift
  as_postgres "$BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"
}

port_taken() {
  # Another cluster (or anything else) on our port would be a clash, not something to take over.
  local port="$1" owner
  owner="$(pg_lsclusters -h 2>/dev/null | awk -v p="$port" '$3 == p { print $2 }')"
  [ -n "$owner" ] && [ "$owner" != "$PRIMARY" ] && [ "$owner" != "$STANDBY" ] && {
    die "port $port belongs to cluster '$owner': set REPLICA_PRIMARY_PORT / REPLICA_STANDBY_PORT to free ports"
  }
  if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    die "something already answers on 127.0.0.1:$port: set REPLICA_PRIMARY_PORT / REPLICA_STANDBY_PORT to free ports"
  fi
}

drop() {
  local name="$1"
  if exists "$name"; then
    if [ -d "/var/lib/postgresql/$VERSION/$name" ]; then pg_dropcluster --stop "$VERSION" "$name"; fi
    # pg_dropcluster leaves the configuration folder behind when it holds a file it did not write
    # (our conf.d/replica.conf); the name is ours alone, so the folder goes too.
    rm -rf "/etc/postgresql/$VERSION/$name"
    say "dropped cluster $VERSION/$name"
  elif [ -d "/var/lib/postgresql/$VERSION/$name" ]; then
    # A data folder without its configuration: what a run cut short inside pg_createcluster leaves.
    rm -rf "/var/lib/postgresql/$VERSION/$name"
    say "removed the leftover data folder of $VERSION/$name"
  fi
}

down() {
  # Standby first, so the primary's shutdown does not wait on a connected WAL receiver.
  drop "$STANDBY"
  drop "$PRIMARY"
}

# Settings shared by both clusters, in conf.d so postgresql.conf stays Debian's own.
write_conf() {
  local name="$1" body="$2"
  printf '%s\n' "# Written by scripts/replica.sh" "$body" >"/etc/postgresql/$VERSION/$name/conf.d/replica.conf"
}

# A loopback-only test pair: trust on 127.0.0.1, as the machine's own test server does. A council's
# standby uses passwords (scram-sha-256) and TLS; see the README.
write_hba() {
  local name="$1"
  cat >"/etc/postgresql/$VERSION/$name/pg_hba.conf" <<EOF
# Written by scripts/replica.sh: a throwaway pair on the loopback interface only.
local   all          postgres                 peer
host    all          all        127.0.0.1/32  trust
host    replication  $REPL_ROLE 127.0.0.1/32  trust
EOF
}

wait_until() {
  local what="$1" seconds="$2"
  shift 2
  for _ in $(seq 1 "$seconds"); do
    if "$@"; then return 0; fi
    sleep 1
  done
  die "timed out after ${seconds}s waiting for $what"
}

standby_in_recovery() { [ "$(psql_on "$STANDBY_PORT" -d postgres -c 'select pg_is_in_recovery()' 2>/dev/null)" = "t" ]; }
primary_streaming() {
  [ "$(psql_on "$PRIMARY_PORT" -d postgres -c "select count(*) from pg_stat_replication where state = 'streaming'" 2>/dev/null)" -ge 1 ]
}

print_env() {
  cat <<EOF
export REPLICA_PRIMARY_URL=postgres://postgres@127.0.0.1:$PRIMARY_PORT/$DB
export REPLICA_STANDBY_URL=postgres://$REPORT_ROLE@127.0.0.1:$STANDBY_PORT/$DB
EOF
}

up() {
  # A fresh pair every time: whatever a previous run left is dropped first.
  down
  port_taken "$PRIMARY_PORT"
  port_taken "$STANDBY_PORT"

  say "creating the primary $VERSION/$PRIMARY on 127.0.0.1:$PRIMARY_PORT"
  pg_createcluster "$VERSION" "$PRIMARY" --port "$PRIMARY_PORT" --start-conf manual >/dev/null
  write_conf "$PRIMARY" "listen_addresses = '127.0.0.1'
wal_level = replica
max_wal_senders = 5
max_replication_slots = 5"
  write_hba "$PRIMARY"
  ctl "$PRIMARY" start
  psql_on "$PRIMARY_PORT" -d postgres \
    -c "create role $REPL_ROLE login replication" \
    -c "create role $REPORT_ROLE login in role pg_read_all_data" \
    -c "create database $DB"

  say "creating the standby $VERSION/$STANDBY on 127.0.0.1:$STANDBY_PORT (pg_basebackup -R)"
  pg_createcluster "$VERSION" "$STANDBY" --port "$STANDBY_PORT" --start-conf manual >/dev/null
  write_conf "$STANDBY" "listen_addresses = '127.0.0.1'
hot_standby = on
# Long report queries are not cancelled by the primary's vacuum (the primary keeps what they read).
hot_standby_feedback = on"
  write_hba "$STANDBY"
  # The standby's data folder is the primary's, copied; pg_createcluster's own is replaced.
  find "$STANDBY_DATA" -mindepth 1 -delete
  # -R writes standby.signal and primary_conninfo; -C -S a slot, so the primary keeps the WAL the
  # standby has not yet received.
  as_postgres "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U "$REPL_ROLE" -D "$STANDBY_DATA" \
    -R -X stream -C -S "$STANDBY" --checkpoint=fast
  [ -f "$STANDBY_DATA/standby.signal" ] || die "pg_basebackup -R wrote no standby.signal in $STANDBY_DATA"
  ctl "$STANDBY" start

  wait_until "the standby to be in recovery" 60 standby_in_recovery
  wait_until "the primary to stream to the standby" 60 primary_streaming
  say "streaming: $PRIMARY (127.0.0.1:$PRIMARY_PORT) -> $STANDBY (127.0.0.1:$STANDBY_PORT)"
  print_env
}

case "${1:-}" in
  up) up ;;
  env) print_env ;;
  down) down ;;
  *) die "usage: bash scripts/replica.sh up|env|down" ;;
esac
