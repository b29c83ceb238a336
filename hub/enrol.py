"""Enrolment: an administrator makes a one-time code for (store, register); the till trades it
once for its own credential and a new epoch."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Depends
from sqlalchemy import Connection, insert, select, update

from hub.auth import admin, digest, new_code, new_credential, normalise_code
from hub.db import aware, utcnow
from hub.errors import HubError
from hub.models import credentials, enrolment_codes, stores, terminal_epochs, terminals
from hub.state import Hub, get_hub
from sync.protocol import (
    EnrolmentCode,
    EnrolmentCodeRequest,
    EnrolRequest,
    EnrolResponse,
    ErrorBody,
)

router = APIRouter(tags=["enrolment"])


def ensure_store(conn: Connection, store_id: str, name: str = "") -> None:
    if conn.execute(select(stores.c.store_id).where(stores.c.store_id == store_id)).first():
        return
    conn.execute(insert(stores).values(store_id=store_id, name=name or store_id,
                                       created_at=utcnow()))


def create_code(hub: Hub, request: EnrolmentCodeRequest) -> EnrolmentCode:
    code = new_code()
    expires = utcnow() + timedelta(minutes=request.valid_minutes)
    with hub.db.writer.begin() as conn:
        ensure_store(conn, request.store_id)
        conn.execute(insert(enrolment_codes).values(
            code_hash=digest(normalise_code(code)), store_id=request.store_id,
            register_id=request.register_id, expires_at=expires))
    return EnrolmentCode(code=code, store_id=request.store_id, register_id=request.register_id,
                         expires_at=expires)


@router.post("/v1/admin/enrolment-codes", dependencies=[Depends(admin)],
             responses={401: {"model": ErrorBody}})
def post_enrolment_code(request: EnrolmentCodeRequest,
                        hub: Hub = Depends(get_hub)) -> EnrolmentCode:
    return create_code(hub, request)


@router.post("/v1/enrol", responses={410: {"model": ErrorBody}})
def enrol(request: EnrolRequest, hub: Hub = Depends(get_hub)) -> EnrolResponse:
    now, credential = utcnow(), new_credential()
    with hub.db.writer.begin() as conn:
        code = conn.execute(select(enrolment_codes).where(
            enrolment_codes.c.code_hash == digest(normalise_code(request.code)))).first()
        if code is None or code.used_at is not None or aware(code.expires_at) < now:
            raise HubError(410, "code_invalid", "unknown, used or expired enrolment code")
        conn.execute(update(enrolment_codes)
                     .where(enrolment_codes.c.code_hash == code.code_hash).values(used_at=now))
        key = (terminals.c.store_id == code.store_id,
               terminals.c.register_id == code.register_id)
        epoch = conn.execute(select(terminals.c.current_epoch).where(*key)).scalar()
        if epoch is None:
            epoch = 1
            conn.execute(insert(terminals).values(
                store_id=code.store_id, register_id=code.register_id, name=request.till_name,
                current_epoch=epoch, enrolled_at=now))
        else:
            epoch += 1
            conn.execute(update(terminals).where(*key).values(
                current_epoch=epoch, name=request.till_name, enrolled_at=now))
        conn.execute(insert(terminal_epochs).values(
            store_id=code.store_id, register_id=code.register_id, epoch=epoch, last_seq=0))
        conn.execute(insert(credentials).values(
            token_hash=digest(credential), store_id=code.store_id,
            register_id=code.register_id, epoch=epoch, created_at=now))
    return EnrolResponse(store_id=code.store_id, register_id=code.register_id,
                         credential=credential, epoch=epoch)
