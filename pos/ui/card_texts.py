"""The card terminal's words for the cashier: intermediate statuses and outcomes, translated.

The driver's texts are English; the common ones are worded here through Qt's translator,
the rest fall back to the driver's text.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pos.app.card import CardOutcome

CONTEXT = "CardTexts"

# By the driver's stable status key (drivers.payment.zvt_texts.STATUS_KEYS), not by code: one
# source of truth for what a status means. Keys not here show the driver's English text.
_STATUS = {
    "insert_card": QT_TRANSLATE_NOOP("CardTexts", "Customer: insert, tap or swipe the card"),
    "watch_pin_pad": QT_TRANSLATE_NOOP("CardTexts", "Customer: enter the PIN on the terminal"),
    "waiting_for_host": QT_TRANSLATE_NOOP("CardTexts", "Waiting for the bank…"),
    "remove_card": QT_TRANSLATE_NOOP("CardTexts", "Customer: remove the card"),
    "please_wait": QT_TRANSLATE_NOOP("CardTexts", "Please wait…"),
    "incorrect_pin": QT_TRANSLATE_NOOP("CardTexts", "Wrong PIN: the customer tries again"),
    "application_selection": QT_TRANSLATE_NOOP(
        "CardTexts", "Customer: choose the card application"),
    "not_accepted_remove_card": QT_TRANSLATE_NOOP(
        "CardTexts", "Card not accepted. Customer: remove the card"),
    "watch_pin_pad_remove_card": QT_TRANSLATE_NOOP(
        "CardTexts", "Customer: look at the terminal and remove the card"),
}

# Declines worth their own words (host codes sent as binary: 0x05 = 05, 0x33 = 51, 0x37 = 55).
_DECLINE = {
    0x05: QT_TRANSLATE_NOOP("CardTexts", "The bank declined the card."),
    0x33: QT_TRANSLATE_NOOP("CardTexts", "Not enough money on the card."),
    0x37: QT_TRANSLATE_NOOP("CardTexts", "Wrong PIN."),
    0x4B: QT_TRANSLATE_NOOP("CardTexts", "Too many wrong PINs: the card is locked."),
    0x21: QT_TRANSLATE_NOOP("CardTexts", "The card has expired."),
    0x36: QT_TRANSLATE_NOOP("CardTexts", "The card has expired."),
    0x64: QT_TRANSLATE_NOOP("CardTexts", "The card could not be read."),
    0x6E: QT_TRANSLATE_NOOP("CardTexts", "The card is blocked."),
}


translate = QCoreApplication.translate  # literal contexts, so lupdate finds the texts


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def status_text(key: str | None, fallback: str) -> str:
    """The cashier's words for an intermediate status; ``fallback`` (the driver's English, or
    the terminal's own display text when ``key`` is None) for the rest."""
    text = _STATUS.get(key) if key is not None else None
    return _t(str(text)) if text else fallback


def outcome_text(outcome: CardOutcome) -> tuple[str, str]:
    """(headline, what to do next) for the cashier."""
    intent = outcome.intent
    if outcome.status == "approved":
        card = " ".join(x for x in (intent.card_brand, intent.masked_pan) if x) if intent else ""
        return translate("CardTexts", "Approved"), card
    if outcome.status == "declined":
        reason = _DECLINE.get(outcome.result_code or -1)
        why = _t(str(reason)) if reason else outcome.message
        return translate("CardTexts", "Declined"), why + "\n" + translate(
            "CardTexts", "Nothing was charged. Ask for another card or another way to pay.")
    if outcome.status == "aborted":
        return translate("CardTexts", "Cancelled"), translate(
            "CardTexts", "The payment was cancelled. Nothing was charged.")
    if outcome.status == "not_charged":
        return translate("CardTexts", "Not charged"), translate(
            "CardTexts",
            "The terminal did not take the payment. Nothing was charged: you may try again.")
    return translate("CardTexts", "Was the payment approved?"), translate(
        "CardTexts",
        "The terminal's answer was lost. Do NOT charge the card again.\n"
        "1. Look at the terminal's screen, or at the card receipt the terminal printed.\n"
        "2. Did it say APPROVED for this amount?\n"
        "3. A supervisor confirms your answer with their PIN.")


def error_text(kind: str) -> str:
    texts = {
        "unresolved": QT_TRANSLATE_NOOP(
            "CardTexts", "An earlier card payment's outcome is not known yet: settle it first."),
        "busy": QT_TRANSLATE_NOOP("CardTexts", "The terminal is busy with another payment."),
        "bad_amount": QT_TRANSLATE_NOOP(
            "CardTexts", "The card amount must be more than zero and at most the amount due."),
        "no_terminal": QT_TRANSLATE_NOOP("CardTexts", "No card terminal is configured."),
        "cart_not_empty": QT_TRANSLATE_NOOP(
            "CardTexts", "Finish or park the current sale first."),
        "nothing_to_reverse": QT_TRANSLATE_NOOP(
            "CardTexts", "There is no approved card payment to reverse."),
        "already_reversed": QT_TRANSLATE_NOOP(
            "CardTexts", "That card payment has already been reversed."),
    }
    return _t(str(texts.get(kind, QT_TRANSLATE_NOOP("CardTexts", "Card payment refused."))))
