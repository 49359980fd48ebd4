"""Proportionate safety: which safety levels a hulpvraag raises (ontology/safety.yaml, ADR 0031).

112 only for acute danger, 113 only for suicidal thoughts, Veilig Thuis for danger at home, the huisarts for a
psychiatric crisis, advice for a professional's consultation question; negated danger raises nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from match.danger_frame import DangerFrame
from match.harm_reading import PERSON, UNKNOWN
from match.language import not_dutch
from match.nlp import Analysis, ThemeHit
from match.roles import phrase_index
from match.safety_acute import AcuteKinds
from match.safety_consult import ConsultReader
from match.safety_everyday import Hypothetical
from match.safety_model import HOME, second_opinion
from match.safety_model import model_for as safety_model_for
from match.safety_writer import ChildWriter
from match.speech_no_harm import guess_apart
from match.words import fold
from match.writer_put_out import minor_sent_away, roof_lost


@dataclass
class Safety:
    """The safety levels a hulpvraag raises (ontology/safety.yaml) and the JSON signals that follow."""

    levels: list[Any] = field(default_factory=list)  # ontology SafetyLevel, most urgent first
    veiligheid: bool = False
    crisis: bool = False
    uncertain: bool = False
    danger: set[str] = field(default_factory=set)
    triggers: dict[str, set[str]] = field(
        default_factory=dict
    )  # per raised level, the danger themes that raised it
    # the levels whose danger is told about someone else only ("mijn vader zegt …"): the asker worries (ADR 0143)
    for_other: set[str] = field(default_factory=set)
    # who writes, for the box: a child hit at home in a child's words reads the child's line (ADR 0154)
    box_writer: str = ""  # "kind" / "volwassene" / "" (the page's register decides)

    @property
    def raised(self) -> bool:
        return bool(self.levels)

    def rank_of(self, cand: Any) -> int | None:
        """The rank of the most urgent raised level this service is the help for."""
        ranks = [lv.rank for lv in self.levels if lv.id in cand.routes and self._covers(lv, cand)]
        return min(ranks) if ranks else None

    def _covers(self, level: Any, cand: Any) -> bool:
        """For a level with several kinds of danger (Veilig Thuis: geweld, kindermishandeling,
        ouderenmishandeling), a service is its help only for the kinds it exists for: a youth crisis team that
        takes child abuse is no help for partner violence against an adult."""
        if len(level.route) < 2:
            return True
        told = self.triggers.get(level.id, set()) & set(level.route)
        return not told or bool(told & cand.central)

    def route_fit(self, cand: Any) -> float:
        """How much this service is THE help for its most urgent raised level, in [0, 1): the share of the
        level's route it exists for, and the share of what it exists for that is that route. Veilig Thuis (for
        geweld, kindermishandeling and ouderenmishandeling alike) goes above a youth crisis team that also
        takes child abuse; a crisisdienst for psychiatry above a team that does it among other things."""
        level = next((lv for lv in self.levels if lv.id in cand.routes and self._covers(lv, cand)), None)
        if level is None or not level.route or not cand.central:
            return 0.0
        route = set(level.route)
        ours = route & cand.central
        return 0.45 * len(ours) / len(route) + 0.45 * len(ours) / len(cand.central)


class SafetyAssessor:
    """Reads the safety taxonomy once; `assess` is pure and keeps nothing."""

    def __init__(self, onto: Any, ancestors: dict[str, set[str]]) -> None:
        self.onto = onto
        self.ancestors = ancestors
        self.levels = onto.safety.levels
        self.askers = _Phrases(onto.safety.professional_askers, onto.safety.asker_any_word_not)
        self.consult = ConsultReader(onto.safety.consultation)
        self.model = safety_model_for(onto)
        self.acute_kinds = AcuteKinds(getattr(onto.safety, "acute_kinds", ()) or ())
        guards = getattr(onto.safety, "phrase_guards", None) or {}
        self.frame = DangerFrame.from_config(guards.get("danger_frame"))  # a weapon in a crisis (ADR 0161)
        self._guard: Any = (
            None  # safety_guard.PhraseGuard, built at the first second opinion (it imports spaCy)
        )
        self._child: ChildWriter | None = None  # the child who writes, built with the guard (ADR 0154)
        # safety.yaml second_opinion.explained_by: needs that explain a worry without the word model (ADR 0129)
        opinion_cfg = getattr(onto.safety, "second_opinion", None) or {}
        self.explained_by = {
            k: frozenset(v or ()) for k, v in (opinion_cfg.get("explained_by") or {}).items()
        }
        self.explained_floor = float(opinion_cfg.get("explained_floor") or 0.0)
        # needs that explain a worry only when nobody around the person is named (ADR 0150)
        self.explained_alone = {
            k: frozenset(v or ()) for k, v in (opinion_cfg.get("explained_alone") or {}).items()
        }
        self.hypothetical = Hypothetical(opinion_cfg.get("hypothetical"))
        home = onto.safety.acute_at_home
        self.home_actors = tuple(" ".join(fold(w) for w in str(p).split()) for p in home.get("actors") or ())
        self.home_acts = tuple(" ".join(fold(w) for w in str(p).split()) for p in home.get("acts") or ())
        self.home_unless = tuple(" ".join(fold(w) for w in str(p).split()) for p in home.get("unless") or ())

    def routes(self, central: frozenset[str], niveau: str | None, named: set[str]) -> frozenset[str]:
        """The levels a service is the help for: by its central themes, or — for a crisis service whose name
        names an urgent level ("Alarmnummer 112", "113 Zelfmoordpreventie") — that level only."""
        if niveau == "crisis":
            urgent = {lv.id for lv in self.levels if lv.signal == "crisis" and named & set(lv.route)}
            if urgent:
                return frozenset(urgent)
        return frozenset(
            lv.id
            for lv in self.levels
            if central & set(lv.route) and (not lv.route_niveaus or niveau in lv.route_niveaus)
        )

    def assess(
        self,
        analysis: Analysis,
        weights: dict[str, float],
        audience: str = "public",
        served: set[str] | None = None,
    ) -> Safety:
        """Which safety levels the text raises (ontology/safety.yaml); negated danger raises nothing.
        `weights` (the question's themes) loses a danger theme whose level another theme suppresses.
        `served`: the levels some service on this kaart is the help for; a level supersedes another only when
        it is served (a kaart without a consultation service keeps Veilig Thuis on top)."""
        hits = analysis.themes()
        themes = set(weights)
        danger = {t for t in themes if getattr(self.onto.themes.get(t), "signal", None)}
        topical = {t for t in danger if _only_topic(analysis, t, self.onto.safety.topic_cues)}
        danger -= topical
        level_of_theme = {t for lv in self.levels for t in lv.raised_by}
        raised: dict[str, set[str]] = {}
        suppressed: set[str] = set()
        past = {t for t in danger if _only_past(analysis, t)}
        goes_on = bool(past) and _has_phrase(analysis, self.onto.safety.ongoing_cues)
        # "vroeger heb ik een poging gedaan, nu gaat het goed": a danger of the past that is over now raises nothing
        over_now = bool(past) and not goes_on and _has_phrase(analysis, self.onto.safety.clear_now_cues)
        for lv in self.levels:
            # 112 is for what happens now, Veilig Thuis for what goes on, not for what is long over (`past_raises`)
            trigger = {
                t
                for t in danger
                if (
                    t in lv.raised_by
                    or (t not in level_of_theme and self.ancestors.get(t, set()) & set(lv.raised_by))
                )
                and (
                    t not in past
                    or (lv.past_raises == "yes" and not over_now)
                    or (lv.past_raises == "ongoing" and goes_on)
                )
            }
            if trigger and not (
                themes & set(lv.suppressed_by) and not _has_phrase(analysis, lv.suppression_ends)
            ):
                raised[lv.id] = trigger
            elif trigger:
                suppressed |= trigger
        acute = self.onto.safety.level("acuut-gevaar")
        if (
            acute is not None
            and raised
            and acute.id not in raised
            and not set().union(*raised.values()) <= past
            and _has_phrase(analysis, self.onto.safety.acute_cues)
            and not self.frame.tool_only(analysis.tokens)  # "snijdt groenten met een mes" (ADR 0166)
        ):
            raised[acute.id] = set().union(*raised.values()) - past
        if acute is not None and "psychische-crisis" in raised and self.frame.armed(analysis.tokens):
            # a confused person with a weapon, or voices that command harm to others: 112 first (ADR 0161)
            raised.setdefault(acute.id, set(raised["psychische-crisis"]))
        self._acute_at_home(analysis, raised)
        self._searched(analysis, raised, weights)
        professional = self._is_professional(analysis, audience)
        by_model = not raised and self._second_opinion(
            analysis, raised, weights, professional, blocked=bool(past or suppressed or topical)
        )
        if professional:
            self._professional(analysis, hits, raised, weights, audience)
        for lv in self.levels:
            if lv.id in raised and served is not None and lv.id not in served and lv.fallback:
                # No service on this kaart is the help for it: its fallback's help goes on top instead.
                raised.setdefault(lv.fallback, set()).update(raised[lv.id])
        for lv in self.levels:
            if lv.id in raised and (served is None or lv.id in served):
                for other in lv.supersedes:
                    raised.pop(other, None)
        self._all_clear(analysis, raised)
        levels = [lv for lv in self.levels if lv.id in raised]
        triggers = set().union(*raised.values()) if raised else set()
        # The confusion of someone with dementie is the dementie, no need of its own (ADR 0106): a danger theme
        # whose level the text suppresses and that raised nothing else leaves the question's themes.
        for tid in suppressed - triggers:
            weights.pop(tid, None)
        self._needs_of_danger(analysis, triggers, raised, weights)
        # a guess from loose words: the answer says "Twijfelt u over de veiligheid?"
        uncertain_by_model = bool(by_model and levels)
        return Safety(
            levels=levels,
            veiligheid=bool(levels),
            # a guess of the word model is no crisis signal: the answer asks "Twijfelt u over de veiligheid?"
            crisis=not uncertain_by_model
            and any(
                lv.signal == "crisis" and any(not _uncertain(hits, t) for t in raised[lv.id]) for lv in levels
            ),
            uncertain=uncertain_by_model or (bool(triggers) and all(_uncertain(hits, t) for t in triggers)),
            danger=triggers,
            triggers={lv.id: set(raised[lv.id]) for lv in levels},
            for_other={lv.id for lv in levels if _about_other(analysis, raised[lv.id])},
            box_writer=self._child_writer().writer(analysis.tokens) if "onveilig-thuis" in raised else "",
        )

    def _all_clear(self, analysis: Analysis, raised: dict[str, set[str]]) -> None:
        """An explicit all-clear ("geen acuut gevaar") outweighs vague danger words, never an affirmed mention of
        geweld, mishandeling or suïcide (the levels marked firm). A "niet" inside a longer hit of a theme the text
        affirms elsewhere ("hoort stemmen, slaapt niet") is no all-clear (ADR 0154). Changes `raised` in place."""
        hits = analysis.themes()
        affirmed = {h.theme_id for h in analysis.hits if not h.negated}
        if not any(
            h.negated and h.theme_id in self.onto.safety.all_clear_themes and h.theme_id not in affirmed
            for h in analysis.hits
        ):
            return
        for lv in self.levels:
            trigger = raised.get(lv.id)
            if trigger and not (lv.firm and any(not _uncertain(hits, t) for t in trigger)):
                raised.pop(lv.id)

    def _is_professional(self, analysis: Analysis, audience: str) -> bool:
        """Written by a professional: the professional page, an asker frame ("ik ben leerkracht"), or a note that
        opens with the writer's role ("intern begeleider, …", ADR 0117), or one written for the team or the organisation
        ("onze peuterleidster merkt …", "vanuit de kinderopvang zien we …", ADR 0122)."""
        words = analysis.tokens
        return (
            audience == "professional"
            or self.askers.found(words)
            or self.consult.opens_with_role(words)
            or self.consult.speaks_for_team(words)
        )

    def _second_opinion(
        self,
        analysis: Analysis,
        raised: dict[str, set[str]],
        weights: dict[str, float],
        professional: bool,
        blocked: bool,
    ) -> bool:
        """The word model's second opinion (match/safety_model.py, ADR 0117): only where the rules raised nothing
        and saw no danger that is denied, over, only a topic or explained by something else (dementia)."""
        themes = self.onto.themes
        if minor_sent_away(analysis):  # a child put out is unsafe at home (ADR 0179)
            raised["onveilig-thuis"] = {"kindermishandeling"}
            weights.setdefault("kindermishandeling", 1.0)
            return False
        # a worry about school work, debts or an uitkering is no danger (consultation.worry.unless)
        if (
            blocked
            or any(h.framed for h in analysis.hits)  # told in a course, a film, "voor als" (ADR 0119)
            or self.consult.off_topic(analysis.tokens)
            or self.consult.practical_doubt(analysis.tokens)  # "of het veilig is om de baby in de draagzak …"
            or self.hypothetical.found(analysis.tokens)  # "wat als ik ziek word en …" (ADR 0136)
            or not_dutch(" ".join(analysis.tokens))  # words the model has barely seen (match/language.py)
            or any(h.negated and getattr(themes.get(h.theme_id), "signal", None) for h in analysis.hits)
        ):
            return False
        # a worry the rules placed in an everyday need (bullying, truancy, loneliness, money) needs a surer model
        # (ADR 0129): the grandmother of a bullied boy read 0.93, a note about a truant 0.91
        # a child's own worry about home is not explained by a parent's drinking (KOAP, ADR 0136): `child`
        child = any(p.asker and p.child for p in getattr(analysis.ages, "persons", ()))
        who = (
            "professional"
            if professional
            else "child"
            if child and "child" in self.explained_by
            else "public"
        )
        explaining = self.explained_by.get(who, frozenset())
        if not self.consult.names_someone_around(analysis.tokens) or self.consult.postnatal_mood_only(
            analysis.tokens
        ):  # only the person and her need (ADR 0150); a mother low after a birth (ADR 0158)
            explaining = explaining | self.explained_alone.get(who, frozenset())
        floor = self.explained_floor if set(weights) & explaining else 0.0
        # a level another theme of the question explains (the confusion of dementia) is no guess of the model's
        allowed = {
            lv.id
            for lv in self.levels
            if not (set(weights) & set(lv.suppressed_by)) or _has_phrase(analysis, lv.suppression_ends)
        }
        # 112 by the model only where the rules found no danger at all, affirmed or not (ADR 0130)
        if any(getattr(themes.get(h.theme_id), "signal", None) for h in analysis.hits):
            allowed.discard("acuut-gevaar")
        # nor a level whose danger word the phrase guards read in another sense ("… vermoordt me haha", ADR 0134)
        if self._guard is None:
            from match.safety_guard import PhraseGuard

            self._guard = PhraseGuard(getattr(self.onto.safety, "phrase_guards", None) or {}, None)
        allowed -= self._guarded_levels(analysis.guarded | self._guard.read_otherwise(analysis.tokens))
        if self._guard.young_child_acts(analysis.tokens):  # "ons zoontje (3) bijt mij": parenting (ADR 0139)
            allowed -= set(HOME)
        if self._guard.harm.no_perpetrator(analysis.tokens):  # a toddler, a thing or an idiom (ADR 0142)
            allowed -= set(HOME)
        if self._guard.child_acts.behaviour_only(analysis.tokens) or self._guard.secret_alone.found(
            analysis.tokens
        ):  # a teenager who shouts, a friend's secret: no danger at home (ADR 0150)
            allowed -= set(HOME)
        if self._guard.young_care.found(analysis.tokens):  # a baby cries, the parents are tired (ADR 0154)
            allowed -= set(HOME)
        if roof_lost(analysis.tokens, analysis.ages):  # an adult put out, no harm told: a roof (ADR 0178)
            allowed -= set(HOME)
        # a sister who stays for hours (ADR 0158); "straks sla ik hem met de pan", "doet dat keurig" (ADR 0166)
        if any(g.found(analysis.tokens) for g in (self._guard.nuisance, self._guard.anger, self._guard.fine)):
            allowed -= set(HOME)
        if self._guard.body_pain.found(analysis.tokens):  # arms sore of carrying: no harm (ADR 0176)
            allowed -= set(HOME) | {"suicide"}
        if self._guard.own.found(analysis.tokens) or self._guard.wandering.found(analysis.tokens):
            # oneself locked in, a fall's break, an old person lost at night: no danger at home (ADR 0183)
            allowed -= set(HOME)
        if self._guard.own.giving_found(analysis.tokens):  # things given away, where the rest goes (0183)
            allowed.discard("suicide")
        # a resident's own doubt whether someone at home is safe is a question for Veilig Thuis, as a guess (ADR 0136)
        home = self.onto.safety.level("onveilig-thuis")
        if (
            not professional
            and home is not None
            and home.id in allowed
            and self.consult.doubt_at_home(analysis.tokens)
        ):
            raised[home.id] = {home.raised_by[-1]}
            weights.setdefault(home.raised_by[-1], 1.0)
            return True
        return guess_apart(  # another's harmless words guess no danger at home (ADR 0179)
            lambda words, levels: second_opinion(
                self.model, words, professional, self.onto.safety, raised, weights, levels, floor
            ),
            analysis.tokens,
            allowed,
            set(HOME),
        )

    def _needs_of_danger(
        self, analysis: Analysis, triggers: set[str], raised: dict[str, set[str]], weights: dict[str, float]
    ) -> None:
        """The needs a raised danger changes (changes `weights` in place): the words of labour exploitation are no
        wish for work (`replaces_needs`); a medical emergency needs the huisarts after 112 (`acute_kinds`, ADR 0136)."""
        for tid in triggers:
            for need in self.onto.safety.replaces_needs.get(tid) or ():
                weights.pop(need, None)
        if "acuut-gevaar" in raised:
            self.acute_kinds.add_needs(self.acute_kinds.kind(analysis.tokens), weights, "acuut-gevaar")

    def _guarded_levels(self, guarded: set[str]) -> set[str]:
        """The levels the themes a phrase guard took out would have raised (danger at home and a consultation
        question are one class for the word model)."""
        out = {
            lv.id
            for lv in self.levels
            for t in guarded
            if t in lv.raised_by or self.ancestors.get(t, set()) & set(lv.raised_by)
        }
        return out | set(HOME) if out & HOME else out

    def _acute_at_home(self, analysis: Analysis, raised: dict[str, set[str]]) -> None:
        """Acute danger from a partner or ex is geweld thuis as well (safety.yaml `acute_at_home`): 112 first and
        Veilig Thuis in the top 3, also when the words of the violence only raised the acute level ("… staat met een
        mes voor de deur en heeft me net geslagen"). Changes `raised` in place."""
        home = self.onto.safety.acute_at_home
        level = home.get("level")
        if "psychische-crisis" in raised and not self._person_harms(analysis.tokens):
            return  # a psychosis with a knife: 112, then the huisarts; Veilig Thuis is no route for it (ADR 0154)
        if (
            "acuut-gevaar" in raised
            and level
            and level not in raised
            and _has_phrase(analysis, self.home_actors)
            and _has_phrase(analysis, self.home_acts)
            and not _has_phrase(analysis, self.home_unless)
            and getattr(self.acute_kinds.kind(analysis.tokens), "at_home", True)  # a wasp's sting (ADR 0136)
        ):
            raised[level] = {home.get("theme", "huiselijk-geweld")}

    def _searched(self, analysis: Analysis, raised: dict[str, set[str]], weights: dict[str, float]) -> None:
        """A suicide signal read in a search for how long it takes: 113, no 112 (ADR 0154). Changes in place."""
        if (
            "suicide" in raised
            and self._searched_only(analysis)
            and raised.pop("acuut-gevaar", None) is not None
        ):
            weights.pop("acuut-gevaar", None)

    def _searched_only(self, analysis: Analysis) -> bool:
        """The text reads a danger in a search ("in zijn zoekgeschiedenis staat hoe lang het duurt voor je
        bewusteloos raakt"), says nothing happens now and tells no act done (`phrase_guards.searched_for`)."""
        cfg = (getattr(self.onto.safety, "phrase_guards", None) or {}).get("searched_for") or {}
        cues = tuple(str(c) for c in cfg.get("cues") or ())
        keep = tuple(str(c) for c in cfg.get("keep") or ())
        return (
            bool(cues)
            and _has_phrase(analysis, cues)
            and not _has_phrase(analysis, keep)
            and not _has_phrase(analysis, self.onto.safety.now_cues)
        )

    def _child_writer(self) -> ChildWriter:
        if self._child is None:
            box = getattr(self.onto.safety, "box", None) or {}
            self._child = ChildWriter.from_config(box.get("child_writer"), self._phrase_guard().harm)
        return self._child

    def _person_harms(self, words: list[str]) -> bool:
        """A person is the agent of a harm verb in the text ("hij heeft me geslagen"): violence told, not only a
        weapon carried."""
        harm = self._phrase_guard().harm
        told = self.frame.commanded_span(words)  # harm the voices tell is no act done (ADR 0161)
        return any(
            harm.agent_kind(words, v) in (PERSON, UNKNOWN)
            for v in harm.harm_verbs(words)
            if told is None or not told[0] <= v < told[1]
        )

    def _phrase_guard(self) -> Any:
        if self._guard is None:
            from match.safety_guard import PhraseGuard

            self._guard = PhraseGuard(getattr(self.onto.safety, "phrase_guards", None) or {}, None)
        return self._guard

    def _professional(
        self,
        analysis: Analysis,
        hits: dict[str, ThemeHit],
        raised: dict[str, set[str]],
        weights: dict[str, float],
        audience: str,
    ) -> None:
        """A professional who writes about a danger asks for consultation (`_consultation`); one who has no words of
        violence, only signs, a doubt about someone's home and a question what to do, too (safety.yaml
        `consultation`, ADR 0114). Changes `raised` and `weights` in place."""
        words = analysis.tokens
        # a note for the team or the organisation ("onze peuterleidster merkt …", ADR 0122) asks for advice by itself
        asks = (
            _has_phrase(analysis, self.onto.safety.consultation_cues)
            or self.consult.asks_what_to_do(words)
            or self.consult.speaks_for_team(words)
        )
        # on the professional page a note about someone in their care is a question in itself ("ik merk bij een gezin …")
        noted = audience == "professional" and self.consult.about_someone(words)
        if not raised and (asks or noted or self.consult.doubts(words)) and self.consult.worried(words):
            level = next((lv for lv in self.levels if lv.professional_vermoeden and lv.raised_by), None)
            if level is not None:
                raised[level.id] = {level.raised_by[0]}
                weights.setdefault(level.raised_by[0], 1.0)
        elif raised:
            # a professional's doubt whether someone is safe is a vermoeden too ("twijfel of de baby veilig is", ADR 0150)
            self._consultation(
                analysis,
                hits,
                raised,
                asks or self.consult.about_someone(words) or self.consult.doubts(words),
            )
        if any(lv.professional_vermoeden and lv.id in raised for lv in self.levels):
            for need in self.consult.care_needs(words):  # a baby's care: the everyday help next (ADR 0136)
                weights.setdefault(need, 0.5)

    def _consultation(
        self, analysis: Analysis, hits: dict[str, ThemeHit], raised: dict[str, set[str]], asks: bool
    ) -> None:
        """A professional's vermoeden, or a professional asking how to act (on the professional page, or writing
        "ik ben leerkracht" on the public one), is a consultation question: advice before anything else (the
        meldcode). Only about the dangers of the meldcode (the levels consultation supersedes), never about suicide
        or psychosis; and no 112 for it unless the text says the danger is happening now (`now_cues`, ADR 0101).
        Changes `raised` in place."""
        safety = self.onto.safety
        triggers = set().union(*raised.values())
        for lv in self.levels:
            about = set().union(*(raised.get(other, set()) for other in lv.supersedes))
            if lv.professional_vermoeden and about and (asks or all(_uncertain(hits, t) for t in triggers)):
                raised.setdefault(lv.id, set()).update(about)
                acute = safety.level("acuut-gevaar")
                if acute is not None and acute.id in raised and not _has_phrase(analysis, safety.now_cues):
                    raised.setdefault(lv.id, set()).update(raised.pop(acute.id) - set(acute.raised_by))

    def notice(self, safety: Safety) -> str | None:
        """The sentences of the raised levels, most urgent first."""
        if not safety.levels:
            return None
        text = " ".join(dict.fromkeys(lv.notice for lv in safety.levels))
        prefix = self.onto.safety.uncertain_prefix
        if safety.uncertain and prefix and not text.startswith(prefix):
            text = f"{prefix} {text}"
        return text


def _uncertain(hits: dict[str, ThemeHit], tid: str) -> bool:
    hit = hits.get(tid)
    return bool(hit is not None and hit.uncertain)


TOPIC_REACH = (
    6  # words from a topic cue to the danger it names ("een training signaleren van kindermishandeling")
)


def _only_topic(analysis: Analysis, tid: str, cues: tuple[str, ...]) -> bool:
    """Every affirmed mention of the theme is the topic of a course, a training or a talk (safety.yaml `topic_cues`,
    ADR 0107): "ik zoek een cursus over de meldcode" asks for a course, not for advice about a danger."""
    mentions = [h for h in analysis.hits if h.theme_id == tid and not h.negated]
    if not mentions or not cues:
        return False
    words = analysis.tokens
    ends = [
        i + len(parts)
        for parts in (tuple(c.split()) for c in cues)
        for i in range(len(words) - len(parts) + 1)
        if tuple(words[i : i + len(parts)]) == parts
    ]
    if not ends:
        return False

    def topic(hit: Any) -> bool:
        first = fold(hit.text.split()[0]) if hit.text.split() else ""
        at = [i for i, w in enumerate(words) if w == first]
        return bool(at) and all(any(0 <= i - e <= TOPIC_REACH for e in ends) for i in at)

    return all(topic(h) for h in mentions)


def _only_past(analysis: Analysis, tid: str) -> bool:
    """Every affirmed mention of the theme is in the past ("vorig jaar heeft hij me geslagen")."""
    mentions = [h for h in analysis.hits if h.theme_id == tid and not h.negated]
    return bool(mentions) and all(h.historical for h in mentions)


class _Phrases:
    """Phrases found by their longest word: the ~1 200 professional askers ("ik ben * trainer") cost a few set
    lookups per text, not a scan per phrase."""

    def __init__(self, phrases: tuple[str, ...], any_word_not: frozenset[str] = frozenset()) -> None:
        self.any_word_not = any_word_not  # "*" is a word of a split compound, never "de" or "mijn"
        self.by_word = phrase_index(phrases)  # shared with match/roles.py (ADR 0168)

    def found(self, words: list[str]) -> bool:
        for i, w in enumerate(words):
            for parts, k in self.by_word.get(w, ()):
                start = i - k
                window = words[start : start + len(parts)] if start >= 0 else []
                if len(window) == len(parts) and all(
                    p == x or (p == "*" and x not in self.any_word_not)
                    for p, x in zip(parts, window, strict=True)
                ):
                    return True
        return False


def _has_phrase(analysis: Analysis, phrases: tuple[str, ...]) -> bool:
    words = analysis.tokens
    for phrase in phrases:
        parts = tuple(phrase.split())
        n = len(parts)
        for i in range(len(words) - n + 1):
            if all(p in ("*", w) for p, w in zip(parts, words[i : i + n], strict=True)):
                return True  # "*": any one word ("als * trainer": a compound split by the matcher)
    return False


def _about_other(analysis: Analysis, themes: set[str]) -> bool:
    """Every affirmed mention of these danger themes is about someone else (an experiencer cue: "mijn vader",
    "mijn vriendin", ADR 0143): the asker is a naaste who worries, not the one in danger."""
    hits = [h for h in analysis.hits if h.theme_id in themes and not h.negated]
    return bool(hits) and all(h.other_person or _third_person(h.text) for h in hits)


def _third_person(text: str) -> bool:
    """The words of a hit speak of him or her and never of me ("dat ze ons niet langer tot last wil zijn")."""
    words = {fold(w) for w in text.replace(",", " ").split()}
    return bool(words & THIRD_PERSON) and not words & FIRST_PERSON


THIRD_PERSON = frozenset({"hij", "zij", "ze", "hem", "haar", "zijn", "zichzelf"})
FIRST_PERSON = frozenset({"ik", "me", "mij", "mijn", "mezelf", "mijzelf"})
