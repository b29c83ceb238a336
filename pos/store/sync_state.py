"""The till's side of the hub link: enrolment, the feed cursor, applying feed changes and
loading a snapshot. Every change and the cursor that covers it commit in one transaction, so
a crash between the two can neither skip a change nor (harmlessly) apply one twice.

Plain dicts in, as the wire's JSON (`sync.protocol` validates them before they get here):
the store stays free of pydantic on the till's start-up path.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pos.store import catalog, pickups, prices
from pos.store.catalog import _suspend_fts_triggers
from pos.store.db import Database
from pos.store.keys import RANGE_HI, RANGE_LO
from pos.store.migrations import FTS_TABLE
from pos.store.timeutil import from_utc_text, to_utc_text, utc_now


@dataclass(frozen=True, slots=True)
class HubLinkView:
    hub_url: str
    store_id: str
    register_id: str
    epoch: int
    seq_base: int
    credential_ref: str
    feed_position: int
    own_confirmed_seq: int
    last_sync_at: datetime | None
    snapshot_at: datetime | None


@dataclass(frozen=True, slots=True)
class FeedRow:
    """One change-feed frame: position, type and its data (a *Change model's JSON)."""

    position: int
    type: str
    data: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class Applied:
    position: int
    skus: tuple[str, ...] = ()  # stock or product changed
    customers: tuple[str, ...] = ()  # customer or loyalty balance changed
    products: int = 0
    skipped: tuple[str, ...] = ()  # why frames were not applied (unknown VAT code, ...)


_LINK_COLS = (
    "hub_url, store_id, register_id, epoch, seq_base, credential_ref, feed_position, "
    "own_confirmed_seq, last_sync_at, snapshot_at"
)


def _time(text: str | None) -> datetime | None:
    return from_utc_text(text) if text else None


def get_link(db: Database) -> HubLinkView | None:
    row = db.fast_reader().execute(f"SELECT {_LINK_COLS} FROM hub_link WHERE id = 1").fetchone()
    if row is None:
        return None
    return HubLinkView(*row[:8], _time(row[8]), _time(row[9]))  # type: ignore[arg-type]


def save_enrolment(db: Database, *, hub_url: str, store_id: str, register_id: str, epoch: int,
                   credential_ref: str) -> None:
    """A new enrolment (new epoch): the feed starts over (a snapshot follows). The epoch
    counts from the register's acknowledged outbox seq: what the old epoch's hub has is not
    sent again; what it never acknowledged is sent under the new epoch."""
    with db.write() as con:
        row = con.execute("SELECT acked_through FROM outbox_cursor WHERE register_id = ?",
                          (register_id,)).fetchone()
        base = int(row[0]) if row else 0
        con.execute(
            "INSERT INTO hub_link (id, hub_url, store_id, register_id, epoch, seq_base, "
            "credential_ref, enrolled_at, feed_position, own_confirmed_seq) "
            "VALUES (1,?,?,?,?,?,?,?,0,?) "
            "ON CONFLICT(id) DO UPDATE SET hub_url = excluded.hub_url, "
            "store_id = excluded.store_id, register_id = excluded.register_id, "
            "epoch = excluded.epoch, seq_base = excluded.seq_base, "
            "credential_ref = excluded.credential_ref, enrolled_at = excluded.enrolled_at, "
            "feed_position = 0, own_confirmed_seq = excluded.own_confirmed_seq, "
            "snapshot_at = NULL",
            (hub_url, store_id, register_id, epoch, base, credential_ref,
             to_utc_text(utc_now()), base),
        )


def touch_sync(db: Database, at: datetime | None = None) -> None:
    """The hub acknowledged something: remember when (the status bar's "last sync")."""
    with db.write() as con:
        con.execute("UPDATE hub_link SET last_sync_at = ? WHERE id = 1",
                    (to_utc_text(at or utc_now()),))


# -- the change feed ------------------------------------------------------------------------


def apply_feed(db: Database, rows: Sequence[FeedRow], store_id: str, register_id: str) -> Applied:
    """Apply frames in one transaction and move the cursor to the last one. Frames at or
    below the cursor (a replay after a reconnect) are skipped: positions are unique."""
    skus: list[str] = []
    customers: list[str] = []
    skipped: list[str] = []
    products = 0
    with db.write() as con:
        position, confirmed, base = con.execute(
            "SELECT feed_position, own_confirmed_seq, seq_base FROM hub_link WHERE id = 1"
        ).fetchone()
        for row in rows:
            if row.position <= position:
                continue
            position = row.position
            data = row.data or {}
            src = data.get("src") or {}
            if src.get("store_id") == store_id and src.get("register_id") == register_id:
                confirmed = max(confirmed, base + int(src["seq"]))  # src counts in the epoch
            if row.type == "product":
                if catalog.apply_product_in(con, data):
                    products += 1
                    skus.append(data["sku"])
                else:
                    skipped.append(f"{data.get('sku')}: unknown VAT code {data.get('vat_code')}")
            elif row.type == "stock" and data.get("store_id") == store_id:
                _stock_in(con, data, row.position)
                skus.append(data["sku"])
            elif row.type == "customer":
                upsert_customer_in(con, data)
                customers.append(data["customer_id"])
            elif row.type == "price_list":  # member and campaign prices (pos.store.prices)
                prices.apply_price_list_in(con, data)
                skus.extend(p["sku"] for p in data.get("prices") or ())
            elif row.type == "pickup" and data.get("store_id") == store_id:
                pickups.apply_in(con, data)  # click & collect, kept for a restart offline
            elif row.type == "loyalty":
                con.execute(
                    "UPDATE customers SET balance_points = ?, balance_as_of = ? "
                    "WHERE customer_id = ?",
                    (int(data["balance_points"]), data.get("as_of"), data["customer_id"]),
                )
                customers.append(data["customer_id"])
        con.execute(
            "UPDATE hub_link SET feed_position = ?, own_confirmed_seq = ?, last_sync_at = ? "
            "WHERE id = 1",
            (position, confirmed, to_utc_text(utc_now())),
        )
    return Applied(position, tuple(dict.fromkeys(skus)), tuple(dict.fromkeys(customers)),
                   products, tuple(skipped))


def _stock_in(con: sqlite3.Connection, data: dict[str, Any], position: int) -> None:
    con.execute(
        "INSERT INTO stock_levels (sku, on_hand_milli, as_of, position) VALUES (?,?,?,?) "
        "ON CONFLICT(sku) DO UPDATE SET on_hand_milli = excluded.on_hand_milli, "
        "as_of = excluded.as_of, position = excluded.position",
        (data["sku"], int(data["on_hand_milli"]), str(data["as_of"]), position),
    )


_CUSTOMER_UPSERT = (
    "INSERT INTO customers (customer_id, name, phone, email, loyalty_card, home_store_id, tier, "
    "balance_points, balance_as_of) VALUES (?,?,?,?,?,?,?,COALESCE(?, 0),?) "
    "ON CONFLICT(customer_id) DO UPDATE SET name = excluded.name, phone = excluded.phone, "
    "email = excluded.email, loyalty_card = excluded.loyalty_card, "
    "home_store_id = excluded.home_store_id, tier = excluded.tier, "
    "balance_points = COALESCE(?, customers.balance_points), "
    "balance_as_of = COALESCE(excluded.balance_as_of, customers.balance_as_of)"
)


def upsert_customer_in(con: sqlite3.Connection, data: dict[str, Any],
                       balance: int | None = None, as_of: str | None = None) -> None:
    """A CustomerChange or Customer (JSON); the balance is kept unless one is given."""
    if balance is None and "balance_points" in data:
        balance = int(data["balance_points"])
    con.execute(_CUSTOMER_UPSERT, (
        data["customer_id"], data["name"], data.get("phone"), data.get("email"),
        data.get("loyalty_card"), data.get("home_store_id"), data.get("tier", "basic"),
        balance, as_of, balance,
    ))


# -- the snapshot ---------------------------------------------------------------------------

Progress = Callable[[int], None]


def load_snapshot(
    db: Database, position: int, records: Iterable[tuple[str, dict[str, Any]]],
    progress: Progress | None = None, every: int = 1000,
) -> dict[str, int]:
    """A full snapshot of the till's store, in ONE transaction: products upserted (quick
    keys kept), stock levels and customers replaced, the cursor set to `position`. An error
    half way (the stream broke) rolls it all back: the till keeps what it had.

    `records` yields (type, data) pairs; `progress(n)` is called every `every` records."""
    counts = {"product": 0, "stock": 0, "customer": 0}
    with db.write() as con:
        bulk = con.execute("SELECT 1 FROM products LIMIT 1").fetchone() is None
        triggers = _suspend_fts_triggers(con) if bulk else []
        con.execute("DELETE FROM stock_levels")
        con.execute("DELETE FROM customers")
        prices.clear_in(con)
        done = 0
        for kind, data in records:
            if kind == "product":
                catalog.apply_product_in(con, data)
            elif kind == "stock":
                _stock_in(con, data, position)
            elif kind == "customer":
                upsert_customer_in(con, data)
            elif kind == "price_list":
                prices.apply_price_list_in(con, data)
                continue  # not counted: the header's counts predate price lists
            else:
                continue
            counts[kind] += 1
            done += 1
            if progress is not None and done % every == 0:
                progress(done)
        if bulk:
            con.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
            for sql in triggers:
                con.execute(sql)
        now = to_utc_text(utc_now())
        con.execute(
            "UPDATE hub_link SET feed_position = ?, snapshot_at = ?, last_sync_at = ? "
            "WHERE id = 1", (position, now, now),
        )
    if progress is not None:
        progress(sum(counts.values()))
    return counts


# -- the outbox as the pusher reads it ------------------------------------------------------

# Both bounds as one range on the key: with `in_register(...) AND outbox_key >= lo + seq`
# SQLite seeks to the register's first row and filters from there (O(seq): 70 ms per batch
# at seq 10,000, measured).
_FROM = (
    "SELECT seq, event_id, type, occurred_at, payload FROM outbox "
    f"WHERE outbox_key >= {RANGE_LO} + ?2 AND outbox_key <= {RANGE_HI} "
    "ORDER BY outbox_key LIMIT ?3"
)


def outbox_from(db: Database, register_id: str, from_seq: int,
                limit: int = 100) -> list[tuple[int, str, str, str, str]]:
    """Outbox rows from `from_seq` on, acked or not (the hub may ask to resend from a seq the
    till thought acknowledged: a 409 gap after the hub lost its tail). Payloads as JSON text."""
    return db.fast_reader().execute(_FROM, (register_id, from_seq, limit)).fetchall()


def acked_through(db: Database, register_id: str) -> int:
    row = db.fast_reader().execute(
        "SELECT acked_through FROM outbox_cursor WHERE register_id = ?", (register_id,)
    ).fetchone()
    return int(row[0]) if row else 0
