"""The returns screen's words for reasons, tenders and refusals, through Qt's translator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos.app.checkout import CheckoutError
from pos.ui.messages import error_text

translate = QCoreApplication.translate  # literal contexts below, so lupdate finds the texts


def reason_label(key: str) -> str:
    labels = {
        "defective": translate("ReturnsView", "Defective"),
        "wrong_size": translate("ReturnsView", "Wrong size"),
        "changed_mind": translate("ReturnsView", "Changed mind"),
        "other": translate("ReturnsView", "Other…"),
    }
    return labels[key]


def tender_name(tender: str) -> str:
    names = {
        "cash": translate("ReturnsView", "cash"),
        "card": translate("ReturnsView", "card"),
        "store_credit": translate("ReturnsView", "store credit"),
        "web_payment": translate("ReturnsView", "the web payment"),
    }
    return names.get(tender, tender)


def return_error_text(error: CheckoutError) -> str:
    texts = {
        "receipt_not_found": translate("ReturnsView", "No sale with receipt {0} on this till."),
        "not_returnable": translate(
            "ReturnsView", "Receipt {0} is a return or a void: it cannot be returned."),
        "over_return": translate("ReturnsView", "More than was sold (or already returned): {0}"),
        "nothing_to_return": translate("ReturnsView", "Pick what comes back."),
        "reason_required": translate("ReturnsView", "Choose a reason."),
        "approval_needed": translate("ReturnsView", "A supervisor must approve this return."),
        "card_refund_failed": translate(
            "ReturnsView", "The card refund failed: {0}. Nothing was refunded."),
        "no_sale_to_void": translate(
            "ReturnsView", "There is no sale of yours in this session to void."),
        "already_returned": translate(
            "ReturnsView", "Receipt {0} has returns already: take a return instead."),
        "hub_unavailable": translate(  # a sale of another store: only the hub has it
            "ReturnsView", "The sale is not on this till and the hub does not answer: {0}"),
    }
    text = texts.get(error.kind)
    return text.format(error.detail) if text else error_text(error.kind, error.detail)
