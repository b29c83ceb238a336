"""Price lists in the hub (issue 9): imported once, whole and all or nothing, staged on the
feed as `price_list` frames for every till, in the snapshot, and their tables as the models
say (revision 0007) — on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from hub.db import migrate, open_database
from hub.price_tables import medusa_price_lists, price_list_prices, price_lists
from hub.testing import HubProcess
from tests.hub.conftest import head
from tests.hub.sales import Till
from tests.hub.test_upload import _empty_database

CAMPAIGN = {"title": "Black Week", "kind": "campaign", "starts_at": "2026-11-20T00:00:00Z",
            "ends_at": "2026-12-01T00:00:00+01:00",
            "prices": [{"sku": "100004", "price_minor": 6990},
                       {"sku": "100002", "price_minor": 2990}]}
GOLD = {"title": "Gull", "kind": "member", "tier": "gold",
        "prices": [{"sku": "100004", "price_minor": 7990}]}


def _ids() -> tuple[str, str]:
    tag = uuid.uuid4().hex[:8]
    return f"bw-{tag}", f"gold-{tag}"


def _poll(till: Till, after: int) -> list[dict]:  # type: ignore[type-arg]
    with till.client as http:
        page = http.get("/v1/feed/poll", params={"topics": "chain", "after": after})
        assert page.status_code == 200, page.text
        return [c for c in page.json()["changes"] if c["type"] == "price_list"]


def test_lists_are_imported_once_and_reach_the_tills_feed(hub: HubProcess, register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    cursor = head(hub)
    campaign, gold = _ids()
    body = [CAMPAIGN | {"list_id": campaign}, GOLD | {"list_id": gold}]
    answer = hub.admin.post("/v1/admin/price-lists", json=body)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"created": 2, "updated": 0, "unchanged": 0, "errors": []}
    frames = _poll(till, cursor)
    assert [f["data"]["list_id"] for f in frames] == [campaign, gold]
    sent = frames[0]["data"]
    assert sent["kind"] == "campaign" and sent["tier"] is None
    assert [p["sku"] for p in sent["prices"]] == ["100002", "100004"]  # sku order
    assert sent["ends_at"].startswith("2026-11-30T23:00:00")  # the same instant, UTC
    again = hub.admin.post("/v1/admin/price-lists", json=body).json()
    assert again == {"created": 0, "updated": 0, "unchanged": 2, "errors": []}
    cursor = head(hub)
    withdrawn = hub.admin.post("/v1/admin/price-lists",
                               json=[GOLD | {"list_id": gold, "active": False}]).json()
    assert withdrawn["updated"] == 1
    assert [f["data"]["active"] for f in _poll(till, cursor)] == [False]
    listed = {p["list_id"]: p for p in hub.admin.get("/v1/admin/price-lists").json()}
    assert listed[campaign]["prices"][1] == {"sku": "100004", "price_minor": 6990}
    assert listed[gold]["active"] is False


def test_the_snapshot_carries_the_active_lists(hub: HubProcess, register_id: str):
    campaign, gold = _ids()
    hub.admin.post("/v1/admin/price-lists", json=[
        CAMPAIGN | {"list_id": campaign}, GOLD | {"list_id": gold, "active": False}])
    till = Till.enrol(hub, "S1", register_id)
    with till.client as http:
        lines = http.get("/v1/snapshot").text.splitlines()
    sent = [line for line in lines if '"price_list"' in line]
    assert any(campaign in line for line in sent) and not any(gold in line for line in sent)


def test_a_meaningless_list_is_refused_whole(hub: HubProcess):
    campaign, gold = _ids()
    bad = [
        GOLD | {"list_id": gold, "starts_at": "2026-11-20T00:00:00Z"},  # a dated member list
        CAMPAIGN | {"list_id": campaign, "tier": "gold"},  # a campaign for one tier
        CAMPAIGN | {"list_id": campaign, "ends_at": "2026-11-19T00:00:00Z"},  # ends first
        CAMPAIGN | {"list_id": campaign, "starts_at": "2026-11-20T00:00:00"},  # no zone
        CAMPAIGN | {"list_id": campaign, "prices": [{"sku": "100004", "price_minor": -1}]},
        CAMPAIGN | {"list_id": campaign, "prices": [{"sku": "1", "price_minor": 1}] * 2},
        GOLD | {"list_id": "no spaces please"},
        CAMPAIGN | {"list_id": campaign, "ends_at": "9999-12-31T23:59:59-10:00"},  # no UTC
        CAMPAIGN | {"list_id": campaign, "prices": [{"sku": "a b", "price_minor": 1}]},
    ]
    for item in bad:
        answer = hub.admin.post("/v1/admin/price-lists", json=[GOLD | {"list_id": gold}, item])
        assert answer.status_code == 422, (item, answer.text)
    assert hub.admin.post("/v1/admin/price-lists", content=b"{").status_code == 422
    listed = {p["list_id"] for p in hub.admin.get("/v1/admin/price-lists").json()}
    assert gold not in listed  # all or nothing: the good list of each import is not there


def test_revision_0007_creates_the_tables_the_models_describe(backend: str, tmp_path: Path):
    ours = {t.name for t in (price_lists, price_list_prices, medusa_price_lists)}
    with _empty_database(backend, tmp_path) as url:
        db = open_database(url)
        try:
            migrate(db)
            with db.reader.connect() as conn:
                diffs = compare_metadata(MigrationContext.configure(conn), price_lists.metadata)
        finally:
            db.dispose()
    mine = [d for d in diffs if _table_of(d) in ours]
    assert mine == []


def _table_of(diff: object) -> str | None:
    while isinstance(diff, (tuple, list)) and diff:
        for part in diff:
            name = getattr(part, "name", None)
            table = getattr(part, "table", None)
            if table is not None and getattr(table, "name", None):
                return str(table.name)
            if isinstance(part, str) and part in {"price_lists", "price_list_prices",
                                                   "medusa_price_lists"}:
                return part
            if name in {"price_lists", "price_list_prices", "medusa_price_lists"}:
                return str(name)
        diff = diff[0]
    return None
