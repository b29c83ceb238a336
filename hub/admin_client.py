"""The administrator's side of the hub's API over HTTP, for tests, the demo and scripts:
enrol a till, import a catalog, set stock. Shared by hub.testing.HubProcess and
hub.server.ThreadedHub."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx

from sync.protocol import EnrolResponse, ImportResult, StockSetResult


class AdminClient:
    url: str
    admin_token: str

    @property
    def admin(self) -> httpx.Client:
        client = getattr(self, "_admin", None)
        if client is None:
            client = httpx.Client(base_url=self.url, timeout=60,
                                  headers={"Authorization": f"Bearer {self.admin_token}"})
            self._admin = client
        return client

    def enrol(self, store_id: str, register_id: str) -> EnrolResponse:
        """Make a one-time code (admin) and trade it for a till credential, as a till does."""
        answer = self.admin.post("/v1/admin/enrolment-codes",
                                 json={"store_id": store_id, "register_id": register_id})
        answer.raise_for_status()
        enrolled = httpx.post(f"{self.url}/v1/enrol", json={"code": answer.json()["code"]},
                              timeout=30)
        enrolled.raise_for_status()
        return EnrolResponse.model_validate(enrolled.json())

    def import_catalog(self, rows: Sequence[Mapping[str, Any]] | str) -> ImportResult:
        """JSON rows (sync.protocol.CatalogRow fields), or CSV text."""
        if isinstance(rows, str):
            answer = self.admin.post("/v1/admin/catalog", content=rows.encode(),
                                     headers={"Content-Type": "text/csv"})
        else:
            answer = self.admin.post("/v1/admin/catalog", json=list(rows))
        answer.raise_for_status()
        return ImportResult.model_validate(answer.json())

    def import_catalog_file(self, path: Path) -> ImportResult:
        """A .csv or .json catalog file, e.g. resources/catalog/sample_catalog.csv."""
        text = Path(path).read_text(encoding="utf-8-sig")
        if Path(path).suffix.lower() == ".json":
            import json

            return self.import_catalog(json.loads(text))
        return self.import_catalog(text)

    def set_stock(self, levels: Mapping[tuple[str, str], int]) -> StockSetResult:
        """{(store_id, sku): on_hand_milli}: a count; the differences go to the ledger."""
        body = [{"store_id": s, "sku": k, "on_hand_milli": q} for (s, k), q in levels.items()]
        answer = self.admin.post("/v1/admin/stock", json=body)
        answer.raise_for_status()
        return StockSetResult.model_validate(answer.json())

    def client(self, credential: str, **kwargs: Any) -> httpx.Client:
        """An httpx.Client speaking as the till holding `credential`."""
        return httpx.Client(base_url=self.url, timeout=kwargs.pop("timeout", 30),
                            headers={"Authorization": f"Bearer {credential}"}, **kwargs)

    def close_admin(self) -> None:
        client = getattr(self, "_admin", None)
        if client is not None:
            client.close()
            self._admin = None
