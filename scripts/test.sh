#!/usr/bin/env bash
# Runs every test of the solution against a throwaway PostgreSQL cluster.
#
#   scripts/test.sh                          # everything
#   scripts/test.sh --filter "FullyQualifiedName~Search"   # extra args go to `dotnet test`
#
# Works on a bare Debian 12 machine as root (installs what is missing) and as a
# normal user who already has the packages. The last line of output is always
#   Total: N passed, N failed, N skipped
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

is_root() { [ "$(id -u)" -eq 0 ]; }

# --- 1. System packages -------------------------------------------------------
# postgresql: the integration tests need a real server.
# chromium + fonts-noto-cjk: browser tests (Playwright) and CJK text rendering.
REQUIRED_PACKAGES=(postgresql chromium fonts-noto-cjk)
missing=()
for pkg in "${REQUIRED_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done
if [ "${#missing[@]}" -gt 0 ]; then
    if ! is_root; then
        echo "error: missing Debian packages: ${missing[*]}" >&2
        echo "       install them with: sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
    echo "Installing missing packages: ${missing[*]}"
    # Wait for a concurrent apt/dpkg run instead of failing on its lock.
    apt-get -o DPkg::Lock::Timeout=600 update
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
        install -y --no-install-recommends "${missing[@]}"
fi

# npm: the browser tests inject axe-core, an npm package pinned in tests/Transparency.Browser.Tests/package.json.
if ! command -v npm >/dev/null 2>&1; then
    if ! is_root; then
        echo "error: npm is missing; install it with: sudo apt-get install nodejs npm" >&2
        exit 1
    fi
    echo "Installing missing packages: nodejs npm"
    apt-get -o DPkg::Lock::Timeout=600 update
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends nodejs npm
fi
if [ ! -f tests/Transparency.Browser.Tests/node_modules/axe-core/axe.min.js ]; then
    echo "Installing the browser tests' npm packages (axe-core)"
    npm ci --prefix tests/Transparency.Browser.Tests --no-audit --no-fund --loglevel=error
fi

if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: the .NET SDK ('dotnet') is not on PATH" >&2
    exit 1
fi

# --- 2. Throwaway PostgreSQL cluster ------------------------------------------
# Use the newest server installed (Debian keeps them in /usr/lib/postgresql/<ver>).
PG_VERSION="$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)"
PGBIN="/usr/lib/postgresql/${PG_VERSION}/bin"
if [ -z "$PG_VERSION" ] || [ ! -x "$PGBIN/initdb" ] || [ ! -x "$PGBIN/pg_ctl" ]; then
    echo "error: no PostgreSQL server binaries found in /usr/lib/postgresql/*/bin" >&2
    exit 1
fi

PGTMP="$(mktemp -d)"
PGDATA_DIR="$PGTMP/data"
PGLOG="$PGTMP/pg.log"

# initdb refuses to run as root, so as root the cluster belongs to the
# `postgres` system user (created by the postgresql package).
if is_root; then
    chown postgres:postgres "$PGTMP"
fi
as_pg() {
    # cd into the temp dir: the postgres user may not be able to read our cwd.
    if is_root; then
        (cd "$PGTMP" && runuser -u postgres -- "$@")
    else
        (cd "$PGTMP" && "$@")
    fi
}

cleanup() {
    # Runs on every exit (success, failure, Ctrl-C); quiet so that the
    # "Total:" line stays the last line of output.
    if [ -f "$PGDATA_DIR/postmaster.pid" ]; then
        as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PGTMP"
}
trap cleanup EXIT
# Turn signals into a normal exit so the EXIT trap above runs.
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# C.UTF-8 gives UTF-8 collation behaviour; plain C is the fallback everywhere.
if ! as_pg "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGTMP/initdb.log" 2>&1; then
    rm -rf "$PGDATA_DIR"
    if ! as_pg "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C >"$PGTMP/initdb.log" 2>&1; then
        echo "error: initdb failed:" >&2
        cat "$PGTMP/initdb.log" >&2
        exit 1
    fi
fi

# Free TCP port: probe from a random start; /dev/tcp connecting means "in use".
PORT=""
start=$((55432 + RANDOM % 2000))
for ((p = start; p < start + 500; p++)); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
        PORT="$p"
        break
    fi
done
if [ -z "$PORT" ]; then
    echo "error: no free TCP port found for PostgreSQL" >&2
    exit 1
fi

# Durability is pointless for a throwaway cluster; turning it off makes tests faster.
# The unix socket goes into the temp dir so it cannot clash with a system server.
if ! as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGLOG" -w -t 60 \
        -o "-p $PORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null; then
    echo "error: PostgreSQL failed to start; server log:" >&2
    cat "$PGLOG" >&2 || true
    exit 1
fi

# "postgres (PostgreSQL) 15.18 (Debian ...)" -> "15.18"
PG_SERVER_VERSION="$("$PGBIN/postgres" --version | awk '{print $3}')"
echo "PostgreSQL test server: 127.0.0.1:$PORT (version $PG_SERVER_VERSION)"

# Trust auth ignores the password; it is there for code that insists on one.
export TRANSPARENCY_TEST_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=postgres;Password=postgres;Pooling=true;Include Error Detail=true"
export PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH=/usr/bin/chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

# --- 3. Build once, then test without rebuilding --------------------------------
# .NET 10's `dotnet new sln` writes .slnx, so accept either form.
SOLUTION=Transparency.sln
if [ ! -f "$SOLUTION" ] && [ -f Transparency.slnx ]; then
    SOLUTION=Transparency.slnx
fi

dotnet build "$SOLUTION" -c Release -v minimal -nologo

# Only count result files from this run.
mkdir -p TestResults
rm -f TestResults/*.trx

# A failing test run must not abort the script: we still want the summary.
set +e
dotnet test "$SOLUTION" -c Release --no-build \
    --logger "trx;LogFilePrefix=results" --results-directory TestResults \
    -v minimal "$@"
test_rc=$?
set -e

# --- 4. Summary from the TRX files -----------------------------------------------
# Plain grep/sed/awk so the summary does not need python on a bare machine.
attr() { # attr NAME <<< "<Counters ... />"  ->  value (0 if absent)
    local v
    v="$(sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p")"
    echo "${v:-0}"
}

total_passed=0 total_failed=0 total_skipped=0 total_executed=0
shopt -s nullglob
trx_files=(TestResults/*.trx)
shopt -u nullglob

echo
echo "Test results per project:"
for trx in "${trx_files[@]}"; do
    counters="$(tr -d '\r\n' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
    [ -n "$counters" ] || continue
    executed="$(attr executed <<<"$counters")"
    passed="$(attr passed <<<"$counters")"
    failed="$(attr failed <<<"$counters")"
    skipped="$(attr notExecuted <<<"$counters")"
    # Name the project after the test assembly (TRX file names only carry the prefix).
    name="$(grep -o 'codeBase="[^"]*"' "$trx" | head -n 1 | sed 's/^codeBase="//; s/"$//' || true)"
    if [ -n "$name" ]; then
        name="$(basename "${name//\\//}" .dll)"
    else
        name="$(basename "$trx")"
    fi
    printf '  %-50s %5d passed, %5d failed, %5d skipped\n' "$name" "$passed" "$failed" "$skipped"
    total_executed=$((total_executed + executed))
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped))
done
[ "${#trx_files[@]}" -gt 0 ] || echo "  (no TRX result files in TestResults/)"

# Show that the PostgreSQL half of the integration suite really ran (it fails, never skips, without a server).
pg_passed=0
for trx in "${trx_files[@]}"; do
    n="$(grep -o '<UnitTestResult [^>]*testName="[^"]*OnPostgreSql[^"]*"[^>]*outcome="Passed"' "$trx" | wc -l || true)"
    pg_passed=$((pg_passed + n))
done
echo "  PostgreSQL integration tests passed: $pg_passed"

if [ "$total_executed" -eq 0 ]; then
    echo "error: no tests were executed" >&2
fi
echo "Total: $total_passed passed, $total_failed failed, $total_skipped skipped"

if [ "$test_rc" -ne 0 ]; then
    exit "$test_rc"
elif [ "$total_executed" -eq 0 ] || [ "$total_failed" -gt 0 ]; then
    exit 1
fi
exit 0
