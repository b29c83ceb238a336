"""Building till events for the hub's tests, and a small till that posts them."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from hub.testing import HubProcess
from sync.protocol import EnrolResponse


def sale_payload(store_id: str, register_id: str, transaction_no: int,
                 lines: Sequence[tuple[str, int]], *, kind: str = "sale",
                 customer_id: str | None = None, loyalty: tuple[str, int] | None = None,
                 training: bool = False) -> dict[str, Any]:
    """A SaleCommitted payload: `lines` are (sku, quantity_milli) at 10.00 a piece; paid in
    cash, or partly with points (`loyalty` = (reservation_id, amount_minor))."""
    body = [{"line_no": i + 1, "sku": sku, "name": f"item {sku}", "quantity_milli": qty,
             "unit": "pcs", "unit_price_minor": 1000, "total_minor": qty, "vat_code": "food",
             "vat_rate_bp": 1500, "vat_minor": qty * 15 // 115}
            for i, (sku, qty) in enumerate(lines)]
    total = sum(line["total_minor"] for line in body)
    payments = []
    if loyalty is not None:
        payments.append({"seq": 1, "tender": "loyalty", "amount_minor": loyalty[1],
                         "reference": loyalty[0]})
    payments.append({"seq": len(payments) + 1, "tender": "cash",
                     "amount_minor": total - (loyalty[1] if loyalty else 0)})
    return {"sale_id": str(uuid.uuid4()), "company_org_no": "999999999", "store_id": store_id,
            "register_id": register_id, "transaction_no": transaction_no, "kind": kind,
            "training": training, "closed_at": now(), "currency": "NOK", "lines": body,
            "payments": payments, "vat": [],
            "totals": {"total_minor": total, "net_minor": total - total * 15 // 115,
                       "vat_minor": total * 15 // 115},
            "customer_id": customer_id}


def now() -> str:
    return datetime.now(UTC).isoformat()


def envelope(seq: int, payload: dict[str, Any], event_id: str | None = None) -> dict[str, Any]:
    return {"seq": seq, "event_id": event_id or str(uuid.uuid4()), "type": "sale.committed",
            "occurred_at": now(), "payload": payload}


@dataclass
class Till:
    """An enrolled register with its outbox kept in memory (seq -> envelope)."""

    hub: HubProcess
    store_id: str
    register_id: str
    enrolment: EnrolResponse
    outbox: dict[int, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def enrol(cls, hub: HubProcess, store_id: str, register_id: str) -> Till:
        return cls(hub, store_id, register_id, hub.enrol(store_id, register_id))

    @property
    def client(self) -> httpx.Client:
        return self.hub.client(self.enrolment.credential)

    @property
    def path(self) -> str:
        return f"/v1/stores/{self.store_id}/registers/{self.register_id}/events"

    def sell(self, lines: Sequence[tuple[str, int]], **kwargs: Any) -> dict[str, Any]:
        seq = len(self.outbox) + 1
        event = envelope(seq, sale_payload(self.store_id, self.register_id, seq, lines,
                                           **kwargs))
        self.outbox[seq] = event
        return event

    def post(self, events: Sequence[dict[str, Any]], epoch: int | None = None,
             client: httpx.Client | None = None) -> httpx.Response:
        body = {"epoch": epoch or self.enrolment.epoch, "events": list(events)}
        if client is not None:
            return client.post(self.path, json=body)
        with self.client as http:
            return http.post(self.path, json=body)
