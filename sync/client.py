"""The till's HTTP client for the hub: bearer credential, TLS settings, typed errors.

Every answer is mapped onto one of a few errors the loops act on: `Temporary` (network down,
timeout, 5xx: retry with backoff), `Gap` (409: resend from `expected_seq`), `SeqReused` (422:
a bug, stop), `Refused` (401/403: the credential is wrong or not this till's; stop and say
so), `Rejected` (any other 4xx: the request itself was bad). Nothing here knows the till.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from sync.protocol import (
    BatchResult,
    Customer,
    CustomerOverview,
    EnrolRequest,
    EnrolResponse,
    ErrorBody,
    EventBatch,
    FeedPage,
    Handover,
    NewCustomer,
    PickupChange,
    PickupList,
    Reservation,
    ReservationRequest,
    StockLevels,
)
from sync.web_protocol import (
    HomeDeliveryOrder,
    HomeDeliveryRequest,
    ReturnableSaleV1,
    ReturnClaim,
    ReturnClaimed,
    StockEverywhere,
    WebOrderForReturn,
    WebReturnAccepted,
    WebReturnRequest,
)

CONNECT_TIMEOUT_S = 5.0
REQUEST_TIMEOUT_S = 30.0
LOOKUP_TIMEOUT_S = 3.0  # a cashier waits for these: fail fast, fall back to the cache


class HubError(Exception):
    """Base of the errors below; `status` is the HTTP status (0: no answer)."""

    def __init__(self, message: str, status: int = 0, body: ErrorBody | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.body = body


class Temporary(HubError):
    """No answer, a timeout or a 5xx: try again later, nothing was lost."""


class Gap(HubError):
    @property
    def expected_seq(self) -> int:
        assert self.body is not None and self.body.expected_seq is not None
        return self.body.expected_seq


class SeqReused(HubError):
    """The hub holds another event under one of our seqs: a bug; never resend blindly."""


class Refused(HubError):
    """401 (unknown credential) or 403 (not this till's store or register)."""


class Rejected(HubError):
    """Another 4xx: the request was bad (oversized, invalid, gone)."""


def _error_body(response: httpx.Response) -> ErrorBody | None:
    try:
        data = response.json()
        return ErrorBody.model_validate(data) if isinstance(data, dict) else None
    except Exception:  # a proxy's HTML page, say
        return None


def raise_for(response: httpx.Response) -> None:
    """Map a non-2xx answer onto our errors."""
    status = response.status_code
    if status < 300:
        return
    body = _error_body(response)
    detail = f"{status} {body.error}: {body.detail}" if body else f"{status} {response.text[:200]}"
    if status >= 500 or status in (408, 429):
        raise Temporary(detail, status, body)
    if status == 409 and body is not None and body.expected_seq is not None:
        raise Gap(detail, status, body)
    if status == 422 and body is not None and body.error == "seq_reused":
        raise SeqReused(detail, status, body)
    if status in (401, 403):
        raise Refused(detail, status, body)
    raise Rejected(detail, status, body)


@contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except httpx.TransportError as exc:  # connect, read, write, protocol, proxy errors
        raise Temporary(f"{type(exc).__name__}: {exc}") from exc
    except RuntimeError as exc:  # a look-up thread that outlived the till's shutdown
        if "client has been closed" not in str(exc):
            raise
        raise Temporary("the till is shutting down: its hub connection is closed") from exc


def enrol(hub_url: str, code: str, *, till_name: str = "", kassa_version: str = "",
          verify: bool | str = True) -> EnrolResponse:
    """Trade a one-time code for this till's own credential (no credential needed yet)."""
    request = EnrolRequest(code=code, till_name=till_name, kassa_version=kassa_version)
    with _translated(), httpx.Client(base_url=hub_url, verify=verify,
                                     timeout=REQUEST_TIMEOUT_S) as http:
        response = http.post("/v1/enrol", content=request.model_dump_json(),
                             headers={"content-type": "application/json"})
        raise_for(response)
    return EnrolResponse.model_validate_json(response.content)


class HubClient:
    """One till's connection to the hub; thread-safe (httpx.Client is)."""

    def __init__(self, hub_url: str, credential: str, store_id: str, register_id: str, *,
                 verify: bool | str = True, transport: httpx.BaseTransport | None = None) -> None:
        self.hub_url = hub_url.rstrip("/")
        self.store_id = store_id
        self.register_id = register_id
        self.http = httpx.Client(
            base_url=self.hub_url, verify=verify, transport=transport,
            headers={"authorization": f"Bearer {credential}"},
            timeout=httpx.Timeout(REQUEST_TIMEOUT_S, connect=CONNECT_TIMEOUT_S),
        )

    def close(self) -> None:
        self.http.close()

    def _call(self, method: str, path: str, *, json_text: str | None = None,
              timeout: float | None = None, **kw: Any) -> httpx.Response:
        if json_text is not None:
            kw["content"] = json_text
            kw["headers"] = {"content-type": "application/json"}
        if timeout is not None:
            kw["timeout"] = httpx.Timeout(timeout, connect=min(timeout, CONNECT_TIMEOUT_S))
        with _translated():
            response = self.http.request(method, path, **kw)
        raise_for(response)
        return response

    # -- upload ------------------------------------------------------------------------------

    def post_events_json(self, body: str) -> BatchResult:
        """POST an EventBatch already serialised (the pusher builds it from the outbox's
        JSON text without re-parsing every payload)."""
        response = self._call(
            "POST", f"/v1/stores/{self.store_id}/registers/{self.register_id}/events",
            json_text=body)
        return BatchResult.model_validate_json(response.content)

    def post_events(self, batch: EventBatch) -> BatchResult:
        return self.post_events_json(batch.model_dump_json())

    # -- change feed -------------------------------------------------------------------------

    def feed_topics(self) -> str:
        return f"store:{self.store_id},chain"

    def poll(self, after: int, timeout_s: int = 25) -> FeedPage:
        response = self._call("GET", "/v1/feed/poll", timeout=timeout_s + 10, params={
            "topics": self.feed_topics(), "after": after, "timeout": timeout_s})
        return FeedPage.model_validate_json(response.content)

    # -- look-ups (a cashier is waiting: short timeouts) -------------------------------------

    def stock_levels(self, sku: str) -> StockLevels:
        response = self._call("GET", f"/v1/stock/{sku}", timeout=LOOKUP_TIMEOUT_S)
        return StockLevels.model_validate_json(response.content)

    def search_customers(self, text: str) -> list[Customer]:
        response = self._call("GET", "/v1/customers", params={"q": text},
                              timeout=LOOKUP_TIMEOUT_S)
        return [Customer.model_validate(c) for c in response.json()]

    def customer(self, customer_id: str) -> Customer:
        response = self._call("GET", f"/v1/customers/{customer_id}", timeout=LOOKUP_TIMEOUT_S)
        return Customer.model_validate_json(response.content)

    def customer_overview(self, customer_id: str) -> CustomerOverview:
        """Loyalty, purchases in every channel, open web orders, the wish list with this
        store's stock: the hub answers from its own tables (never waiting on the web shop)."""
        response = self._call("GET", f"/v1/customers/{customer_id}/overview",
                              timeout=LOOKUP_TIMEOUT_S)
        return CustomerOverview.model_validate_json(response.content)

    def pickups(self) -> PickupList:
        """This store's open click & collect orders (then kept live by `pickup` frames)."""
        response = self._call("GET", "/v1/pickups", timeout=LOOKUP_TIMEOUT_S)
        return PickupList.model_validate_json(response.content)

    def hand_over(self, order_id: str, handover: Handover) -> PickupChange:
        """Recorded by the hub at once; it tells the web shop afterwards."""
        response = self._call("POST", f"/v1/pickups/{order_id}/handover",
                              json_text=handover.model_dump_json(), timeout=LOOKUP_TIMEOUT_S)
        return PickupChange.model_validate_json(response.content)

    def create_customer(self, new: NewCustomer) -> tuple[Customer, bool]:
        """A loyalty sign-up: (the customer, True when she is new; False when the hub found
        her already, by e-mail or phone, and answered that customer)."""
        response = self._call("POST", "/v1/customers", json_text=new.model_dump_json(),
                              timeout=LOOKUP_TIMEOUT_S)
        return Customer.model_validate_json(response.content), response.status_code == 201

    def reserve_points(self, request: ReservationRequest) -> Reservation:
        response = self._call("POST", "/v1/loyalty/reservations",
                              json_text=request.model_dump_json(), timeout=LOOKUP_TIMEOUT_S)
        return Reservation.model_validate_json(response.content)

    def release_points(self, reservation_id: str) -> None:
        self._call("DELETE", f"/v1/loyalty/reservations/{reservation_id}",
                   timeout=LOOKUP_TIMEOUT_S)

    # -- returns anywhere, stock everywhere (issue 9; sync.web_protocol) ---------------------

    def returnable_sale(self, **params: object) -> ReturnableSaleV1:
        """A sale of any store with its returns: register + transaction_no (+ store), or
        sale_id."""
        response = self._call("GET", "/v1/sales/returnable", params=params,
                              timeout=LOOKUP_TIMEOUT_S)
        return ReturnableSaleV1.model_validate_json(response.content)

    def claim_return(self, sale_id: str, claim: ReturnClaim) -> ReturnClaimed:
        """Hold what this till is about to take back of another store's sale (409: another
        store holds it, or took it back already)."""
        response = self._call("POST", f"/v1/sales/{sale_id}/return-claims",
                              json_text=claim.model_dump_json(), timeout=LOOKUP_TIMEOUT_S)
        return ReturnClaimed.model_validate_json(response.content)

    def web_order(self, display_id: int) -> WebOrderForReturn:
        response = self._call("GET", f"/v1/web-orders/{display_id}", timeout=LOOKUP_TIMEOUT_S)
        return WebOrderForReturn.model_validate_json(response.content)

    def web_return(self, request: WebReturnRequest) -> WebReturnAccepted:
        """Taken by the hub at once (it pushes it to Medusa later); a repeat is the same."""
        response = self._call("POST", "/v1/web-returns", json_text=request.model_dump_json(),
                              timeout=LOOKUP_TIMEOUT_S)
        return WebReturnAccepted.model_validate_json(response.content)

    def stock_everywhere(self, sku: str) -> StockEverywhere:
        response = self._call("GET", f"/v1/stock/{sku}/everywhere", timeout=LOOKUP_TIMEOUT_S * 2)
        return StockEverywhere.model_validate_json(response.content)

    def home_delivery(self, request: HomeDeliveryRequest) -> HomeDeliveryOrder:
        """Waits for Medusa (the cashier wants the order number): a longer timeout."""
        response = self._call("POST", "/v1/home-deliveries", json_text=request.model_dump_json(),
                              timeout=20.0)
        return HomeDeliveryOrder.model_validate_json(response.content)
