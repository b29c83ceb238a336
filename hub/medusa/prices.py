"""The hub's price lists in Medusa (issue 9, "same price everywhere"), pushed by the pusher
from the same `price_list` frames the tills apply, so the web's calculated price is the till's
(pos.core.pricing: the lowest applicable price wins).

Medusa 2.21.2 does not take the lowest by itself (@medusajs/pricing, calculatePrices): of the
price-list prices that apply it picks the list with the most rules first and the lowest amount
only among equals; an `override` price is used as is (even above the base), a `sale` price only
when below the base. So each hub list becomes:
- a member list: one `override` list with the rule `customer.groups.id` = its tier's group (or
  every tier group, for "any loyalty customer"; the groups are hub/medusa/customer_groups.py's),
  each amount min(member price, base price): an override must never raise a price;
- a campaign: a `sale` list for everyone (no rule), dated, and a second `sale` list with the
  same dates and prices and the rule `customer.groups.id` = every tier group, so that for a
  member it ties with her override lists on rules and the lowest amount wins.
A withdrawn list is set to `draft`. Medusa's own ids are kept in medusa_price_lists; a create
whose answer was lost is found again by the marker in its description, never doubled.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Connection, select

from hub.db import Database, utcnow
from hub.ledger import upsert
from hub.medusa import customer_groups, mapping
from hub.medusa.client import MedusaClient, MedusaRefused
from hub.medusa.tables import medusa_products
from hub.models import products
from hub.price_lists import list_changes
from hub.price_tables import medusa_price_lists, price_list_prices, price_lists
from sync.protocol import PriceListChange

log = logging.getLogger(__name__)
Fail = Callable[[str, str, str], None]
TIERS = tuple(customer_groups.TIER_NAMES)  # the tiers "any loyalty customer" covers


def lists_touching(conn: Connection, skus: Iterable[str]) -> set[str]:
    """Member lists with one of `skus`: their override amounts follow the base price."""
    found: set[str] = set()
    wanted = sorted(set(skus))
    for start in range(0, len(wanted), 500):
        found.update(conn.execute(
            select(price_list_prices.c.list_id).join(
                price_lists, price_lists.c.list_id == price_list_prices.c.list_id)
            .where(price_lists.c.kind == "member",
                   price_list_prices.c.sku.in_(wanted[start:start + 500]))).scalars())
    return found


def all_lists(conn: Connection) -> set[str]:
    return set(conn.execute(select(price_lists.c.list_id)).scalars())


def marker(list_id: str, part: str) -> str:
    return f"kassa:{list_id}:{part}"


def parts(change: PriceListChange, groups: dict[str, str], base: dict[str, tuple[int, str]],
          variants: dict[str, str]) -> dict[str, dict[str, Any]]:
    """The Medusa price lists (by part) of one hub list: bodies without ids (pure)."""
    every_group = sorted(groups[t] for t in groups)
    prices = []
    for listed in change.prices:
        if listed.sku not in variants or listed.sku not in base:
            continue  # not in Medusa (yet): the product's own push brings the list again
        base_minor, currency = base[listed.sku]
        amount = listed.price_minor
        if change.kind == "member":
            amount = min(amount, base_minor)  # an override is used as is: never above the base
        prices.append({"variant_id": variants[listed.sku], "currency_code": currency.lower(),
                       "amount": mapping.amount(amount)})
    common = {"title": change.title, "status": "active" if change.active else "draft",
              "prices": prices,
              "starts_at": change.starts_at.isoformat() if change.starts_at else None,
              "ends_at": change.ends_at.isoformat() if change.ends_at else None}
    if change.kind == "member":
        wanted = [groups[change.tier]] if change.tier else every_group
        return {"member": common | {"type": "override",
                                    "rules": {"customer.groups.id": wanted}}}
    return {"all": common | {"type": "sale", "rules": {}},
            "members": common | {"type": "sale",
                                 "rules": {"customer.groups.id": every_group}}}


def push(db: Database, client: MedusaClient, list_ids: set[str], created: dict[str, str],
         fail: Fail) -> int:
    """Bring Medusa's lists for `list_ids` to the hub's; `created`: sku -> variant id of the
    products this step created (not recorded yet). The number of Medusa lists written."""
    if not list_ids:
        return 0
    with db.reader.connect() as conn:
        changes = list(list_changes(conn, sorted(list_ids)))
        skus = sorted({p.sku for c in changes for p in c.prices})
        base, variants = _base_and_variants(conn, skus)
        known = {(r.list_id, r.part): r.price_list_id
                 for r in conn.execute(select(medusa_price_lists)
                                       .where(medusa_price_lists.c.list_id.in_(list_ids)))}
    variants |= {sku: vid for sku, vid in created.items() if sku in set(skus)}
    with db.reader.connect() as conn:  # every tier group the hub made, custom tiers too
        made = set(customer_groups.tier_groups(conn).values())
    tiers = {c.tier for c in changes if c.tier} | set(TIERS) | made
    groups = {t: customer_groups.ensure_group(db, client, t) for t in sorted(tiers)}
    written = 0
    for change in changes:
        for part, body in parts(change, groups, base, variants).items():
            try:
                plist = _write(client, known.get((change.list_id, part)),
                               marker(change.list_id, part), body)
            except MedusaRefused as error:
                fail("price_list", f"{change.list_id}:{part}", error.message)
                continue
            _remember(db, change.list_id, part, plist)
            written += 1
    return written


def _base_and_variants(conn: Connection, skus: list[str]
                       ) -> tuple[dict[str, tuple[int, str]], dict[str, str]]:
    base: dict[str, tuple[int, str]] = {}
    variants: dict[str, str] = {}
    for start in range(0, len(skus), 500):
        part = skus[start:start + 500]
        base.update((r.sku, (r.price_minor, r.currency)) for r in conn.execute(
            select(products.c.sku, products.c.price_minor, products.c.currency)
            .where(products.c.sku.in_(part))))
        variants.update((r.sku, r.variant_id) for r in conn.execute(
            select(medusa_products.c.sku, medusa_products.c.variant_id)
            .where(medusa_products.c.sku.in_(part))))
    return base, variants


def _write(client: MedusaClient, plist: str | None, mark: str, body: dict[str, Any]) -> str:
    """Create or update one Medusa price list; its id."""
    prices = body.pop("prices")
    header = body | {"description": mark}
    if plist is None:  # made by an attempt whose answer was lost? take it over
        found = client.get("/admin/price-lists", q=mark, fields="id,description")
        plist = next((str(p["id"]) for p in found["price_lists"]
                      if p.get("description") == mark), None)
    if plist is None:
        made = client.call("POST", "/admin/price-lists", params={"fields": "id"},
                           json=header | {"prices": prices})
        return str(made["price_list"]["id"])
    client.call("POST", f"/admin/price-lists/{plist}", params={"fields": "id"}, json=header)
    have = client.get(f"/admin/price-lists/{plist}/prices", limit=100_000,
                      fields="id,amount,currency_code,price_set.variant.id")["prices"]
    by_variant = {_variant_of(p): p for p in have}
    wanted = {p["variant_id"]: p for p in prices}
    create = [p for v, p in wanted.items() if v not in by_variant]
    update = [p | {"id": by_variant[v]["id"]} for v, p in wanted.items()
              if v in by_variant and (by_variant[v]["amount"] != p["amount"]
                                      or by_variant[v]["currency_code"] != p["currency_code"])]
    delete = [p["id"] for v, p in by_variant.items() if v not in wanted]
    if create or update or delete:
        client.call("POST", f"/admin/price-lists/{plist}/prices/batch",
                    json={"create": create, "update": update, "delete": delete})
    return plist


def _variant_of(price: dict[str, Any]) -> str | None:
    if price.get("variant_id"):
        return str(price["variant_id"])
    variant = ((price.get("price_set") or {}).get("variant") or {})
    return str(variant["id"]) if variant.get("id") else None


def _remember(db: Database, list_id: str, part: str, plist: str) -> None:
    with db.writer.begin() as conn:
        statement = upsert(conn, medusa_price_lists).values(
            list_id=list_id, part=part, price_list_id=plist, pushed_at=utcnow())
        conn.execute(statement.on_conflict_do_update(
            index_elements=["list_id", "part"],
            set_={"price_list_id": plist, "pushed_at": utcnow()}))
