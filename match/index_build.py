"""Writing a whoosh index generation fast (issue 14: a full rebuild of 100 000 services in ≤ 30 s).

whoosh is pure Python and a rebuild spends its time per word and per posting. Three things cut it without
changing a single search result:
- `TermCache`: the Dutch analysis once per distinct word, not once per occurrence;
- `MemoryPool`: postings grouped per term in memory instead of whoosh's external sort (pickled runs on disk
  merged through a heap);
- `write_generation`: with several cores, processes each write one segment of consecutive documents, so the
  document numbers (which order equal scores) are those of one writer, and BM25F's statistics (idf, average
  field length) are the index's, whatever the segments.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.analysis import LanguageAnalyzer, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.analysis.tokenizers import default_pattern
from whoosh.fields import Schema
from whoosh.system import pack_uint
from whoosh.writing import SegmentWriter

from match.postings import write_sidecar

# The analyzer's token pattern (`[\w\*]+(\.?[\w\*]+)*`, re.UNICODE) without its capturing group, for findall.
_WORDS = re.compile(default_pattern.pattern.replace("(\\.?", "(?:\\.?"), default_pattern.flags)
PARALLEL_FROM = (
    20_000  # documents; below this one process writes one segment (a fork costs more than it saves)
)
MAX_PROCS = 2


def default_procs() -> int:
    return max(1, min(MAX_PROCS, os.cpu_count() or 1))


class TermCache:
    """The schema's Dutch analysis (`LanguageAnalyzer("nl")`: words, lower case, stop words, Snowball stems) done
    once per distinct word instead of once per occurrence: a kaart repeats its words (theme labels and synonyms,
    place names, "hulp"), so a rebuild analyses tens of thousands of words instead of millions.

    The terms equal those of the analyzer on the whole text (tests/test_index_build.py): the analyzer's own token
    pattern finds the words, and every later step (lower case, stop words, stem) looks at one token at a time."""

    LIMIT = 300_000  # distinct words kept (tens of MB at most); past it the cache starts over

    def __init__(self, analyzer: Any = None) -> None:
        self._analyzer = analyzer or LanguageAnalyzer("nl")
        self._cache: dict[str, tuple[str, ...]] = {}
        self._texts: dict[str, list[str]] = {}
        self._word = self._one_word_function(self._analyzer)

    @staticmethod
    def _one_word_function(analyzer: Any):
        """The analysis of one token, from the analyzer's own filters when it is the usual chain (fast), else
        the analyzer itself on the word (same result, slower)."""
        items = getattr(analyzer, "items", ())
        kinds = [type(i) for i in items]
        if kinds != [RegexTokenizer, LowercaseFilter, StopFilter, StemFilter] or items[0].gaps:
            return lambda word: tuple(t.text for t in analyzer(word))
        stop, stem = items[2], items[3]
        stops, minsize, maxsize = stop.stops, stop.min, stop.max
        ignore, stemfn = stem.ignore, stem._stem

        def one(word: str) -> tuple[str, ...]:
            text = word.lower()
            if len(text) < minsize or (maxsize is not None and len(text) > maxsize) or text in stops:
                return ()
            return (text if text in ignore else stemfn(text),)

        return one

    def repeated(self, text: str) -> list[str]:
        """`self(text)` for a text that recurs whole (an organisation's name, the words of a theme set)."""
        found = self._texts.get(text)
        if found is None:
            if len(self._texts) >= self.LIMIT:
                self._texts.clear()
            found = self._texts[text] = self(text)
        return found

    def __call__(self, text: str) -> list[str]:
        cache = self._cache
        words = _WORDS.findall(text)
        for word in words:
            if word not in cache:
                if len(cache) >= self.LIMIT:
                    cache.clear()
                cache[word] = self._word(word)
        return [term for word in words for term in cache[word]]


class MemoryPool:
    """The postings of a new segment grouped per term in memory, in place of whoosh's external sort: the same
    postings in the same order (field, term, document). Only for a writer that merges nothing into its segment
    (a fresh generation): whoosh's merge of small segments adds postings out of document order."""

    def __init__(self) -> None:
        self._terms: dict[tuple[str, bytes], list[tuple[int, float, bytes]]] = {}
        self.fieldnames: set[str] = set()

    def add(self, item: tuple[str, bytes, int, float, bytes]) -> None:
        key = (item[0], item[1])
        postings = self._terms.get(key)
        if postings is None:
            postings = self._terms[key] = []
            self.fieldnames.add(item[0])
        postings.append(item[2:])

    def iter_postings(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        terms = self._terms
        for key in sorted(terms):
            fieldname, text = key
            for docnum, weight, vbytes in terms[key]:
                yield fieldname, text, docnum, weight, vbytes

    def cleanup(self) -> None:
        self._terms = {}


def _add_document(writer: SegmentWriter, fields: dict[str, Any]) -> None:
    """`writer.add_document(**fields)` for our schema, with the text fields given as lists of analysed terms
    (tests/test_index_build.py compares the two): the same postings (term, document, weight = frequency,
    frequency packed as whoosh's `Frequency` format packs it), lengths and stored fields, without whoosh's
    per-term token objects and generators. Fields given as strings go through whoosh as usual."""
    schema, pdw, add_post, docnum = writer.schema, writer.perdocwriter, writer.pool.add, writer.docnum
    pdw.start_doc(docnum)
    for fieldname in sorted(fields):
        value = fields[fieldname]
        if value is None:
            continue
        field = schema[fieldname]
        length = 0
        if isinstance(value, list):
            for term, freq in Counter(value).items():
                add_post((fieldname, term.encode("utf-8"), docnum, float(freq), pack_uint(freq)))
                length += freq
            if not field.scorable:
                length = 0
        else:
            for tbytes, freq, weight, vbytes in field.index(value):
                if field.scorable:
                    length += freq
                add_post((fieldname, tbytes, docnum, weight, vbytes))
        pdw.add_field(fieldname, field, value if field.stored else None, length)
        if field.column_type:
            pdw.add_column_value(fieldname, field.column_type, field.to_column_value(value))
    pdw.finish_doc()
    writer._added = True
    writer.docnum += 1


class _Lengths:
    """The field lengths of a new segment read once per document, not once per posting (whoosh's
    `add_postings` asks for the length of every posting's document)."""

    def __init__(self, reader: Any, fieldnames: list[str], doccount: int) -> None:
        self._lengths = {f: [reader.doc_field_length(d, f) for d in range(doccount)] for f in fieldnames}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        lengths = self._lengths.get(fieldname)
        return default if lengths is None else lengths[docnum]


def _segment(
    path: Path, rows: list[Any], prepare: Callable[[Any], dict[str, Any]], sidecar: str | None = None
) -> Any:
    """One segment of `rows` (as fields: `prepare(row)`), written into the index at `path`, not yet listed.
    The steps of whoosh's `SegmentWriter._finalize_segment`, with the lengths read once (`_Lengths`).
    `sidecar`: a field whose postings are also written as numpy arrays (match/postings.py, ADR 0099), with
    each document's `id` field."""
    ix = windex.open_dir(str(path))
    # Two processes write segments into one index at once. Whoosh names a writer's temp dir after the index
    # (MAIN.tmp) and removes it when the writer finishes, under the other process's feet (FileNotFoundError on
    # CI): one temp dir per process. `open_dir` makes a new storage object per call, so this stays local.
    shared_temp = ix.storage.temp_storage
    ix.storage.temp_storage = lambda name=None: shared_temp(f"{name or 'tmp'}-{os.getpid()}")
    writer = SegmentWriter(ix, _lk=False)
    writer.pool = MemoryPool()
    fields = writer.schema.items()
    add = _add_document
    if any(f.vector or f.separate_spelling() for _, f in fields):  # not in our schema: whoosh's own way
        add = lambda w, doc: w.add_document(**doc)  # noqa: E731
    ids: list[str] = []
    try:
        for row in rows:
            doc = prepare(row)
            if sidecar:
                ids.append(doc["id"])
            add(writer, doc)
        writer.perdocwriter.close()
        reader = writer.per_document_reader()
        scorable = [name for name, field in fields if field.scorable]
        lengths = _Lengths(reader, scorable, writer.docnum)
        reader.close()
        writer.fieldwriter.add_postings(writer.schema, lengths, writer.pool.iter_postings())
        writer.fieldwriter.close()
        if sidecar:  # before `_close_segment` empties the pool
            field_lengths = lengths._lengths.get(sidecar) or [0] * writer.docnum
            segment_id = writer.get_segment().segment_id()
            write_sidecar(path, segment_id, sidecar, writer.pool._terms, field_lengths, ids)
        writer._close_segment()
        writer._assemble_segment()
        segment = writer.get_segment()
    except BaseException:
        writer.cancel()
        raise
    writer._finish()
    ix.close()
    return segment


def _child(
    conn: Any, path: Path, rows: list[Any], prepare: Callable[[Any], dict[str, Any]], sidecar: str | None
) -> None:
    try:
        conn.send(("ok", _segment(path, rows, prepare, sidecar)))
    except BaseException:
        conn.send(("error", traceback.format_exc()))
    finally:
        conn.close()


def write_generation(
    path: Path,
    schema: Schema,
    rows: list[Any],
    prepare: Callable[[Any], dict[str, Any]],
    procs: int | None = None,
    sidecar: str | None = None,
) -> int:
    """A new index at `path` holding `rows` in order, each as the whoosh fields `prepare(row)` (text fields may
    be lists of analysed terms; prepared in the process that writes the row). With `procs` > 1 and enough rows, forked processes write the first segments and this one the
    last; the index lists them in order. `sidecar`: a field to write numpy postings of, per segment (ADR 0099).
    Returns the number of segments."""
    procs = default_procs() if procs is None else max(1, procs)
    if len(rows) < PARALLEL_FROM or multiprocessing.current_process().daemon:  # a daemon may not fork
        procs = 1
    ix = windex.create_in(str(path), schema)
    size = -(-len(rows) // procs) if rows else 0
    chunks = [rows[i : i + size] for i in range(0, len(rows), size)] if rows else []
    children = []
    ctx = multiprocessing.get_context("fork")  # the rows are inherited, not pickled
    try:
        for chunk in chunks[:-1]:
            receive, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_child, args=(send, path, chunk, prepare, sidecar), daemon=True)
            proc.start()
            send.close()
            children.append((proc, receive))
        last = _segment(path, chunks[-1], prepare, sidecar) if chunks else None
        segments = []
        for proc, receive in children:
            status, value = receive.recv()
            proc.join()
            if status != "ok":
                raise RuntimeError(f"zoekindex: een bouwproces faalde:\n{value}")
            segments.append(value)
    finally:
        for proc, receive in children:
            receive.close()
            if proc.is_alive():
                proc.kill()
                proc.join()
    if last is not None:
        segments.append(last)
    writer = ix.writer()  # the index lock, and the table of contents that lists the segments
    writer._close_segment()
    writer._commit_toc(segments)
    writer._finish()
    ix.close()
    return len(segments)
