"""The journal events the till writes, with their SAF-T Cash Register code (PredefinedBasicID-13).

Our own event name says exactly what happened; the SAF-T code is what the tax office's export
groups it under. Events the code list has no code for use 13999 ("Other").
"""

from __future__ import annotations

from enum import StrEnum


class Event(StrEnum):
    APP_START = "app_start"
    APP_STOP = "app_stop"
    LOGIN = "login"
    LOGOUT = "logout"
    LOGIN_FAILED = "login_failed"
    SALE = "sale_committed"
    LINE_VOIDED = "line_voided"
    SALE_VOIDED = "sale_voided"
    SALE_INTERRUPTED = "sale_interrupted"
    PRICE_OVERRIDE = "price_override"
    DISCOUNT = "discount"
    NO_SALE = "no_sale"
    DRAWER_OPENED = "drawer_opened"
    DRAWER_CLOSED = "drawer_closed"
    COPY_RECEIPT = "copy_receipt"
    RECEIPT_PRINT_FAILED = "receipt_print_failed"
    PARKED = "sale_parked"
    RESUMED = "sale_resumed"
    TRAINING_ON = "training_on"
    TRAINING_OFF = "training_off"
    PRICE_LOOKUP = "price_lookup"


SAFT_EVENT_CODE: dict[Event, str] = {
    Event.APP_START: "13001",
    Event.APP_STOP: "13002",
    Event.LOGIN: "13003",
    Event.LOGOUT: "13004",
    Event.LOGIN_FAILED: "13999",
    Event.SALE: "13012",
    Event.LINE_VOIDED: "13999",
    Event.SALE_VOIDED: "13028",
    Event.SALE_INTERRUPTED: "13999",
    Event.PRICE_OVERRIDE: "13021",
    Event.DISCOUNT: "13999",
    Event.NO_SALE: "13005",
    Event.DRAWER_OPENED: "13005",
    Event.DRAWER_CLOSED: "13006",
    Event.COPY_RECEIPT: "13014",
    Event.RECEIPT_PRINT_FAILED: "13030",
    Event.PARKED: "13010",
    Event.RESUMED: "13011",
    Event.TRAINING_ON: "13023",
    Event.TRAINING_OFF: "13024",
    Event.PRICE_LOOKUP: "13022",
}
