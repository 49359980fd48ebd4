"""Duplicate detection across sources: the same organisation imported twice (an HSDS package and the LRK, a
spreadsheet and DUO…) gets a `merge` Proposal for the review queue, never an automatic merge.

Two organisations from different sources are proposed as duplicates when their normalised names are equal,
very similar (≥ 0.9), or similar (≥ 0.6) and they share a postcode, a street address or a website domain.
Normalising: lower case, accents and punctuation removed, legal forms ("stichting", "B.V.") dropped.
Candidates are found through blocking keys (name, postcode, domain, rare name words), not all pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher
from typing import Any
from urllib.parse import urlparse

from graph.proposals import Proposal, ProposalRepository, proposal_id
from graph.sources import organisation_fingerprints
from graph.store import GraphStore
from ingest.base import Report
from ingest.vocab import fold

LEGAL = {"stichting", "st", "bv", "b v", "nv", "vof", "vereniging", "cooperatie", "ua", "u a", "de", "het"}
RARE = 25  # a name word shared by more organisations than this is no blocking key


def name_key(name: str | None) -> str:
    words = [w for w in fold(name or "").split() if w not in LEGAL]
    return " ".join(words)


def domain(url: str | None) -> str | None:
    if not url:
        return None
    text = url if "//" in url else f"http://{url}"
    host = (urlparse(text).hostname or "").lower()
    return host.removeprefix("www.") or None


def similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ta, tb = set(a.split()), set(b.split())
    jaccard = len(ta & tb) / len(ta | tb) if ta | tb else 0.0
    return max(SequenceMatcher(None, a, b).ratio(), jaccard)


def _prints(store: GraphStore, ids: list[str], source: str | None) -> list[dict[str, Any]]:
    out = []
    for r in organisation_fingerprints(store, ids, other_than=source):
        r["key"] = name_key(r.get("name"))
        r["alt_key"] = name_key(r.get("alt"))
        r["domain"] = domain(r.get("website"))
        r["addr_keys"] = {fold(a) for a in r.get("addrs") or []}
        out.append(r)
    return out


def find_duplicates(
    store: GraphStore, ids: Iterable[str], source: str | None = None
) -> list[tuple[dict[str, Any], dict[str, Any], float, str]]:
    """(organisation, other, score, why) for each likely duplicate of these organisations from another source
    (`source`: the source they came from; only organisations from other sources are read)."""
    ids = list(dict.fromkeys(ids))
    prints = _prints(store, ids, source)
    by_id = {p["id"]: p for p in prints}
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    words: dict[str, list[str]] = defaultdict(list)
    for p in prints:
        for k in {p["key"], p["alt_key"]} - {""}:
            index[("name", k)].append(p["id"])
        for pc in p["pcs"]:
            index[("pc", pc)].append(p["id"])
        if p["domain"]:
            index[("domain", p["domain"])].append(p["id"])
        for w in set(p["key"].split()):
            if len(w) > 2:
                words[w].append(p["id"])
    found = []
    for oid in ids:
        a = by_id.get(oid)
        if a is None:
            continue
        cands: set[str] = set()
        for k in {a["key"], a["alt_key"]} - {""}:
            cands.update(index[("name", k)])
        for pc in a["pcs"]:
            cands.update(index[("pc", pc)])
        if a["domain"]:
            cands.update(index[("domain", a["domain"])])
        for w in set(a["key"].split()):
            if len(w) > 2 and len(words[w]) <= RARE:
                cands.update(words[w])
        cands.discard(oid)
        for cid in sorted(cands):
            b = by_id[cid]
            if a.get("source") and a.get("source") == b.get("source"):
                continue
            score = max(
                similarity(x, y)
                for x in {a["key"], a["alt_key"]} - {""} or {""}
                for y in {b["key"], b["alt_key"]} - {""} or {""}
            )
            shared = []
            if set(a["pcs"]) & set(b["pcs"]):
                shared.append("zelfde postcode")
            if a["addr_keys"] & b["addr_keys"]:
                shared.append("zelfde adres")
            if a["domain"] and a["domain"] == b["domain"]:
                shared.append("zelfde website")
            if score >= 0.9 or (score >= 0.6 and shared):
                why = f"naam lijkt {score:.2f}" + (f", {', '.join(shared)}" if shared else "")
                found.append((a, b, score, why))
    return found


def propose_merges(
    store: GraphStore,
    ids: Iterable[str],
    report: Report,
    *,
    source_id: str,
    created_at: str,
    where: dict | None = None,
) -> list[str]:
    """File a merge Proposal per likely duplicate pair (once per pair, whichever side is imported again)."""
    proposals = []
    for a, b, _score, why in find_duplicates(store, ids, source_id):
        first, second = sorted((a["id"], b["id"]))
        pid = proposal_id("merge", "Organisation", first, "dedupe", (), related=second)
        proposals.append(
            Proposal(
                id=pid,
                kind="merge",
                entity_type="Organisation",
                entity_id=a["id"],
                related_id=b["id"],
                diffs=(),
                source=source_id,
                created_at=created_at,
                reason=f"mogelijk dezelfde organisatie als {b['id']} ({b.get('name')!s}, bron {b.get('source') or '-'}): {why}",
            )
        )
    unique = list({p.id: p for p in proposals}.values())
    fresh = set(ProposalRepository(store).add(unique))
    for p in unique:
        file, row = (where or {}).get(("Organisation", p.entity_id), ("", 0))
        report.propose(file, row, p.entity_id, f"voorstel {p.id} (merge): {p.reason}", new=p.id in fresh)
    return sorted(fresh)
