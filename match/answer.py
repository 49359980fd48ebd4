"""The answer to a hulpvraag: each scored service as a result row with its why-line, and the front door.

Why-lines: residents get B1 ("Helpt bij eenzaamheid · Voor ouderen in Aalten · u kunt er zelf terecht, zonder
verwijzing"), professionals the ladder terms; the doelgroep is only claimed where the fit is known (ADR 0031).
Never a dead end: when nothing fits a recognised need and no safety level is raised, the gemeente's front door
for the kern comes first. Split from match/engine.py (ranking); `Context` and `Scored` are what the ranking
hands over.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.access import AccessFacts, ServiceAccess
from match import writer
from match.basic_need import basic_need_line
from match.candidates import Candidate, age_fit, distance
from match.places import Place
from match.pool import CandidatePool
from match.register25_why import distinct_needs
from match.safety import Safety
from match.safety_writer import CHILD as CHILD_WRITER
from match.statuses import StatusEffects
from match.themeclf import MODEL_WHY
from match.voice import ProfessionalVoice
from match.writer_acts import at_work
from match.young_hand import cue_words
from ontology.inwoner import load_inwoner_labels

# the levels whose line helps a naaste who worries as well: 113 talks with those who worry about someone (ADR 0143)
FOR_OTHER_LEVELS = frozenset({"suicide"})


@dataclass
class Context:
    """What the scoring of one request needs, computed once."""

    weights: dict[str, float]
    total: float
    text_hits: dict[str, float]
    max_text: float
    place: Place | None
    safety: Safety
    groups: set[str]
    ages: list[int]
    parent: bool
    niveau_pref: dict[str, float]
    today: date
    audience: str
    # Without an age in the text: the age ranges of the people in the question (the asker as an adult, and the
    # relations named: "mijn vader" 30+), or () when the asker may be young (match/engine.py, ADR 0102).
    persons: tuple[tuple[int, int | None], ...] = ()
    parenting: bool = (
        False  # a need of growing up (opvoeden-opgroeien): services for ouders fit an adult asker
    )
    # the text reads as written by a child, without an age (the register only); None: a professional writes in
    # their role ("IB'er basisschool: leerling groep 7 …"), an adult whatever ages the text names (ADR 0138)
    child_speaker: bool | None = False


@dataclass
class Scored:
    top: float
    score: float
    cand: Candidate
    fit: float
    matched: list[str]
    dist: float | None
    age_fit: bool | None
    group_fit: bool

    def key(self) -> tuple[Any, ...]:
        return (-self.top, -self.score, self.cand.id)


class Answerer:
    """Result rows, why-lines and the front door, for one matcher (its ontology, gemeente profile, pool)."""

    def __init__(
        self,
        onto: Any,
        profile: Any,
        statuses: StatusEffects,
        pool: CandidatePool,
        parents: dict[str, tuple[str, ...]],
        ancestors: dict[str, set[str]],
    ) -> None:
        self.onto = onto
        self.profile = profile
        self.statuses = statuses
        self.pool = pool
        self.parents = parents
        self.ancestors = ancestors
        # Resident wording (ontology/labels-inwoner.yaml) and each service's way in as its data says it,
        # re-read when the candidate pool changes (a beheer edit), not per request.
        self.inwoner = load_inwoner_labels(getattr(onto, "source_dir", None))
        self._access: tuple[Any, dict[str, AccessFacts], dict[tuple[str, str | None], str]] | None = None
        self.voice = ProfessionalVoice(onto)  # a professional at work is an adult: "u" (ADR 0138)
        writer.model()  # who is typing (ADR 0131): trained now, at start-up, not in the first request

    @property
    def candidates(self) -> dict[str, Candidate]:
        return self.pool.by_id

    def result(self, s: Scored, ctx: Context) -> dict[str, Any]:
        cand = s.cand
        why = self._why_professional(s, ctx) if ctx.audience == "professional" else self._why_public(s, ctx)
        why += self.statuses.why(cand.id, ctx.audience)
        return {
            "service_id": cand.id,
            "organization_id": cand.organization_id,
            "name": cand.name,
            "niveau": cand.niveau,
            "distance_km": None if s.dist is None else round(s.dist, 1),
            "score": round(s.score + s.top, 4),
            "why": " · ".join(why),
            **self.statuses.fields(cand.id, ctx.audience),
            **self._door_text(cand, ctx),
        }

    def _door_text(self, cand: Candidate, ctx: Context) -> dict[str, str]:
        """The front door's own words for a child or teenager (gemeente profile `front_door.description_je`): the
        door's card says them instead of the service's description, which says "u" (tester14 R08, ADR 0145).
        An added row field, only on a door's row and only when the page says "je"."""
        door = getattr(self.profile, "front_door", None)
        text = getattr(door, "description_je", "")
        if (
            not text
            or ctx.audience == "professional"
            or not door.is_door(cand.id)
            or self.register(ctx) != "je"
        ):
            return {}
        return {"door_text": text}

    def _why_professional(self, s: Scored, ctx: Context) -> list[str]:
        """Ladder terms are fine for professionals; the doelgroep is only claimed where the fit is known: for
        a need that fits (not on words alone), never next to "niet voor deze leeftijd", and named ("voor
        ouderen"), or "leeftijd past" when only the age range is known."""
        cand, why = s.cand, []
        if s.top > 0:
            why.append("Veiligheid voorop" + (": 24 uur per dag bereikbaar" if cand.available_24_7 else ""))
        grounds = self.grounds(cand, s.matched)
        helps = distinct_needs([t for kind, t in grounds if kind == "helps"], self._label, self.ancestors)
        if helps:
            why.append("Past bij " + ", ".join(self._label(t) for t in helps[:3]))
        elif grounds:  # the service is for the broader leefgebied, or merely touches the need
            kind, t = grounds[0]
            why.append(("Breder aanbod: " if kind == "broad" else "Raakt aan: ") + self._label(t))
        elif cand.id in ctx.text_hits:
            why.append("Gevonden op woorden uit uw vraag")
        if s.age_fit is False:
            why.append("niet voor deze leeftijd")
        niveau = self.onto.niveaus.get(cand.niveau or "")
        if niveau is not None:
            why.append(niveau.short_label)
        near = self._near_part(s, ctx)
        if near:
            why.append(near)
        who = self._who(s, ctx)
        if who:
            why.append(f"voor {who}")
        elif helps and s.group_fit and s.age_fit is True:
            why.append("leeftijd past")
        return why

    def _why_public(self, s: Scored, ctx: Context) -> list[str]:
        """B1 for inwoners: "Helpt bij eenzaamheid · Voor ouderen in Aalten · u kunt er zelf terecht, zonder
        verwijzing", in the asker's register ("je" for a child or teenager, ADR 0121). One rule for the place
        part, also on the front door: it starts with a capital ("In Aalten", "3,4 km van Bredevoort")."""
        cand, why, words = s.cand, [], self.words(ctx)
        if s.top > 0:
            why.append("Veiligheid gaat voor" + (": dag en nacht bereikbaar" if cand.available_24_7 else ""))
        line = self._ground_line(cand, s.matched, words)  # everyday words (labels-inwoner.yaml), never jargon
        if line:
            why.append(line)
            why.extend(self._not_for(cand, s.matched, words))  # "Niet speciaal voor vervoer" (ADR 0184)
        elif cand.id in ctx.text_hits:
            why.append(words.why["words"])
        if s.top > 0 and words.lines.get("worry_other") and self._for_other(cand, ctx):
            why.append(words.lines["worry_other"])  # a naaste who worries about someone (ADR 0143)
        who = self._who(s, ctx)
        where = self._where(cand)
        if who:
            why.append(f"Voor {who}" + (f" {where}" if where else ""))
        elif where:
            why.append(_capital(where))
        near = self._near_part(s, ctx)
        if near and near.lower() != where.lower():  # not "In Aalten · in Aalten"
            why.append(_capital(near))
        if not (s.top > 0 and cand.available_24_7):  # (a crisis line on top: "dag en nacht" says enough)
            way_in = self.access_line(cand, words)
            if way_in:
                why.append(way_in)
        return why

    def _for_other(self, cand: Candidate, ctx: Context) -> bool:
        """The level that put this service on top is told about someone else only, and is one where 113 also
        helps the one who worries (FOR_OTHER_LEVELS)."""
        rank = ctx.safety.rank_of(cand)
        level = next((lv for lv in ctx.safety.levels if lv.rank == rank), None)
        return level is not None and level.id in FOR_OTHER_LEVELS and level.id in ctx.safety.for_other

    def register(self, ctx: Context) -> str:
        """How the resident page addresses the asker: "je" when the text shows the asker is a child or teenager
        ("ik ben 13", "ik zit in groep 7", or a child's own words without an age: `speaks_as_child`), else "u".
        Professionals are always "u" (ADR 0121)."""
        if ctx.audience == "professional" or ctx.child_speaker is None:
            return "u"  # a professional, on any path, and a resident who writes in a professional role (ADR 0138)
        # one register per answer (ADR 0163): who writes as the safety box reads it ("slaat ze me", a child's
        # words) is the register of the heading and the cards too, not only of the box (ADR 0154)
        if any(getattr(lv, "professional_vermoeden", False) for lv in getattr(ctx.safety, "levels", ())):
            return "u"  # a consultation's box speaks to a professional: the page too (ADR 0169)
        box_writer = getattr(ctx.safety, "box_writer", "")
        if box_writer:
            return "je" if box_writer == CHILD_WRITER and "je" in self.inwoner.registers else "u"
        askers = [p for p in getattr(ctx.ages, "persons", ()) if p.asker]
        # an adult age said ("ik ben 45"), not a range inferred from a role ("ik zorg voor …" makes 18+)
        stated_adult = any(p.lo >= 18 and p.hi is not None for p in askers)
        young = any(p.child for p in askers) or (ctx.child_speaker and not stated_adult)
        return "je" if young and "je" in self.inwoner.registers else "u"

    def speaks_as_child(self, tokens: list[str], roles: list[tuple[int, int]] | None = None) -> bool | None:
        """Written by a child or teenager who gives no age ("mijn papa en mama gaan scheiden", "mijn mentor zegt
        …"), and by no parent or other adult ("mijn dochter", "mijn werk"): labels-inwoner.yaml `child_speaker`.
        Without a cue either way, the "who is typing" model decides (match/writer.py, ADR 0131). None when the
        asker names their professional role (match/roles.py `role_spans`: "IB'er basisschool:", "als
        wijkverpleegkundige"): an adult at work, whose "groep 7" is a pupil's (tester12 P05, ADR 0138)."""
        if roles or self.voice.found(tokens) or at_work(cue_words(tokens)):
            return (
                None  # (at work: a child of the writer's class and a wish to consult, the meldcode: ADR 0169)
            )
        return writer.young(tokens, self.inwoner, writer.REGISTER_THRESHOLD)

    def words(self, ctx: Context) -> Any:
        """The resident wording in the asker's register (labels-inwoner.yaml `registers`)."""
        return self.inwoner.register(self.register(ctx))

    def model_why(self, ctx: Context) -> str:
        """Before the why-line of a service found only through the word model's guess (ADR 0112)."""
        return self.words(ctx).lines.get("model_why") or MODEL_WHY

    def _need(self, theme_id: str, words: Any = None) -> str:
        return (words or self.inwoner).theme(theme_id, self.onto.themes[theme_id].label)

    def _need_of(self, words: Any) -> Any:
        return lambda theme_id: self._need(theme_id, words)

    def _label(self, theme_id: str) -> str:
        return _in_line(self.onto.themes[theme_id].label)

    def grounds(self, cand: Candidate, matched: list[str]) -> list[tuple[str, str]]:
        """How the service relates to each matched need, by its own data, strongest first (ADR 0105):
        ("helps", need) when it exists for the need or for a part of it (the part is named: a schulden service
        for "geldzaken" helps with schulden); ("broad", area) when it exists for the broader leefgebied of the
        need (the area is named, not the need); ("also", theme) when it merely touches the need (thema-bijzaak,
        or an unconfirmed suggestion): the theme its data names. A why-line says "helpt bij" only for "helps"."""
        central = cand.central
        out: list[tuple[str, str]] = []
        for tid in matched:
            if tid not in self.onto.themes:
                continue
            anc = self.ancestors.get(tid, set())
            served = self.onto.matching.served_by.get(tid, ())  # schulden help for a rent arrears (ADR 0111)
            part = sorted(c for c in central if tid in self.ancestors.get(c, ()) or c in served)
            broad = sorted(central & anc, key=lambda a: (-len(self.ancestors.get(a, ())), a))
            touched = (
                [tid]
                if tid in cand.incidental or tid in cand.suggested
                else sorted(i for i in cand.incidental | cand.suggested if tid in self.ancestors.get(i, ()))
                or sorted(
                    cand.incidental & anc | cand.suggested & anc,
                    key=lambda a: (-len(self.ancestors.get(a, ())), a),
                )
            )
            if tid in central or len(broad) > 1:  # (several areas of the need: help across them, ADR 0102)
                out.append(("helps", tid))
            elif part:
                out.append(("helps", part[0]))
            elif broad:
                out.append(("broad", broad[0]))
            elif touched:
                out.append(("also", touched[0]))
        order = {"helps": 0, "broad": 1, "also": 2}
        return sorted(dict.fromkeys(out), key=lambda g: order[g[0]])

    def strong(self, cand: Candidate, matched: list[str]) -> bool:
        """The service exists for (a part of) one of the needs or for its area of life: a fit is known. A
        service that merely touches a need, or shares only words, is not (no doelgroep claim, the weak tail)."""
        return any(kind in ("helps", "broad") for kind, _ in self.grounds(cand, matched))

    def _ground_line(self, cand: Candidate, matched: list[str], words: Any = None) -> str:
        """ "Helpt bij schulden en bij wonen" only for needs the service exists for; else the broader area it is
        for ("Helpt bij meedoen in de samenleving in het algemeen") or what it also touches ("Kan ook helpen
        bij contact met mensen om u heen"): never the asker's topic for a service that merely touches it."""
        grounds = self.grounds(cand, matched)
        if not grounds:
            return ""
        kind, words = grounds[0][0], words or self.inwoner
        same_kind = [t for k, t in grounds if k == kind]  # one need named once (ADR 0189)
        needs = [
            self._need(t, words) for t in distinct_needs(same_kind, self._need_of(words), self.ancestors)
        ][:2]
        return words.why[kind].format(need=" en bij ".join(needs) if kind != "broad" else needs[0])

    def _not_for(self, cand: Candidate, matched: list[str], words: Any) -> list[str]:
        """After "Helpt bij <area> in het algemeen": the need of this question the card is not made for ("Niet
        speciaal voor vervoer"), so a reader sees which card is (tester24 e14: seven cards said only "de dingen
        van elke dag in het algemeen" to someone without a car). Not for a danger: a card for how one feels stays
        a way in for someone in crisis without being told it is not for them."""
        grounds = self.grounds(cand, matched)
        template = words.lines.get("not_for_need", "")
        if not grounds or grounds[0][0] != "broad" or not template:
            return []
        area = grounds[0][1]
        for tid in matched:
            theme = self.onto.themes.get(tid)
            if theme is not None and not theme.signal and area in self.ancestors.get(tid, ()):
                return [template.format(need=self._need(tid, words))]
        return []

    def _near_enough(self, s: Scored, ctx: Context) -> bool:
        """A distance is worth saying when it is known and not so large that it is no fit at all (a place far
        outside the gemeente: "101,5 km van Utrecht" tells nothing), and when it is a distance to travel: not to
        a service placed at a kern's centre for want of an address (every card of a Dinxperlo resident said
        "9,3 km" for services of the whole gemeente placed at Aalten's centre; m12test4 class 10)."""
        if s.dist is None or ctx.place is None or s.dist > self.inwoner.far_km:
            return False
        return s.dist < 0.05 or not self.placed_only(s.cand)

    def _where(self, cand: Candidate) -> str:
        """The kern of the service's location ("in Dinxperlo"), or "in de gemeente Aalten" when it is only placed,
        for want of an address, at the centre of the kern that bears the gemeente's name: its source says no more
        than that it works in the gemeente, so no kern is claimed (user test m12test11, ADR 0133)."""
        if not cand.kernen:
            return ""
        return f"in de gemeente {cand.kernen[0]}" if self._gemeente_wide(cand) else f"in {cand.kernen[0]}"

    def _gemeente_wide(self, cand: Candidate) -> bool:
        name = str(getattr(self.profile, "short_name", "") or "")
        return (
            bool(cand.kernen and name)
            and cand.kernen[0].casefold() == name.casefold()
            and self.placed_only(cand)
        )

    def _near_part(self, s: Scored, ctx: Context) -> str:
        """ "3,4 km van Bredevoort", "in Aalten" (the asker's own kern), or "" when no distance is worth saying;
        a service placed only at the gemeente's centre is "in de gemeente Aalten", never in the asker's kern."""
        if not self._near_enough(s, ctx):
            return ""
        if self._gemeente_wide(s.cand):
            return self._where(s.cand)
        return _near(s.dist, ctx.place.name)  # type: ignore[arg-type, union-attr]

    def placed_only(self, cand: Candidate) -> bool:
        """Every location of the service is only placed at a kern's centre (HSDS import: "locatie benaderd")."""
        facts = self._access_state()[1].get(cand.id)
        return bool(facts and facts.placed_only)

    def access_line(self, cand: Candidate, words: Any = None) -> str:
        """How a resident gets in, only as far as the service's own data says it (labels-inwoner.yaml
        `access`): its application_process text, its toegang, or a niveau whose meaning says it; else the
        honest "bel of mail om te vragen hoe u zich aanmeldt". Never "aan te vragen bij de gemeente" from a
        maatwerk niveau alone."""
        _, facts, lines = self._access_state()
        words = words or self.inwoner
        key = (cand.id, cand.niveau) if words is self.inwoner else (cand.id, f"{cand.niveau}|{id(words)}")
        line = lines.get(key)
        if line is None:
            f = facts.get(cand.id)
            line = words.access(cand.niveau, f.toegang if f else None, f.application_process if f else None)
            if len(lines) < 200_000:
                lines[key] = line
        return line

    def way_in(self, cand: Candidate) -> AccessFacts | None:
        """The service's own way-in facts (HSDS toegang, application_process), or None: what a resident can
        reach on their own is data (match/after_crisis.py, ADR 0174)."""
        return self._access_state()[1].get(cand.id)

    def _access_state(self) -> tuple[Any, dict[str, AccessFacts], dict[tuple[str, str | None], str]]:
        """(pool snapshot, every service's way-in facts, the lines worked out so far), swapped as one tuple.
        Read whole once, then per change only for the services it re-read: the pool appends a changed service as
        a new row behind an unchanged prefix of ids (match/pool.py)."""
        state = self._access
        snapshot = self.pool.snapshot() if hasattr(self.pool, "snapshot") else None
        if state is not None and state[0] is snapshot:
            return state
        store = getattr(self.statuses, "store", None)
        if store is None:
            self._access = (snapshot, {}, {})
            return self._access
        reader = ServiceAccess(store)
        prev = state[0] if state is not None else None
        old = getattr(getattr(prev, "ids", None), "blob", None)
        new = getattr(getattr(snapshot, "ids", None), "blob", None)
        same_load = prev is not None and getattr(prev, "t", None) is getattr(snapshot, "t", False)
        if same_load and old is not None and new is not None and new[: len(old)] == old:
            changed = list(dict.fromkeys(snapshot.ids[r] for r in range(prev.n, snapshot.n)))
            gone = set(changed)
            facts = {k: v for k, v in state[1].items() if k not in gone}
            facts |= reader.of(changed) if changed else {}
        else:
            facts = reader.all()
        self._access = (snapshot, facts, {})
        return self._access

    def _who(self, s: Scored, ctx: Context) -> str:
        """The doelgroep in B1 words, only when it is known to fit the asker."""
        if not s.group_fit or s.age_fit is False or not self.strong(s.cand, s.matched):
            # no claim next to "niet voor deze leeftijd", nor for a match on words alone or a need the service
            # merely touches (ADR 0105): "voor deze doelgroep" only where the fit is known
            return ""
        groups = self.onto.doelgroepen
        shared = [groups[g] for g in ctx.groups if g in s.cand.doelgroepen and g in groups]
        if not shared and s.age_fit:
            shared = [
                g
                for g in groups.values()
                if g.id in s.cand.doelgroepen and g.is_age_band and any(g.covers_age(a) for a in ctx.ages)
            ]
        # The most specific: a group that is no age band (mantelzorgers), else the narrowest band ("ouderen"
        # rather than "volwassenen" for someone of 84).
        shared.sort(key=lambda g: (g.is_age_band, -(g.min_age or 0), g.id))
        group = shared[0] if shared else None
        if group is None:
            return ""
        label = group.b1_label or group.label
        return label[0].lower() + label[1:]

    def escalation_fits(
        self,
        service_id: str,
        ages: list[int],
        persons: tuple[tuple[int, int | None], ...],
        raised: set[str],
    ) -> bool:
        """Whether an "opschalen naar" target fits the person in need (ADR 0105): a service for danger (a route
        of a safety level, or one that exists for danger alone) only when a safety level is raised; a service
        whose ages exclude every age in the question, or overlap none of the people in it ("ik" is an adult,
        "mijn vader" 30+), does not fit. Unknown services and unknown ages fit (no claim either way)."""
        cand = self.candidates.get(service_id)
        if cand is None:
            return True
        signal = bool(cand.central) and all(
            self.onto.themes[t].signal for t in cand.central if t in self.onto.themes
        )
        if (cand.routes or signal or cand.niveau == "crisis") and not raised:
            return False
        if cand.ages is None:
            return True
        if ages:
            return age_fit(cand, ages, False) is not False
        return not persons or any(
            lo <= (p_hi if p_hi is not None else 200) and (hi is None or hi >= p_lo)
            for lo, hi in cand.ages
            for p_lo, p_hi in persons
        )

    # -- never a dead end ----------------------------------------------------------------------------------

    def needs_front_door(self, best: list[Scored], ctx: Context) -> bool:
        """Nothing fits: no result about a recognised need and no safety help (words alone are no fit)."""
        if ctx.safety.raised:
            return False
        return not any(s.fit > 0 for s in best)

    def front_door_ids(self, ctx: Context) -> list[str]:
        """The kaart's front door for the asker's place (the gemeente profile, else the broadest lokaal team)."""
        return self._front_door_ids(ctx)

    def _front_door_ids(self, ctx: Context) -> list[str]:
        kern = ctx.place.name if ctx.place is not None else None
        ids = [i for i in self.profile.front_door.services_for(kern) if i in self.candidates]
        ids = [i for i in ids if self.candidates[i].status == "active"]
        if ids:
            return ids
        # No profile for this kaart (or its ids are not in the data): the broadest lokaal-team service.
        broadest = self.pool.first(  # most leefgebieden, then the smallest id (per group: match/pool.py)
            lambda c: (
                -len(
                    {
                        lg
                        for t in c.central
                        for lg in (self.ancestors.get(t, set()) | {t})
                        if not self.parents.get(lg)
                    }
                )
            ),
            niveau="lokaal-team",
        )
        return [broadest] if broadest else []

    def with_front_door(
        self, results: list[dict[str, Any]], ctx: Context, limit: int, guessed: bool = False
    ) -> list[dict[str, Any]]:
        """The front door first. `guessed`: only the word model placed the question; the cards under the door
        say "Wij denken dat uw vraag hierover gaat", so the door says it is not sure either (ADR 0121)."""
        cfg, lines = self.onto.matching, self.words(ctx).lines
        pro = ctx.audience == "professional"
        why = (
            cfg.front_door_why_professional if pro else lines.get("front_door_unplaced") or cfg.front_door_why
        )
        if ctx.weights and not pro and cfg.front_door_why_no_service:
            why = lines.get("front_door_no_service") or cfg.front_door_why_no_service  # understood: say so
            template = lines.get("door_uncovered") or cfg.front_door_why_uncovered  # a roof named (ADR 0178)
            why = basic_need_line(ctx.weights, lambda t: self._need(t, self.words(ctx)), template) or why
        if guessed:
            why = lines.get("front_door_guessed_professional" if pro else "front_door_guessed") or why
        door = []
        for sid in self._front_door_ids(ctx):
            cand = self.candidates[sid]
            dist = distance(cand, ctx.place)
            entry = Scored(0, 0.0, cand, 0.0, [], dist, None, False)
            row = self.result(entry, ctx)
            row["why"] = " · ".join(
                # no "101,5 km van Utrecht": a distance that large is no fit and tells nothing (ADR 0103)
                [why, *([_capital(near)] if (near := self._near_part(entry, ctx)) else [])]
            )
            row["score"] = round(max([r["score"] for r in results], default=0.0) + 0.001, 4)
            door.append(row)
        ids = {r["service_id"] for r in door}
        return (door + [r for r in results if r["service_id"] not in ids])[: max(1, limit)]


def _capital(part: str) -> str:
    """A part of a resident's why-line about the place starts with a capital: "In Aalten" on every card."""
    return part[:1].upper() + part[1:]


def _km(d: float) -> str:
    return f"{d:.1f} km".replace(".", ",")


def _in_line(label: str) -> str:
    """A theme label inside a sentence: only its first letter lower-case ("inburgering en Nederlandse taal",
    "niet-aangeboren hersenletsel (NAH)"), unless it starts with an abbreviation ("LVB")."""
    first = label.split(" ", 1)[0]
    return label if first.isupper() and len(first) > 1 else label[:1].lower() + label[1:]


def _near(d: float, place: str) -> str:
    """ "3,4 km van Bredevoort"; a service in the asker's own kern (placed at its centre: 0,0 km) is "in Aalten"."""
    return f"in {place}" if d < 0.05 else f"{_km(d)} van {place}"


def outside_gemeente(
    place: str | None, kernen: tuple[str, ...] | list[str], nearest_km: float | None, far_km: float
) -> bool:
    """Whether the place the distances are measured from lies outside the gemeente of this kaart: a named
    place that is none of its kernen (a postcode label such as "7122 AB Aalten" names its kern), or a place
    without a name ("locatie") whose nearest service is further than `far_km`. Without kernen in the profile
    only the distance can tell."""
    if not place:
        return False
    words = {w.casefold() for w in place.replace(",", " ").split()}
    named = place.casefold() not in {"locatie", ""}
    if named and kernen:
        return not any(k.casefold() == place.casefold() or k.casefold() in words for k in kernen)
    return nearest_km is not None and nearest_km > far_km
