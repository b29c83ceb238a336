"""The connector's pure parts, without a Medusa (these run in the fast suite): money and
quantities in Medusa's units, handles, the body of a product, and the webhook's checks."""

from __future__ import annotations

import time

import pytest

from hub.errors import HubError
from hub.medusa import mapping
from hub.medusa.web_stock import moves_of
from hub.medusa.webhook import signature, verify
from sync.protocol import ProductChange

SECRET = "s" * 40


@pytest.mark.parametrize(("minor", "major"), [(8990, 89.9), (89900, 899), (1, 0.01), (0, 0),
                                              (1999999, 19999.99)])
def test_amounts_are_exact_major_units(minor: int, major: float) -> None:
    assert mapping.amount(minor) == major
    assert round(mapping.amount(minor) * 100) == minor  # back to ore without a rounding slip


def test_quantities_are_units_and_kilos_stay_fractional() -> None:
    assert mapping.quantity(40_000) == 40 and isinstance(mapping.quantity(40_000), int)
    assert mapping.quantity(1_250) == 1.25
    assert mapping.quantity(-3_000) == -3


def test_handles_depend_on_the_sku_alone_and_do_not_collide() -> None:
    assert mapping.handle("m-1001") == "p-m-1001"
    assert mapping.handle("M-1001") != mapping.handle("m-1001")
    assert mapping.handle("A/B 1") == mapping.handle("A/B 1")
    assert mapping.handle("A/B 1").startswith("p-a-b-1-")


def test_a_product_body_carries_sku_barcodes_price_and_status() -> None:
    change = ProductChange(sku="S1", name="Epler", barcodes=("2000000000015", "12345"),
                           price_minor=3490, currency="NOK", vat_code="food", sold_by="weight",
                           active=False)
    body = mapping.create_body(change, sales_channel_ids=["sc_1"], shipping_profile_id="sp_1")
    variant = body["variants"][0]  # type: ignore[index]
    assert body["status"] == "draft" and body["shipping_profile_id"] == "sp_1"
    assert variant["sku"] == "S1" and variant["barcode"] == "2000000000015"
    assert variant["ean"] == "2000000000015"
    assert variant["prices"] == [{"currency_code": "nok", "amount": 34.9}]
    assert variant["metadata"]["kassa_barcodes"] == ["2000000000015", "12345"]


def _headers(stamp: int, body: bytes, secret: str = SECRET) -> dict[str, str]:
    return {"x-kassa-timestamp": str(stamp),
            "x-kassa-signature": signature(secret, str(stamp), body)}


def test_verify_takes_a_fresh_signed_body() -> None:
    now = int(time.time() * 1000)
    assert verify(SECRET, _headers(now, b"{}"), b"{}", 300, now_ms=now) == now


@pytest.mark.parametrize(("headers", "body", "error"), [
    (_headers(1_000_000, b"{}", "other" * 8), b"{}", "bad_signature"),
    (_headers(1_000_000, b"{}"), b'{"x":1}', "bad_signature"),
    ({}, b"{}", "bad_signature"),
    (_headers(1_000_000 - 301_000, b"{}"), b"{}", "stale"),
    (_headers(1_000_000 + 301_000, b"{}"), b"{}", "stale"),
])
def test_verify_refuses(headers: dict[str, str], body: bytes, error: str) -> None:
    with pytest.raises(HubError) as refused:
        verify(SECRET, headers, body, 300, now_ms=1_000_000)
    assert refused.value.status == 401 and refused.value.error == error


def test_what_medusa_moved_in_our_stores_per_fulfilment_and_return() -> None:
    stores = {"sloc_oslo": "S1", "sloc_bergen": "S2"}
    order = {"id": "order_1", "items": [{"id": "ordli_a", "variant_sku": "A"},
                                        {"id": "ordli_b", "variant_sku": "B"}],
             "fulfillments": [
                 {"id": "ful_1", "location_id": "sloc_oslo", "canceled_at": None,
                  "items": [{"sku": "A", "quantity": 2, "line_item_id": "ordli_a"},
                            {"sku": None, "quantity": "1.5", "line_item_id": "ordli_b"}]},
                 {"id": "ful_2", "location_id": "sloc_bergen", "canceled_at": "2026-11-23",
                  "items": [{"sku": "A", "quantity": 1, "line_item_id": "ordli_a"}]},
                 {"id": "ful_3", "location_id": "sloc_web_warehouse", "canceled_at": None,
                  "items": [{"sku": "A", "quantity": 4, "line_item_id": "ordli_a"}]}],
             "returns": [{"id": "return_1", "location_id": "sloc_oslo", "status": "received",
                          "items": [{"item_id": "ordli_a", "received_quantity": 1}]}]}
    assert moves_of(order, stores) == {
        ("ful_1", "A"): ("S1", -2_000), ("ful_1", "B"): ("S1", -1_500),  # sku by line item
        ("ful_2", "A"): ("S2", 0),  # cancelled: Medusa put it back, nothing is moved now
        ("return_1", "A"): ("S1", 1_000)}  # ful_3: not a store of ours, nothing in the hub
    assert moves_of({"id": "order_2", "items": []}, stores) == {}


def test_medusa_amounts_come_back_as_exact_ore() -> None:
    from hub.medusa.mapping import amount, minor

    assert [minor(v) for v in (None, 0, 129.9, "129.90", 1999, 0.1 + 0.2)] == \
        [0, 0, 12990, 12990, 199900, 30]
    assert all(minor(amount(ore)) == ore for ore in range(0, 200_000, 7))
