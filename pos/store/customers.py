"""The customer cache: hub customers this till has seen (snapshot, feed, online look-ups),
so a loyalty card or a phone number still finds the customer while the hub is unreachable."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pos.store.db import Database
from pos.store.keys import RANGE_HI, RANGE_LO
from pos.store.sync_state import upsert_customer_in


@dataclass(frozen=True, slots=True)
class CachedCustomer:
    customer_id: str
    name: str
    phone: str | None
    email: str | None
    loyalty_card: str | None
    home_store_id: str | None
    tier: str
    balance_points: int


_COLS = "customer_id, name, phone, email, loyalty_card, home_store_id, tier, balance_points"


def get(db: Database, customer_id: str) -> CachedCustomer | None:
    row = db.fast_reader().execute(
        f"SELECT {_COLS} FROM customers WHERE customer_id = ?", (customer_id,)).fetchone()
    return CachedCustomer(*row) if row else None


def find(db: Database, text: str, limit: int = 10) -> list[CachedCustomer]:
    """A loyalty card number, a phone number (spaces and +47 style prefixes ignored), an
    e-mail address, or the start of a name."""
    text = text.strip()
    if not text:
        return []
    con = db.fast_reader()
    digits = re.sub(r"[\s\-()]", "", text)
    rows = con.execute(
        f"SELECT {_COLS} FROM customers WHERE loyalty_card = ?1 OR phone = ?1 OR phone = ?2 "
        "OR (length(?2) >= 8 AND phone LIKE '%' || ?2) OR lower(email) = lower(?3) LIMIT ?4",
        (text, digits, text, limit),
    ).fetchall()
    if not rows and not digits.lstrip("+").isdigit():
        rows = con.execute(
            f"SELECT {_COLS} FROM customers WHERE name LIKE ?1 || '%' OR name LIKE '% ' || ?1 "
            "|| '%' ORDER BY name LIMIT ?2", (text, limit),
        ).fetchall()
    return [CachedCustomer(*r) for r in rows]


def remember(db: Database, customers: Iterable[dict[str, Any]]) -> None:
    """Customers (with balances) from an online look-up, for the next offline moment."""
    with db.write() as con:
        for data in customers:
            upsert_customer_in(con, data)


# The register's own sales with this customer that the hub has not confirmed yet (seq above
# hub_link.own_confirmed_seq): their points are shown as pending on top of the hub's balance.
_UNCONFIRMED = (
    f"SELECT o.payload FROM outbox o WHERE o.outbox_key > {RANGE_LO} + ?2 "
    f"AND o.outbox_key <= {RANGE_HI} AND o.type = 'sale.committed' "
    "AND json_extract(o.payload, '$.customer_id') = ?3 ORDER BY o.outbox_key"
)


def unconfirmed_sales(db: Database, register_id: str, after_seq: int,
                      customer_id: str) -> list[str]:
    """Payload JSON of own sales to this customer after `after_seq`."""
    return [r[0] for r in db.fast_reader().execute(
        _UNCONFIRMED, (register_id, after_seq, customer_id))]
