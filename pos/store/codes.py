"""Norwegian SAF-T Cash Register code lists used by the journal and the sale tables.

Source: ../shared/specs/saft-cash-register/ (PredefinedBasicID-11, -12, -13; Standard Tax Codes).
Only the codes the till emits are named here; the export maps them 1:1.
"""

from __future__ import annotations

from typing import Final

# PredefinedBasicID-13: events.
EV_APP_START: Final = "13001"
EV_APP_STOP: Final = "13002"
EV_LOGIN: Final = "13003"
EV_LOGOUT: Final = "13004"
EV_DRAWER_OPEN: Final = "13005"
EV_DRAWER_CLOSE: Final = "13006"
EV_UPDATE: Final = "13007"
EV_X_REPORT: Final = "13008"
EV_Z_REPORT: Final = "13009"
EV_PARK: Final = "13010"
EV_RESUME: Final = "13011"
EV_SALES_RECEIPT: Final = "13012"
EV_RETURN_RECEIPT: Final = "13013"
EV_COPY_RECEIPT: Final = "13014"
EV_PROVISIONAL_RECEIPT: Final = "13015"
EV_TRAINING_RECEIPT: Final = "13017"
EV_OTHER_REPORT: Final = "13018"
EV_CASH_WITHDRAWAL: Final = "13019"
EV_PRICE_CHANGE: Final = "13021"
EV_PRICE_LOOKUP: Final = "13022"
EV_TRAINING_ON: Final = "13023"
EV_TRAINING_OFF: Final = "13024"
EV_VOID_RECEIPT: Final = "13028"
EV_SALE_WITHOUT_RECEIPT: Final = "13030"
EV_OTHER: Final = "13999"

EVENT_CODES: Final = frozenset({f"130{n:02d}" for n in range(1, 31)} | {EV_OTHER})

# PredefinedBasicID-11: transaction types.
TX_CASH_SALE: Final = "11001"
TX_RETURN_PAYMENT: Final = "11006"
TX_CORRECTION: Final = "11009"

# PredefinedBasicID-12: payment types, by our tender names. A card is booked as debit card
# (12002) unless the payment record says otherwise (the terminal reports credit as 12003).
TENDERS: Final = ("cash", "card", "gift_card", "loyalty", "store_credit", "web_payment")
PAYMENT_CODE_BY_TENDER: Final[dict[str, str]] = {
    "cash": "12001",
    "card": "12002",
    "gift_card": "12005",
    "loyalty": "12007",
    "store_credit": "12010",
    "web_payment": "12999",  # other: a web order refunded to its web payment (issue 9)
}

# Standard Tax Codes (output VAT) for the Norwegian rates, by rate in basis points.
SAFT_TAX_CODE_BY_RATE_BP: Final[dict[int, str]] = {
    2500: "3",  # Output VAT, regular rate
    1500: "31",  # Output VAT, reduced rate, middle (food)
    1200: "33",  # Output VAT, reduced rate, low (transport, cinema, ...)
    0: "5",  # No output VAT, zero rate
}

SALE_KINDS: Final = ("sale", "return", "void")
USER_ROLES: Final = ("cashier", "supervisor", "manager")


def receipt_event_code(kind: str, training: bool) -> str:
    """The journal code for committing a sale of this kind (the receipt is issued at commit)."""
    if training:
        return EV_TRAINING_RECEIPT
    if kind == "return":
        return EV_RETURN_RECEIPT
    if kind == "void":
        return EV_VOID_RECEIPT
    return EV_SALES_RECEIPT
