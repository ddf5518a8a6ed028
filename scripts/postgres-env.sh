# Sourced by run-tests.sh. Points Backstage's TestDatabases at the local PostgreSQL, starting
# the cluster with Debian's pg_ctlcluster when it is installed but stopped. Without one,
# database tests run on SQLite only, unless DATAMESH_REQUIRE_POSTGRES=1 (CI) makes that fatal.
PG_URL="${DATAMESH_TEST_PG_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"

# Prints the server's major version, or fails when nothing answers.
pg_major_version() {
  PG_URL="$PG_URL" node -e '
    const { Client } = require("pg");
    const client = new Client({ connectionString: process.env.PG_URL, connectionTimeoutMillis: 3000 });
    client.connect()
      .then(() => client.query("SHOW server_version_num"))
      .then(r => { console.log(Math.floor(Number(r.rows[0].server_version_num) / 10000)); return client.end(); })
      .catch(() => process.exit(1));' 2>/dev/null
}

if ! pg_major_version >/dev/null && command -v pg_ctlcluster >/dev/null; then
  for version in $(ls /etc/postgresql 2>/dev/null); do
    echo "[suite] starting PostgreSQL $version" >&2
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
  done
  for _ in $(seq 1 20); do pg_major_version >/dev/null && break; sleep 0.5; done
fi

# No Docker here: TestDatabases must use the servers it is given, never try to start one.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
if PG_MAJOR="$(pg_major_version)"; then
  export "BACKSTAGE_TEST_DATABASE_POSTGRES${PG_MAJOR}_CONNECTION_STRING=$PG_URL"
  echo "[suite] database tests run on SQLite and PostgreSQL $PG_MAJOR ($PG_URL)" >&2
elif [ "${DATAMESH_REQUIRE_POSTGRES:-0}" = 1 ]; then
  echo "[suite] PostgreSQL is required but does not answer at $PG_URL" >&2
  exit 1
else
  echo "[suite] no PostgreSQL at $PG_URL: database tests run on SQLite only" >&2
fi
