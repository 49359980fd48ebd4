"""The lines of `kaart check` for a coördinator, in plain Dutch, and one verdict at the end (helper fix15, ADR 0153).

Why: tester15 (docs/usertest/m12test15.md) read `kaart check` as an administrator: the key=value lines are clear to
a tool, but "nlp_pipeline=blank nl + simplemma (geen parser: ontkenning via signaalwoorden)" mixes Dutch and English
and nothing says in one sentence whether all is well. The key=value lines stay exactly as they were (other tools and
tests read `services_graph=`, `problems=`, `nlp_pipeline=`, `word_model_<naam>=`); after them come a few Dutch lines
at B1 level, the problems, and one last line: "Alles in orde." or "Let op: N problemen gevonden — wat te doen.".
"""

from __future__ import annotations

from dataclasses import dataclass, field

# the word models by their Dutch names (match/word_models.py: themes, safety, writer)
MODEL_NAMES = {"themes": "thema's", "safety": "veiligheid", "writer": "wie er schrijft"}


@dataclass(frozen=True)
class CheckFacts:
    """What `kaart check` found: the counts, the language pipeline, the word models and the problems by kind."""

    graph: int
    indexed: int
    pipeline: str  # match/parse.py `pipeline_summary()`
    blank: bool  # no trained pipeline: words only, no parsing of sentences
    models: tuple[tuple[str, bool], ...] = ()  # (name, current)
    ontology: tuple[str, ...] = ()  # problems in ontology/*.yaml
    index: tuple[str, ...] = ()  # the search index and the graph disagree
    nlp: tuple[str, ...] = ()  # the chosen pipeline is not there
    extra: tuple[str, ...] = field(default=())  # any other problem

    @property
    def problems(self) -> tuple[str, ...]:
        """Every problem, in the order they are shown."""
        return (*self.ontology, *self.index, *self.nlp, *self.extra)


def human_lines(facts: CheckFacts) -> list[str]:
    """The Dutch lines for a person (after the key=value lines): services, language, word models, problems."""
    out = [f"Diensten: {facts.graph} in de kaart, {facts.indexed} in de zoekindex."]
    if facts.nlp:
        out.append(
            "Taal: het gekozen taalmodel is niet gevonden. Het systeem leest de vragen nu woord voor woord."
        )
    elif facts.blank:
        out.append(
            "Taal: het systeem leest de vragen woord voor woord, zonder de zinnen te ontleden. "
            "Woorden als 'niet' en 'geen' herkent het aan een vaste lijst."
        )
    else:
        out.append("Taal: een Nederlands taalmodel ontleedt de zinnen van elke vraag.")
    missing = [MODEL_NAMES.get(name, name) for name, current in facts.models if not current]
    if facts.models and not missing:
        out.append(f"Woordmodellen: alle {len(facts.models)} zijn klaar voor gebruik.")
    elif missing:
        out.append(
            f"Woordmodellen: {len(missing)} van de {len(facts.models)} ontbreken ({', '.join(missing)}). "
            "Ze worden gemaakt bij de eerste vraag; dat duurt even. Sneller: draai `kaart models`."
        )
    if facts.problems:
        out.append("Problemen:")
        out += [f"  - {p}" for p in facts.problems]
    return out


def verdict(facts: CheckFacts) -> str:
    """One last line: "Alles in orde." or "Let op: N problemen gevonden — " and what to do about them."""
    n = len(facts.problems)
    if not n:
        return "Alles in orde."
    todo = []
    if facts.ontology:
        todo.append("de ontologie (ontology/*.yaml) heeft fouten: zie de lijst hierboven")
    if facts.index:
        todo.append("de zoekindex loopt achter op de kaart: draai `kaart reindex`")
    if facts.nlp:
        todo.append("het taalmodel is niet gevonden: zet KAART_NLP_MODEL goed of maak het leeg")
    if facts.extra:
        todo.append("zie de lijst hierboven")
    what = "probleem" if n == 1 else "problemen"
    return f"Let op: {n} {what} gevonden — {'; '.join(todo)}."
