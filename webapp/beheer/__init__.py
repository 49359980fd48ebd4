"""Beheer: how coördinatoren keep the kaart current, and how partners update their own entry.

One module per aggregate, all registering on the two blueprints of `blueprints.py`:
- `records`: organisations, services, locations, phones (bereikbaarheid), networks; one generic edit view
  (`forms.edit_record`) for every record type. Every edit carries the version the form was made from; of two
  concurrent edits one wins and the other gets a conflict page — never a silent overwrite (ADR 0020).
- `review`: the review queue of Proposals, approve / edit-then-approve / reject with a reason.
- `partners`: personal partner links, the partner's own page, the verification dashboard (ADR 0021).
- `history`: history per record and the HSDS `metadata` audit export.
- `analysis`: coverage kern × thema × niveau and optional demand statistics (ADR 0022).
- `fields` and `forms`: the field specifications and the shared form handling; `schedules`: hours and
  wachttijd in the forms (ADR 0035); `readable`: values as people read them (names, not ids);
  `coverage_map`: which kernen a service area covers, and the map of gaps; `embed`: the snippet that puts the
  search box on the gemeente's website (ADR 0080); `statuses`: the temporary status of a dienst or
  organisation (ADR 0082).
"""

from webapp.beheer import analysis, embed, history, partners, records, review, statuses
from webapp.beheer.blueprints import bp, partner_bp

__all__ = ["analysis", "bp", "embed", "history", "partner_bp", "partners", "records", "review", "statuses"]
