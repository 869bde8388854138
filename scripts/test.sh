#!/usr/bin/env bash
# Runs every test: unit, integration on SQLite and on a private PostgreSQL, end-to-end in Chromium with axe.
# Installs Debian's chromium, postgresql, libxml2-utils, poppler-utils and qpdf (and PyPI's openapi-spec-validator and pikepdf) when missing, starts PostgreSQL on a free loopback port, stops it
# and removes its files afterwards, and ends with the line "N passed, N failed".
# With an argument (a test project or solution), builds and runs only that: scripts/test.sh tests/Hub.Cases.Tests
# Further arguments go to dotnet test: scripts/test.sh tests/Hub.Cases.Tests --filter FullyQualifiedName~TwoNode
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-Hub.sln}
extra=("${@:2}")

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || missing+=(postgresql)
# xmllint checks the case XML against its XSD, independently of .NET's validator.
command -v xmllint > /dev/null || missing+=(libxml2-utils)
# pdfinfo and pdftotext check the case PDFs (tagged, title, text), independently of PDFsharp; qpdf their structure.
command -v pdfinfo > /dev/null || missing+=(poppler-utils)
command -v qpdf > /dev/null || missing+=(qpdf)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" > /dev/null
fi
# The API tests check the OpenAPI document with an independent validator (PyPI's openapi-spec-validator).
if ! python3 -c "import openapi_spec_validator" 2> /dev/null; then
  echo "Installing openapi-spec-validator ..."
  pip3 install -q openapi-spec-validator 2> /dev/null \
    || { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-openapi-spec-validator > /dev/null; }
fi
# The PDF tests read language, marking and the structure tree with pikepdf: PyPI's, else Debian's python3-pikepdf
# (which the tests find as /usr/bin/python3 when python3 on the path is another installation).
if ! python3 -c "import pikepdf" 2> /dev/null && ! /usr/bin/python3 -c "import pikepdf" 2> /dev/null; then
  echo "Installing pikepdf ..."
  pip3 install -q pikepdf 2> /dev/null \
    || { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-pikepdf > /dev/null; }
fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

work=$(mktemp -d /tmp/hub-test.XXXXXX)
chmod 755 "$work"
pg_data="$work/pg"
pg_user_cmd=()
# PostgreSQL refuses to run as root; the Debian package's 'postgres' account runs it then.
if [ "$(id -u)" -eq 0 ]; then pg_user_cmd=(runuser -u postgres --); fi

cleanup() {
  if [ -f "$pg_data/postmaster.pid" ]; then
    "${pg_user_cmd[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop > /dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

port=""
for candidate in $(seq 55432 55532); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2> /dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "No free loopback port for PostgreSQL" >&2; exit 1; }

mkdir -p "$pg_data"
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_data" "$work"
"${pg_user_cmd[@]}" "$pg_bin/initdb" -D "$pg_data" -U hub -A trust -E UTF8 --no-locale > "$work/initdb.log"
# Durability settings off: a throw-away test server, restarted empty every run.
"${pg_user_cmd[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/postgres.log" -w start \
  -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$work -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" > /dev/null
export HUB_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=hub;Database=postgres;Include Error Detail=true"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

dotnet build "$target" -c Release -nologo -clp:ErrorsOnly
set +e
# A test that stops making progress for 5 minutes is killed and reported as failed, so a hang costs minutes, not CI's hour.
dotnet test "$target" -c Release --no-build --blame-hang-timeout 5m --blame-hang-dump-type none "${extra[@]}" 2>&1 | tee "$work/test-output.log"
status=${PIPESTATUS[0]}
set -e

# dotnet test prints one summary per test assembly: "Passed!  - Failed:     0, Passed:   102, Skipped: ..."
passed=0; failed=0
while read -r f p; do
  passed=$((passed + p)); failed=$((failed + f))
done < <(sed -n 's/^\(Passed\|Failed\)!  - Failed: *\([0-9]*\), Passed: *\([0-9]*\),.*/\2 \3/p' "$work/test-output.log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "dotnet test failed before reporting results" >&2; fi
echo "$passed passed, $failed failed"
exit "$status"
