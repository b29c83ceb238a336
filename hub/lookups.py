"""Live look-ups for a till: stock in every store, customers, a past sale by receipt."""

from __future__ import annotations

import json
import uuid
from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Response
from sqlalchemy import Connection, func, or_, select
from sqlalchemy.exc import IntegrityError

from hub import customer_identity
from hub.auth import Terminal, terminal
from hub.db import utcnow
from hub.errors import HubError
from hub.models import (
    applied_sales,
    customers,
    inbox,
    loyalty_accounts,
    loyalty_reservations,
    stock_balances,
)
from hub.models import stores as stores_table
from hub.state import Hub, get_hub
from sync.protocol import (
    Customer,
    ErrorBody,
    Ident,
    NewCustomer,
    SaleCommitted,
    StockLevels,
    StoreStock,
)

router = APIRouter(tags=["look-ups"])
ERRORS = {c: {"model": ErrorBody} for c in (401, 403, 404, 409, 422)}


@router.get("/v1/stock/{sku}", responses=ERRORS)
def stock_levels(sku: Ident = Path(), _term: Terminal = Depends(terminal),
                 hub: Hub = Depends(get_hub)) -> StockLevels:
    with hub.db.reader.connect() as conn:
        rows = conn.execute(
            select(stores_table.c.store_id, stores_table.c.name,
                   func.coalesce(stock_balances.c.on_hand_milli, 0).label("on_hand"))
            .select_from(stores_table.outerjoin(stock_balances, (
                stock_balances.c.store_id == stores_table.c.store_id)
                & (stock_balances.c.sku == sku)))
            .order_by(stores_table.c.store_id))
        levels = tuple(StoreStock(store_id=r.store_id, store_name=r.name, on_hand_milli=r.on_hand)
                       for r in rows)
    return StockLevels(sku=sku, stores=levels)


def customer(conn: Connection, customer_id: str) -> Customer | None:
    now = utcnow()
    reserved = select(func.coalesce(func.sum(loyalty_reservations.c.points), 0)).where(
        loyalty_reservations.c.customer_id == customers.c.customer_id,
        loyalty_reservations.c.status == "held",
        loyalty_reservations.c.expires_at > now).scalar_subquery()
    row = conn.execute(
        select(customers, func.coalesce(loyalty_accounts.c.balance_points, 0).label("balance"),
               reserved.label("reserved"))
        .select_from(customers.outerjoin(loyalty_accounts))
        .where(customers.c.customer_id == customer_id)).first()
    if row is None:
        return None
    return Customer(customer_id=row.customer_id, name=row.name, phone=row.phone,
                    email=row.email, loyalty_card=row.loyalty_card,
                    home_store_id=row.home_store_id, tier=row.tier,
                    balance_points=row.balance, reserved_points=row.reserved)


@router.get("/v1/customers", responses=ERRORS)
def search_customers(q: str = Query(min_length=2, max_length=100),
                     _term: Terminal = Depends(terminal),
                     hub: Hub = Depends(get_hub)) -> list[Customer]:
    needle = q.strip()
    digits = "".join(c for c in needle if c.isdigit() or c == "+")
    like = f"%{needle.lower()}%"
    conditions: list[Any] = [customers.c.loyalty_card == needle,
                             func.lower(customers.c.email) == needle.lower(),
                             func.lower(customers.c.name).like(like)]
    if len(digits) >= 4:
        conditions.append(customers.c.phone.like(f"%{digits}%"))
    with hub.db.reader.connect() as conn:
        ids = conn.execute(select(customers.c.customer_id).where(or_(*conditions))
                           .order_by(customers.c.name).limit(20)).scalars().all()
        return [c for c in (customer(conn, i) for i in ids) if c is not None]


@router.get("/v1/customers/{customer_id}", responses=ERRORS)
def get_customer(customer_id: Ident = Path(), _term: Terminal = Depends(terminal),
                 hub: Hub = Depends(get_hub)) -> Customer:
    with hub.db.reader.connect() as conn:
        found = customer(conn, customer_id)
    if found is None:
        raise HubError(404, "not_found", f"no customer {customer_id}")
    return found


@router.post("/v1/customers", status_code=201, responses={**ERRORS, 200: {
    "model": Customer, "description": "she is a customer already (same e-mail, or phone): "
    "that customer, with the card and phone she lacked filled in"}})
def create_customer(new: NewCustomer, response: Response, term: Terminal = Depends(terminal),
                    hub: Hub = Depends(get_hub)) -> Customer:
    """A loyalty sign-up at the till; she may be one already (signed up on the web, or in
    another store): then that customer is answered (200), never a second one."""
    email = customer_identity.normal_email(new.email)
    phone = customer_identity.normal_phone(new.phone)
    home = new.home_store_id or term.store_id
    try:
        with hub.db.writer.begin() as conn:
            customer_identity.hold(conn, email, phone)
            found = customer_identity.same_person(conn, email, phone)
            if found is None:
                customer_id = customer_identity.create(
                    conn, name=new.name, email=new.email, phone=phone,
                    loyalty_card=new.loyalty_card, home_store_id=home, now=utcnow())
            else:
                customer_id = found.customer_id
                _complete(conn, found, new, phone, home)
                response.status_code = 200
            created = customer(conn, customer_id)
    except IntegrityError:
        raise HubError(409, "conflict", "that loyalty card belongs to another customer") from None
    hub.committed()
    assert created is not None
    return created


def _complete(conn: Connection, found: Any, new: NewCustomer, phone: str | None,
              home: str) -> None:
    """What the sign-up knows that the customer on file lacks: a card, a phone, a home store
    (a web customer's first visit); a different card of her own is refused (one card each)."""
    if new.loyalty_card and found.loyalty_card and new.loyalty_card != found.loyalty_card:
        raise HubError(409, "conflict", f"{found.name} is a member already, with loyalty card "
                       f"{found.loyalty_card}: find her by it, or by her phone or e-mail")
    missing = {k: v for k, v in (("loyalty_card", new.loyalty_card), ("phone", phone),
                                 ("home_store_id", home))
               if v and getattr(found, k) is None}
    if missing:
        conn.execute(customers.update().where(customers.c.customer_id == found.customer_id)
                     .values(**missing))
        customer_identity.publish(conn, found.customer_id)


@router.get("/v1/sales/by-receipt", responses=ERRORS)
def sale_by_receipt(store: Ident | None = None, register: Ident | None = None,
                    transaction_no: int | None = Query(default=None, ge=0, le=2**62),
                    sale_id: uuid.UUID | None = None, _term: Terminal = Depends(terminal),
                    hub: Hub = Depends(get_hub)) -> SaleCommitted:
    query = select(inbox.c.payload).where(inbox.c.status == "applied")
    if sale_id is not None:  # through applied_sales' primary key (hub.models: never a scan)
        query = query.join(applied_sales, applied_sales.c.inbox_id == inbox.c.id).where(
            applied_sales.c.sale_id == str(sale_id))
    elif store and register and transaction_no is not None:
        query = query.where(inbox.c.store_id == store, inbox.c.register_id == register,
                            inbox.c.transaction_no == transaction_no)
    else:
        raise HubError(422, "invalid", "give sale_id, or store, register and transaction_no")
    with hub.db.reader.connect() as conn:
        payload = conn.execute(query.order_by(inbox.c.id.desc()).limit(1)).scalar()
    if payload is None:
        raise HubError(404, "not_found", "no such sale on the hub")
    return SaleCommitted.model_validate(json.loads(payload))
