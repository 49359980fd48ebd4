"""Whoosh's BM25F search, computed with numpy over a columnar copy of the postings (issue 14, ADR 0099).

Whoosh stays the stored index; this module reads a sidecar per segment, written when the segment is built
(match/index_build.py): per term its document numbers and weights (term frequencies), per document its field
length exactly as whoosh decodes it (a lossy byte) and its id. The files are `.npy` arrays opened memory-mapped
read-only, so gunicorn workers share them through the page cache.

The answers are whoosh's own, to the bit: the query is whoosh's parse of the text (`query_terms`); idf and
average field length come from whoosh's searcher; each term's score is `scoring.bm25` evaluated with the same
floating-point operations in the same order; the per-term scores of a document are added in the order whoosh's
matcher adds them (a huffman tree over the segment's document frequencies, or left to right for small segments:
`Or._matcher`); and the top `limit` are those of whoosh's `TopCollector` (score descending, then document number).
Segments without a sidecar (written by `catch_up`, or merged by whoosh) are scored by whoosh's own matcher.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import mmap
import os
import shutil
from collections.abc import Iterable
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import query as wquery

SIDECAR_DIR = "postings"  # inside a generation; not a name whoosh's clean-up of old segment files touches
VERSION = 1
# whoosh's `Or._matcher` (AUTO_MATCHER): a binary tree of unions unless the segment is small or the query long
ARRAY_MAX_DOCS = 5000
TOO_MANY_CLAUSES = 1024


# --- writing -------------------------------------------------------------------------------------------------


def write_sidecar(
    gen_dir: Path,
    segment_id: str,
    field: str,
    terms: dict[tuple[str, bytes], list[tuple[int, float, bytes]]],
    lengths: list[int],
    ids: list[str],
) -> Path:
    """The sidecar of one new segment, from its in-memory postings (`MemoryPool`: (field, term) → postings in
    document order), its decoded field lengths and its ids, one per document number."""
    keys = sorted(k for k in terms if k[0] == field)
    texts = [k[1] for k in keys]
    counts = np.fromiter((len(terms[k]) for k in keys), np.int64, len(keys))
    total = int(counts.sum())
    flat = list(chain.from_iterable(terms[k] for k in keys))
    docnums = np.fromiter(map(itemgetter(0), flat), np.int32, total)
    weights = np.fromiter(map(itemgetter(1), flat), np.float32, total)
    del flat
    root = Path(gen_dir) / SIDECAR_DIR
    root.mkdir(exist_ok=True)
    tmp = root / f".{segment_id}.{os.getpid()}"
    tmp.mkdir()
    try:
        (tmp / "terms.bin").write_bytes(b"".join(texts))
        np.save(tmp / "term_offsets.npy", _offsets(np.fromiter(map(len, texts), np.int64, len(texts))))
        np.save(tmp / "post_offsets.npy", _offsets(counts))
        np.save(tmp / "docnums.npy", docnums)
        np.save(tmp / "weights.npy", weights)
        np.save(tmp / "lengths.npy", np.asarray(lengths, dtype=np.int32))
        encoded = [i.encode("utf-8") for i in ids]
        np.save(tmp / "ids.npy", np.array(encoded, dtype=f"S{max(map(len, encoded), default=1) or 1}"))
        meta = {"version": VERSION, "field": field, "docs": len(ids), "terms": len(keys), "postings": total}
        (tmp / "meta.json").write_text(json.dumps(meta))
        os.replace(tmp, root / segment_id)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return root / segment_id


def _offsets(counts: np.ndarray) -> np.ndarray:
    out = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=out[1:])
    return out


# --- reading -------------------------------------------------------------------------------------------------


class Sidecar:
    """One segment's postings of one field, memory-mapped read-only (no lock needed to read them)."""

    def __init__(self, path: Path) -> None:
        meta = json.loads((path / "meta.json").read_text())
        if meta.get("version") != VERSION:
            raise ValueError(f"sidecar version {meta.get('version')}")
        self.field = meta["field"]
        self.docs = int(meta["docs"])
        self._term_offsets = np.load(path / "term_offsets.npy", mmap_mode="r")
        self._post_offsets = np.load(path / "post_offsets.npy", mmap_mode="r")
        self.docnums = np.load(path / "docnums.npy", mmap_mode="r")
        self.weights = np.load(path / "weights.npy", mmap_mode="r")
        self.lengths = np.load(path / "lengths.npy", mmap_mode="r")
        self.ids = np.load(path / "ids.npy", mmap_mode="r")
        self.terms = len(self._term_offsets) - 1
        self._blob: Any = b""
        if self.terms and (path / "terms.bin").stat().st_size:
            with open(path / "terms.bin", "rb") as f:
                self._blob = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if (
            len(self.lengths) != self.docs
            or len(self.ids) != self.docs
            or len(self.docnums) != meta["postings"]
        ):
            raise ValueError("sidecar arrays do not match its meta.json")

    @classmethod
    def open(cls, gen_dir: Path, segment_id: str, field: str, docs: int) -> Sidecar | None:
        """The sidecar of a segment when there is a valid one for `field` and `docs` documents, else None."""
        path = Path(gen_dir) / SIDECAR_DIR / segment_id
        if not (path / "meta.json").exists():
            return None
        try:
            sidecar = cls(path)
        except (OSError, ValueError, KeyError):
            return None
        return sidecar if sidecar.field == field and sidecar.docs == docs else None

    def _term(self, i: int) -> bytes:
        return self._blob[int(self._term_offsets[i]) : int(self._term_offsets[i + 1])]

    def postings(self, term: bytes) -> tuple[np.ndarray, np.ndarray] | None:
        """(document numbers, weights) of a term, or None when the segment does not have it."""
        i = bisect.bisect_left(_Keys(self), term)
        if i >= self.terms or self._term(i) != term:
            return None
        a, b = int(self._post_offsets[i]), int(self._post_offsets[i + 1])
        return self.docnums[a:b], self.weights[a:b]

    def id_of(self, docnum: int) -> str:
        return self.ids[docnum].decode("utf-8")

    def close(self) -> None:
        if isinstance(self._blob, mmap.mmap):
            with contextlib.suppress(BufferError):
                self._blob.close()


class _Keys:
    """The sorted terms of a sidecar as a sequence, for `bisect`."""

    def __init__(self, sidecar: Sidecar) -> None:
        self._s = sidecar

    def __len__(self) -> int:
        return self._s.terms

    def __getitem__(self, i: int) -> bytes:
        return self._s._term(i)


# --- the query -----------------------------------------------------------------------------------------------


def query_terms(query: Any, field: str) -> list[tuple[str, float]] | None:
    """The (term, boost) clauses of a parsed, normalized query that is one term or an OR of terms of `field`
    (what `SearchIndex`'s parser makes of words); [] for a query that matches nothing; None for any other
    query (whoosh answers it)."""
    if query is wquery.NullQuery:
        return []
    if type(query) is wquery.Term:
        subs = [query]
    elif type(query) is wquery.Or and query.boost == 1.0 and not query.scale and not query.minmatch:
        subs = list(query.subqueries)
    else:
        return None
    if not subs or any(type(q) is not wquery.Term or q.fieldname != field or q.minquality for q in subs):
        return None
    return [(q.text, float(q.boost)) for q in subs]


# --- scoring -------------------------------------------------------------------------------------------------


def bm25(idf: float, tf: np.ndarray, fl: np.ndarray, avgfl: float, B: float, K1: float) -> np.ndarray:
    """`whoosh.scoring.bm25` on arrays: the same operations in the same order, so the same doubles."""
    # idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))
    norm = B * fl
    norm /= avgfl
    norm += 1 - B
    norm *= K1
    norm += tf
    out = tf * (K1 + 1)
    out /= norm
    out *= idf
    return out


def weighted_tree(weights: list[int]) -> Any:
    """The shape of whoosh's `make_weighted_tree` over clauses with these weights (their document frequencies in
    the segment): a leaf is a clause's index, a node is (depth, left, right). Its sort and `insort` compare
    (weight, matcher) tuples and matchers of one class compare equal, so equal weights keep their order and a
    new node goes after the nodes of equal weight."""
    order = sorted(range(len(weights)), key=lambda i: weights[i])
    ws: list[int] = [weights[i] for i in order]
    nodes: list[Any] = list(order)
    while len(nodes) > 1:
        a, b = nodes.pop(0), nodes.pop(0)
        weight = ws.pop(0) + ws.pop(0)
        at = bisect.bisect_right(ws, weight)
        ws.insert(at, weight)
        nodes.insert(at, (1 + max(_depth(a), _depth(b)), a, b))
    return nodes[0]


def _depth(node: Any) -> int:
    return 0 if isinstance(node, int) else node[0]


def _tree_sum(node: Any, leaf: Any) -> np.ndarray | None:
    """The sum of a tree of per-clause score arrays, each node `a + b` as whoosh's `UnionMatcher.score`; None
    for a subtree of clauses the segment does not have (a clause that does not match a document adds an exact
    0). The deeper child first, so few arrays are alive at once: IEEE addition is commutative, so the order of
    the two changes no bit."""
    if isinstance(node, int):
        return leaf(node)
    _, a, b = node
    if _depth(b) > _depth(a):
        a, b = b, a
    left = _tree_sum(a, leaf)
    right = _tree_sum(b, leaf)
    if left is None or right is None:
        return right if left is None else left
    left += right
    return left


def segment_scores(
    sidecar: Sidecar,
    clauses: list[tuple[bytes | None, float, float]],
    avgfl: float,
    doc_count_all: int,
    B: float,
    K1: float,
) -> np.ndarray:
    """Every document's score in one segment (0 where nothing matches), as whoosh sums it. `clauses`: (term,
    boost, idf) in the query's order (term None: one whoosh cannot encode, found nowhere); `doc_count_all`:
    the segment's documents, deleted ones included."""
    found = [None if term is None else sidecar.postings(term) for term, _, _ in clauses]
    n = sidecar.docs

    def leaf(i: int) -> np.ndarray | None:
        hit = found[i]
        if hit is None:
            return None
        docnums, weights = hit
        tf, fl = weights.astype(np.float64), sidecar.lengths[docnums].astype(np.float64)
        scores = bm25(clauses[i][2], tf, fl, avgfl, B, K1)
        if clauses[i][1] != 1.0:
            scores *= clauses[i][1]  # whoosh's WrappingMatcher for a boosted term
        dense = np.zeros(n, dtype=np.float64)
        dense[docnums] = scores
        return dense

    if len(clauses) >= TOO_MANY_CLAUSES or (len(clauses) > 2 and doc_count_all <= ARRAY_MAX_DOCS):
        total = np.zeros(n, dtype=np.float64)  # whoosh's ArrayUnionMatcher: a[i] += score * 1.0, in order
        for i in range(len(clauses)):
            part = leaf(i)
            if part is not None:
                total += part
        return total
    tree = 0 if len(clauses) == 1 else weighted_tree([0 if hit is None else len(hit[0]) for hit in found])
    total = _tree_sum(tree, leaf)
    return np.zeros(n, dtype=np.float64) if total is None else total


def top(scores: np.ndarray, docnums: np.ndarray, limit: int | None) -> np.ndarray:
    """Positions of the best `limit` by score descending, then document number ascending: whoosh's
    `TopCollector` keeps the first documents of an equal score (it replaces only for a higher one)."""
    if limit is not None and len(scores) > limit:
        if limit <= 0:
            return np.zeros(0, dtype=np.int64)
        kth = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        above = np.flatnonzero(scores > kth)
        tied = np.flatnonzero(scores == kth)
        tied = tied[np.argsort(docnums[tied], kind="stable")][: limit - len(above)]
        keep = np.concatenate([above, tied])
    else:
        keep = np.arange(len(scores))
    order = np.lexsort((docnums[keep], -scores[keep]))
    return keep[order]


def collect(
    parts: Iterable[tuple[np.ndarray, np.ndarray, list[str] | Any]], limit: int | None
) -> list[tuple[str, float]]:
    """The top `limit` over segments: each part is (scores, global document numbers, ids by position)."""
    parts = [p for p in parts if len(p[0])]
    if not parts:
        return []
    scores = np.concatenate([p[0] for p in parts])
    docnums = np.concatenate([p[1] for p in parts])
    owner = np.concatenate([np.full(len(p[0]), k, dtype=np.int32) for k, p in enumerate(parts)])
    local = np.concatenate([np.arange(len(p[0])) for p in parts])
    out = []
    for i in top(scores, docnums, limit):
        ids = parts[owner[i]][2]
        out.append((ids(int(local[i])) if callable(ids) else ids[int(local[i])], float(scores[i])))
    return out
