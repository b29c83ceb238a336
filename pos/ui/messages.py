"""Cashier-facing texts for app error kinds and device problems, through Qt's translator."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def error_text(kind: str, detail: str = "") -> str:
    texts = {
        "unknown_code": QT_TRANSLATE_NOOP("Messages", "Unknown barcode {0}: nothing was added."),
        "bad_code": QT_TRANSLATE_NOOP(
            "Messages", "Could not read barcode {0}: check digit or format is wrong. Scan again."
        ),
        "receipt_code": QT_TRANSLATE_NOOP(
            "Messages", "{0} is a receipt: finish or park this sale, then scan it for a return."
        ),
        "bad_login": QT_TRANSLATE_NOOP("Messages", "Wrong employee number or PIN."),
        "cart_not_empty": QT_TRANSLATE_NOOP("Messages", "Finish or park the current sale first."),
        "empty_cart": QT_TRANSLATE_NOOP("Messages", "The sale is empty."),
        "nothing_to_park": QT_TRANSLATE_NOOP("Messages", "There is nothing to park."),
        "payment_started": QT_TRANSLATE_NOOP(
            "Messages", "Payment has started: the sale can no longer be changed."
        ),
        "no_receipt": QT_TRANSLATE_NOOP("Messages", "No receipt to reprint yet."),
        "copy_already_printed": QT_TRANSLATE_NOOP(
            "Messages", "This sale already has its copy receipt: only one copy is allowed."
        ),
        "absurd_quantity": QT_TRANSLATE_NOOP("Messages", "That quantity is not possible here: {0}"),
        "absurd_price": QT_TRANSLATE_NOOP("Messages", "That price is not possible here: {0}"),
        "reason_required": QT_TRANSLATE_NOOP("Messages", "Give a reason."),
        "bad_amount": QT_TRANSLATE_NOOP("Messages", "Not an amount: {0}"),
        "payment": QT_TRANSLATE_NOOP("Messages", "Payment refused: {0}"),
        "not_allowed": QT_TRANSLATE_NOOP("Messages", "A supervisor must do that."),
        "no_line": QT_TRANSLATE_NOOP("Messages", "Select a line first."),
        "locked_out": QT_TRANSLATE_NOOP(
            "Messages", "Too many wrong PINs: wait five minutes or ask a manager."
        ),
        "sale_completed": QT_TRANSLATE_NOOP(
            "Messages", "That sale is finished: start the next one."
        ),
        "loyalty_offline": QT_TRANSLATE_NOOP(
            "Messages", "Points need the hub, which cannot be reached now: take another payment."
        ),
        "no_points": QT_TRANSLATE_NOOP("Messages", "The customer has no points to use."),
        "no_customer": QT_TRANSLATE_NOOP("Messages", "Attach the customer first (Ctrl+K)."),
        "signup_invalid": QT_TRANSLATE_NOOP(
            "Messages", "A new member needs a name and a phone number or an e-mail address."
        ),
        "signup_offline": QT_TRANSLATE_NOOP(
            "Messages", "Signing up needs the hub, which cannot be reached now: try again later."
        ),
        "signup_refused": QT_TRANSLATE_NOOP("Messages", "Sign-up refused: {0}"),
    }
    text = texts.get(kind, QT_TRANSLATE_NOOP("Messages", "Refused: {0}"))
    return QCoreApplication.translate("Messages", text).format(detail or kind)


def printer_problem_text(problem: str | None) -> str:
    texts = {
        None: QT_TRANSLATE_NOOP("Messages", "Printer ready"),
        "paper_out": QT_TRANSLATE_NOOP("Messages", "Printer: out of paper"),
        "cover_open": QT_TRANSLATE_NOOP("Messages", "Printer: cover open"),
        "offline": QT_TRANSLATE_NOOP("Messages", "Printer: offline"),
        "error": QT_TRANSLATE_NOOP("Messages", "Printer: error"),
        "none": QT_TRANSLATE_NOOP("Messages", "No printer"),
    }
    return QCoreApplication.translate("Messages", texts.get(problem, texts["error"]))
