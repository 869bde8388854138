#!/usr/bin/env bash
# Adds an EF Core migration for both providers of one module, e.g.: scripts/add-migration.sh Tenancy AddTenantNotes
# Each module keeps its migrations per provider (Data/Migrations/Sqlite, Data/Migrations/Postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
module=${1:?module, e.g. Tenancy}; name=${2:?migration name}
project="src/Modules/Hub.$module"
export PATH="$PATH:$HOME/.dotnet/tools"
command -v dotnet-ef > /dev/null || dotnet tool install --global dotnet-ef --version 10.0.15
dotnet build "$project" -nologo -clp:ErrorsOnly
contexts=$(grep -rhoE 'class (Sqlite|Postgres)[A-Za-z]+DbContext\b' "$project" --include=*.cs | awk '{print $2}' | sort -u)
for context in $contexts; do
  provider=$( [[ $context == Sqlite* ]] && echo Sqlite || echo Postgres )
  folder=$( [ -d "$project/Data" ] && echo "Data/Migrations/$provider" || echo "Migrations/$provider" )
  namespace="Hub.$module.${folder//\//.}"
  dotnet ef migrations add "$name" -p "$project" -s "$project" -c "$context" -o "$folder" --namespace "$namespace"
  # The tool writes the model snapshot under a folder named after the namespace; keep it beside the migrations.
  nested="$project/${namespace//.//}"
  if [ -d "$nested" ]; then mv "$nested"/*.cs "$project/$folder/"; rm -rf "$project/Hub"; fi
done
rm -f "$project/design.db"
