"""The asker's own age written without "ik" (issue 12 class E, ADR 0128).

"ben 17 en heb via een vriend een abbo afgesloten", "17 jaar hier", "(17) mijn ouders ...", "ik (17)", "m17",
"17j", "ik ben een meid van 16": chat and teen style drop the pronoun, so match/ages.py did not know the age was
the asker's and an adults-only service (schuldhulp 18+) stayed a fit. The words are data
(ontology/levensfasen.yaml `asker_age`); this module only says which offsets hold the asker's age.

Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from match.words import fold

LEVENSFASEN_FILE = Path(__file__).resolve().parents[1] / "ontology" / "levensfasen.yaml"
_CLAUSE_END = re.compile(r"[.!?;:\n(),\-]")


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(LEVENSFASEN_FILE.read_text(encoding="utf-8"), Loader=loader) or {}
    return data.get("asker_age") or {}


def _alts(key: str) -> str:
    words = sorted({fold(str(w)) for w in _data().get(key) or ()}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in words) or "(?!)"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(short forms "m17"/"17j", self noun before "van N", greeting-only clause, "hier" after)."""
    sex, unit = _alts("sex_letters"), _alts("age_letters")
    short = re.compile(
        rf"(?<![\w/])(?:(?:{sex})\s?/?\s?([1-9]\d)|([1-9]\d)\s?/?\s?(?:{sex}|(?:{unit})(?![a-z])))(?![\w/])"
        rf"|(?<![\w\s])\s*\(\s*([1-9]\d)\s*(?:(?:{unit})(?![a-z]))?\s*\)",  # "(17) mijn ouders"
        re.IGNORECASE,
    )
    noun = re.compile(rf"\b(?:ben|als)\s+(?:een\s+)?(?:[^\W\d_]+\s+)?(?:{_alts('self_nouns')})\s*$")
    greeting = re.compile(rf"^(?:\s|[,!]|\b(?:{_alts('greetings')})\b)*$")
    here = re.compile(rf"^\s*(?:jaar|jr\.?|j)?\s*\)?\s*(?:{_alts('here_words')})\b")
    return short, noun, greeting, here


def _clause_before(text: str, start: int) -> str:
    """The folded text from the start of the clause up to `start`."""
    cut = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    return fold(text[cut:start])


def own_age(text: str, start: int, end: int, lead: str = "") -> bool:
    """True when the age found at [start, end) is the asker's without an "ik" next to it: "ben 17" (only the
    asker is "ben"), an age that opens a clause or follows a greeting ("(17) mijn ouders", "hoi, 17 jaar hier"),
    an age followed by "hier", "ik ben een meid van 16"."""
    _, noun, greeting, here = _patterns()
    lead = fold(lead).strip()
    if lead.split()[:1] == ["ben"]:
        return True
    before = _clause_before(text, start)
    if noun.search(before):
        return True
    if here.match(fold(text[end : end + 12])):
        return True
    return lead[:1].isdigit() and bool(greeting.match(before))


def residence(text: str, start: int, end: int) -> bool:
    """ "2 jaar in aalten", "ik ben 3 jaar in Nederland": how long someone lives in a place, not their age
    (levensfasen.yaml `asker_age.residence_after`, `not_a_place`; tester12 I11, ADR 0138). "van 12 jaar in Aalten"
    stays an age, and so does "5 jaar in groep 2"."""
    lead = fold(text[start:end]).split()
    if not lead or lead[0] == "van" or lead[-1] not in {"jaar", "jr", "jr."}:
        return False
    after = [w.strip(".,;:!?)") for w in fold(text[end : end + 40]).split()[:2]]
    places = {fold(str(w)) for w in _data().get("residence_after") or ()}
    stops = {fold(str(w)) for w in _data().get("not_a_place") or ()}
    return len(after) == 2 and after[0] in places and bool(after[1]) and after[1] not in stops


def short_forms(text: str) -> list[tuple[int, int, int]]:
    """(start, end, age) of "m17", "v/16", "17j", "17jr": the writer's own age when it opens a clause, follows
    "ik" or a greeting, or stands before "hier"; any other short form is someone's age (not the asker's)."""
    short, *_ = _patterns()
    return [(m.start(), m.end(), int(m.group(1) or m.group(2) or m.group(3))) for m in short.finditer(text)]


def asker_at(text: str, start: int, end: int) -> bool:
    """A short form or a bracketed age ("ik (17)", "(17) ...") placed as the asker's own."""
    _, _, greeting, here = _patterns()
    before = _clause_before(text, start).rstrip(" (")
    words = before.split()
    if words and (words[-1] in {"ik", "'k"} or words[-3:-1] == ["ik", "ben"]):
        return True  # "ik (17)", "ik ben Sam (17)"
    return bool(greeting.match(before)) or bool(here.match(fold(text[end : end + 12])))


_QUOTE = re.compile(
    r"(?:^|(?<=[\s:(]))['\"\u201c\u2018\u201e]([^'\"\u201c\u201d\u2018\u2019\u201e\n]{3,}?)['\"\u201d\u2019](?=[\s.,!?;:)]|$)"
)


def quoted(text: str) -> list[tuple[int, int]]:
    """[start, end) of the words someone is quoted saying ("mijn dochter roept 'ik ga dood als ...'"): an "ik"
    inside is the one quoted, not the asker (ADR 0128). Not "'s avonds", "zo'n" (no closing quote before a space)."""
    return [(m.start(1), m.end(1)) for m in _QUOTE.finditer(text)]


def young_writer(tokens: list[str], source_dir: Any = None) -> tuple[int, int, int, bool] | None:
    """(min, max, typical, guessed) age of a writer whose words are a child's (labels-inwoner.yaml
    `child_speaker`, the same cues that choose "je") and no adult's (ADR 0128); without a cue either way, when the
    "who is typing" model is sure with a word of a young person's own life (match/writer.py, ADR 0131: `guessed`,
    the ages then serve the doelgroep fit only, not a need of growing up); None otherwise."""
    from match import writer
    from ontology.inwoner import load_inwoner_labels  # the resident labels, cached per directory

    how = writer.by_what(tokens, load_inwoner_labels(source_dir), writer.AGE_THRESHOLD, ages=True)
    band = _young_band()
    if how is None or not band[0] <= band[2] <= band[1]:
        return None
    return (*band, how == "words")


@lru_cache(maxsize=1)
def _all() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(LEVENSFASEN_FILE.read_text(encoding="utf-8"), Loader=loader) or {}


@lru_cache(maxsize=1)
def _young_band() -> tuple[int, int, int]:
    band = _all().get("young_writer") or {}
    return int(band.get("min_age", 8)), int(band.get("max_age", 17)), int(band.get("typical_age", 12))


def without_a_child(hits: list[Any], people: list[Any]) -> None:
    """Drop (in place) the hits of levensfasen.yaml `needs_a_child` when the asker's own age is read as an adult's,
    everyone named is an adult and another need remains: "ik ben 45, mijn ouders maken veel ruzie" is no question
    about growing up (tester8 T1, ADR 0128). `people`: match.ages.Person."""
    drop = frozenset(_all().get("needs_a_child") or ())
    own = [p for p in people if p.asker and p.typical is not None]
    if not own or any(p.lo < 18 for p in people) or not any(h.theme_id in drop for h in hits):
        return
    kept = [h for h in hits if h.theme_id not in drop]
    if any(not h.negated for h in kept):
        hits[:] = kept


def as_the_child(hits: list[Any], people: list[Any]) -> None:
    """Replace (in place) a parent's need by the young asker's own: when the asker is a child or teenager and no
    other child is named, "mijn ouders zeggen dat ik verslaafd ben" is no question about raising a child but about
    growing up (levensfasen.yaml `young_asker_needs`: opvoeding -> opvoeden-opgroeien; questions7 class G, a553,
    ADR 0131). A teenage mother ("ik ben 17 en mijn baby …") names a child and keeps hers. `people`: Person."""
    swap = {str(k): str(v) for k, v in (_all().get("young_asker_needs") or {}).items()}
    askers = [p for p in people if p.asker]
    if not swap or not askers or not all(p.child for p in askers):
        return
    if any(not p.asker and p.lo < 18 for p in people):
        return  # a child named besides the asker: a sibling's or the asker's own child's upbringing
    hits[:] = [dataclasses.replace(h, theme_id=swap[h.theme_id]) if h.theme_id in swap else h for h in hits]
