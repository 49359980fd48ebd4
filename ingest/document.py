"""`kaart ingest document <file.txt|file.pdf>`: propose partners from a policy document.

Policy documents list partners as "rol — organisatie" lines under headings such as "Huidige bezetting van
VAT Aalten:" (seed 002). Each such line becomes, for the review queue only (never straight into the kaart):

- a `create` Proposal for an organisation the kaart does not know yet;
- a `member` Proposal for a network membership (the heading names the network: VAT, Preventieplatform,
  LEA, …; "huidige bezetting" → status huidig, "voorgestelde aanvulling" / "in overweging" → voorgesteld)
  when the organisation is known (or proposed) and not yet a member with that rol.

Recognised lines: bullets `- <rol> — <organisatie>` (em/en dash or " - "), with "A en/of B" naming two
organisations, and `- Vertegenwoordiging <organisatie>`. The proposal's reason quotes the line and its number.
PDF text is extracted with pypdf.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from graph.proposals import FieldDiff, Proposal, proposal_id
from graph.repositories import NetwerkRepository, OrganisationRepository
from graph.store import GraphStore
from ingest.base import Report, decode, now_iso
from ingest.dedupe import name_key, similarity
from ingest.hsds import slug
from ingest.writer import Mapped, source_config, write_mapped

_BULLET = re.compile(r"^\s*(?:[-*•·▪◦]|\d+[.)])\s+(?P<body>.+?)\s*$")
_DASH = re.compile(r"\s+[—–]\s+|\s+-\s+")
_REPRESENT = re.compile(
    r"^(?P<rol>vertegenwoordiging|vertegenwoordiger|afvaardiging)\s+(?:van\s+)?(?P<org>.+)$", re.IGNORECASE
)
_AND_OR = re.compile(r"\s+(?:en/of|en|of|/)\s+", re.IGNORECASE)
_NETWORKS = (
    (re.compile(r"\bvraag-? en advies ?team\b|\bVAT\b", re.IGNORECASE), "vat"),
    (re.compile(r"\bpreventieplatform\b", re.IGNORECASE), "preventieplatform"),
    (re.compile(r"\bLEA\b|lokale educatieve agenda", re.IGNORECASE), "lea"),
    (re.compile(r"\bplatform aalten\b", re.IGNORECASE), "platform aalten"),
    (re.compile(r"\bsterk(e)? lokaal? team\b|\bstevig(e)? lokaal? team\b", re.IGNORECASE), "lokaal team"),
)
_STATUS = (  # first match wins: "Voorgestelde aanvulling op huidige bezetting" is voorgesteld
    (re.compile(r"voorgesteld|aanvulling|in overweging|toekomstig", re.IGNORECASE), "voorgesteld"),
    (re.compile(r"huidige bezetting|huidig|bestaand", re.IGNORECASE), "huidig"),
)


@dataclass(frozen=True)
class Mention:
    line: int
    text: str
    rol: str
    organisation: str
    network_hint: str | None
    status: str | None


def read_text(path: Path) -> str:
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        from pypdf import PdfReader

        reader = PdfReader(str(path))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    return decode(path.read_bytes())


def mentions(text: str) -> list[Mention]:
    """The "rol — organisatie" lines of a document, with the network and status of their heading."""
    out: list[Mention] = []
    hint: str | None = None
    status: str | None = None
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        m = _BULLET.match(line)
        if not m:
            if len(line) < 160:  # a heading or a short paragraph sets the context of the bullets below it
                found = next((key for rx, key in _NETWORKS if rx.search(line)), None)
                st = next((s for rx, s in _STATUS if rx.search(line)), None)
                if found or st:
                    hint = found or hint
                    status = st
                elif line.endswith(":") or line.isupper():
                    hint, status = None, None
            continue
        body = m.group("body").strip().rstrip(".;")
        parts = _DASH.split(body, maxsplit=1)
        if len(parts) == 2:
            rol, orgs = parts[0].strip(), parts[1].strip()
        else:
            rm = _REPRESENT.match(body)
            if not rm:
                continue
            rol, orgs = rm.group("rol").capitalize(), rm.group("org").strip()
        if not rol or not orgs or len(orgs) > 80 or len(rol) > 80:
            continue
        for org in _AND_OR.split(orgs):
            org = org.strip(" ,")
            if org and org[0].isalpha():
                out.append(Mention(n, line, rol, org, hint, status))
    return out


class _Kaart:
    def __init__(self, store: GraphStore) -> None:
        self.orgs = OrganisationRepository(store).all(limit=1_000_000)
        self.keys = [(name_key(o.name), o) for o in self.orgs] + [
            (name_key(o.alternate_name), o) for o in self.orgs if o.alternate_name
        ]
        self.nets = NetwerkRepository(store).all(limit=10_000)

    def organisation(self, name: str):
        key = name_key(name)
        exact = [o for k, o in self.keys if k == key]
        if exact:
            return exact[0]
        scored = sorted(
            ((similarity(key, k), o.id, o) for k, o in self.keys if k), key=lambda x: (-x[0], x[1])
        )
        return scored[0][2] if scored and scored[0][0] >= 0.9 else None

    def network(self, hint: str | None, place_words: set[str]):
        if not hint:
            return None
        cands = []
        for net in self.nets:
            text = f"{net.id} {net.name}".lower()
            ok = (hint == "vat" and ("vat" in text or "vraag- en advies" in text)) or (
                hint != "vat" and hint in text
            )
            if ok:
                cands.append((sum(w in text for w in place_words), net.id, net))
        cands.sort(key=lambda c: (-c[0], c[1]))
        return cands[0][2] if cands else None


def _own(net, org_id: str | None) -> bool:
    return any(x.organisation_id == org_id for x in net.members)


def map_document(
    text: str, store: GraphStore, report: Report, file: str, source_id: str, created_at: str
) -> Mapped:
    mapped = Mapped()
    kaart = _Kaart(store)
    proposed_orgs: dict[str, str] = {}
    for m in mentions(text):
        quote = f"{file} regel {m.line}: \u201c{m.text.lstrip('-*• ').strip()}\u201d"
        org = kaart.organisation(m.organisation)
        org_id = org.id if org else proposed_orgs.get(name_key(m.organisation))
        if org is None and org_id is None:
            org_id = f"org-{slug(m.organisation)}"
            proposed_orgs[name_key(m.organisation)] = org_id
            diffs = (FieldDiff("name", None, m.organisation),)
            p = Proposal(
                id=proposal_id("create", "Organisation", org_id, source_id, diffs),
                kind="create",
                entity_type="Organisation",
                entity_id=org_id,
                diffs=diffs,
                source=source_id,
                created_at=created_at,
                reason=f"nieuwe partner '{m.organisation}' ({m.rol}) volgens {quote}",
            )
            mapped.proposals.append(p)
            mapped.proposal_where[p.id] = (file, m.line)
        words = {w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ]{4,}", m.text)}
        net = kaart.network(m.network_hint, words)
        if net is None:
            if m.network_hint:
                report.warn(
                    file,
                    m.line,
                    org_id,
                    f"netwerk ({m.network_hint}) niet gevonden in de kaart; geen lidmaatschap voorgesteld",
                )
            continue
        rol = m.rol.lower()
        known = [
            x for x in net.members if x.rol and (rol == x.rol.lower() or x.rol.lower().startswith(rol + " "))
        ]
        if any(x.organisation_id == org_id for x in known) or (
            known and org is not None and not _own(net, org_id)
        ):
            # The rol is filled in this network (by this organisation, or by a team the kaart has for it).
            report.outcome(file, m.line, org_id, "unchanged", f"rol {m.rol} in {net.id} is al bekend")
            continue
        member = {"organisation_id": org_id, "rol": m.rol, "status": m.status}
        diffs = (FieldDiff("members", None, member),)
        p = Proposal(
            id=proposal_id("member", "Netwerk", net.id, source_id, diffs),
            kind="member",
            entity_type="Netwerk",
            entity_id=net.id,
            diffs=diffs,
            source=source_id,
            created_at=created_at,
            reason=f"{m.organisation} als {m.rol} ({m.status or 'status onbekend'}) in {net.name} volgens {quote}",
        )
        mapped.proposals.append(p)
        mapped.proposal_where[p.id] = (file, m.line)
    return mapped


def import_document(
    store: GraphStore, path: Path, *, dry_run: bool = False, source: str | None = None
) -> Report:
    path = Path(path)
    source_id = source or f"document:{path.name}"
    report = Report(source=source_id, dry_run=dry_run)
    try:
        text = read_text(path)
    except Exception as exc:  # noqa: BLE001 - a broken PDF is a report line, not a crash
        report.reject(path.name, 0, None, f"document niet leesbaar: {exc}")
        return report
    at = now_iso()
    mapped = map_document(text, store, report, path.name, source_id, at)
    report.counts["vermeldingen"] = len(mentions(text))
    if dry_run:
        report.counts["proposals"] += len(mapped.proposals)
        return report
    write_mapped(
        store, mapped, source_config(source_id, "document"), report, at, dedupe=False, path=str(path)
    )
    return report
