"""Plain input and output records of the store. The app maps its cart onto these.

Money is int minor units (øre); quantities are int thousandths (pieces x 1000, or grams for
goods sold by weight); datetimes are timezone-aware. Sign convention: a return has negative
quantities and amounts, so every sum below holds for every kind of sale.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pos.store.codes import PAYMENT_CODE_BY_TENDER, SALE_KINDS, TENDERS
from pos.store.errors import InvalidRecord

# Line numbers and payment seqs are the low 16 bits of their rows' keys (pos.store.keys).
_CHILD_MAX = 65535

Unit = Literal["pcs", "kg"]
Tender = Literal["cash", "card", "gift_card", "loyalty", "store_credit", "web_payment"]
SaleKind = Literal["sale", "return", "void"]
SoldBy = Literal["unit", "weight"]


_last_id = 0
_id_lock = threading.Lock()


def new_sale_id() -> str:
    """A UUIDv7 (RFC 9562): time-ordered, so sale rows and their lines land at the end of
    their B-trees instead of on random pages (fewer pages to write and fsync per commit).

    rand_a holds the sub-millisecond clock (RFC 9562 6.2 method 3) and ids from this process
    are strictly increasing (a tie bumps the random tail): ids made within one millisecond
    would otherwise sort randomly, and every out-of-order insert lands inside the B-trees'
    last, full pages instead of after them, splitting and rebalancing far more often."""
    global _last_id
    ns = time.time_ns()
    ms, sub_ns = divmod(ns, 1_000_000)
    value = (
        ms << 80
        | 0x7 << 76  # version 7
        | (sub_ns * 4096 // 1_000_000) << 64  # 12 bits of sub-millisecond time
        | 0x2 << 62  # RFC 4122 variant
        | int.from_bytes(os.urandom(8), "big") >> 2  # 62 random bits
    )
    with _id_lock:
        if value <= _last_id:
            value = _last_id + 1
        _last_id = value
    return str(uuid.UUID(int=value))


@dataclass(frozen=True, slots=True)
class ProductView:
    id: int
    sku: str
    name: str
    department: str | None
    price_minor: int  # per piece, or per kg when sold_by == "weight"
    currency: str
    vat_code: str
    vat_rate_bp: int
    sold_by: SoldBy
    gtin: str | None


@dataclass(frozen=True, slots=True)
class SaleLineRecord:
    line_no: int
    sku: str
    name: str
    quantity_milli: int
    unit: Unit
    unit_price_minor: int
    total_minor: int  # VAT-inclusive line amount after discounts
    vat_code: str
    vat_rate_bp: int
    vat_minor: int
    net_minor: int
    product_id: int | None = None
    gtin: str | None = None
    department: str | None = None
    original_price_minor: int | None = None
    override_reason: str | None = None
    discount_minor: int = 0
    discount_reason: str | None = None
    voided: bool = False


@dataclass(frozen=True, slots=True)
class PaymentRecord:
    seq: int
    tender: Tender
    amount_minor: int
    reference: str | None = None
    saft_payment_code: str | None = None  # None: derived from the tender

    @property
    def payment_code(self) -> str:
        return self.saft_payment_code or PAYMENT_CODE_BY_TENDER[self.tender]


@dataclass(frozen=True, slots=True)
class VatRecord:
    vat_code: str
    rate_bp: int
    gross_minor: int
    net_minor: int
    vat_minor: int


@dataclass(frozen=True, slots=True)
class SaleRecord:
    """A closed sale as the app hands it to `commit_sale`.

    Invariants checked by `check()` (the store is the last guard of the fiscal record):
    total = sum of non-voided line totals = sum of VAT gross = net + vat;
    sum of payments - change = total + rounding.
    """

    id: str  # UUID text (new_sale_id()), chosen when the sale opens: the idempotency key
    company_org_no: str
    store_id: str
    register_id: str
    employee_id: int | None
    opened_at: datetime
    closed_at: datetime
    currency: str
    total_minor: int
    net_minor: int
    vat_minor: int
    lines: tuple[SaleLineRecord, ...]
    payments: tuple[PaymentRecord, ...]
    vat: tuple[VatRecord, ...]
    kind: SaleKind = "sale"
    training: bool = False
    rounding_minor: int = 0
    change_minor: int = 0
    receipt_no: str | None = None  # None: the transaction number
    original_sale_id: str | None = None  # the sale a return or void refers to
    customer_id: str | None = None  # a hub customer attached at the till (loyalty)

    def check(self) -> None:
        """Raise InvalidRecord naming every broken invariant. One pass over each collection
        (it runs on every commit); the happy path allocates next to nothing."""
        problems: list[str] = []
        if self.kind not in SALE_KINDS:
            problems.append(f"kind {self.kind!r} not in {SALE_KINDS}")
        for name, moment in (("opened_at", self.opened_at), ("closed_at", self.closed_at)):
            if moment.tzinfo is None or moment.utcoffset() is None:
                problems.append(f"{name} is a naive datetime")
        line_sum = 0
        line_nos: set[int] = set()
        for line in self.lines:
            if not line.voided:
                line_sum += line.total_minor
            line_nos.add(line.line_no)
            if not 0 <= line.line_no <= _CHILD_MAX:
                problems.append(f"line number {line.line_no} out of range")
            if line.unit != "pcs" and line.unit != "kg":
                problems.append(f"line {line.line_no}: unit {line.unit!r}")
        if line_sum != self.total_minor:
            problems.append(f"lines sum to {line_sum}, total is {self.total_minor}")
        if self.net_minor + self.vat_minor != self.total_minor:
            problems.append("net + vat != total")
        gross = vat = 0
        for v in self.vat:
            gross += v.gross_minor
            vat += v.vat_minor
        if len({v.vat_code for v in self.vat}) != len(self.vat):
            problems.append("duplicate VAT codes")
        if gross != self.total_minor:
            problems.append("VAT gross amounts do not sum to the total")
        if vat != self.vat_minor:
            problems.append("VAT amounts do not sum to vat_minor")
        paid = 0
        seqs: set[int] = set()
        for p in self.payments:
            paid += p.amount_minor
            seqs.add(p.seq)
            if p.tender not in TENDERS:
                problems.append(f"tender {p.tender!r} not in {TENDERS}")
            if not 0 <= p.seq <= _CHILD_MAX:
                problems.append(f"payment seq {p.seq} out of range")
        if len(seqs) != len(self.payments):
            problems.append("duplicate payment seqs")
        if len(self.vat) > _CHILD_MAX:
            problems.append("too many VAT rows")
        if paid - self.change_minor != self.total_minor + self.rounding_minor:
            problems.append(
                f"payments {paid} - change {self.change_minor} != "
                f"total {self.total_minor} + rounding {self.rounding_minor}"
            )
        if len(line_nos) != len(self.lines):
            problems.append("duplicate line numbers")
        if problems:
            raise InvalidRecord(f"sale {self.id}: " + "; ".join(problems))


@dataclass(frozen=True, slots=True)
class CommittedSale:
    sale_id: str
    transaction_no: int
    journal_entry_no: int
    outbox_seq: int
    receipt_no: str
    already_committed: bool = False  # True when this sale id had been committed before


@dataclass(frozen=True, slots=True)
class SignatureInput:
    """What a signer needs, known only inside the commit transaction."""

    register_id: str
    transaction_no: int
    previous_signature: str | None  # "0" chaining rule is the signer's business
    closed_at: datetime
    total_minor: int
    net_minor: int


@dataclass(frozen=True, slots=True)
class Signature:
    signature: str
    key_version: int
