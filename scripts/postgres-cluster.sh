#!/usr/bin/env bash
# Manage a private, throw-away PostgreSQL 15 cluster for the Governance tests.
#
# Usage:
#   scripts/postgres-cluster.sh install          install PostgreSQL server binaries if missing
#   scripts/postgres-cluster.sh start  DIR       initdb (first time) + start; writes DIR/env and prints it
#   scripts/postgres-cluster.sh stop   DIR       pg_ctl stop -m fast (no-op if not running)
#   scripts/postgres-cluster.sh env    DIR       print DIR/env
#   scripts/postgres-cluster.sh status DIR       exit 0 if running, 1 otherwise
#   scripts/postgres-cluster.sh standby PRIMARY_DIR DIR [N]
#                                                a streaming hot standby of the running cluster in PRIMARY_DIR:
#                                                pg_basebackup -R with a replication slot (first time) + start;
#                                                writes DIR/env (GOVERNANCE_TEST_POSTGRES_STANDBY, ..._STANDBY_DIR;
#                                                standby N > 1: ..._STANDBY2, ..._STANDBY2_DIR) and prints it.
#                                                stop/status DIR work on a standby too.
#
# Layout of DIR (owned by the non-root cluster user):
#   DIR/data   data directory          DIR/log   server log (pg_ctl -l)
#   DIR/sock   unix socket directory   DIR/port  TCP port on 127.0.0.1
#   DIR/env    shell exports: GOVERNANCE_TEST_POSTGRES, GOVERNANCE_REQUIRE_POSTGRES
#
# The cluster listens on 127.0.0.1 only, uses trust authentication, superuser
# "postgres" (password "postgres", harmless under trust), and is tuned for speed
# (fsync/synchronous_commit/full_page_writes off) - never use it for real data.
set -euo pipefail

PG_MAJOR="${PG_MAJOR:-15}"
FIRST_PORT="${GOVERNANCE_PG_FIRST_PORT:-55432}"

log() { echo "[postgres-cluster] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() {
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# ---------------------------------------------------------------- binaries ---

find_bindir() {
  local d
  for d in "/usr/lib/postgresql/${PG_MAJOR}/bin"; do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]] && { echo "$d"; return 0; }
  done
  # Any other installed major version (newest first) as a fallback.
  for d in $(ls -1d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -rn); do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]] && { echo "$d"; return 0; }
  done
  if command -v initdb >/dev/null 2>&1; then
    d="$(dirname "$(readlink -f "$(command -v initdb)")")"
    [[ -x "$d/pg_ctl" && -x "$d/postgres" ]] && { echo "$d"; return 0; }
  fi
  return 1
}

install_postgres() {
  if find_bindir >/dev/null; then
    return 0
  fi
  [[ "$(id -u)" == 0 ]] || die "PostgreSQL is not installed and we are not root; install postgresql-${PG_MAJOR} first"
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and apt-get is unavailable"
  log "PostgreSQL server binaries not found; installing via apt-get ..."
  # Do not let the Debian package create/start its own 'main' cluster on 5432.
  mkdir -p /etc/postgresql-common
  if [[ ! -e /etc/postgresql-common/createcluster.conf ]]; then
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
  elif ! grep -q '^[[:space:]]*create_main_cluster' /etc/postgresql-common/createcluster.conf; then
    echo "create_main_cluster = false" >> /etc/postgresql-common/createcluster.conf
  fi
  export DEBIAN_FRONTEND=noninteractive UCF_FORCE_CONFFOLD=1
  local apt_opts=(-y -qq --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  apt-get update -qq
  apt-get install "${apt_opts[@]}" "postgresql-${PG_MAJOR}" >/dev/null \
    || apt-get install "${apt_opts[@]}" postgresql >/dev/null \
    || die "apt-get install of PostgreSQL failed"
  find_bindir >/dev/null || die "PostgreSQL installed but initdb/pg_ctl not found under /usr/lib/postgresql"
  log "installed PostgreSQL: $("$(find_bindir)/postgres" --version)"
}

# -------------------------------------------------------------------- user ---

PG_USER=""
pick_user() {
  if [[ "$(id -u)" != 0 ]]; then
    PG_USER="$(id -un)"          # already non-root: run everything as ourselves
  elif id -u postgres >/dev/null 2>&1; then
    PG_USER=postgres
  else
    if ! id -u govtest >/dev/null 2>&1; then
      log "creating system user 'govtest'"
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin govtest
    fi
    PG_USER=govtest
  fi
}

# Run a command as the cluster user (cwd = $DIR so the user can always access it).
as_pg() {
  if [[ "$(id -u)" != 0 ]]; then
    (cd "$DIR" && "$@")
  elif command -v runuser >/dev/null 2>&1; then
    (cd "$DIR" && runuser -u "$PG_USER" -- "$@")
  else
    (cd "$DIR" && setpriv --reuid="$PG_USER" --regid="$(id -g "$PG_USER")" --init-groups -- "$@")
  fi
}

# -------------------------------------------------------------------- port ---

port_in_use() {
  local p="$1"
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -Hltn "sport = :$p" 2>/dev/null)" ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null
  fi
}

# Prints the first free port >= $1 (also skipping ports we already tried).
find_free_port() {
  local p="$1"
  while (( p < 65000 )); do
    if ! port_in_use "$p"; then echo "$p"; return 0; fi
    p=$((p + 1))
  done
  die "no free TCP port found on 127.0.0.1"
}

# ------------------------------------------------------------------ helpers ---

resolve_dir() {
  [[ -n "${1:-}" ]] || usage
  if [[ "${2:-}" == create ]]; then mkdir -p "$1"; fi
  [[ -d "$1" ]] || die "directory $1 does not exist"
  DIR="$(cd "$1" && pwd -P)"
  DATA="$DIR/data"
  SOCK="$DIR/sock"
}

is_running() {
  [[ -f "$DATA/PG_VERSION" ]] || return 1
  as_pg "$BINDIR/pg_ctl" status -D "$DATA" >/dev/null 2>&1
}

write_env() {
  local port
  port="$(cat "$DIR/port")"
  cat > "$DIR/env.tmp" <<EOF
# Private PostgreSQL test cluster in $DIR (scripts/postgres-cluster.sh)
export GOVERNANCE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres"
export GOVERNANCE_REQUIRE_POSTGRES=1
EOF
  chmod 644 "$DIR/env.tmp"
  mv -f "$DIR/env.tmp" "$DIR/env"
}

do_initdb() {
  log "initdb into $DATA (user $PG_USER)"
  chown "$PG_USER" "$DIR"
  chmod 755 "$DIR"
  # The cluster user must be able to reach DIR (e.g. not under /root).
  as_pg test -w "$DIR" || die "user $PG_USER cannot write to $DIR (check permissions of its parent directories)"

  local locale_opt=(--no-locale)
  if locale -a 2>/dev/null | grep -qix 'c.utf-\{0,1\}8'; then
    locale_opt=(--locale=C.UTF-8)
  fi
  rm -rf "$DATA"
  echo postgres > "$DIR/pwfile"
  chown "$PG_USER" "$DIR/pwfile"
  as_pg "$BINDIR/initdb" -D "$DATA" -U postgres --pwfile="$DIR/pwfile" -E UTF8 "${locale_opt[@]}" \
    --auth-local=trust --auth-host=trust --no-sync >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
  rm -f "$DIR/pwfile"

  cat > "$DATA/pg_hba.conf" <<'EOF'
# Private test cluster: trust, 127.0.0.1 (and the private unix socket) only.
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 trust
host    all       all   127.0.0.1/32  trust
local   replication all                 trust
host    replication all   127.0.0.1/32  trust
EOF

  local sockdir="$SOCK"
  # Unix socket paths are limited to ~107 bytes; disable the socket if DIR is too deep.
  if (( ${#SOCK} > 80 )); then sockdir=""; fi
  cat >> "$DATA/postgresql.conf" <<EOF

# ---- Governance test cluster settings (scripts/postgres-cluster.sh) ----
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sockdir'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 128MB
log_line_prefix = '%m [%p] %q%u@%d '
# Streaming replication (a standby made by the 'standby' command): the WAL a stopped standby's slot holds is
# bounded, and a standby's queries hold back the primary's vacuum instead of being cancelled by its cleanup.
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
max_slot_wal_keep_size = 2GB
hot_standby = on
hot_standby_feedback = on
include_if_exists = 'governance_port.conf'
EOF
  chown "$PG_USER" "$DATA/pg_hba.conf" "$DATA/postgresql.conf"
}

# ------------------------------------------------------------------ standby ---

# Runs a command as the cluster user with another directory as cwd.
as_pg_in() {
  local saved="$DIR" rc=0
  DIR="$1"; shift
  as_pg "$@" || rc=$?
  DIR="$saved"
  return "$rc"
}

# The primary's port, checking it runs and accepts replication connections (an older cluster gets the pg_hba lines).
primary_port() {
  local pdir="$1" pdata="$1/data"
  [[ -f "$pdata/PG_VERSION" ]] || die "no cluster in $pdir; run: $0 start $pdir"
  as_pg_in "$pdir" "$BINDIR/pg_ctl" status -D "$pdata" >/dev/null 2>&1 || die "the primary in $pdir is not running; run: $0 start $pdir"
  if ! grep -q '^host[[:space:]]\+replication' "$pdata/pg_hba.conf"; then
    log "allowing replication connections from 127.0.0.1 on the primary ($pdir)"
    printf 'local   replication all                 trust\nhost    replication all   127.0.0.1/32  trust\n' >> "$pdata/pg_hba.conf"
    as_pg_in "$pdir" "$BINDIR/pg_ctl" reload -D "$pdata" >/dev/null
  fi
  cat "$pdir/port"
}

write_standby_env() {
  local port number suffix=""
  port="$(cat "$DIR/port")"
  number="$(cat "$DIR/number" 2>/dev/null || echo 1)"
  (( number > 1 )) && suffix="$number"
  cat > "$DIR/env.tmp" <<EOF
# Streaming hot standby $number in $DIR of the cluster in $(cat "$DIR/primary") (scripts/postgres-cluster.sh standby)
export GOVERNANCE_TEST_POSTGRES_STANDBY$suffix="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres"
export GOVERNANCE_TEST_POSTGRES_STANDBY${suffix}_DIR="$DIR"
EOF
  chmod 644 "$DIR/env.tmp"
  mv -f "$DIR/env.tmp" "$DIR/env"
}

cmd_standby() {
  [[ -n "${1:-}" && -n "${2:-}" ]] || usage
  [[ -d "$1" ]] || die "directory $1 does not exist"
  local pdir
  pdir="$(cd "$1" && pwd -P)"
  resolve_dir "$2" create
  [[ "$pdir" != "$DIR" ]] || die "the standby needs its own directory, not the primary's"
  # Its number names its variables; kept in DIR/number, so a restart without it (tests do that) keeps them.
  if [[ -n "${3:-}" ]]; then
    [[ "$3" =~ ^[1-9]$ ]] || die "the standby's number N must be 1-9, not '$3'"
    echo "$3" > "$DIR/number"
  fi
  install_postgres
  BINDIR="$(find_bindir)"
  pick_user

  if is_running; then
    log "standby already running ($DIR)"
    write_standby_env
    cat "$DIR/env"
    return 0
  fi

  local pport slot
  pport="$(primary_port "$pdir")"
  echo "$pdir" > "$DIR/primary"
  mkdir -p "$SOCK"
  chown "$PG_USER" "$DIR" "$SOCK"
  chmod 755 "$DIR"
  touch "$DIR/log"
  chown "$PG_USER" "$DIR/log"
  if [[ ! -f "$DATA/PG_VERSION" ]]; then
    # One physical slot per standby directory: the primary keeps the WAL a stopped standby still needs.
    slot="standby_$(echo -n "$DIR" | md5sum | cut -c1-12)"
    as_pg "$BINDIR/psql" -X -q -h 127.0.0.1 -p "$pport" -U postgres -d postgres -v ON_ERROR_STOP=1 \
      -c "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '$slot' AND NOT active" >/dev/null
    rm -rf "$DATA"
    log "pg_basebackup -R from 127.0.0.1:$pport into $DATA (slot $slot)"
    as_pg "$BINDIR/pg_basebackup" -h 127.0.0.1 -p "$pport" -U postgres -D "$DATA" -R -C -S "$slot" -X stream \
      --checkpoint=fast --no-sync >"$DIR/basebackup.log" 2>&1 || { cat "$DIR/basebackup.log" >&2; die "pg_basebackup failed"; }
  fi

  local sockdir="$SOCK"
  if (( ${#SOCK} > 80 )); then sockdir=""; fi
  local port attempt
  port="$(( $(cat "$pdir/port") + 1 ))"
  [[ -f "$DIR/port" ]] && port="$(cat "$DIR/port")"
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port="$(find_free_port "$port")"
    # Included last by postgresql.conf (copied from the primary): the standby's own port and socket directory.
    printf "port = %s\nunix_socket_directories = '%s'\n" "$port" "$sockdir" > "$DATA/governance_port.conf"
    chown "$PG_USER" "$DATA/governance_port.conf"
    echo "$port" > "$DIR/port"
    log "starting standby ($("$BINDIR/postgres" --version)) on 127.0.0.1:$port, streaming from 127.0.0.1:$pport"
    if as_pg "$BINDIR/pg_ctl" start -w -t 120 -D "$DATA" -l "$DIR/log" >/dev/null; then
      write_standby_env
      cat "$DIR/env"
      return 0
    fi
    log "standby start attempt $attempt on port $port failed; last log lines:"
    tail -n 5 "$DIR/log" >&2 || true
    port=$((port + 1))
  done
  die "could not start the standby; see $DIR/log"
}


# ----------------------------------------------------------------- commands ---

cmd_start() {
  resolve_dir "$1" create
  install_postgres
  BINDIR="$(find_bindir)"
  pick_user

  if is_running; then
    log "already running ($DIR)"
    write_env
    cat "$DIR/env"
    return 0
  fi

  [[ -f "$DATA/PG_VERSION" ]] || do_initdb
  mkdir -p "$SOCK"
  chown "$PG_USER" "$DIR" "$SOCK"
  touch "$DIR/log"
  chown "$PG_USER" "$DIR/log"

  local port attempt
  port="$FIRST_PORT"
  [[ -f "$DIR/port" ]] && port="$(cat "$DIR/port")"
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port="$(find_free_port "$port")"
    echo "port = $port" > "$DATA/governance_port.conf"
    chown "$PG_USER" "$DATA/governance_port.conf"
    echo "$port" > "$DIR/port"
    log "starting PostgreSQL ($("$BINDIR/postgres" --version)) on 127.0.0.1:$port"
    if as_pg "$BINDIR/pg_ctl" start -w -t 60 -D "$DATA" -l "$DIR/log" >/dev/null; then
      write_env
      cat "$DIR/env"
      return 0
    fi
    # Most likely a port race with another process; try the next port.
    log "start attempt $attempt on port $port failed; last log lines:"
    tail -n 5 "$DIR/log" >&2 || true
    port=$((port + 1))
  done
  die "could not start PostgreSQL; see $DIR/log"
}

cmd_stop() {
  resolve_dir "$1"
  BINDIR="$(find_bindir)" || die "PostgreSQL binaries not found"
  pick_user
  if is_running; then
    as_pg "$BINDIR/pg_ctl" stop -w -m fast -D "$DATA" >/dev/null
    log "stopped ($DIR)"
  else
    log "not running ($DIR)"
  fi
}

cmd_env() {
  resolve_dir "$1"
  [[ -f "$DIR/env" ]] || die "$DIR/env not found; run: $0 start $DIR"
  cat "$DIR/env"
}

cmd_status() {
  resolve_dir "$1"
  BINDIR="$(find_bindir)" || die "PostgreSQL binaries not found"
  pick_user
  if is_running; then echo "running on 127.0.0.1:$(cat "$DIR/port")"; else echo "not running"; return 1; fi
}

case "${1:-}" in
  install) install_postgres; log "binaries: $(find_bindir)" ;;
  start)   cmd_start "${2:-}" ;;
  stop)    cmd_stop "${2:-}" ;;
  env)     cmd_env "${2:-}" ;;
  status)  cmd_status "${2:-}" ;;
  standby) cmd_standby "${2:-}" "${3:-}" "${4:-}" ;;
  *)       usage ;;
esac
