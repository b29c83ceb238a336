"""One web return pushed to Medusa, step by step (Medusa 2.21.2's return flow, from the
receiving store's stock location):

  new        POST /admin/returns {order_id, location_id}          -> created (id kept)
  created    request-items (ordli_ ids by sku), request           -> requested
  requested  receive, receive-items, receive/confirm: Medusa restocks that location
             (hub.medusa.web_stock records the web_return move once) -> received
  received   POST /admin/payments/{id}/refund (web_payment only)  -> done

Each step reads Medusa's state first and skips what is already done, so a step whose answer
was lost is not repeated: the return is found again by metadata.kassa_return_id, a return
already `requested`/`received` is not requested again, a refund noted with the return's id is
not sent twice. The step reached is saved after each, so a retry goes on from there."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from hub.db import Database
from hub.medusa import inbound
from hub.medusa.client import MedusaClient, MedusaRefused
from hub.medusa.mapping import amount

# Quantities and amounts are BigNumbers, which Medusa 2.21 drops when named one by one beside
# other fields (docs/medusa.md, the trap with returns): `*relation` returns them.
ORDER_FIELDS = ("id,display_id,*items,returns.id,returns.status,returns.metadata,"
                "*payment_collections.payments,*payment_collections.payments.refunds")
Save = Callable[[str, str | None], None]  # (step reached, Medusa return id)


def note_for(return_id: str) -> str:
    return f"Kassa return {return_id}"


def push(db: Database, client: MedusaClient, row: Any, location_id: str, save: Save) -> str:
    """Bring this return as far as it goes; the step reached ("done" at the end)."""
    order = client.get(f"/admin/orders/{row.order_id}", fields=ORDER_FIELDS)["order"]
    step, ret_id = str(row.step), row.medusa_return_id
    if step == "new":
        ret_id = _create(client, order, row, location_id)
        step = "created"
        save(step, ret_id)
    status = str(client.get(f"/admin/returns/{ret_id}", fields="id,status")["return"]["status"])
    lines = _lines(order, json.loads(row.items))
    if step == "created":
        if status == "open":
            client.call("POST", f"/admin/returns/{ret_id}/request-items", json={"items": lines})
            client.call("POST", f"/admin/returns/{ret_id}/request", json={})
        step = "requested"
        save(step, ret_id)
    if step == "requested":
        if status != "received":
            client.call("POST", f"/admin/returns/{ret_id}/receive", json={})
            client.call("POST", f"/admin/returns/{ret_id}/receive-items", json={"items": lines})
            client.call("POST", f"/admin/returns/{ret_id}/receive/confirm", json={})
        # The restock into the hub's ledger now, not at the event (exactly once by state).
        inbound.apply_order(db, client, client.order(str(row.order_id)))
        step = "received"
        save(step, ret_id)
    if step == "received" and row.refund_to == "web_payment" and row.refund_minor > 0:
        _refund(client, order, str(row.return_id), int(row.refund_minor))
    return "done"


def _create(client: MedusaClient, order: dict[str, Any], row: Any, location_id: str) -> str:
    for ret in order.get("returns") or ():
        if (ret.get("metadata") or {}).get("kassa_return_id") == str(row.return_id):
            return str(ret["id"])  # made before, its answer lost
    made = client.call("POST", "/admin/returns", json={
        "order_id": row.order_id, "location_id": location_id,
        "description": f"Retur i butikk {row.store_id} (kasse {row.register_id})",
        "metadata": {"kassa_return_id": str(row.return_id), "kassa_store_id": row.store_id}})
    return str(made["return"]["id"])


def _lines(order: dict[str, Any], items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The returned pieces per sku spread over the order's line items of that sku."""
    out: list[dict[str, Any]] = []
    for item in items:
        left = int(item["quantity"])
        for line in order.get("items") or ():
            if left and line.get("variant_sku") == item["sku"]:
                take = min(left, int(line.get("quantity") or 0))
                if take:
                    out.append({"id": line["id"], "quantity": take})
                    left -= take
        if left:
            raise MedusaRefused(409, f"order {order['id']} has no {left} more of {item['sku']}")
    return out


def _refund(client: MedusaClient, order: dict[str, Any], return_id: str, minor: int) -> None:
    payments = [p for pc in order.get("payment_collections") or ()
                for p in pc.get("payments") or ()]
    note = note_for(return_id)
    if any(r.get("note") == note for p in payments for r in p.get("refunds") or ()):
        return  # refunded before, the answer lost
    for payment in payments:
        if not payment.get("captured_at"):
            continue
        refunded = sum(_major(r.get("amount")) for r in payment.get("refunds") or ())
        if _major(payment.get("amount")) - refunded >= Decimal(minor) / 100:
            client.call("POST", f"/admin/payments/{payment['id']}/refund",
                        json={"amount": amount(minor), "note": note})
            return
    raise MedusaRefused(409, f"order {order['id']}: no captured payment with "
                             f"{Decimal(minor) / 100} left to refund")


def _major(value: Any) -> Decimal:
    return Decimal(str(value or 0))
