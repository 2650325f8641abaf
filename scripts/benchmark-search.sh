#!/usr/bin/env bash
# Issue 5, point 7: the search benchmark (docs/performance.md, section "Search and public pages").
# Generates 100,000 published replies in a SQLite database of the real site (through the assignment-table import and the
# Replies module's tables), rebuilds the Lucene index through the search module's own rebuild path, measures search
# latency at the service layer, HTTP requests/s of the search page and of a cached reply page under wrk
# (16 connections), and peak memory; prints a Markdown table at the end.
#
#   scripts/benchmark-search.sh                      # 100,000 replies, database and index in /tmp/transparency-bench/search-100000
#   scripts/benchmark-search.sh --fresh              # generate the replies again (else an earlier run's database is reused)
#   scripts/benchmark-search.sh --replies 20000 --queries 1000 --seconds 10 --connections 16
#   scripts/benchmark-search.sh --http-only          # reuse database and index, measure HTTP only
#
# Needs about 2 GB of disk for 100,000 replies. wrk comes from Debian; as root it is installed when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk > /dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y wrk > /dev/null 2>&1 || { apt-get update > /dev/null && apt-get install -y wrk > /dev/null; }
  else
    echo "wrk is needed: apt-get install -y wrk (as root)" >&2
    exit 1
  fi
fi

dotnet build -c Release tests/Transparency.Benchmarks -nologo -v quiet
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
exec dotnet run -c Release --no-build --project tests/Transparency.Benchmarks -- search "$@"
