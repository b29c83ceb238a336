"""Loyalty reservations: points held for a sale being paid, so a redemption never spends
points the customer does not have. A held reservation expires after a few minutes; the sale
that pays with it consumes it (hub.apply_sale)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from fastapi import APIRouter, Depends, Path
from sqlalchemy import select, update

from hub.auth import Terminal, terminal
from hub.db import utcnow
from hub.errors import HubError
from hub.lookups import customer
from hub.models import customers, loyalty_reservations
from hub.state import Hub, get_hub
from sync.protocol import POINT_VALUE_MINOR, ErrorBody, Ident, Reservation, ReservationRequest

router = APIRouter(tags=["loyalty"])
ERRORS = {c: {"model": ErrorBody} for c in (401, 404, 409, 422)}


@router.post("/v1/loyalty/reservations", status_code=201, responses=ERRORS)
def reserve(request: ReservationRequest, _term: Terminal = Depends(terminal),
            hub: Hub = Depends(get_hub)) -> Reservation:
    now = utcnow()
    expires = now + timedelta(minutes=hub.config.reservation_minutes)
    with hub.db.writer.begin() as conn:
        # Lock the customer row so two tills cannot both reserve the last points.
        locked = conn.execute(select(customers.c.customer_id).where(
            customers.c.customer_id == request.customer_id).with_for_update()).first()
        found = customer(conn, request.customer_id) if locked else None
        if found is None:
            raise HubError(404, "not_found", f"no customer {request.customer_id}")
        available = found.balance_points - found.reserved_points
        if request.points > available:
            raise HubError(409, "insufficient_points", f"{available} points available")
        reservation_id = uuid.uuid4().hex
        conn.execute(loyalty_reservations.insert().values(
            reservation_id=reservation_id, customer_id=request.customer_id,
            points=request.points, sale_id=str(request.sale_id), status="held",
            expires_at=expires, created_at=now))
    return Reservation(reservation_id=reservation_id, customer_id=request.customer_id,
                       points=request.points, value_minor=request.points * POINT_VALUE_MINOR,
                       expires_at=expires)


@router.delete("/v1/loyalty/reservations/{reservation_id}", status_code=204, responses=ERRORS)
def release(reservation_id: Ident = Path(), _term: Terminal = Depends(terminal),
            hub: Hub = Depends(get_hub)) -> None:
    with hub.db.writer.begin() as conn:
        done = conn.execute(update(loyalty_reservations).where(
            loyalty_reservations.c.reservation_id == reservation_id,
            loyalty_reservations.c.status == "held").values(status="released"))
    if done.rowcount == 0:
        raise HubError(404, "not_found", "no held reservation with that id")
