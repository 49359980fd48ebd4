"""Where a long story asks (issue 12 points 2 and 4, tester10 class C3, ADR 0132): its sentences, the one that asks
and the focus around it. Used by the theme word model (match/themeclf.py: the setting's words weigh less, in
training and when it reads) and by the matcher (match/story.py: a need told only in the setting weighs less).

Why: a resident who writes a story of five or six sentences tells the setting first (where they live, the work,
the house, the family) and asks at the end ("... ik durf de enveloppen niet meer open te maken. Wie kan met mij
kijken?"). The sentence that asks (a question mark or an ask cue of ontology/words.yaml `ask-cues`: "wie kan",
"waar kan ik terecht", "ik weet niet waar ik moet beginnen") and the sentences just before it carry the need.
Short questions (the eval's, most residents') are no story: nothing changes for them.
"""

from __future__ import annotations

import re

from match.words import fold, word_list

STORY_MIN_WORDS = 35  # fewer words: a question, not a story; every need named counts as before
STORY_MIN_SENTENCES = 3
SETTING_WEIGHT = 0.5  # a need told only in the setting of a story (outside the focus) keeps this share
OVER_WEIGHT = 0.1  # a need told only in a clause that says it is fine or over (ADR 0147; kept, not dropped)
FOCUS_BEFORE = (
    2  # sentences before the one that asks that still belong to the ask ("dat loopt niet. Wie helpt?")
)
FOCUS_WORDS = 35  # ... and at least this many words
FOCUS_LAST = 2  # no sentence asks: the last ones are the focus
ASK_CUES = tuple(f" {fold(c)} " for c in word_list("ask-cues"))
SETTLED_CUES = tuple(f" {fold(c)} " for c in word_list("settled-cues"))
_NEGATORS = (" niet ", " geen ", " nooit ", " nergens ", " nauwelijks ", " slecht ")
_CLAUSE_END = re.compile(r"[,.!?;:\n]+|\s(?=(?:en|maar|want|omdat|terwijl|alleen)\s)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;:\n]+(?=\s|$)|\?")


def token_spans(
    tokens: list[str], bounds: frozenset[str] | set[str], start: int = 0, stop: int | None = None
) -> list[tuple[int, int]]:
    """Index ranges of the runs of `tokens[start:stop]` between boundary tokens (`bounds`), empty runs left out.

    Why: the readers that work on a token list (whose place, who is the victim) all split it into sentences or
    clauses the same way; one splitter keeps their idea of a clause the same."""
    stop = len(tokens) if stop is None else stop
    out, a = [], start
    for i in range(start, stop):
        if tokens[i] in bounds:
            if i > a:
                out.append((a, i))
            a = i + 1
    if a < stop:
        out.append((a, stop))
    return out


SENTENCE_END_TOKENS = frozenset({".", "!", "?", ";", "\n"})


def token_run(
    tokens: list[str] | tuple[str, ...],
    start: int,
    end: int,
    bounds: frozenset[str] | set[str] = SENTENCE_END_TOKENS,
) -> tuple[int, int]:
    """`tokens[start:end]` widened to the run between the boundary tokens around it: (lo, hi).

    Why: the safety readers (harm, danger and delusion frames, habits, phrase guards, a need for later) each read
    "the sentence (or clause) around this hit"; one widening keeps their idea of it the same."""
    lo, hi = start, end
    while lo > 0 and tokens[lo - 1] not in bounds:
        lo -= 1
    while hi < len(tokens) and tokens[hi] not in bounds:
        hi += 1
    return lo, hi


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, the end mark included: a question mark ends one even without a space."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[start : m.end()].strip():
            out.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def asks(sentence: str) -> bool:
    """The sentence asks for help: a question mark, or an ask cue ("kan iemand", "waar kan ik terecht")."""
    if "?" in sentence:
        return True
    padded = " " + " ".join(re.findall(r"[a-z0-9']+", fold(sentence))) + " "
    return any(c in padded for c in ASK_CUES)


def focus(text: str) -> tuple[int, int] | None:
    """The span of a long story that carries its need: the last sentence that asks and the `FOCUS_BEFORE`
    before it (and what follows it), else the last `FOCUS_LAST` sentences. None for a question that is no story."""
    if len(text.split()) < STORY_MIN_WORDS:
        return None
    spans = sentence_spans(text)
    if len(spans) < STORY_MIN_SENTENCES:
        return None
    asking = [i for i, (a, b) in enumerate(spans) if asks(text[a:b])]
    first = max(0, asking[-1] - FOCUS_BEFORE) if asking else max(0, len(spans) - FOCUS_LAST)
    while first > 0 and len(text[spans[first][0] :].split()) < FOCUS_WORDS:
        first -= 1  # short sentences ("De bank heeft gebeld. Wat nu?"): the focus reaches back to FOCUS_WORDS words
    return spans[first][0], len(text)


ASK_MIN_SENTENCES = (
    4  # a story this long: the sentence that asks decides the need when it names one (ADR 0151)
)


def ask_span(text: str) -> tuple[int, int] | None:
    """The last sentence that asks, in a story of ASK_MIN_SENTENCES or more sentences (and a story's words):
    when it names a need itself ("Wie kan mijn kinderen helpen met de scheiding?"), that need is the story's, and
    what the sentences before tell (school that notices it, an illness, a job) is context (tester15 class E)."""
    if len(text.split()) < STORY_MIN_WORDS:
        return None
    spans = sentence_spans(text)
    if len(spans) < ASK_MIN_SENTENCES:
        return None
    asking = [(a, b) for a, b in spans if asks(text[a:b])]
    return asking[-1] if asking else None


def clause_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause: sentences cut at commas and before a joining word ("en", "maar", "want")."""
    out, start = [], 0
    for m in [*_CLAUSE_END.finditer(text), None]:
        end = m.start() if m else len(text)
        if text[start:end].strip():
            out.append((start, end))
        start = m.end() if m else len(text)
    return out


def settled_spans(text: str) -> list[tuple[int, int]]:
    """Clauses that say something is fine ("werk heb ik gelukkig wel", "op school gaat het goed", "verder zijn we
    tevreden"): what a story tells there is its setting, not its need (ontology/words.yaml `settled-cues`); and the
    clauses of a complaint one has recovered from (`recovered_spans`)."""
    out = [(a, b) for a, b in clause_spans(text) if _says(text[a:b], SETTLED_CUES)]
    return sorted(set(out) | set(recovered_spans(text)))


def recovered_spans(text: str) -> list[tuple[int, int]]:
    """Clauses that say a complaint is over ("dat gaat nu weer goed", words.yaml `recovered-cues`), and the clause
    such a clause points back at in the same sentence ("sinds mijn burn-out van twee jaar geleden, dat gaat nu goed"):
    a need told only there is hardly a need of the story (ADR 0147)."""
    out: list[tuple[int, int]] = []
    before: tuple[int, int] | None = None
    for start, end in clause_spans(text):
        if _says(text[start:end], RECOVERED_CUES):
            first = fold(text[start:end]).split()[:1]
            if (
                before is not None
                and first
                and first[0] in REFERS_BACK
                and _same_sentence(text, before, start)
            ):
                out.append(before)
            out.append((start, end))
        before = (start, end)
    return out


def _says(clause: str, cues: tuple[str, ...]) -> bool:
    """A cue stands in the clause (whole words, folded) and no negator does."""
    padded = " " + " ".join(re.findall(r"[a-z0-9']+", fold(clause))) + " "
    return any(c in padded for c in cues) and not any(n in padded for n in _NEGATORS)


RECOVERED_CUES = tuple(f" {fold(c)} " for c in word_list("recovered-cues"))
REFERS_BACK = frozenset({"dat", "dit"})


def _same_sentence(text: str, before: tuple[int, int], start: int) -> bool:
    """Whether only a comma or a joining word stands between the clause before and this one, no sentence end."""
    return not re.search(r"[.!?\n]", text[before[1] : start])


def parts(text: str) -> list[tuple[str, float]]:
    """The text in weighted parts: a story's setting at `SETTING_WEIGHT`, its focus at 1; anything else whole."""
    span = focus(text)
    if span is None:
        return [(text, 1.0)]
    lo, _ = span
    return [(text[:lo], SETTING_WEIGHT), (text[lo:], 1.0)]
