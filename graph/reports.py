"""Reports from residents: "Klopt er iets niet?" on a public entry becomes a `report` Proposal in the review
queue, with the entry, the field it is about and what is wrong (`reason`).

Privacy: a report has no account and no client address. The optional reply address (`reply_to`) is kept only
until a coördinator handles the report: approving or rejecting it deletes the address in the same write that
records the decision (ProposalRepository._q_decide). It is never on a public page, API or export.
"""

from __future__ import annotations

import re
import uuid

from graph.proposals import Proposal, ProposalRepository, now_iso
from graph.store import GraphStore

SOURCE = "melding:website"
# The fields a resident can point at (B1 labels); "" = not chosen.
REPORT_FIELDS = {
    "naam": "Naam",
    "adres": "Adres",
    "telefoon": "Telefoonnummer",
    "openingstijden": "Openingstijden",
    "beschrijving": "Beschrijving",
    "anders": "Iets anders",
}
ENTITY_TYPES = ("Service", "Organisation")
MAX_REPORT = 1000
MAX_ADDRESS = 254
_ADDRESS = re.compile(r"^[^@\s<>\"',;:()\[\]\\]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def valid_reply_address(address: str) -> bool:
    """A plain e-mail address (no display name, no list): it becomes a mailto link in beheer."""
    return len(address) <= MAX_ADDRESS and bool(_ADDRESS.match(address))


def file_report(
    store: GraphStore,
    entity_type: str,
    entity_id: str,
    text: str,
    field: str | None = None,
    reply_to: str | None = None,
) -> Proposal:
    """File a resident's report as a pending proposal. The caller checked the entry exists and the input."""
    if entity_type not in ENTITY_TYPES:
        raise ValueError(f"onbekend soort record: {entity_type!r}")
    if field is not None and field not in REPORT_FIELDS:
        raise ValueError(f"onbekend veld: {field!r}")
    text = text.strip()
    if not text or len(text) > MAX_REPORT:
        raise ValueError("de melding is leeg of te lang")
    if reply_to is not None and not valid_reply_address(reply_to):
        raise ValueError("geen geldig e-mailadres")
    proposal = Proposal(
        id=f"prop-melding-{uuid.uuid4().hex}",
        kind="report",
        entity_type=entity_type,
        entity_id=entity_id,
        diffs=(),
        source=SOURCE,
        created_at=now_iso(),
        reason=text,
        reported_field=field,
        reply_to=reply_to,
    )
    ProposalRepository(store).add([proposal])
    return proposal
