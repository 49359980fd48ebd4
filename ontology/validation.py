"""`validate` and its checks: the ontology data against the contract the rest of the system relies on.

Kept apart from loading so that one bad edit yields a full report (`kaart check`) rather than a crash, and so
the loader stays short; `ontology.model` and `ontology` re-export these names.
"""

from __future__ import annotations

from .inwoner import validate_inwoner
from .schema import (
    MAX_PHRASE_WORDS,
    NIVEAU_LADDER,
    REQUIRED_DOELGROEP_IDS,
    REQUIRED_ORGANISATIESOORT_IDS,
    REQUIRED_THEME_IDS,
    SIGNAL_ROOTS,
    SIGNALS,
    TOP_LEVEL_IDS,
    Ontology,
    normalize_phrase,
)


def validate(ontology: Ontology) -> list[str]:
    """Return human-readable problems; an empty list means the ontology is sound.

    Checked here (and by `kaart check`) rather than at load time so that one bad edit yields a
    full report instead of a crash on the first error.
    """
    problems = list(ontology.load_problems)
    themes = ontology.themes

    for required in REQUIRED_THEME_IDS:
        if required not in themes:
            problems.append(f"themes: required id {required!r} is missing")
    for top in TOP_LEVEL_IDS:
        if top in themes and themes[top].parents:
            problems.append(f"themes: {top!r} must be top-level (parents: [])")

    for theme in themes.values():
        where = f"theme {theme.id!r}"
        if not theme.label:
            problems.append(f"{where}: no label")
        if not theme.b1_label:
            problems.append(f"{where}: no b1_label")
        if not theme.description:
            problems.append(f"{where}: no description")
        if not theme.lay_phrases:
            problems.append(f"{where}: no lay phrases")
        if len(theme.parents) > 2:
            problems.append(f"{where}: more than 2 parents")
        if len(set(theme.parents)) != len(theme.parents):
            problems.append(f"{where}: duplicate parent")
        for parent in theme.parents:
            if parent not in themes:
                problems.append(f"{where}: unknown parent {parent!r}")
            if parent == theme.id:
                problems.append(f"{where}: is its own parent")
        if theme.signal is not None and theme.signal not in SIGNALS:
            problems.append(f"{where}: unknown signal {theme.signal!r}")
        for phrase in theme.lay_phrases:
            if phrase != normalize_phrase(phrase):
                problems.append(f"{where}: lay phrase {phrase!r} is not lower-case/normalised")
            if not 1 <= len(phrase.split()) <= MAX_PHRASE_WORDS:
                problems.append(f"{where}: lay phrase {phrase!r} is not 1-{MAX_PHRASE_WORDS} words")
        for synonym in theme.synonyms:
            if synonym != normalize_phrase(synonym):
                problems.append(f"{where}: synonym {synonym!r} is not lower-case/normalised")

    problems += _cycle_problems(ontology)

    top = set(ontology.top_level())
    for theme in themes.values():
        if theme.parents and not (set(ontology.ancestors(theme.id)) & top):
            problems.append(f"theme {theme.id!r}: not reachable from a top-level leefgebied")
        if theme.signal and not (
            theme.id in SIGNAL_ROOTS or set(ontology.ancestors(theme.id)) & set(SIGNAL_ROOTS)
        ):
            problems.append(f"theme {theme.id!r}: signal theme outside veiligheid/geestelijke-gezondheid")

    problems += _doelgroep_problems(ontology)
    problems += _niveau_problems(ontology)

    for required in REQUIRED_ORGANISATIESOORT_IDS:
        if required not in ontology.organisatiesoorten:
            problems.append(f"organisatiesoorten: required id {required!r} is missing")
    for soort in ontology.organisatiesoorten.values():
        if soort.default_niveau is not None and soort.default_niveau not in ontology.niveaus:
            problems.append(f"organisatiesoort {soort.id!r}: unknown default_niveau {soort.default_niveau!r}")

    problems += _safety_problems(ontology)
    for combo in ontology.matching.combinations:
        for tid in (*combo.self_themes, *combo.other_themes, *combo.demote, combo.adds):
            if tid not in themes:
                problems.append(f"matching combination {combo.id!r}: unknown theme {tid!r}")
        if combo.doelgroep and combo.doelgroep not in ontology.doelgroepen:
            problems.append(f"matching combination {combo.id!r}: unknown doelgroep {combo.doelgroep!r}")
    for need, helps in ontology.matching.served_by.items():
        for tid in (need, *helps):
            if tid not in themes:
                problems.append(f"matching served_by {need!r}: unknown theme {tid!r}")
    for idiom in ontology.idioms:
        for tid in idiom.themes:
            if tid not in themes:
                problems.append(f"idiom {idiom.id!r}: unknown theme {tid!r}")
        for phrase in idiom.phrases:
            if not 1 <= len(phrase.split()) <= MAX_PHRASE_WORDS:
                problems.append(f"idiom {idiom.id!r}: phrase {phrase!r} is not 1-{MAX_PHRASE_WORDS} words")

    neg = ontology.negation
    if not neg.negation_pre or not neg.uncertainty_pre or not neg.pseudo or not neg.terminators:
        problems.append("negation: negation, uncertainty, pseudo and terminator lists must not be empty")
    for kind in ("negation", "uncertainty"):
        if kind not in neg.effects:
            problems.append(f"negation: no effect defined for {kind!r}")
    problems += validate_inwoner(ontology)  # labels-inwoner.yaml: B1 words for every theme (ADR 0103)
    return problems


def _safety_problems(ontology: Ontology) -> list[str]:
    problems: list[str] = []
    if not ontology.safety.levels:
        problems.append("safety: no safety levels (safety.yaml missing?): danger would raise no signal")
    ids = {lv.id for lv in ontology.safety.levels}
    for lv in ontology.safety.levels:
        where = f"safety level {lv.id!r}"
        if lv.signal not in SIGNALS:
            problems.append(f"{where}: unknown signal {lv.signal!r}")
        if not lv.notice:
            problems.append(f"{where}: no notice")
        for tid in (*lv.raised_by, *lv.route, *lv.suppressed_by):
            if tid not in ontology.themes:
                problems.append(f"{where}: unknown theme {tid!r}")
        for code in lv.route_niveaus:
            if code not in ontology.niveaus:
                problems.append(f"{where}: unknown niveau {code!r}")
        for other in lv.supersedes:
            if other not in ids:
                problems.append(f"{where}: supersedes unknown level {other!r}")
        if lv.past_raises not in {"yes", "no", "ongoing"}:
            problems.append(f"{where}: past_raises must be true, false or ongoing, not {lv.past_raises!r}")
        if lv.fallback and lv.fallback not in ids:
            problems.append(f"{where}: unknown fallback level {lv.fallback!r}")
    for tid in ontology.safety.all_clear_themes:
        if tid not in ontology.themes:
            problems.append(f"safety: unknown all-clear theme {tid!r}")
    return problems


def _cycle_problems(ontology: Ontology) -> list[str]:
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    problems: list[str] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for parent in ontology.themes[node].parents:
            if parent not in ontology.themes:
                continue
            if state.get(parent) == 1:
                cycle = path[path.index(parent) :] + [parent] if parent in path else [node, parent]
                problems.append("themes: cycle " + " -> ".join(cycle))
            elif state.get(parent) is None:
                visit(parent, path + [parent])
        state[node] = 2

    for theme_id in ontology.themes:
        if theme_id not in state:
            visit(theme_id, [theme_id])
    return problems


def _doelgroep_problems(ontology: Ontology) -> list[str]:
    problems: list[str] = []
    for required in REQUIRED_DOELGROEP_IDS:
        if required not in ontology.doelgroepen:
            problems.append(f"doelgroepen: required id {required!r} is missing")
    for group in ontology.doelgroepen.values():
        where = f"doelgroep {group.id!r}"
        if not group.b1_label:
            problems.append(f"{where}: no b1_label")
        for age in (group.min_age, group.max_age):
            if age is not None and not 0 <= age <= 120:
                problems.append(f"{where}: implausible age {age}")
        if group.min_age is not None and group.max_age is not None and group.min_age >= group.max_age:
            problems.append(f"{where}: min_age must be below max_age")
    return problems


def _niveau_problems(ontology: Ontology) -> list[str]:
    problems: list[str] = []
    niveaus = ontology.niveaus
    expected = {"crisis": 0, **{code: rank for rank, code in enumerate(NIVEAU_LADDER, start=1)}}
    for code, rank in expected.items():
        if code not in niveaus:
            problems.append(f"niveaus: required code {code!r} is missing")
        elif niveaus[code].rank != rank:
            problems.append(f"niveaus: {code!r} must have rank {rank}, has {niveaus[code].rank}")
    ranks = [n.rank for n in niveaus.values()]
    if len(ranks) != len(set(ranks)):
        problems.append("niveaus: ranks must be unique")
    return problems


def phrase_overlaps(ontology: Ontology) -> list[tuple[str, str, str, bool]]:
    """Terms listed under more than one theme: (term, theme a, theme b, related).

    `related` is True when one theme is an ancestor of the other or they share a parent; such
    overlaps are tolerated (reported), unrelated ones make the matcher ambiguous.
    """
    owners: dict[str, list[str]] = {}
    for theme in ontology.themes.values():
        for term in dict.fromkeys(normalize_phrase(t) for t in (*theme.synonyms, *theme.lay_phrases)):
            owners.setdefault(term, []).append(theme.id)
    result: list[tuple[str, str, str, bool]] = []
    for term, ids in sorted(owners.items()):
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                result.append((term, a, b, ontology.related(a, b)))
    return result
