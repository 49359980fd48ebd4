"""Words for inwoners (B1) from `labels-inwoner.yaml`: the need in everyday words per theme, the jargon that
never reaches a resident, and how a resident gets in to a service, said only where the service's data says so.

Kept apart from themes.yaml (which holds the professional vocabulary and the matcher's phrases) so that the
resident wording can be edited on its own; loaded next to the ontology from the same directory (ADR 0103).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

FILE = "labels-inwoner.yaml"
WHY_DEFAULTS = {
    "helps": "Helpt bij {need}",
    "broad": "Helpt bij {need} in het algemeen",
    "also": "Kan ook helpen bij {need}",
    "words": "Gevonden met woorden uit uw vraag",
}


@dataclass(frozen=True)
class AccessRoute:
    """A phrase rule on a service's `application_process` text: a route ("de huisarts") or a line of its own."""

    phrases: tuple[str, ...]
    via: str = ""
    why: str = ""


@dataclass(frozen=True)
class InwonerLabels:
    themes: dict[str, str] = field(default_factory=dict)  # theme id -> need in B1, reads after "Helpt bij"
    jargon: tuple[str, ...] = ()
    routes: tuple[AccessRoute, ...] = ()
    via_template: str = "u meldt zich aan via {routes}"
    by_toegang: dict[str, str] = field(default_factory=dict)
    by_niveau: dict[str, str] = field(default_factory=dict)
    by_toegang_after_niveau: dict[str, str] = field(default_factory=dict)
    unknown: str = ""
    explanation_needs_data: tuple[str, ...] = ()
    far_km: float = 25.0
    # The niveau badge on a public card in B1 (niveau id -> words); professionals keep the ladder term.
    badges: dict[str, str] = field(default_factory=dict)
    # The opening of a why-line by how the service relates to the need (ADR 0105): it exists for it, it exists
    # for the broader area of life, it merely touches it, or only words were shared.
    why: dict[str, str] = field(default_factory=lambda: dict(WHY_DEFAULTS))
    # Whole lines the matcher says in this register (the front door's why, the word model's guess), by key.
    lines: dict[str, str] = field(default_factory=dict)
    # Fixed page texts (Dutch msgids, "u") -> the same text in this register ("je"); only in a register.
    texts: dict[str, str] = field(default_factory=dict)
    # Another way of addressing the asker (name -> the labels with its words): "je" for a child or teenager.
    registers: dict[str, InwonerLabels] = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    def register(self, name: str | None) -> InwonerLabels:
        """The labels for a register ("je"); these labels ("u") for an unknown one or None."""
        return self.registers.get(name or "", self)

    def theme(self, theme_id: str, fallback: str) -> str:
        """The need in B1 words, lower-case start ("schulden", "Nederlands leren"); else the fallback label,
        its first letter lowered only when it is no abbreviation ("LVB" stays)."""
        return self.themes.get(theme_id) or lower_first(fallback)

    def chip(self, theme_id: str, fallback: str) -> str:
        label = self.theme(theme_id, fallback)
        return label[:1].upper() + label[1:]

    def jargon_in(self, text: str) -> list[str]:
        """The jargon words in `text` (whole words, any case)."""
        low = text.casefold()
        return [w for w in self.jargon if re.search(rf"(?<!\w){re.escape(w.casefold())}(?!\w)", low)]

    def access(self, niveau: str | None, toegang: str | None, application_process: str | None) -> str:
        """The way in, in B1, from the service's own data: its application_process text, its toegang, a niveau
        whose meaning says it (free access, the gemeente's team); else the honest `unknown` line."""
        text = " ".join((application_process or "").casefold().split())
        if text:
            found: list[str] = []
            own = ""
            for route in self.routes:
                if any(re.search(rf"(?<!\w){re.escape(p.casefold())}", text + " ") for p in route.phrases):
                    if route.via and route.via not in found:
                        found.append(route.via)
                    elif route.why and not own:
                        own = route.why
            if found:
                routes = found[0] if len(found) == 1 else ", ".join(found[:-1]) + " of " + found[-1]
                return self.via_template.format(routes=routes)
            if own:
                return own
        if toegang and toegang in self.by_toegang:
            return self.by_toegang[toegang]
        if niveau and niveau in self.by_niveau:
            return self.by_niveau[niveau]
        if toegang and toegang in self.by_toegang_after_niveau:
            return self.by_toegang_after_niveau[toegang]
        return self.unknown


def way_in_unknown(
    labels: InwonerLabels, niveau: str | None, toegang: str | None, process: str | None
) -> str:
    """On a service's page: the honest line (capitalised) instead of the niveau's explanation when that
    explanation would claim a way in the service's data does not give; else ""."""
    if niveau in labels.explanation_needs_data and not (toegang or process) and labels.unknown:
        return labels.unknown[:1].upper() + labels.unknown[1:] + "."
    return ""


def lower_first(label: str) -> str:
    """ "Schulden" -> "schulden"; "LVB" and "ADHD" stay (an abbreviation: its second letter is a capital)."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _strs(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """A register's words over the default ones, mapping by mapping (a list is replaced whole)."""
    out = {k: v for k, v in base.items() if k != "registers"}
    for k, v in over.items():
        out[k] = _merged(base[k], v) if isinstance(v, dict) and isinstance(base.get(k), dict) else v
    return out


def _parse(raw: Any) -> InwonerLabels:
    problems: list[str] = []
    if raw is None:
        return InwonerLabels()
    if not isinstance(raw, dict):
        return InwonerLabels(problems=(f"{FILE}: expected a mapping",))
    themes = raw.get("themes") or {}
    if not isinstance(themes, dict):
        problems.append(f"{FILE}: themes must be a mapping of theme id to words")
        themes = {}
    access = raw.get("access") or {}
    routes = []
    for n, r in enumerate(access.get("application_process") or [], start=1):
        if not isinstance(r, dict) or not r.get("phrases") or not (r.get("via") or r.get("why")):
            problems.append(f"{FILE}: access.application_process rule {n} needs phrases and via or why")
            continue
        routes.append(
            AccessRoute(_strs(r["phrases"]), via=str(r.get("via") or ""), why=str(r.get("why") or ""))
        )
    return InwonerLabels(
        themes={str(k): str(v) for k, v in themes.items() if v},
        jargon=_strs(raw.get("jargon")),
        routes=tuple(routes),
        via_template=str(access.get("via_template") or "u meldt zich aan via {routes}"),
        by_toegang={str(k): str(v) for k, v in (access.get("toegang") or {}).items()},
        by_niveau={str(k): str(v) for k, v in (access.get("niveau") or {}).items()},
        by_toegang_after_niveau={
            str(k): str(v) for k, v in (access.get("toegang_after_niveau") or {}).items()
        },
        unknown=str(access.get("unknown") or ""),
        explanation_needs_data=_strs(access.get("niveau_explanation_needs_data")),
        far_km=float(raw.get("far_km", 25)),
        badges={str(k): str(v) for k, v in (raw.get("niveau_badge") or {}).items() if v},
        why={**WHY_DEFAULTS, **{str(k): str(v) for k, v in (raw.get("why") or {}).items() if v}},
        lines={str(k): str(v) for k, v in (raw.get("lines") or {}).items() if v},
        texts={str(k): str(v) for k, v in (raw.get("texts") or {}).items() if v},
        registers={
            str(name): _parse(_merged(raw, over))
            for name, over in (raw.get("registers") or {}).items()
            if isinstance(over, dict)
        },
        problems=tuple(problems),
    )


@lru_cache(maxsize=8)
def _load(directory: Path) -> InwonerLabels:
    path = directory / FILE
    if not path.exists():
        return InwonerLabels()
    with path.open(encoding="utf-8") as fh:
        return _parse(yaml.safe_load(fh))


def load_inwoner_labels(directory: Path | str | None = None) -> InwonerLabels:
    """The resident wording of the ontology directory (default: the shipped one), cached per directory. A
    directory without the file gives empty labels: every theme then falls back to its themes.yaml label."""
    base = Path(directory) if directory is not None else Path(__file__).resolve().parent
    return _load(base.resolve())


def validate_inwoner(ontology: Any) -> list[str]:
    """Every theme a resident can see has B1 words (a fallback label is no B1 check), none of them jargon; no
    words for a theme that does not exist; the niveaus named exist."""
    labels = load_inwoner_labels(ontology.source_dir)
    if not (Path(ontology.source_dir) / FILE).exists():
        return []  # an ontology directory without resident wording (tests, other kaarten): the fallback
    problems = list(labels.problems)
    for tid in ontology.themes:
        if tid not in labels.themes:
            problems.append(f"{FILE}: theme {tid!r} has no words for inwoners (falls back to its label)")
    for tid, words in labels.themes.items():
        if tid not in ontology.themes:
            problems.append(f"{FILE}: unknown theme {tid!r}")
        bad = labels.jargon_in(words)
        if bad:
            problems.append(f"{FILE}: theme {tid!r} words {words!r} use jargon {bad}")
    for niveau in labels.by_niveau:
        if niveau not in ontology.niveaus:
            problems.append(f"{FILE}: access.niveau names unknown niveau {niveau!r}")
    if not labels.unknown:
        problems.append(f"{FILE}: access.unknown is empty")
    for niveau, words in labels.badges.items():
        if niveau not in ontology.niveaus:
            problems.append(f"{FILE}: niveau_badge names unknown niveau {niveau!r}")
        if labels.jargon_in(words):
            problems.append(f"{FILE}: niveau_badge {niveau!r} words {words!r} use jargon")
    return problems
