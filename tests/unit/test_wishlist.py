"""The wish list a web customer keeps in her own metadata is untrusted input: read defensively,
and nothing but `wishlist` is ever looked at (hub.medusa.wishlist)."""

from __future__ import annotations

import json

from hub.medusa.wishlist import MAX_ITEMS, parse


def test_entries_by_sku_or_variant_are_kept_in_order_without_doubles() -> None:
    metadata = {"wishlist": [
        {"sku": "A", "variant_id": "variant_1", "added_at": "2026-11-01"},
        {"variant_id": "variant_2"}, "B", {"sku": "A"}, {"sku": " C "}]}
    assert parse(metadata) == [
        {"sku": "A", "variant_id": "variant_1", "added_at": "2026-11-01"},
        {"sku": None, "variant_id": "variant_2", "added_at": None},
        {"sku": "B", "variant_id": None, "added_at": None},
        {"sku": "C", "variant_id": None, "added_at": None}]


def test_odd_input_is_dropped_never_an_error() -> None:
    for metadata in (None, [], "x", {"wishlist": None}, {"wishlist": {"sku": "A"}},
                     {"wishlist": "not json"}, {"wishlist": [1, None, [], {"sku": 5},
                                                             {"sku": ""}, {"sku": "x" * 65}]}):
        assert parse(metadata) == []
    assert parse({"wishlist": json.dumps([{"sku": "A"}])})[0]["sku"] == "A"
    assert len(parse({"wishlist": [str(n) for n in range(MAX_ITEMS * 3)]})) == MAX_ITEMS


def test_loyalty_looking_keys_are_not_read() -> None:
    metadata = {"kassa_loyalty_tier": "gold", "loyalty_points": 10**9, "tier": "gold",
                "kassa_customer_id": "someone-else", "wishlist": [{"sku": "A"}]}
    assert parse(metadata) == [{"sku": "A", "variant_id": None, "added_at": None}]
