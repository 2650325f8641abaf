#!/usr/bin/env bash
# Adds the same-named EF Core migration to both providers' migration assemblies.
# Usage: scripts/add-migration.sh <MigrationName>
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh <MigrationName>}"
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql; do
  dotnet ef migrations add "$name" \
    --project "src/Transparency.Data.$provider" \
    --startup-project src/Transparency.Web \
    --context TransparencyDbContext \
    --output-dir Migrations \
    -- --provider "$provider"
done
