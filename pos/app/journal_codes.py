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
    # Shifts, cash and reports (issue 7).
    SHIFT_OPENED = "shift_opened"
    SHIFT_CLOSED = "shift_closed"
    SHIFTS_LEFT_OPEN = "shifts_left_open"
    CASH_DROP = "cash_drop"
    PAY_IN = "pay_in"
    PAY_OUT = "pay_out"
    X_REPORT = "x_report"
    Z_REPORT = "z_report"
    END_OF_DAY = "end_of_day"
    # Returns (pos.app.returns): the return receipt itself is written by commit_sale (13013).
    RETURN = "return_committed"
    SALE_REVERSED = "sale_reversed"  # the last sale voided after payment (13028)
    RETURN_REFUSED = "return_refused"
    # Card payments (pos.app.card): every step of an amount sent to the terminal.
    CARD_INTENT = "card_intent"
    CARD_SENT = "card_sent"
    CARD_APPROVED = "card_approved"
    CARD_DECLINED = "card_declined"
    CARD_ABORTED = "card_aborted"
    CARD_IN_DOUBT = "card_in_doubt"
    CARD_RECOVERED = "card_recovered"
    CARD_MANUAL = "card_resolved_by_cashier"
    CARD_SETTLED = "card_settled"
    CARD_RECONCILED = "card_reconciled"


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
    Event.SHIFT_OPENED: "13999",
    Event.SHIFT_CLOSED: "13999",
    Event.SHIFTS_LEFT_OPEN: "13999",
    Event.CASH_DROP: "13019",  # cash withdrawal (to the safe)
    Event.PAY_IN: "13999",
    Event.PAY_OUT: "13019",  # cash withdrawal
    Event.X_REPORT: "13008",
    Event.Z_REPORT: "13009",
    Event.END_OF_DAY: "13999",
    Event.RETURN: "13013",
    Event.SALE_REVERSED: "13028",
    Event.RETURN_REFUSED: "13999",
    Event.CARD_INTENT: "13999",
    Event.CARD_SENT: "13999",
    Event.CARD_APPROVED: "13999",
    Event.CARD_DECLINED: "13999",
    Event.CARD_ABORTED: "13999",
    Event.CARD_IN_DOUBT: "13999",
    Event.CARD_RECOVERED: "13999",
    Event.CARD_MANUAL: "13999",
    Event.CARD_SETTLED: "13999",
    Event.CARD_RECONCILED: "13018",  # other report: the terminal's end-of-day comparison
}
