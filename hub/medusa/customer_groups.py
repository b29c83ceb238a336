"""Loyalty tiers as Medusa customer groups: one group per tier, membership kept by the hub.

Why groups: they are admin-only in Medusa, so a member price (a price list with the rule
`customer.groups.id`) can only be earned through the hub; a customer can write any key of her
own `customer.metadata` through the Store API, so nothing there is ever read for loyalty.
Points are never in Medusa at all.

For other parts of the connector (member price lists):
- `group_id(conn, tier)`: the group of a tier as the hub knows it, no call to Medusa (None
  until the group exists);
- `ensure_group(db, client, tier)`: the same, creating the group in Medusa the first time.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, select

from hub.db import Database, utcnow
from hub.ledger import upsert
from hub.medusa.client import MedusaClient
from hub.medusa.customer_tables import medusa_customer_groups

log = logging.getLogger(__name__)
TIER_NAMES = {"basic": "Kundeklubb Basis", "silver": "Kundeklubb Sølv",
              "gold": "Kundeklubb Gull"}
TIER_KEY = "kassa_loyalty_tier"  # on the group's metadata, which only the Admin API writes


def group_name(tier: str) -> str:
    return TIER_NAMES.get(tier, f"Kundeklubb {tier.capitalize()}")


def group_id(conn: Connection, tier: str) -> str | None:
    """The Medusa customer group of `tier`'s members, from the hub's table (no I/O)."""
    found = conn.execute(select(medusa_customer_groups.c.group_id)
                         .where(medusa_customer_groups.c.tier == tier)).scalar()
    return None if found is None else str(found)


def tier_groups(conn: Connection) -> dict[str, str]:
    """Every tier group the hub made: group id -> tier."""
    return {str(g): str(t) for t, g in conn.execute(
        select(medusa_customer_groups.c.tier, medusa_customer_groups.c.group_id))}


def ensure_group(db: Database, client: MedusaClient, tier: str) -> str:
    """The group of `tier`, created in Medusa the first time. A group Medusa already has under
    the tier's name (made by an attempt whose answer was lost) is taken over, never doubled."""
    with db.reader.connect() as conn:
        known = group_id(conn, tier)
    if known is not None:
        return known
    name = group_name(tier)
    found = client.get("/admin/customer-groups", name=name, fields="id,name")["customer_groups"]
    if found:
        made = str(found[0]["id"])
    else:
        made = str(client.call("POST", "/admin/customer-groups", params={"fields": "id"},
                               json={"name": name, "metadata": {TIER_KEY: tier}}
                               )["customer_group"]["id"])
        log.info("Medusa: customer group %s (%s) for tier %s", made, name, tier)
    with db.writer.begin() as conn:
        conn.execute(upsert(conn, medusa_customer_groups).values(
            tier=tier, group_id=made, created_at=utcnow()).on_conflict_do_nothing())
        return group_id(conn, tier) or made


def place(db: Database, client: MedusaClient, medusa_customer_id: str, tier: str) -> bool:
    """Make the Medusa customer a member of its tier's group and of no other tier group (groups
    the hub did not make are left alone). True when Medusa had to change."""
    wanted = ensure_group(db, client, tier)
    with db.reader.connect() as conn:
        ours = tier_groups(conn)
    customer = client.get(f"/admin/customers/{medusa_customer_id}", fields="id,groups.id")
    current = {str(g["id"]) for g in customer["customer"].get("groups") or ()}
    add = [] if wanted in current else [wanted]
    remove = sorted((current & set(ours)) - {wanted})
    if not (add or remove):
        return False
    client.call("POST", f"/admin/customers/{medusa_customer_id}/customer-groups",
                params={"fields": "id"}, json={"add": add, "remove": remove})
    log.info("Medusa customer %s: tier %s (group %s; left %s)", medusa_customer_id, tier,
             wanted, remove or "none")
    return True
