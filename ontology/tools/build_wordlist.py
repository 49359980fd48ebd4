"""Build ontology/woorden-nl.tsv.gz: Dutch words with their Zipf frequency, for splitting compounds (ADR 0030).

Source: the Dutch word frequencies of `wordfreq` 3.1 (PyPI; code Apache-2.0, data CC BY-SA 4.0 — see
ontology/ATTRIBUTION.md). Either install it (`pip install wordfreq`) or pass the `large_nl.msgpack.gz` data file
from its wheel (`pip download --no-deps wordfreq`, then unzip `wordfreq/data/large_nl.msgpack.gz`):

    python ontology/tools/build_wordlist.py [path/to/large_nl.msgpack.gz]

Only alphabetic words of two letters or more with Zipf >= 2.5 are kept (about 56 000 words, 0.2 MB gzipped):
rare words are no good as parts of a compound, and the list stays small enough to load at start-up.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "woorden-nl.tsv.gz"
MIN_ZIPF = 2.5


def from_msgpack(path: Path) -> list[tuple[str, float]]:
    import msgpack

    with gzip.open(path) as fh:
        data = msgpack.load(fh, raw=False, strict_map_key=False)
    header, buckets = data[0], data[1:]
    if header.get("format") != "cB":
        raise SystemExit(f"{path}: unknown wordfreq format {header!r}")
    # cBpack: bucket i holds the words with frequency 10^(-i/100); Zipf = log10(frequency per 10^9 words).
    return [(w, round(9 - i / 100, 2)) for i, bucket in enumerate(buckets) for w in bucket]


def from_package() -> list[tuple[str, float]]:
    import wordfreq

    return [
        (w, wordfreq.zipf_frequency(w, "nl", wordlist="large")) for w in wordfreq.iter_wordlist("nl", "large")
    ]


def main(argv: list[str]) -> int:
    words = from_msgpack(Path(argv[1])) if len(argv) > 1 else from_package()
    kept = sorted(
        ((w, z) for w, z in words if z >= MIN_ZIPF and w.isalpha() and len(w) >= 2),
        key=lambda x: (-x[1], x[0]),
    )
    lines = "".join(f"{w}\t{z:.2f}\n" for w, z in kept)
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:  # mtime 0: the same input gives the same bytes
        fh.write(lines.encode("utf-8"))
    print(f"{len(kept)} woorden -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
