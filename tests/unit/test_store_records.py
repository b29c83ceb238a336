"""Pure parts of pos.store: record invariants, timestamps, hashing, PINs, payload schema."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from pos.store import InvalidRecord, PaymentRecord
from pos.store.codes import PAYMENT_CODE_BY_TENDER, SAFT_TAX_CODE_BY_RATE_BP, receipt_event_code
from pos.store.journal import GENESIS_HASH, canonical_json, entry_hash
from pos.store.payloads import sale_committed_dict
from pos.store.samples import sample_sale
from pos.store.timeutil import from_utc_text, to_utc_text
from pos.store.users import check_pin, hash_pin
from sync.protocol import OutboxEnvelope, SaleCommitted


def test_sample_sales_are_consistent() -> None:
    for kind in ("sale", "return"):
        sale = sample_sale(kind=kind, quantity=3)
        sale.check()
        assert sale.total_minor == sum(line.total_minor for line in sale.lines)
        assert (sale.total_minor < 0) == (kind == "return")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"total_minor": 1}, "lines sum"),
        ({"vat_minor": 0}, "net \\+ vat"),
        ({"kind": "refund"}, "kind"),
        ({"closed_at": datetime(2026, 1, 1)}, "naive"),
        ({"change_minor": 10}, "payments"),
        ({"payments": (PaymentRecord(1, "cheque", 1),)}, "tender"),  # type: ignore[arg-type]
    ],
)
def test_check_refuses_broken_records(change: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidRecord, match=message):
        replace(sample_sale(), **change).check()  # type: ignore[arg-type]


def test_voided_lines_do_not_count() -> None:
    sale = sample_sale()
    voided = replace(sale.lines[0], voided=True)
    with pytest.raises(InvalidRecord):
        replace(sale, lines=(voided, *sale.lines[1:])).check()


def test_utc_text_is_sortable_and_round_trips() -> None:
    oslo = timezone(timedelta(hours=1))
    moment = datetime(2026, 11, 23, 15, 4, 5, 123456, tzinfo=oslo)
    text = to_utc_text(moment)
    assert text == "2026-11-23T14:04:05.123456Z"
    assert from_utc_text(text) == moment
    assert to_utc_text(datetime(2026, 1, 1, tzinfo=UTC)) < text
    with pytest.raises(ValueError, match="naive"):
        to_utc_text(datetime(2026, 1, 1))


def test_entry_hash_depends_on_every_field_and_the_link() -> None:
    fields = {"entry_no": 1, "event": "login", "payload": canonical_json({"b": 1, "a": "ø"})}
    assert canonical_json({"b": 1, "a": "ø"}) == '{"a":"ø","b":1}'
    base = entry_hash(GENESIS_HASH, fields)
    assert len(base) == 64 and base != GENESIS_HASH
    assert entry_hash("1" * 64, fields) != base
    assert entry_hash(GENESIS_HASH, {**fields, "entry_no": 2}) != base
    assert entry_hash(GENESIS_HASH, dict(reversed(fields.items()))) == base


def test_pin_hash_round_trip() -> None:
    stored = hash_pin("4711", n=2**10)
    assert check_pin("4711", stored)
    assert not check_pin("4712", stored)
    assert not check_pin("4711", "md5$whatever")
    assert not check_pin("4711", "garbage")


def test_codes() -> None:
    assert PAYMENT_CODE_BY_TENDER["cash"] == "12001"
    assert SAFT_TAX_CODE_BY_RATE_BP[2500] == "3" and SAFT_TAX_CODE_BY_RATE_BP[1500] == "31"
    assert receipt_event_code("sale", False) == "13012"
    assert receipt_event_code("void", False) == "13028"
    assert receipt_event_code("return", True) == "13017"


def test_payload_dict_validates_as_sale_committed() -> None:
    sale = sample_sale(kind="return")
    sale = replace(sale, lines=(*sale.lines[:-1], replace(sale.lines[-1], voided=True)))
    payload = SaleCommitted.model_validate(sale_committed_dict(sale, 42))
    assert payload.transaction_no == 42 and payload.kind == "return"
    assert len(payload.lines) == len(sale.lines) - 1  # voided line left out
    assert payload.closed_at == sale.closed_at
    # Round trip through the model gives the same dict: no field is renamed or dropped.
    assert payload.model_dump(mode="json") == {
        **sale_committed_dict(sale, 42),
        "sale_id": sale.id,
        "closed_at": payload.model_dump(mode="json")["closed_at"],
    }


def test_envelope_requires_aware_time_and_positive_seq() -> None:
    good = {
        "seq": 1,
        "event_id": "6f1c1f0e-3a52-4b8e-9a8c-7d0c2b6a4e11",
        "type": "sale.committed",
        "occurred_at": "2026-11-23T14:04:05Z",
        "payload": {},
    }
    OutboxEnvelope.model_validate(good)
    with pytest.raises(ValueError):
        OutboxEnvelope.model_validate({**good, "seq": 0})
    with pytest.raises(ValueError):
        OutboxEnvelope.model_validate({**good, "occurred_at": "2026-11-23T14:04:05"})


def test_new_sale_id_is_a_time_ordered_uuid7() -> None:
    import time
    import uuid

    from pos.store import new_sale_id

    first = new_sale_id()
    time.sleep(0.002)
    second = new_sale_id()
    assert uuid.UUID(first).version == 7 and uuid.UUID(second).version == 7
    assert first < second  # text order is time order
    assert len({new_sale_id() for _ in range(1000)}) == 1000
