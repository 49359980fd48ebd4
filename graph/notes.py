"""Notes for colleagues (issue 16.4, docs/adr/0083-professional-only-data.md): short professional-only notes on
an organisation or a dienst ("bel eerst de coördinator, aanmelden via de huisarts").

A `Note` node per note, `(record)-[:HAS_NOTE]->(note)`: never a property of the record, so no public page, API
or HSDS export that reads records can carry one. Every add, edit and delete writes a `Change` (field `notitie`)
in the same unit, so notes are in the history of the record (beheer only). A note keeps its author's role and
display name (the account model has one), and the account id to let the author edit it; never resident data.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from graph.dialect import ident
from graph.proposals import ChangeRepository, new_change
from graph.store import GraphStore

NOTE_FIELD = "notitie"  # Change.field of a note added, edited or deleted
ENTITIES = ("Service", "Organisation")
MAX_NOTE = 1000


@dataclass(frozen=True)
class Note:
    id: str
    entity: str  # Service | Organisation
    entity_id: str
    text: str
    author_id: str
    author_role: str  # professional | coordinator | admin
    author_name: str
    created_at: str
    updated_at: str | None = None


def _note(p: dict[str, Any]) -> Note:
    return Note(
        id=p["id"],
        entity=p.get("entity") or "",
        entity_id=p.get("entity_id") or "",
        text=p.get("text") or "",
        author_id=p.get("author_id") or "",
        author_role=p.get("author_role") or "",
        author_name=p.get("author_name") or "",
        created_at=p.get("created_at") or "",
        updated_at=p.get("updated_at"),
    )


def _label(entity: str) -> str:
    if entity not in ENTITIES:
        raise ValueError(f"geen notities bij {entity!r}")
    return ident(entity)


class NoteRepository:
    _q_get = "MATCH (n:Note {id: $id}) RETURN properties(n) AS n"
    _q_edit = "MATCH (n:Note {id: $id}) SET n.text = $text, n.updated_at = $at"
    _q_delete = "MATCH (n:Note {id: $id}) DETACH DELETE n"
    _q_delete_of_account = "MATCH (n:Note {author_id: $account}) RETURN n.id AS id"

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def for_entity(self, entity: str, id: str) -> list[Note]:
        """The notes on a record, oldest first."""
        rows = self.store.read(
            f"MATCH (r:{_label(entity)} {{id: $id}})-[:HAS_NOTE]->(n:Note) "
            "RETURN properties(n) AS n ORDER BY n.created_at, n.id",
            {"id": id},
        )
        return [_note(r["n"]) for r in rows]

    def get(self, id: str) -> Note | None:
        rows = self.store.read(self._q_get, {"id": id})
        return _note(rows[0]["n"]) if rows else None

    def add(
        self,
        entity: str,
        entity_id: str,
        text: str,
        *,
        author_id: str,
        author_role: str,
        author_name: str,
        who: str,
    ) -> Note:
        """Add a note to a record (KeyError when the record does not exist), with its Change, in one unit."""
        label = _label(entity)
        if not self.store.read(f"MATCH (r:{label} {{id: $id}}) RETURN r.id AS id", {"id": entity_id}):
            raise KeyError(entity_id)
        note = Note(
            id=f"note-{uuid.uuid4().hex}",
            entity=entity,
            entity_id=entity_id,
            text=text[:MAX_NOTE],
            author_id=author_id,
            author_role=author_role,
            author_name=author_name,
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        props = {k: v for k, v in note.__dict__.items() if v is not None}
        change = new_change(
            entity, entity_id, NOTE_FIELD, None, note.text, who=who, source="edit", ref=note.id
        )
        self.store.write_all(
            [
                (
                    f"MATCH (r:{label} {{id: $id}}) CREATE (r)-[:HAS_NOTE]->(n:Note) SET n = $props",
                    {"id": entity_id, "props": props},
                ),
                ChangeRepository(self.store).add_statement([change]),
            ]
        )
        return note

    def edit(self, note: Note, text: str, who: str) -> None:
        text = text[:MAX_NOTE]
        change = new_change(
            note.entity, note.entity_id, NOTE_FIELD, note.text, text, who=who, source="edit", ref=note.id
        )
        at = datetime.now(UTC).isoformat(timespec="seconds")
        self.store.write_all(
            [
                (self._q_edit, {"id": note.id, "text": text, "at": at}),
                ChangeRepository(self.store).add_statement([change]),
            ]
        )

    def delete(self, note: Note, who: str) -> None:
        change = new_change(
            note.entity, note.entity_id, NOTE_FIELD, note.text, None, who=who, source="edit", ref=note.id
        )
        self.store.write_all(
            [(self._q_delete, {"id": note.id}), ChangeRepository(self.store).add_statement([change])]
        )
