"""Pure parts of pos.store: record invariants, timestamps, hashing, PINs, payload schema."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from pos.store import InvalidRecord, PaymentRecord, SaleRecord, new_sale_id
from pos.store.codes import PAYMENT_CODE_BY_TENDER, SAFT_TAX_CODE_BY_RATE_BP, receipt_event_code
from pos.store.journal import GENESIS_HASH, _fields, canonical_fields, canonical_json, entry_hash
from pos.store.outbox import EVENT_NAMESPACE, event_id_for
from pos.store.payloads import sale_committed_dict, sale_committed_json
from pos.store.sales import _journal_summary, _journal_summary_json
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


# -- the commit path's hand-written serialisations equal the generic ones --------------------

_AWKWARD = 'Kaffe "Evergood" 250\u00a0g \\ 100% ø\u2028æ\t\x01'


def _awkward_sale() -> SaleRecord:
    sale = sample_sale(kind="return", quantity=3)
    lines = (
        replace(sale.lines[0], name=_AWKWARD, gtin=None, product_id=42, department="Kolonial"),
        *sale.lines[1:-1],
        replace(sale.lines[-1], voided=True, total_minor=0),
    )
    return replace(
        sale,
        lines=lines,
        total_minor=sale.total_minor - sale.lines[-1].total_minor,
        employee_id=None,
        original_sale_id="01a208d9-dd3a-7683-bbbb-c760e3f3a178",
        payments=(replace(sale.payments[0], reference='ref "1"'),),
    )


@pytest.mark.parametrize("make", [sample_sale, _awkward_sale])
def test_payload_json_equals_the_dict(make: Callable[[], SaleRecord]) -> None:
    sale = make()
    text = sale_committed_json(sale, 7)
    assert json.loads(text) == sale_committed_dict(sale, 7)
    assert list(json.loads(text)) == list(sale_committed_dict(sale, 7))  # same key order
    assert sale_committed_json(sale, 7, to_utc_text(sale.closed_at)) == text


@pytest.mark.parametrize("value", [None, "", "plain", _AWKWARD])
def test_canonical_fields_equal_canonical_json(value: str | None) -> None:
    args = ("R1", 12, "2026-11-23T14:04:05.123456Z", None, "13012", value or "e", 3, value,
            canonical_json({"a": value, "b": [1, 2]}))  # fmt: skip
    assert canonical_fields(*args) == canonical_json(_fields(*args))  # type: ignore[arg-type]
    args2 = ('R"2', 1, "t", 7, "13001", "login", None, None, "{}")
    assert canonical_fields(*args2) == canonical_json(_fields(*args2))


def test_journal_summary_json_equals_canonical_json() -> None:
    for sale in (sample_sale(), _awkward_sale()):
        for receipt in ("1", _AWKWARD):
            assert _journal_summary_json(sale, receipt) == canonical_json(
                _journal_summary(sale, receipt)
            )


def test_event_id_is_uuid5() -> None:
    for key in ("x", "01a208d9-dd3a-7683-bbbb-c760e3f3a178", _AWKWARD):
        assert event_id_for("sale.committed", key) == str(
            uuid.uuid5(EVENT_NAMESPACE, f"sale.committed:{key}")
        )


def test_new_sale_ids_from_one_process_strictly_increase() -> None:
    ids = [new_sale_id() for _ in range(20_000)]  # many per millisecond
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert {uuid.UUID(i).version for i in ids} == {7}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("dup_vat", "duplicate VAT codes"),
        ("dup_seq", "duplicate payment seqs"),
        ("big_line", "line number 65536 out of range"),
    ],
)
def test_check_guards_what_the_keys_rely_on(change: str, message: str) -> None:
    sale = sample_sale()
    if change == "dup_vat":
        vat = sale.vat
        bad = replace(sale, vat=(vat[0], replace(vat[1], vat_code=vat[0].vat_code)))
    elif change == "dup_seq":
        half = sale.total_minor // 2
        bad = replace(
            sale,
            payments=(
                PaymentRecord(1, "cash", half),
                PaymentRecord(1, "card", sale.total_minor - half),
            ),
        )
    else:
        bad = replace(sale, lines=(replace(sale.lines[0], line_no=65536), *sale.lines[1:]))
    with pytest.raises(InvalidRecord, match=message):
        bad.check()
