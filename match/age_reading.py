"""Who is how old in a text: the one reader of ages (helper fix15, ADR 0153).

Why: ages were read in four places, each with its own copy of "a number, maybe a unit, not a duration": the ages of
a question (match/ages.py, on the text), the age right after a noun and an age told in a clause of its own (the
harm reading, ADR 0142/0148, on the words) and the ages that tell an older victim (match/signals.py `VictimAge`,
ADR 0101). A fix in one ("4 jaar samen" is no age, "2,5 jaar" is not five) did not reach the others. This module
reads them all and returns plain frozen records, `AgeMention`: the person word, the age or age band, the span and
how sure it is. The callers keep their own word lists (data in levensfasen.yaml, words.yaml and safety.yaml): the
lists differ on purpose ("10 euro" is no victim's age, while the harm reading only asks right after a person).

- `in_text(text)`: the ages of a question, on the text (character offsets): "dochter van 15", "Moeder (34)",
  "kinderen van 6 en 8", "ik ben 15 jaar", "zes jaar oud", "(4, 9 en 13)", "m17"; not a duration ("al 2 jaar
  thuis", "3 jaar geleden"), a count of children ("moeder van 2") or the decimals of "2,5 jaar".
- `word_ages(tokens)`: the typical age of an age word (words.yaml `relative_ages`: peuter, kleuter, puber, tiener,
  bejaard).
- `TokenAges`: on the pipeline's words (token offsets): `after` (an age right after a noun: "(2)", "van twee",
  "van 18 maanden"), `stated` (a number after one of `before`, "80-jarige", and the band words), and `told` (an age
  told in a clause of its own: "…, hij is 3").

Privacy: the text is read in memory only; nothing here keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from match import asker_age as asker_forms
from match.pet_ages import without_pets
from match.words import fold, relation_ages, relative_ages, word_set

LEVENSFASEN_FILE = Path(__file__).resolve().parents[1] / "ontology" / "levensfasen.yaml"

STATED, WORD, TOLD = "getal", "woord", "eigen-zin"  # how sure: a number told, an age word, a later clause


@dataclass(frozen=True)
class AgeMention:
    """One age told in a text: whose (`person`, the word it is told with; "ik" for the asker; "" when not known),
    how old (`lo`..`hi` years, inclusive; `hi` None: no upper bound), where (`start`, `end`: character offsets for
    `in_text`, word offsets for `TokenAges`) and how sure (`sure`: a number, an age word, a later clause)."""

    person: str
    lo: float
    hi: float | None
    start: int
    end: int
    sure: str = STATED
    asker: bool = False
    group: int = 0  # the ages of one list ("kinderen van 6 en 8") share a group

    @property
    def age(self) -> float | None:
        """The one age, when the mention gives one (not a band)."""
        return self.lo if self.hi == self.lo else None


# -- on the text -------------------------------------------------------------------------------------------------

AGE = re.compile(
    r"\b(?:van|is|wordt|werd|ben|zijn)\s+(\d{1,3})(?![-+/])(?:\s*(?:jaar|jr))?\b|\b(\d{1,3})\s*(?:jaar|jr|-jarige|jarige)\b",
    re.IGNORECASE,
)
# "kinderen van 6 en 8", "van 4, 7 en 11": the ages after the first one of a list (not "40 en 2 kinderen")
MORE_AGES = re.compile(
    r"(?:\s*,\s*\d{1,2})*\s*(?:en|&)\s*\d{1,2}(?![\d+/-])(?!\s*(?:kind|zoon|zonen|dochter|kids|jongen|meisje|keer|uur"
    r"|dag|week|weken|maand|euro))",
    re.IGNORECASE,
)
NUMBER = re.compile(r"\d{1,2}")
# "ik word volgende maand 18", "over twee weken word ik 18", "ze wordt in maart 12": a birthday to come, so one year
# younger now (dev s534 as a class, ADR 0167). A time word between the verb and the number, or the subject after it.
TURNING = (
    r"\b(?:word|wordt)\s+(?P<who>ik\s+|hij\s+|ze\s+|zij\s+|je\s+)?"
    r"(?:(?:volgende|komende|deze|dit|over\s+een|na\s+de)\s+\w+|over\s+(?:\d{{1,2}}|{names})\s+\w+|in\s+[^\W\d_]+"
    r"|straks|bijna|binnenkort|morgen|overmorgen|vandaag|zo|snel)?\s*(?P<n>\d{{1,2}}|{names})(?!\d|[,.]\d)"
    r"(?:\s*(?:jaar|jr))?\b"
    # "als ik straks 18 word", "als hij 12 wordt": the verb after the number, a subject before
    r"|\b(?P<who2>ik|hij|ze|zij|je)\s+(?:straks\s+|bijna\s+|binnenkort\s+|eenmaal\s+|dan\s+)?"
    r"(?P<n2>\d{{1,2}}|{names})(?:\s+jaar)?\s+(?:word|wordt)\b"
)
# "Ze is twee.", "hij is net 3", "ze is pas twee maar ...": a pronoun's age with a little word between or a number
# word without "jaar" (lay21, ADR 0167); only at a clause end or before "maar/en/jaar", so "het is twee uur" and
# "hij is net 3 dagen thuis" stay no age.
PRONOUN_IS = (
    r"\b(?P<who>hij|ze|zij)\s+is\s+(?:(?:pas|net|al|bijna|nog\s+maar|maar)\s+)?(?P<n>\d{{1,2}}|{names})"
    r"(?=\s*(?:[.,!?;)]|$|\s(?:maar|en|jaar|jr|hoor|nog)\b))"
)
# "Moeder (34)", "zoon (9 jaar)": an age in brackets right after a word
BRACKET_AGE = re.compile(r"\b([^\W\d_]+)\s*\((\d{1,3})(?:\s*(?:jaar|jr\.?))?\)", re.IGNORECASE)
# "drie kinderen (4, 9 en 13)": a list of ages in brackets after a word, one group (ADR 0120)
BRACKET_LIST = re.compile(
    r"\b[^\W\d_]+\s*\((\d{1,2}(?:\s*,\s*\d{1,2})*\s*(?:,|en|&)\s*\d{1,2})(?:\s*(?:jaar|jr\.?))?\)",
    re.IGNORECASE,
)
DECIMALS = re.compile(r"\d[,.]$")  # "2,5 jaar": the 5 is a decimal, not an age of its own
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")

RELATIONS = relation_ages()
DURATION_BEFORE = word_set("duration-before")  # "al 2 jaar thuis", "sinds 3 jaar"
DURATION_AFTER = word_set("duration-after")  # "5 jaar geleden"
MONTHS = word_set("months")
CHILD_NOUNS = word_set("child-nouns")


@lru_cache(maxsize=1)
def levensfasen() -> dict[str, Any]:
    """ontology/levensfasen.yaml, read once."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(LEVENSFASEN_FILE.read_text(encoding="utf-8"), Loader=loader) or {}


@lru_cache(maxsize=1)
def _count_after() -> frozenset[str]:
    return frozenset(fold(str(w)) for w in levensfasen().get("count_after") or ())


def in_months(text: str, m: re.Match[str]) -> bool:
    """ "een baby van 4 maanden": weeks or months, so under a year old."""
    after = fold(text[m.end() :]).split()[:1]
    return bool(after) and after[0].strip(".,;:!?)") in MONTHS  # "van 7 maanden, ..." too


def _months_then_end(rest: str) -> bool:
    """ "14 maanden en ...", "8 maanden oud", "6 weken.": weeks or months that end the clause are an age."""
    words = fold(rest).split()
    if len(words) < 2 or words[0] not in MONTHS:
        return len(words) == 1 or (bool(words) and words[0] != words[0].strip(".,;:!?)"))
    return words[1] in {"en", "oud", "maar"}


def is_duration(text: str, m: re.Match[str]) -> bool:
    """A number of years that is a duration ("al 2 jaar thuis", "3 jaar geleden", "2 jaar in aalten"), not an age."""
    after = fold(text[m.end() :]).split()[:1]
    if m.group(1) and after and after[0] in MONTHS and not m.group(0).lower().startswith("van"):
        # "ik ben 30 weken zwanger", "hij is 3 weken ziek": a time; "een baby van 4 maanden" is an age, and so is
        # "onze zoon is 14 maanden en ...", "is 8 maanden oud", "is 6 weken." (a clause end, lay21, ADR 0167)
        return not _months_then_end(text[m.end() :])
    if asker_forms.residence(text, *m.span()):  # how long one lives somewhere (ADR 0138)
        return True
    if m.group(1):  # "van 15", "is 15", "ben 78": an age, but "dat is 30 jaar geleden" is a time ago
        # and "we zijn 12 jaar getrouwd" a time together (tester17); "ik ben 16 jaar thuis …" stays an age
        ago = {w.strip(".,;:!?") for w in after} & ((DURATION_AFTER - {"thuis", "ziek"}) | {"terug"})
        return m.group(0).lower().endswith(("jaar", "jr")) and bool(ago)
    before = fold(text[: m.start()]).split()[-1:]
    return bool(set(before) & DURATION_BEFORE or set(after) & DURATION_AFTER)


def _a_count(text: str, m: re.Match[str], value: int) -> bool:
    """ "moeder van 2", "vader van drie": how many children, not an age (a small number, no "jaar")."""
    before = fold(text[max(0, m.start() - 20) : m.start()]).split()[-1:]
    lead = m.group(0).lower()
    return (
        lead.startswith("van") and value < 12 and "j" not in lead[3:] and bool(set(before) & _count_after())
    )


def asker_form(text: str, start: int, lead: str) -> bool:
    """ "ik ben 15", "ik zit in groep 8", "ik ben met pensioen": the age is the asker's own."""
    before = fold(text[max(0, start - 24) : start]).split()[-3:]
    if "ik" in before and any(w in CHILD_NOUNS or w in RELATIONS for w in before[before.index("ik") + 1 :]):
        return False  # "ik heb kinderen van 4, 9 en 13": their ages, not the asker's (ADR 0120)
    return "ik" in before or (lead.startswith("ben") and bool(before) and before[-1] in {"ik", "'k"})


@lru_cache(maxsize=1)
def _number_words() -> tuple[re.Pattern[str], dict[str, int]]:
    """Ages written as words (levensfasen.yaml `number_words`): after "van" or in a list, "is/ben zes jaar", "zes
    jaar oud"; not "ik woon twee jaar in Nederland" (a time)."""
    data = levensfasen()
    words = {fold(str(k)): int(v) for k, v in (data.get("number_words") or {}).items()}
    nouns = "|".join(re.escape(fold(str(w))) for w in data.get("not_after_a_number") or ())
    names = "|".join(sorted(words, key=len, reverse=True)) or "(?!)"
    pattern = re.compile(
        rf"(?:(?<=\bvan\s)|(?<=\ben\s)|(?<=,\s))({names})\b(?!\s+(?:{nouns})\b)"
        rf"|(?:(?<=\bis\s)|(?<=\bben\s)|(?<=\bwordt\s))({names})(?=\s+jaar\b)|\b({names})(?=\s+jaar\s+oud\b)",
        re.IGNORECASE,
    )
    return pattern, words


@lru_cache(maxsize=1)
def _pronoun_is() -> re.Pattern[str]:
    """`PRONOUN_IS` with the number words of levensfasen.yaml ("ze is twee")."""
    names = "|".join(sorted(_number_words()[1], key=len, reverse=True)) or "(?!)"
    return re.compile(PRONOUN_IS.format(names=names), re.IGNORECASE)


@lru_cache(maxsize=1)
def _turning() -> re.Pattern[str]:
    """`TURNING` with the number words of levensfasen.yaml ("ik word in maart achttien")."""
    names = "|".join(sorted(_number_words()[1], key=len, reverse=True)) or "(?!)"
    return re.compile(TURNING.format(names=names), re.IGNORECASE)


def _digits(text: str) -> str:
    """The text with ages written as words as digits, padded to the same length (offsets stay the same)."""
    pattern, words = _number_words()
    return pattern.sub(lambda m: str(words[fold(m.group(0))]).ljust(len(m.group(0))), text)


def _person(text: str, start: int, asker: bool) -> str:
    """The word an age at `start` is told with: "ik" for the asker, else the last word before it that is no
    linking word ("dochter" of "dochter van 15", "moeder" of "Moeder (34)")."""
    if asker:
        return "ik"
    words = [fold(w) for w in WORD_RE.findall(text[max(0, start - 40) : start])]
    words = [
        w for w in words if w not in {"van", "is", "wordt", "werd", "ben", "zijn", "en"} and not w.isdigit()
    ]
    return words[-1] if words else ""


def in_text(text: str) -> tuple[AgeMention, ...]:
    """Every age of a question written as a number or a number word, in the order read (`group` per list)."""
    text = _digits(text)
    out: list[AgeMention] = []

    def add(start: int, end: int, value: int, group: int, asker: bool) -> None:
        out.append(AgeMention(_person(text, start, asker), value, value, start, end, STATED, asker, group))

    listed = -1  # the end of the last list of ages read ("van 6 en 8 jaar": the 8 is read once)
    for group, m in enumerate(AGE.finditer(text)):
        value = int(m.group(1) or m.group(2))
        if m.start() < listed or not 0 <= value <= 110 or is_duration(text, m) or _a_count(text, m, value):
            continue
        if m.group(2) and DECIMALS.search(text[: m.start(2)]):
            continue  # "2,5 jaar": the "van 2" before it is the age (ADR 0153)
        asker = asker_form(text, m.start(), fold(m.group(0))) or asker_forms.own_age(
            text, m.start(), m.end(), m.group(0)
        )  # "ben 17 en ...", "17 jaar hier", "ik ben een meid van 16" (ADR 0128)
        add(m.start(), m.end(), 0 if in_months(text, m) else value, group, asker)
        more = MORE_AGES.match(text, m.end())
        if more is not None:
            listed = more.end()
            for n in NUMBER.finditer(more.group(0)):
                add(m.end() + n.start(), m.end() + n.end(), int(n.group(0)), group, asker)
    for group, m in enumerate(_turning().finditer(text), start=len(out) + 800):
        said, who = fold(m.group("n") or m.group("n2")), fold(m.group("who") or m.group("who2") or "").strip()
        value = (int(said) if said.isdigit() else _number_words()[1][said]) - 1
        if value < 0 or any(m.start() <= o.start < m.end() for o in out):
            continue  # "wordt 18" right after the verb: the AGE pattern read it (unchanged)
        asker = who == "ik" or asker_form(text, m.start(), fold(m.group(0)))
        # the word before the verb ("dochter" of "dochter wordt ..."), or the subject before the number ("als hij 12 wordt")
        person = who if m.group("who2") and not asker else _person(text, m.start(), asker)
        out.append(AgeMention(person, value, value, m.start(), m.end(), STATED, asker, group))
    for group, m in enumerate(_pronoun_is().finditer(text), start=len(out) + 850):
        said = fold(m.group("n"))
        value = int(said) if said.isdigit() else _number_words()[1][said]
        if not any(m.start() <= o.start < m.end() for o in out):
            out.append(
                AgeMention(fold(m.group("who")), value, value, m.start(), m.end(), STATED, False, group)
            )
    for group, m in enumerate(BRACKET_LIST.finditer(text), start=len(out) + 900):
        if not any(m.start() <= o.start <= m.end() for o in out):
            for n in NUMBER.finditer(m.group(1)):
                add(m.start(1) + n.start(), m.start(1) + n.end(), int(n.group(0)), group, False)
    for group, m in enumerate(BRACKET_AGE.finditer(text), start=len(out) + 1000):
        value = int(m.group(2))
        if 0 <= value <= 110 and not any(m.start() <= o.start <= m.end() for o in out):
            add(m.start(), m.end(), value, group, asker_forms.asker_at(text, m.start(2) - 1, m.end()))
    for group, (start, end, value) in enumerate(asker_forms.short_forms(text), start=len(out) + 1100):
        before = fold(text[:start]).split()[-1:]
        if not any(start <= o.start < end for o in out) and not set(before) & DURATION_BEFORE:  # "m17", "17j"
            add(start, end, value, group, asker_forms.asker_at(text, start, end))
    return tuple(without_pets(text, out))  # "veertien jaar is ze geworden" of a dog (match/pet_ages.py)


def word_ages(tokens: Iterable[tuple[int, str]]) -> tuple[AgeMention, ...]:
    """The typical age of each age word (words.yaml `relative_ages`: "onze peuter" 2, "een tiener" 15, "bejaard"
    80) among (offset, normalised word) pairs."""
    known = _relative_ages()
    return tuple(AgeMention(w, known[w], known[w], o, o + len(w), WORD) for o, w in tokens if w in known)


@lru_cache(maxsize=1)
def _relative_ages() -> dict[str, int]:
    return relative_ages()


# -- on the pipeline's words -------------------------------------------------------------------------------------

_JARIG = re.compile(r"^(\d{2,3})-?jarige?$")


def _set(raw: Any) -> frozenset[str]:
    return frozenset(fold(str(w).lstrip("=")) for w in raw or () if str(w).strip())


@dataclass(frozen=True)
class TokenAges:
    """Ages on folded words, with the word lists of one caller (its safety.yaml block)."""

    numbers: dict[str, float] = field(default_factory=dict)  # number words: "twee" 2, "anderhalf" 1
    months: frozenset[str] = frozenset()  # "18 maanden": a twelfth of a year each
    units: frozenset[str] = frozenset()  # "jaar", "jr", "oud": read past
    durations: frozenset[str] = frozenset()  # "(4 jaar samen)", "70 jaar geleden": a time, no age
    openers: tuple[str, ...] = ("(", "van", "is", "wordt")  # the words an age after a noun may start with
    before: frozenset[str] = frozenset()  # `stated`: the words a number must follow ("van", "is", "(")
    not_after: frozenset[str] = frozenset()  # `stated`: a count, not an age ("3 kinderen", "10 euro")
    bands: tuple[tuple[frozenset[str], float, float | None], ...] = ()  # `stated`: band words, (lo, hi)

    @classmethod
    def for_agents(cls, young: dict[str, Any]) -> TokenAges:
        """The harm reading's ages (safety.yaml `agent_kinds` jong-kind: `number_words`, `months`, `age_units`,
        `durations`)."""
        months = _set(young.get("months"))
        return cls(
            numbers={fold(str(w)): float(n) for w, n in (young.get("number_words") or {}).items()},
            months=months,
            units=_set(young.get("age_units")) | months,
            durations=_set(young.get("durations")),
        )

    @classmethod
    def for_victims(cls, cfg: dict[str, Any], child_under: int, elder_from: int) -> TokenAges:
        """The victim's ages (safety.yaml `victim_age`): a number after `age_before`, "80-jarige", and the band
        words (`child_words` under `child_under`, `elder_words` from `elder_from`)."""
        return cls(
            durations=_set(cfg.get("durations")),
            before=_set(cfg.get("age_before")),
            not_after=_set(cfg.get("not_an_age_after")),
            bands=(
                (_set(cfg.get("child_words")), 0, child_under - 1),
                (_set(cfg.get("elder_words")), elder_from, None),
            ),
        )

    def number(self, w: str) -> float | None:
        """A number of up to three digits, or a number word."""
        if w.isdigit() and len(w) <= 3:
            return float(w)
        return self.numbers.get(w)

    def after(self, words: list[str], j: int, stop: int) -> AgeMention | None:
        """An age right after a noun (the noun ends at `j`): "(2)", "van 2", "van twee jaar", "van 18 maanden",
        "is 2"; not a time told after it ("(4 jaar samen)"). Its span ends after the closing bracket."""
        k = j
        if k < stop and words[k] in self.openers:
            k += 1
        n = self.number(words[k]) if k < min(stop, len(words)) else None
        if n is None:
            return None
        person = words[j - 1] if 0 < j <= len(words) else ""
        k += 1
        if k < len(words) and words[k] in self.months:
            return AgeMention(person, n / 12, n / 12, j, k + 1)
        while k < len(words) and words[k] in self.units:
            k += 1
        if k < len(words) and words[k] in self.durations:
            return None
        if k < len(words) and words[k] == ")":
            k += 1
        return AgeMention(person, n, n, j, k)

    def stated(self, words: list[str]) -> tuple[AgeMention, ...]:
        """Every number told as an age ("van 84", "(79)", "is 15", "80-jarige"; not "3 kinderen" or "70 jaar
        geleden") and every band word ("bejaarde", "peuter")."""
        out: list[AgeMention] = []
        for i, w in enumerate(words):
            m = _JARIG.match(w)
            if m:
                out.append(AgeMention("", int(m.group(1)), int(m.group(1)), i, i + 1))
                continue
            if not w.isdigit() or i == 0 or words[i - 1] not in self.before:
                continue
            after = words[i + 1 : i + 3]
            if after[:1] and after[0] in self.not_after:
                continue
            if after[:1] and after[0] in {"jaar", "jaren"} and after[1:] and after[1] in self.durations:
                continue  # "dat is 70 jaar geleden"
            person = words[i - 2] if i > 1 else ""
            out.append(AgeMention(person, int(w), int(w), i, i + 1))
        for i, w in enumerate(words):
            out += [AgeMention(w, lo, hi, i, i + 1, WORD) for band, lo, hi in self.bands if w in band]
        return tuple(out)


@dataclass(frozen=True)
class ToldAge:
    """An age told in a clause of its own for a child word (safety.yaml `phrase_guards.harm_reading.told_age`, ADR
    0148): "mijn zoon schopt als hij boos is, hij is 3", "ze is pas twee", "Hij is net 4 geworden"."""

    heads: frozenset[str]
    copulas: frozenset[str]
    fillers: frozenset[str]
    not_after: frozenset[str]

    @classmethod
    def from_config(cls, cfg: dict[str, Any] | None) -> ToldAge:
        """Compile `told_age` of the harm reading; an empty config finds nothing."""
        cfg = cfg or {}
        return cls(*(_set(cfg.get(k)) for k in ("heads", "copulas", "fillers", "not_after")))

    def find(
        self,
        words: list[str],
        head_at: int,
        genders: frozenset[str],
        pronouns: dict[str, frozenset[str]],
        ends: frozenset[str],
        other_gender: Callable[[str], str | None],
        age_at: Callable[[list[str], int], tuple[float | None, int]],
    ) -> float | None:
        """The age told for the child word at `head_at` in a later clause ("…, hij is 3"), or None.

        `genders`: the genders the head can have; `other_gender(w)`: the gender of a person word w (None if w names
        no person); `age_at(words, k)`: a number and its unit at k (`TokenAges.after` of the harm reading). A
        pronoun that starts a clause, whose gender fits, with no other fitting person named first; a copula,
        fillers ("pas", "nog maar"); a comparison or a count after the number is no age ("3 jaar ouder")."""
        if words[head_at] not in self.heads:
            return None
        for j in range(head_at + 1, len(words)):
            w = words[j]
            gender = other_gender(w)
            if gender is not None and gender in genders and j != head_at:
                return None  # another person who fits is named first: a later pronoun is theirs
            fits = pronouns.get(w)
            if fits is None or not (fits & genders) or (j > 0 and words[j - 1] not in ends):
                continue
            k = j + 1
            if k >= len(words) or words[k] not in self.copulas:
                continue
            k += 1
            while k < len(words) and words[k] in self.fillers:
                k += 1
            age, end = age_at(words, k)
            if age is None:
                continue
            if end < len(words) and words[end] in self.not_after:
                return None  # "hij is 3 jaar ouder dan ik", "3 keer"
            return age
        return None


# -- the transition to adulthood and an age on the pipeline's tokens (moved from match/parse.py, ADR 0160) -----

# "18-/18+", "18-18+", "18min/18plus": the jeugd-to-adult transition, a range of years, never someone's age 18.
TRANSITION_18 = re.compile(r"\b18\s*(?:-|min)\s*/?\s*-?\s*18\s*(?:\+|plus)", re.IGNORECASE)
TRANSITION_AGES = (16, 23)  # the years of the transition the jeugd and Wmo/Participatiewet teams share
VAN_AGE = re.compile(r"^\d{1,3}$")


def transition_ages(text: str) -> list[int]:
    """The ages of the transition named as "18-/18+" (its first and last year), or none (ADR 0104)."""
    return list(TRANSITION_AGES) if TRANSITION_18.search(text) else []


def van_age(words: list[str], i: int) -> int | None:
    """ "broertje van 7", "zoon van 34 jaar": the age in digits told with "van" at word `i`, right after a noun
    (who is in danger, match/parse.py); 0-110, no number words."""
    if i + 1 < len(words) and words[i].lower() == "van" and VAN_AGE.match(words[i + 1]):
        age = int(words[i + 1])
        return age if 0 <= age <= 110 else None
    return None
