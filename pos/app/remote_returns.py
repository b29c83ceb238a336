"""A sale made in another store, returned here: the till does not have it, so it asks the hub
(GET /v1/sales/returnable, sync.client) and returns it as if it were its own, against every
return of it the hub knows of and this till's own returns of it not uploaded yet (by id: an
uploaded one is in both lists and counts once).

The same checks as for a local sale: before any money moves, the hub is asked again (another
store may have taken some back meanwhile); inside the return's commit, this till's own returns
of it are counted once more (two cashiers here at once). Two stores returning the same line in
the same instant, before either has uploaded: just before money moves the till claims what it
takes back at the hub (hub.return_claims), which lets one claim through and refuses the other.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pos.app.checkout import CheckoutError
from pos.store.records import PaymentRecord, SaleLineRecord, SaleRecord, VatRecord
from pos.store.returns import (  # the same sums as for a local sale
    AlreadyReturned,
    ReturnableSale,
    Returned,
    _refunded,
    _returned_lines,
)
from pos.store.sales import StoredSale

if TYPE_CHECKING:
    from pos.app.hub_link import HubLink
    from sync.protocol import SaleCommitted
    from sync.web_protocol import ReturnableSaleV1, ReturnClaim


def to_record(sale: SaleCommitted) -> SaleRecord:
    lines = tuple(SaleLineRecord(
        line_no=ln.line_no, sku=ln.sku, name=ln.name, quantity_milli=ln.quantity_milli,
        unit=ln.unit, unit_price_minor=ln.unit_price_minor, total_minor=ln.total_minor,
        vat_code=ln.vat_code, vat_rate_bp=ln.vat_rate_bp, vat_minor=ln.vat_minor,
        net_minor=ln.total_minor - ln.vat_minor, product_id=ln.product_id, gtin=ln.gtin,
        discount_minor=ln.discount_minor) for ln in sale.lines)
    return SaleRecord(
        id=str(sale.sale_id), company_org_no=sale.company_org_no, store_id=sale.store_id,
        register_id=sale.register_id, employee_id=sale.employee_id, opened_at=sale.closed_at,
        closed_at=sale.closed_at, currency=sale.currency, total_minor=sale.totals.total_minor,
        net_minor=sale.totals.net_minor, vat_minor=sale.totals.vat_minor, lines=lines,
        payments=tuple(PaymentRecord(seq=p.seq, tender=p.tender, amount_minor=p.amount_minor,
                                     reference=p.reference) for p in sale.payments),
        vat=tuple(VatRecord(v.vat_code, v.rate_bp, v.gross_minor, v.net_minor, v.vat_minor)
                  for v in sale.vat),
        kind=sale.kind, training=sale.training, rounding_minor=sale.totals.rounding_minor,
        change_minor=sale.totals.change_minor, customer_id=sale.customer_id)


Sums = tuple[dict[int, Returned], dict[tuple[str, str | None], int]]


def _of_record(record: SaleRecord) -> Sums:
    """What one return took back, as pos.store.returns counts it (positive numbers)."""
    lines: dict[int, Returned] = {}
    for ln in record.lines:
        if not ln.voided:
            lines[ln.line_no] = Returned(-ln.quantity_milli, -ln.total_minor, -ln.vat_minor,
                                         -ln.discount_minor)
    refunded: dict[tuple[str, str | None], int] = {}
    for p in record.payments:
        refunded[(p.tender, p.reference)] = refunded.get((p.tender, p.reference), 0) \
            - p.amount_minor
    return lines, refunded


def _merged(parts: Mapping[str, Sums]) -> Sums:
    lines: dict[int, list[int]] = {}
    refunded: dict[tuple[str, str | None], int] = {}
    for back, money in parts.values():
        for n, r in back.items():
            acc = lines.setdefault(n, [0, 0, 0, 0])
            for i, v in enumerate((r.quantity_milli, r.total_minor, r.vat_minor,
                                   r.discount_minor)):
                acc[i] += v
        for key, amount in money.items():
            refunded[key] = refunded.get(key, 0) + amount
    return {n: Returned(*acc) for n, acc in lines.items()}, refunded


def local_returns(con: sqlite3.Connection, sale_id: str) -> dict[str, Sums]:
    """This till's returns of a sale it does not have, by id (sale ids are time-ordered
    UUIDv7: a return of it sorts after it, so the primary key's range is read, not the table)."""
    rows = con.execute("SELECT id, sale_key FROM sales WHERE id > ?1 AND original_sale_id = ?1 "
                       "AND kind IN ('return', 'void') ORDER BY id", (sale_id,)).fetchall()
    return {i: (_returned_lines(con, [key]), _refunded(con, [key])) for i, key in rows}


@dataclass
class RemoteSales:
    """Sales of other stores, through the hub. `fetch` is the hub call (a HubClient's
    returnable_sale), so tests and the offline case can give their own."""

    fetch: Callable[..., ReturnableSaleV1]
    db_read: Callable[[], Any]  # the till database's read context (Database.read)
    claim_at_hub: Callable[[str, ReturnClaim], object] | None = None  # HubClient.claim_return
    hub_online: Callable[[], bool] = lambda: True  # HubLink.online
    known: dict[str, dict[str, Sums]] = field(default_factory=dict)  # id -> hub's returns
    numbers: dict[str, int] = field(default_factory=dict)  # id -> its transaction number

    @classmethod
    def of(cls, hub: HubLink | None, db: Any) -> RemoteSales | None:
        if hub is None:
            return None

        def fetch(**params: Any) -> ReturnableSaleV1:
            if hub.client is None:
                raise CheckoutError("hub_unavailable", "the till is not connected to the hub")
            return hub.client.returnable_sale(**params)

        def claim(sale_id: str, request: ReturnClaim) -> object:
            if hub.client is None:
                raise CheckoutError("hub_unavailable", "the till is not connected to the hub")
            return hub.client.claim_return(sale_id, request)

        return cls(fetch, db.read, claim, lambda: hub.online)

    def find(self, register_id: str, number: int, store_id: str | None = None
             ) -> ReturnableSale:
        return self._load(register=register_id, transaction_no=number, store=store_id)

    def refresh(self, sale_id: str) -> ReturnableSale:
        return self._load(sale_id=sale_id)

    def is_remote(self, sale_id: str) -> bool:
        """Whether this sale came from the hub (not in the till's own database)."""
        return sale_id in self.known

    def _load(self, **params: Any) -> ReturnableSale:
        from sync.client import HubError, Rejected

        try:
            answer = self.fetch(**{k: v for k, v in params.items() if v is not None})
        except Rejected as error:
            code = error.body.error if error.body else "not_found"
            if code == "not_found":
                raise CheckoutError("receipt_not_found", str(params.get("transaction_no")
                                                             or params.get("sale_id"))) from None
            raise CheckoutError("not_returnable", error.body.detail if error.body else "") \
                from None
        except HubError as error:
            raise CheckoutError("hub_unavailable", str(error)) from None
        record = to_record(answer.sale)
        self.known[record.id] = {str(r.sale_id): _of_record(to_record(r)) for r in answer.returns}
        self.numbers[record.id] = answer.sale.transaction_no
        return self._returnable(record)

    def _returnable(self, record: SaleRecord) -> ReturnableSale:
        with self.db_read() as con:
            mine = local_returns(con, record.id)
        merged = self.known[record.id] | mine
        returned, refunded = _merged(merged)
        number = self.numbers[record.id]
        sale = StoredSale(record, number, str(number), None, None)
        return ReturnableSale(sale, returned, refunded, tuple(sorted(merged)))

    def claim(self, original: ReturnableSale, wanted: Mapping[int, int], return_id: str, *,
              home: bool = False) -> None:
        """Hold `wanted` (line -> milli) at the hub before money moves, so a till in another
        store cannot return the same line meanwhile (hub.return_claims). Refused: over_return
        with the hub's words. Another store's sale needs the hub (hub_unavailable); this
        till's own (`home`) goes on without it: offline, or not uploaded yet (then no other
        store can have found it either)."""
        if self.claim_at_hub is None or (home and not self.hub_online()):
            return  # known away: this till's own sale is not kept waiting at the counter
        from uuid import UUID

        from sync.client import HubError, Rejected
        from sync.web_protocol import ClaimedLine, ReturnClaim

        request = ReturnClaim(return_id=UUID(return_id), lines=tuple(
            ClaimedLine(line_no=n, quantity_milli=q) for n, q in sorted(wanted.items()) if q))
        try:
            self.claim_at_hub(original.record.id, request)
        except Rejected as error:
            if home and error.status == 404:
                return
            raise CheckoutError("over_return", error.body.detail if error.body else "") \
                from None
        except (HubError, CheckoutError) as error:
            if home:
                return
            raise CheckoutError("hub_unavailable", str(error)) from None

    def guard(self, original: ReturnableSale, wanted: Mapping[int, int]
              ) -> Callable[[sqlite3.Connection, int], None]:
        """For commit_sale(inside=...): the hub's returns and this till's, read in the write
        transaction, leave room for `wanted` (line number -> quantity, positive)."""
        sold = {ln.line_no: ln.quantity_milli for ln in original.record.lines}
        sale_id = original.record.id

        def check(con: sqlite3.Connection, _tx: int) -> None:
            returned, _ = _merged(self.known.get(sale_id, {}) | local_returns(con, sale_id))
            over = sorted(n for n, q in wanted.items()
                          if q + returned.get(n, Returned()).quantity_milli > sold.get(n, 0))
            if over:
                raise AlreadyReturned(sale_id, over)

        return check
