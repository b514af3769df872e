#!/usr/bin/env bash
# Writes a manifest of sha256 hashes of `casualties extract --json` for every document of tests/data/*.jsonl (development,
# seed and the sealed holdout corpora), every sample in seeds/documents and every scenario document, and of `casualties
# eval --json` for every corpus, so that a change meant to keep extraction byte-identical can be checked, holdout included:
#   tools/extract-hashes.sh /tmp/before.sha && (change) && tools/extract-hashes.sh /tmp/after.sha && diff /tmp/before.sha /tmp/after.sha
# Prints no document and no output: the sealed corpora are only run through the extractor and hashed (issue 18).
set -euo pipefail
manifest=${1:?usage: tools/extract-hashes.sh MANIFEST}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet build -c Release src/Casualties.Worker -v q -nologo >/dev/null
dll=$root/src/Casualties.Worker/bin/Release/net10.0/casualties.dll
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 tools/split-corpora.py "$work/docs" tests/data/*.jsonl
mkdir -p "$work/out"
export dll work
# Two at a time: each is a process of its own, most of whose time is starting up.
find "$work/docs" -name '*.txt' -print0 | xargs -0 -P 2 -I{} sh -c 'dotnet "$dll" extract "{}" --json > "$work/out/$(basename "{}" .txt).json"'
for f in seeds/documents/*; do
  case "$f" in *.meta.json) continue;; esac
  dotnet "$dll" extract "$f" --json --date 2020-01-01 > "$work/out/seeds.$(basename "$f").json"
done
for f in tests/data/scenarios/*/*.txt; do
  dotnet "$dll" extract "$f" --json --date 2020-01-01 > "$work/out/scenarios.$(basename "$(dirname "$f")").$(basename "$f").json"
done
for f in tests/data/*.jsonl; do
  dotnet "$dll" eval "$f" --json > "$work/out/eval.$(basename "$f" .jsonl).json" || echo "eval exited $? for $f" >&2
done
(cd "$work/out" && sha256sum -- *) > "$manifest"
echo "$(wc -l < "$manifest") hashes written to $manifest"
