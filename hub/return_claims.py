"""Two stores returning the same line of one sale at the same moment: the hub lets one through.

Before money moves on a sale of another store (pos.app.remote_returns), the till claims what it
takes back: `POST /v1/sales/{sale_id}/return-claims`. Under the sale's lock (PostgreSQL: an
advisory lock on the sale id; SQLite has one writer) the hub counts what was sold, what the
returns that reached it took back, and what other live claims hold; a claim that does not fit
is refused (409, naming the store that holds the rest). A claim is the till's return id: a
repeat is the same claim, and once that return is uploaded (sale_returns) it counts as a return
and the claim no longer does. A till that dies before its refund leaves a claim that lapses
after CLAIM_MINUTES.
"""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Depends, Path
from sqlalchemy import Column, Connection, DateTime, String, Table, Text, select, text

from hub.auth import Terminal, terminal
from hub.db import aware, utcnow
from hub.errors import HubError
from hub.ledger import upsert
from hub.medusa.return_tables import sale_returns
from hub.models import applied_sales, inbox, metadata
from hub.state import Hub, get_hub
from sync.protocol import ErrorBody, SaleCommitted
from sync.web_protocol import ReturnClaim, ReturnClaimed

CLAIM_MINUTES = 10
router = APIRouter(tags=["returns anywhere"])
ERRORS: dict[int | str, dict[str, Any]] = {
    c: {"model": ErrorBody} for c in (401, 403, 404, 409, 422)}

return_claims = Table(  # revision 0012
    "return_claims", metadata,
    Column("return_id", String(36), primary_key=True),  # the till's return transaction's id
    Column("sale_id", String(36), nullable=False, index=True),
    Column("store_id", String(64), nullable=False),
    Column("register_id", String(64), nullable=False),
    Column("lines", Text, nullable=False),  # JSON {line_no: quantity_milli}
    Column("expires_at", DateTime(timezone=True), nullable=False),
)


def _payloads(conn: Connection, query: Any) -> list[SaleCommitted]:
    return [SaleCommitted.model_validate(json.loads(p)) for p in conn.execute(query).scalars()]


def _held(conn: Connection, sale_id: str, return_id: str) -> dict[int, tuple[int, str]]:
    """line -> (milli taken back or claimed by others, the store holding the latest of it)."""
    held: dict[int, tuple[int, str]] = {}
    returns = _payloads(conn, select(inbox.c.payload).join(
        sale_returns, sale_returns.c.inbox_id == inbox.c.id).where(
        sale_returns.c.original_sale_id == sale_id))
    uploaded = {str(r.sale_id) for r in returns}
    for back in returns:
        for line in back.lines:
            milli, _ = held.get(line.line_no, (0, ""))
            held[line.line_no] = (milli - line.quantity_milli, back.store_id)
    now = utcnow()
    for claim in conn.execute(select(return_claims).where(return_claims.c.sale_id == sale_id)):
        if claim.return_id == return_id or claim.return_id in uploaded or \
                aware(claim.expires_at) <= now:
            continue
        for line_no, milli in json.loads(claim.lines).items():
            before, _ = held.get(int(line_no), (0, ""))
            held[int(line_no)] = (before + int(milli), claim.store_id)
    return held


@router.post("/v1/sales/{sale_id}/return-claims", responses=ERRORS)
def claim_return(claim: ReturnClaim, sale_id: uuid.UUID = Path(),
                 term: Terminal = Depends(terminal),
                 hub: Hub = Depends(get_hub)) -> ReturnClaimed:
    with hub.db.writer.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"),
                         {"key": f"kassa-return-claim:{sale_id}"})
        payload = conn.execute(select(inbox.c.payload).join(
            applied_sales, applied_sales.c.inbox_id == inbox.c.id).where(
            applied_sales.c.sale_id == str(sale_id))).scalar()
        if payload is None:
            raise HubError(404, "not_found", "no such sale on the hub")
        sold = {ln.line_no: ln.quantity_milli
                for ln in SaleCommitted.model_validate(json.loads(payload)).lines}
        held = _held(conn, str(sale_id), str(claim.return_id))
        for line in claim.lines:
            taken, where = held.get(line.line_no, (0, ""))
            if line.quantity_milli + taken > sold.get(line.line_no, 0):
                raise HubError(409, "already_returned", (
                    f"line {line.line_no}: {taken // 1000} of {sold.get(line.line_no, 0) // 1000}"
                    f" already returned or being returned (last at store {where})"))
        expires = utcnow() + timedelta(minutes=CLAIM_MINUTES)
        values = {"sale_id": str(sale_id), "store_id": term.store_id,
                  "register_id": term.register_id, "expires_at": expires,
                  "lines": json.dumps({str(ln.line_no): ln.quantity_milli for ln in claim.lines})}
        conn.execute(upsert(conn, return_claims).values(return_id=str(claim.return_id), **values)
                     .on_conflict_do_update(index_elements=[return_claims.c.return_id],
                                            set_=values))
    return ReturnClaimed(return_id=claim.return_id, expires_at=expires)
