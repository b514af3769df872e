#!/usr/bin/env bash
# Writes `casualties extract --json` of every development-corpus document and every sample document in seeds/documents
# and scenario document into OUT (one file per document), so that a change meant to keep extraction byte-identical can be checked:
#   tools/extract-snapshot.sh /tmp/before && (change, rebuild) && tools/extract-snapshot.sh /tmp/after && diff -r /tmp/before /tmp/after
# Builds the worker in Release once; never reads the sealed holdout corpora.
set -euo pipefail
out=${1:?usage: tools/extract-snapshot.sh OUT_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet build -c Release src/Casualties.Worker -v q -nologo >/dev/null
dll=src/Casualties.Worker/bin/Release/net10.0/casualties.dll
mkdir -p "$out"
docs=$(mktemp -d)
trap 'rm -rf "$docs"' EXIT
python3 tools/split-corpora.py "$docs" tests/data/dev-corpus-*.jsonl tests/data/seed-expected-claims.jsonl
for f in "$docs"/*.txt; do
  dotnet "$dll" extract "$f" --json > "$out/$(basename "$f" .txt).json"
done
for f in seeds/documents/*; do
  case "$f" in *.meta.json) continue;; esac
  dotnet "$dll" extract "$f" --json --date 2020-01-01 > "$out/seeds.$(basename "$f").json"
done
for f in tests/data/scenarios/*/*.txt; do
  dotnet "$dll" extract "$f" --json --date 2020-01-01 > "$out/scenarios.$(basename "$(dirname "$f")").$(basename "$f").json"
done
echo "$(ls "$out" | wc -l) documents written to $out"
