"""Which need a service is for, beyond the theme tree (ADR 0104): rules the ranking applies to the needs read.

Why: the theme tree says a casemanager dementie is help for a mantelzorger, and a literacy course help for
someone who has trouble reading. Both are true for some askers and wrong for others: a partner caring for someone
with Parkinson does not need a dementia casemanager, and a 7-year-old who reads badly needs school and youth help
first, not an adults' literacy programme. Which themes are condition-specific, which conditions count as named,
and which adults' needs are a school matter for a minor are word lists in ontology/words.yaml (data, not code);
two needs named both get a place in the top 3 (`diversify`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from match.agebands import veto_other_ages
from match.ages import minors_in_need
from match.clauses import asks, focus, sentence_spans
from match.compounds import common_words
from match.helpkind import asked_kind_first
from match.words import fold, word_list, word_set

CONDITION_THEMES = word_set("condition-specific-themes")  # services for one condition (dementie, nah, ...)
NAMED_CONDITIONS = word_set("named-condition-themes")  # a condition named in the question
OTHER_SIDE = word_set("other-side-themes")  # a narrower need that is the other side of its broad one
SCHOOL_FOR_MINORS = word_set("school-for-minors")  # an adult's need that is a school matter for a minor
DENIAL_GENERIC = word_set("denial-generic-words")  # words of a denied need that name no kind of help
DENIAL_ENDINGS = tuple(word_list("denial-endings"))  # klussen -> klus, afspraken -> afspraak is not needed
SCHOOL_THEME = "onderwijs"
TOP = 3  # the top the diversity rule looks at
FEW_LEEFGEBIEDEN = 2  # a service central for more leefgebieden than this serves none of them in particular
CENTRAL_SHARE = (
    0.75  # central: weighing at least this share of the heaviest (an aside a combination lowered is not)
)


def other_condition(central: frozenset[str], weights: Mapping[str, float]) -> bool:
    """The service exists for a condition (dementia) the question does not name, while it names another one
    (Parkinson, a brain injury): it is help for a different need, whatever else it shares with the question."""
    own = central & CONDITION_THEMES
    if not own or not own.isdisjoint(weights):
        return False
    return any(t in NAMED_CONDITIONS for t in weights)


def other_side(themes: frozenset[str], matched: list[str], ancestors: Mapping[str, Any]) -> bool:
    """The service meets the question only through a narrower theme that is the other side of the need read
    (justitie-contact, a suspect's or detainee's contact with justice, for a victim's broad justitie): a stolen
    bike is no case for the Raad voor de Kinderbescherming or for help to detainees' families (ADR 0160)."""
    own = themes & OTHER_SIDE
    if not own or not matched or not own.isdisjoint(matched):
        return False
    rest = themes - own
    above_own = set().union(*(ancestors.get(t, ()) for t in own))
    above_rest = set().union(*(ancestors.get(t, ()) for t in rest)) if rest else set()
    return all(
        tid in above_own
        and tid not in rest
        and tid not in above_rest
        and not any(tid in ancestors.get(r, ()) or r in ancestors.get(tid, ()) for r in rest)
        for tid in matched
    )


def minor_reads_school(
    weights: dict[str, float], ages: list[int], known: Mapping[str, Any], words: Sequence[str] = ()
) -> None:
    """Every age in the question under 18: an adults' need such as laaggeletterdheid is a school matter
    (onderwijs): a child who reads badly is helped by school and youth help first. First, a need of one age group
    said of someone stated to be older or younger is read as its broader need (match/agebands.py, ADR 0144)."""
    veto_other_ages(weights, ages, known, words)
    # match/ages.py: the people in need of the reading, not every age named
    if not minors_in_need(ages, SCHOOL_FOR_MINORS) or SCHOOL_THEME not in known:
        return
    for tid in [t for t in weights if t in SCHOOL_FOR_MINORS]:
        w = weights.pop(tid)
        weights[SCHOOL_THEME] = max(w, weights.get(SCHOOL_THEME, 0.0))


def central_needs(
    weights: Mapping[str, float], ancestors: Mapping[str, Any], signal: Any
) -> dict[str, frozenset[str]]:
    """The needs that carry the question: specific (no ancestor of another need named), no danger (safety
    orders those), and weighing at least CENTRAL_SHARE of the heaviest; each with the themes whose services
    serve it: itself and its ancestors below the leefgebied (schulden for huurachterstand), and its leefgebieden
    (financien), which `_serves` accepts only from a service for few leefgebieden."""
    if len(weights) < 2:
        return {}
    heaviest = max(weights.values())
    named = set(weights)
    out: dict[str, frozenset[str]] = {}
    for tid, w in weights.items():
        if w < CENTRAL_SHARE * heaviest or signal(tid):
            continue
        if any(tid in ancestors.get(other, ()) for other in named if other != tid):
            continue  # a leefgebied next to its own specific need
        out[tid] = frozenset({tid, *ancestors.get(tid, ())})
    return out


def diversify(best: list[Any], needs: Mapping[str, frozenset[str]], roots: frozenset[str]) -> list[Any]:
    """Two or more central needs and a top 3 that serves only some of them: the best result further down that
    serves a missing need takes the last place of the top 3 held by a service without a safety rank (the rest
    moves down one). "Ik kan de huur niet betalen en heb geen werk" shows money help next to work."""
    if len(needs) < 2 or len(best) <= TOP:
        return best
    out = list(best)
    for need, served_by in needs.items():
        if any(_serves(s, need, served_by, roots) for s in out[:TOP]):
            continue
        found = next((i for i in range(TOP, len(out)) if _serves(out[i], need, served_by, roots)), None)
        if found is None:
            continue
        slot = next(
            (i for i in range(TOP - 1, -1, -1) if _replaceable(out, i, out[found], needs, roots)), None
        )
        if slot is not None:
            out.insert(slot, out.pop(found))
    return out


def _serves(entry: Any, need: str, served_by: frozenset[str], roots: frozenset[str]) -> bool:
    """The service exists for the need, something narrower, or the specific need above it (schulden for
    huurachterstand), not only for its broad leefgebied: a brede intake touches every leefgebied and serves
    none of the needs in particular."""
    cand = entry.cand
    if entry.fit <= 0:
        return False
    if need in cand.suggested or need in cand.themes_up:
        return True
    shared = served_by & cand.central
    if shared - roots:
        return True  # the need itself or the specific need above it
    # a leefgebied in common: only from a service for few leefgebieden (a brede intake serves none in particular)
    return bool(shared) and len(cand.central & roots) <= FEW_LEEFGEBIEDEN


def _own_need(entry: Any, need: str, served_by: frozenset[str], roots: frozenset[str]) -> bool:
    """The service exists for the need (or something narrower, or the specific need above it), not only for a
    leefgebied it shares with it."""
    cand = entry.cand
    return need in cand.suggested or need in cand.themes_up or bool((served_by & cand.central) - roots)


def _replaceable(
    out: list[Any], i: int, newcomer: Any, needs: Mapping[str, frozenset[str]], roots: frozenset[str]
) -> bool:
    """A place in the top 3 may go to a missing need's service when it has no safety rank, its age fit is not
    known better than the newcomer's (a youth service that fits a 16-year-old is not traded for one whose ages
    are unknown or open-ended), and the others in the top 3 still serve every central need it serves."""
    if out[i].top != 0 or (_for_this_age(out[i]) and not _for_this_age(newcomer)):
        return False
    for need, served_by in needs.items():
        if _serves(out[i], need, served_by, roots) and not any(
            _serves(s, need, served_by, roots) for j, s in enumerate(out[:TOP]) if j != i
        ):
            return False
    return True


def _for_this_age(entry: Any) -> bool:
    """Made for the asker's age: the age fits and the service's range ends somewhere (a youth service), unlike
    a service for every age from some year on."""
    ages = entry.cand.ages
    return entry.age_fit is True and ages is not None and all(hi is not None for _, hi in ages)


def denied_stems(hits: list[Any], text: str, danger: Callable[[str], Any] = lambda t: None) -> frozenset[str]:
    """The content words of the needs the asker rules out ("geen hulp bij klussen, wel bij het schoonmaken":
    "klus"), each also without a plural or verb ending: what a service's name says when it is that help. Not of
    a denied danger: the safety assessment orders those, and a denied danger is often still the topic ("niet-acuut
    verward gedrag")."""
    out = set()
    for h in hits:
        if not h.negated or danger(h.theme_id):
            continue
        for word in fold(text[h.start : h.end]).replace("-", " ").split():
            if word in DENIAL_GENERIC or not word.isalpha():
                continue
            forms = (word, *(word[: -len(e)] for e in DENIAL_ENDINGS if word.endswith(e)), *_modifiers(word))
            out.update(w for w in forms if len(w) >= 4 and w not in DENIAL_GENERIC)
    return frozenset(out)


def _modifiers(word: str) -> list[str]:
    """The first part of a compound whose parts are both common Dutch words ("klushulp" -> "klus")."""
    words = common_words()
    return [word[:i] for i in range(4, len(word) - 2) if word[:i] in words and word[i:] in words]


def below_denied(best: list[Any], stems: frozenset[str]) -> list[Any]:
    """Negation everywhere (issue 12 item 3, questions4 class C): a service whose name says it is the help the
    asker ruled out ("Klus- en boodschappenhulp" after "geen hulp bij klussen") moves below the others, also
    when the denied and the wanted need share a theme (klussen and schoonmaken both are `huishouden`, so the
    theme cannot tell them apart; the name can). Services with a safety rank keep their place."""
    if not stems:
        return best

    def denied(entry: Any) -> bool:
        name = fold(entry.cand.name)
        return entry.top == 0 and any(stem in name for stem in stems)

    return [e for e in best if not denied(e)] + [e for e in best if denied(e)]


def other_needs_first(
    best: list[Any], needs: Mapping[str, frozenset[str]], uncovered: Any, roots: frozenset[str]
) -> list[Any]:
    """A need the kaart has no service for (a brain injury on the demo kaart; the door says so) leaves the other
    specific needs of the question to carry it: their services come before services that share only a broad
    leefgebied with the question ("de dingen van elke dag" from wijkverpleging for someone whose employer does not
    understand the fatigue; issue 12 class I, ADR 0128). Safety help keeps its place; the order is otherwise
    kept."""
    specific = {t: up for t, up in needs.items() if t not in roots}
    if not uncovered or not specific:
        return best
    rest = [e for e in best if e.top == 0]
    # a service for the need itself before one that shares only its leefgebied (the casemanager dementie before
    # ouderenwerk's "dingen van elke dag" for a mother with alzheimer, once dementie also hangs under
    # zelfredzaamheid, ADR 0125)
    own = [
        e
        for e in rest
        if any(_serves(e, t, up, roots) and _own_need(e, t, up, roots) for t, up in specific.items())
    ]
    first = own + [
        e for e in rest if e not in own and any(_serves(e, t, up, roots) for t, up in specific.items())
    ]
    order = iter(first + [e for e in rest if e not in first])
    return [e if e.top != 0 else next(order) for e in best]  # safety help keeps its slot


def asked_first(
    best: list[Any], text: str, hits: Any, needs: Mapping[str, frozenset[str]], roots: frozenset[str]
) -> list[Any]:
    """A long story asks for one of its needs in its last asking sentence ("... Wat kan ik doen om Nederlands te
    leren?"): the best service for that need comes first, before services for the story's other needs (issue 12
    F5, ADR 0135; the sentence that asks: match/clauses.py, ADR 0132). Safety help keeps its place; nothing
    changes when the story asks for every main need, or for none of them, or is no story. First, the kind of help
    asked (odd jobs, cleaning) decides between services that share their themes (match/helpkind.py, ADR 0144)."""
    best = asked_kind_first(best, text, hits)
    if len(needs) < 2 or focus(text) is None:
        return made_for_the_need(best, needs, roots)
    spans = [(a, b) for a, b in sentence_spans(text) if asks(text[a:b])]
    if not spans:
        return made_for_the_need(best, needs, roots)
    lo, hi = spans[-1]
    asked = {
        h.theme_id for h in hits if not h.negated and h.theme_id in needs and h.start < hi and lo < h.end
    }
    specific = {t for t in asked if t not in roots}
    if not specific or specific >= {t for t in needs if t not in roots}:
        return made_for_the_need(best, needs, roots)
    first = next((i for i, e in enumerate(best) if e.top == 0), None)
    if first is None or any(_own_need(best[first], t, needs[t], roots) for t in specific):
        return made_for_the_need(best, needs, roots)
    found = next(
        (
            i
            for i in range(first + 1, len(best))
            if best[i].top == 0
            and best[i].fit > 0
            and any(_own_need(best[i], t, needs[t], roots) for t in specific)
        ),
        None,
    )
    if found is None:
        return made_for_the_need(best, needs, roots)
    out = list(best)
    out.insert(first, out.pop(found))
    return made_for_the_need(out, needs, roots)


NEAR = 0.1  # a score at most this share below another's is as good as it (a few more words in common)


def made_for_the_need(
    best: list[Any], needs: Mapping[str, frozenset[str]], roots: frozenset[str]
) -> list[Any]:
    """In the top 3, a service made only for the needs asked (every one of them the other serves) before one about
    as good that also has a specific theme under a leefgebied nobody asked about: Mantelzorgondersteuning before an academy for
    volunteers and carers (tester12 F5, ADR 0137). Before, a few words the academy's text shares with the
    question decided."""
    asked = frozenset().union(*needs.values()) | frozenset(needs) if needs else frozenset()
    if not asked:
        return best
    out = list(best)
    for i in range(min(TOP, len(out))):
        e = out[i]
        if e.top != 0 or not (e.cand.central - roots - asked) or not (_areas(e, roots) - asked):
            continue
        mine = e.cand.central & asked - roots
        j = next(
            (
                k
                for k in range(i + 1, len(out))
                if out[k].top == 0
                and out[k].score >= (1 - NEAR) * e.score
                and mine
                and out[k].cand.central >= mine
                and not (out[k].cand.central - roots - asked)
                and _areas(out[k], roots) <= asked
            ),
            None,
        )
        if j is not None:
            out.insert(i, out.pop(j))
    return out


def _areas(entry: Any, roots: frozenset[str]) -> frozenset[str]:
    """The leefgebieden above a service's specific themes (a leefgebied named alone, such as the POH's
    lichamelijke gezondheid, is broad help and no other need)."""
    return frozenset(entry.cand.themes_up & roots)
