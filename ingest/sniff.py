"""What kind of file is this, and how is its text encoded? One place, used by every file-reading importer.

Decided on a SAMPLE (the first 64 KB, or the first 64 KB that holds a non-ASCII byte), never on the whole
file: a 50 MB file of junk is refused after reading 64 KB, and a good file is then read as a stream.

- Not text at all (a zip or .xlsx renamed .csv, a PDF, an old .xls, random bytes): FileRejected, with what it
  looks like and what to do.
- A byte-order mark decides: UTF-8 (with BOM), UTF-16 LE/BE, UTF-32.
- UTF-8 without BOM when the sample decodes as UTF-8. A few stray bytes that are not UTF-8 in an otherwise
  UTF-8 file (one cp1252 `é` pasted in) do NOT flip the file to cp1252: the file is read as UTF-8, the stray
  byte is read as the Windows-1252 character it most likely is and that row gets a warning (`repair_row`).
- Otherwise the sample goes to charset-normalizer (a library made for this); when it is not sure (no answer,
  or a messy one), the file is refused with a Dutch message: save it as "CSV UTF-8" and try again. Western
  single-byte answers are read as Windows-1252, what Excel, LRK and DUO write.

ADR 0070.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import FileRejected

SAMPLE = 64 * 1024
CHUNK = 1024 * 1024
DETAIL_LIMIT = 100  # bad rows reported one by one; beyond this one line with the count
_WESTERN = {
    "ascii", "utf_8", "cp1252", "latin_1", "iso8859_15", "iso8859_1", "mac_roman", "cp850", "cp437",
    "windows_1252", "iso8859_9", "cp1254", "cp1250", "iso8859_2",
}  # fmt: skip
ESCAPED = _ESCAPED = re.compile("[\udc80-\udcff]")  # stray bytes after surrogateescape
_HIGH = re.compile(rb"[\x80-\xff]")
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f]")
_MAGIC = (
    (b"%PDF", "een PDF; gebruik `kaart ingest document` voor een beleidsstuk"),
    (b"\xd0\xcf\x11\xe0", "een oud Excel-bestand (.xls); sla het op als .xlsx of als CSV UTF-8"),
    (b"\x1f\x8b", "een gzip-bestand; pak het eerst uit"),
    (b"\x89PNG", "een afbeelding (PNG)"),
    (b"\xff\xd8\xff", "een afbeelding (JPEG)"),
)  # fmt: skip
_SAVE_AS = 'Sla het bestand op als "CSV UTF-8" (Excel: Opslaan als → CSV UTF-8) en probeer opnieuw.'


@dataclass(frozen=True)
class Encoding:
    codec: str  # Python codec name
    label: str  # for people
    stray_as_cp1252: bool = False  # UTF-8 read with surrogateescape: stray bytes repaired per row


UTF8 = Encoding("utf-8-sig", "UTF-8")


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text without a BOM shows as a zero byte in every other position (ASCII letters)."""
    even, odd = sample[0::2], sample[1::2]
    if len(sample) < 4:
        return None
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _is_utf8(sample: bytes, complete: bool) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=complete)
        return True
    except UnicodeDecodeError:
        return False


def _mostly_utf8(sample: bytes) -> bool:
    """Valid multi-byte UTF-8 sequences outnumber the bytes that are not UTF-8: a UTF-8 file with strays."""
    text = sample.decode("utf-8", errors="surrogateescape")
    stray = len(_ESCAPED.findall(text))
    multibyte = sum(1 for c in text if c >= "\u0080" and not ("\udc80" <= c <= "\udcff"))
    return multibyte > 0 and multibyte >= stray


def _binary(sample: bytes) -> bool:
    """Control characters that text files do not have (NUL, bell, escape …) in more than 1% of the sample."""
    return len(_CONTROL.findall(sample)) > max(1, len(sample) // 100)


def decide(sample: bytes, *, complete: bool, name: str = "") -> Encoding:
    """The encoding of a file from a sample of it (`complete`: the sample is the whole file); FileRejected
    when the sample is not text or the encoding is not certain."""
    if sample.startswith(b"PK\x03\x04"):  # a zip: an .xlsx with another name has its workbook inside
        excel = b"xl/" in sample or b"[Content_Types].xml" in sample
        raise FileRejected(
            "dit is geen tekstbestand maar een Excel-bestand (.xlsx) met een andere naam; geef het de naam "
            "….xlsx en gebruik `kaart ingest xlsx`"
            if excel
            else "dit is geen tekstbestand maar een zip-bestand; pak het zip-bestand eerst uit",
            name,
        )
    for magic, what in _MAGIC:
        if sample.startswith(magic):
            raise FileRejected(f"dit is geen tekstbestand maar {what}", name)
    if sample.startswith(codecs.BOM_UTF32_LE) or sample.startswith(codecs.BOM_UTF32_BE):
        return Encoding("utf-32", "UTF-32")
    if sample.startswith(codecs.BOM_UTF8):
        return Encoding("utf-8-sig", "UTF-8 (met BOM)", stray_as_cp1252=True)
    if sample.startswith(codecs.BOM_UTF16_LE) or sample.startswith(codecs.BOM_UTF16_BE):
        return Encoding("utf-16", "UTF-16")
    codec = _utf16_without_bom(sample) if b"\x00" in sample else None
    if codec:
        return Encoding(codec, "UTF-16")
    if _binary(sample):  # a stray NUL in one cell is that row's problem (ingest/screen.py), not the file's
        raise FileRejected("dit is geen tekstbestand (het bevat binaire gegevens)", name)
    if _is_utf8(sample, complete):
        return Encoding("utf-8-sig", "UTF-8", stray_as_cp1252=True)
    if _mostly_utf8(sample):
        return Encoding("utf-8-sig", "UTF-8", stray_as_cp1252=True)
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if (
        best is not None
        and best.chaos <= 0.2
        and codecs.lookup(best.encoding).name.replace("-", "_") in _WESTERN
    ):
        return Encoding("cp1252", "Windows-1252")
    # a Dutch text has few accented letters, and a short sample of it fits many code pages: what matters is
    # whether Windows-1252 reads it cleanly (no mess of accents, as cp1252 makes of Cyrillic or of UTF-16)
    western = from_bytes(sample, cp_isolation=["cp1252"]).best()
    if western is None or western.chaos > 0.1:
        found = f" (het lijkt {best.encoding})" if best is not None else ""
        raise FileRejected(f"de tekencodering is niet met zekerheid vast te stellen{found}. {_SAVE_AS}", name)
    return Encoding("cp1252", "Windows-1252")


def _sample(fh: io.BufferedReader) -> tuple[bytes, bool]:
    """The first 64 KB; when that is all ASCII, the first 64 KB from the first non-ASCII byte on (read in
    1 MB chunks, so memory stays bounded whatever the size of the file)."""
    head = fh.read(SAMPLE)
    if len(head) < SAMPLE:
        return head, True
    if _HIGH.search(head) or b"\x00" in head or _binary(head):
        return head, False
    while True:
        chunk = fh.read(CHUNK)
        if not chunk:
            return head, False  # ASCII throughout: any ASCII-compatible reading is right
        found = _HIGH.search(chunk)
        if found:
            at = found.start()
            return head[:256] + chunk[max(0, at - 256) : at + SAMPLE], False


def sniff(path: Path) -> Encoding:
    """The encoding of the file at `path` (FileRejected when it is not text or not certain)."""
    path = Path(path)
    with path.open("rb") as fh:
        sample, complete = _sample(fh)
    return decide(sample, complete=complete, name=path.name)


def open_text(path: Path) -> tuple[io.TextIOWrapper, Encoding]:
    """A text stream of the file (newline='' for csv) and its encoding; stray bytes in UTF-8 come out as
    surrogate escapes, to be repaired and reported per row with `repair_row`."""
    enc = sniff(path)
    errors = "surrogateescape"
    raw = Path(path).open("rb")  # noqa: SIM115 - the caller closes the returned stream
    stream = io.TextIOWrapper(raw, encoding=enc.codec, errors=errors, newline="")
    return stream, enc


MAX_LINE = 1024 * 1024  # no sheet has a line this long; a file that does is not a table


def lines(stream: io.TextIOWrapper, name: str = "") -> Iterator[str]:
    """The lines of a text stream, each at most MAX_LINE characters (FileRejected beyond): a file without
    line breaks is refused after 1 MB instead of being read into memory whole."""
    while True:
        line = stream.readline(MAX_LINE)
        if not line:
            return
        if len(line) >= MAX_LINE and not line.endswith(("\n", "\r")):
            raise FileRejected("dit is geen tabel: een regel is langer dan 1 MB", name)
        yield line


def read_text(path: Path, *, limit: int = 20 * 1024 * 1024) -> tuple[str, list[str]]:
    """The whole text of a small file (YAML, a document) and the problems found; FileRejected above `limit`."""
    path = Path(path)
    if path.stat().st_size > limit:
        raise FileRejected(f"het bestand is groter dan {limit // (1024 * 1024)} MB", path.name)
    stream, enc = open_text(path)
    with stream:
        text = stream.read()
    return repair(text, enc)


def decode_bytes(raw: bytes, name: str = "") -> str:
    """Bytes already in memory (small files) to text, by the same rules; stray bytes repaired silently."""
    enc = decide(raw[:SAMPLE] if len(raw) > SAMPLE else raw, complete=len(raw) <= SAMPLE, name=name)
    try:
        return raw.decode(enc.codec)  # the common case: clean, no repair pass
    except UnicodeDecodeError:
        return repair(raw.decode(enc.codec, errors="surrogateescape"), enc)[0]


def repair(text: str, enc: Encoding) -> tuple[str, list[str]]:
    """Text with its stray bytes replaced: in a UTF-8 file by the Windows-1252 character they most likely are,
    otherwise by U+FFFD; and one problem per kind of stray byte, in Dutch."""
    if not _ESCAPED.search(text):
        return text, []
    problems: list[str] = []

    def fix(m: re.Match[str]) -> str:
        byte = bytes([ord(m.group()) - 0xDC00])
        guess = byte.decode("cp1252", errors="replace") if enc.stray_as_cp1252 else "\ufffd"
        problems.append(
            f"teken 0x{byte.hex().upper()} is geen {enc.label}; gelezen als {guess!r} (Windows-1252), controleer"
            if guess != "\ufffd"
            else f"teken 0x{byte.hex().upper()} is geen {enc.label}; vervangen door '\ufffd'"
        )
        return guess

    return _ESCAPED.sub(fix, text), sorted(set(problems))


def repair_row(values: list[str], enc: Encoding) -> tuple[list[str], list[str]]:
    """`repair` per cell of a CSV row: the cells and the row's problems."""
    if not _ESCAPED.search("".join(values)):  # the common case, one search per row
        return values, []
    problems: list[str] = []
    out = []
    for v in values:
        if _ESCAPED.search(v):
            v, found = repair(v, enc)
            problems.extend(found)
        out.append(v)
    return out, sorted(set(problems))


class Problems:
    """Row problems of the reader, the first DETAIL_LIMIT in detail and then only counted: a file with a bad
    byte on every line gives a readable report, not a million lines."""

    def __init__(self, limit: int = DETAIL_LIMIT) -> None:
        self.limit = limit
        self.detail: list[tuple[int, str]] = []
        self.more = 0

    def add(self, row: int, reason: str) -> None:
        if len(self.detail) < self.limit:
            self.detail.append((row, reason))
        else:
            self.more += 1

    def __iter__(self) -> Iterator[tuple[int, str]]:
        yield from self.detail
        if self.more:
            yield (
                0,
                f"nog {self.more} rijen met een onleesbaar teken (alleen de eerste {self.limit} staan hier)",
            )
