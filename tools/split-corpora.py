"""Writes each document of the gold corpora given (JSON Lines) as a text file CORPUS.NNN.txt in TARGET, with its
`date YYYY-MM-DD` header, for tools/extract-snapshot.sh and tools/extract-hashes.sh.
Usage: python3 tools/split-corpora.py TARGET CORPUS.jsonl ..."""
import json, os, sys

target = sys.argv[1]
os.makedirs(target, exist_ok=True)
for path in sys.argv[2:]:
    corpus = os.path.basename(path).removesuffix('.jsonl')
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f):
            if not line.strip():
                continue
            d = json.loads(line)
            text = d['text']
            if not text.lstrip().startswith('date '):
                text = f" date {d['date']} " + text
            with open(os.path.join(target, f"{corpus}.{n:03}.txt"), 'w', encoding='utf-8') as o:
                o.write(text)
