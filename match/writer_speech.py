"""Another's words are not the writer's: reported speech stands apart from who writes (tester22 N-F, ADR 0178).

Why: "Het buurmeisje van 6 heeft steeds blauwe plekken en zegt dat mama boos was. Ik maak me zorgen." got a "je"
page and the child's box ("Ben je thuis niet veilig? … Je mag zelf bellen"): the child cue "mama" (labels-inwoner.yaml
`child_speaker.cues`) was read in what the neighbour girl SAID. "papa" and "mama" inside reported speech are the
words of the one who speaks. A clause after a verb of saying ("zegt dat", "vertelde me dat", "riep: …") whose subject
is not the writer, and a quote opened after such a verb, are set apart: the cue lists and the "who is typing" model
(match/writer.py `by_what`) read the rest. The writer's own saying stays ("ik zei tegen mama dat …", "zeg ik"), and
the reporter stays: "papa zegt dat ik stom ben" keeps the child's "papa"; "mijn juf zegt dat …" keeps "mijn juf".
Data: ontology/writer-acts.yaml `reported_speech`.

Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

from collections.abc import Sequence

from match.writer_acts import _list

APART = "…"  # the token that stands for a word of reported speech (no cue, no feature the model knows)
QUOTES = frozenset({"'", '"', "„", "“", "”", "‘", "’", "«", "»"})
CLAUSE_END = frozenset({".", "!", "?", ";", ",", "\n"})
SUBJECT_REACH = 1  # "ik zei", "zei ik": the writer right next to the verb is its subject
OPEN_REACH = 4  # "zegt (tegen mij) dat", "riep (vanochtend) '…'": the opening this close after the verb


def _verbs() -> frozenset[str]:
    return frozenset(_list("reported_speech", "verbs"))


def _writers() -> frozenset[str]:
    return frozenset(_list("reported_speech", "writer"))


def _opens() -> frozenset[str]:
    return frozenset(_list("reported_speech", "opens"))


def _by_writer(words: Sequence[str], i: int) -> bool:
    """The verb of saying at `i` has the writer as its subject ("ik zei", "zei ik", "we vertelden")."""
    near = words[max(0, i - SUBJECT_REACH) : i] + words[i + 1 : i + 1 + SUBJECT_REACH]
    return not _writers().isdisjoint(near)


def _opening(words: Sequence[str], i: int) -> int:
    """The index where the reported words begin after the verb at `i` ("dat", ":", a quote), or -1."""
    for j in range(i + 1, min(len(words), i + 1 + OPEN_REACH)):
        w = words[j]
        if w in _opens() or w in QUOTES or w == ":":
            return j + 1
        if w[:1] in QUOTES:  # "'mama" kept whole by the tokenizer: the quote opens on this word
            return j
        if w in CLAUSE_END:
            return -1
    return -1


def _end(words: Sequence[str], start: int, quoted: bool) -> int:
    """Where the reported words end: the closing quote of a quote, else the end of the clause (a full stop, a
    comma, "maar", or "en" before the writer or "dan": "papa zegt dat ik stom ben en dan slaat hij me")."""
    ends = frozenset(_list("reported_speech", "ends"))
    writers = _writers() | {"dan"}
    for j in range(start, len(words)):
        w = words[j]
        if quoted:
            if w in QUOTES or (j > start and w[-1:] in QUOTES):
                return j
            continue
        if w in CLAUSE_END or w in ends or (w == "en" and j + 1 < len(words) and words[j + 1] in writers):
            return j
    return len(words)


def reported_apart(words: Sequence[str], only: frozenset[str] | None = None) -> list[str]:
    """The words with those of another's reported speech replaced by APART: after a verb of saying whose subject
    is not the writer, from its "dat", colon or opening quote to the end of the clause or the closing quote. With
    `only`, just those words are set apart (the writer model reads the writer's style in the rest of the clause)."""
    out = list(words)
    verbs = _verbs()
    i = 0
    while i < len(out):
        if out[i] in verbs and not _by_writer(out, i):
            start = _opening(out, i)
            if start > 0:
                end = _end(out, start, out[start - 1] in QUOTES or out[start][:1] in QUOTES)
                out[start:end] = [
                    APART if only is None or w.strip("'\"") in only else w for w in out[start:end]
                ]
                i = end
                continue
        i += 1
    return out


def parent_words() -> frozenset[str]:
    """The parent words a child uses (writer-acts.yaml `young.bare_parents`): what the writer model must not read in
    another's reported speech."""
    return frozenset(_list("young", "bare_parents"))
