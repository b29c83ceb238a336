"""A web customer's wish list as she keeps it in `customer.metadata.wishlist` (Medusa 2.21 has
no wish-list module; ../shared/notes/medusa-v2.md §4), read defensively (pure, no I/O).

The customer writes that metadata herself through the Store API, so it is untrusted input:
only `wishlist` is read, every entry is checked, odd ones are dropped, and the list is cut at
MAX_ITEMS. Nothing else in the metadata is looked at: not a loyalty tier, not points, not a
customer number, whatever keys she adds.
"""

from __future__ import annotations

import json
from typing import Any

MAX_ITEMS = 100
MAX_TEXT = 64


def _text(value: Any) -> str | None:
    if isinstance(value, str) and 0 < len(value.strip()) <= MAX_TEXT:
        return value.strip()
    return None


def parse(metadata: Any) -> list[dict[str, str | None]]:
    """[{sku, variant_id, added_at}] from a customer's metadata; [] when there is none."""
    raw = metadata.get("wishlist") if isinstance(metadata, dict) else None
    if isinstance(raw, str):  # some storefronts keep it as a JSON string
        try:
            raw = json.loads(raw)
        except ValueError:
            return []
    if not isinstance(raw, list):
        return []
    items: list[dict[str, str | None]] = []
    seen: set[str] = set()
    for entry in raw:
        if isinstance(entry, str):
            entry = {"sku": entry}
        if not isinstance(entry, dict):
            continue
        sku, variant_id = _text(entry.get("sku")), _text(entry.get("variant_id"))
        key = sku or variant_id
        if key is None or key in seen:
            continue
        seen.add(key)
        items.append({"sku": sku, "variant_id": variant_id,
                      "added_at": _text(entry.get("added_at"))})
        if len(items) == MAX_ITEMS:
            break
    return items
