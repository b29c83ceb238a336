"""One step's pushes to Medusa: products (create or update, by batch) and store stock (through
our route). A refusal (4xx) is collected in `failures` and the rest goes on; Medusa unavailable
raises MedusaUnavailable out of the step, so the pusher repeats it (both pushes are safe to
repeat)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from hub.db import utcnow
from hub.medusa import mapping
from hub.medusa.client import MedusaClient, MedusaRefused, Topology
from hub.medusa.work import Work
from sync.protocol import ProductChange

log = logging.getLogger(__name__)
Ids = dict[str, tuple[str, str]]  # sku -> (product id, variant id)


@dataclass
class Push:
    client: MedusaClient
    topology: Topology
    position: int  # the feed position of this work (kept with a failure)
    batch: int
    failures: list[dict[str, Any]] = field(default_factory=list)

    def products(self, work: Work, known: Ids) -> Ids:
        """Create or update every changed product; the ids of those created."""
        created: Ids = {}
        changes = list(work.products.values())
        for start in range(0, len(changes), self.batch):
            part = changes[start:start + self.batch]
            updates = [c for c in part if c.sku in known]
            creates = [c for c in part if c.sku not in known]
            if updates:
                self._update(updates, known)
            if creates:
                created |= self._create(creates)
        return created

    def _create(self, changes: list[ProductChange]) -> Ids:
        bodies = [mapping.create_body(c, sales_channel_ids=self.topology.sales_channel_ids,
                                      shipping_profile_id=self.topology.shipping_profile_id)
                  for c in changes]
        try:
            return ids_of(self.client.create_products(bodies))
        except MedusaRefused as error:
            refusal = error
        # Medusa's batch is all or nothing. Those it already has (created by an attempt whose
        # answer was lost) are taken over and updated, in one look-up; the rest is created
        # again, halved until the product Medusa refuses is alone (and recorded).
        wanted = {c.sku for c in changes}
        found = {sku: ids for sku, ids in ids_of(self.client.products_by_handle(
            [mapping.handle(c.sku) for c in changes])).items() if sku in wanted}
        if found:  # the rest is smaller than `changes`: this ends
            self._update([c for c in changes if c.sku in found], found)
            rest = [c for c in changes if c.sku not in found]
            return found | (self._create(rest) if rest else {})
        if len(changes) == 1:
            self.fail("product", changes[0].sku, refusal.message)
            return {}
        half = len(changes) // 2
        return self._create(changes[:half]) | self._create(changes[half:])

    def _update(self, changes: list[ProductChange], known: Ids) -> None:
        bodies = [mapping.update_body(c, *known[c.sku]) for c in changes]
        try:
            self.client.update_products(bodies)
        except MedusaRefused as error:
            if len(changes) == 1:
                self.fail("product", changes[0].sku, error.message)
                return
            half = len(changes) // 2  # halve until the refused one is alone
            self._update(changes[:half], known)
            self._update(changes[half:], known)

    def stock(self, work: Work) -> None:
        """The hub's quantity of each changed (store, sku), to that store's stock location."""
        adjustments, unmapped = [], set()
        for (store_id, sku), milli in sorted(work.stock.items()):
            location = self.topology.locations.get(store_id)
            if location is None:
                unmapped.add(store_id)
                continue
            adjustments.append({"sku": sku, "location_id": location,
                                "hub_quantity": mapping.quantity(milli)})
        for store_id in sorted(unmapped):
            self.fail("stock", store_id, "no Medusa stock location has "
                      f"metadata.kassa_store_id = {store_id!r}")
        store_of = {loc: store for store, loc in self.topology.locations.items()}
        size = self.batch * 5
        for start in range(0, len(adjustments), size):
            for result in self.client.push_stock(adjustments[start:start + size]):
                if "error" in result:
                    self.fail("stock", f"{store_of.get(result['location_id'])}:{result['sku']}",
                              str(result["error"]))

    def fail(self, kind: str, key: str, reason: str) -> None:
        log.warning("Medusa refused %s %s: %s", kind, key, reason)
        self.failures.append({"kind": kind, "key": key[:200], "reason": reason,
                              "position": self.position, "created_at": utcnow()})


def ids_of(products: list[dict[str, Any]]) -> Ids:
    return {variant["sku"]: (product["id"], variant["id"])
            for product in products for variant in product.get("variants") or ()
            if variant.get("sku")}
