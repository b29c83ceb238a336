"""The till's click & collect endpoints (terminal credentials; a till sees its own store's):

- GET /v1/pickups: the store's open pickup orders (flagged ones carry `flag`), oldest first;
  the tills keep the list live from `pickup` frames on their feed after that.
- POST /v1/pickups/{order_id}/handover: the cashier handed the order over. Recorded at once
  (202, the order's new state, a frame to the store's other tills); Medusa gets the fulfilment
  and the delivery afterwards (hub.medusa.handover), so the till never waits on Medusa.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Path, Request

from hub.auth import Terminal, terminal
from hub.medusa import pickups
from hub.state import Hub, get_hub
from sync.protocol import ErrorBody, Handover, Ident, PickupChange, PickupList

router = APIRouter(tags=["click & collect"])
ERRORS: dict[int | str, dict[str, Any]] = {
    c: {"model": ErrorBody} for c in (401, 404, 409, 422)}


@router.get("/v1/pickups", responses=ERRORS)
def list_pickups(term: Terminal = Depends(terminal),
                 hub: Hub = Depends(get_hub)) -> PickupList:
    return PickupList(pickups=tuple(pickups.open_for_store(hub.db, term.store_id)))


@router.post("/v1/pickups/{order_id}/handover", status_code=202, responses=ERRORS)
def hand_over(request: Request, body: Handover, order_id: Ident = Path(),
              term: Terminal = Depends(terminal), hub: Hub = Depends(get_hub)) -> PickupChange:
    change = pickups.hand_over(hub.db, order_id, term.store_id, term.register_id, body)
    hub.committed()  # the store's other tills drop it from their lists now
    request.app.state.medusa.handover.wake()
    return change
