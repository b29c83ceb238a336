"""Tenders and the settlement of a sale, split across as many payments as the customer likes.

Cash may be over-tendered (the drawer gives change) and is rounded to the cash step when it
settles the balance. Electronic tenders (card, gift card, loyalty points, store credit) pay
exactly and never more than is due. Authorising an electronic tender (a card terminal, the hub)
is the app's business; the core only keeps the arithmetic honest.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from pos.core.money import Money
from pos.core.rounding import round_cash


class TenderKind(StrEnum):
    CASH = "cash"
    CARD = "card"
    GIFT_CARD = "gift_card"
    LOYALTY = "loyalty"
    STORE_CREDIT = "store_credit"
    WEB_PAYMENT = "web_payment"  # a web order's payment, refunded through the web shop


# SAF-T payment codes (PredefinedBasicID-12) live with the journal: pos.store.codes.


class PaymentError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Payment:
    kind: TenderKind
    amount: Money  # what this tender settles (for cash: after rounding, before change)
    tendered: Money | None = None  # cash handed over, when more than the amount
    reference: str | None = None  # card auth code, gift card number, reservation id ...

    @property
    def change(self) -> Money:
        if self.tendered is None:
            return Money.zero(self.amount.currency)
        return self.tendered - self.amount


@dataclass(frozen=True, slots=True)
class Settlement:
    """Payments against a sale total; immutable like the cart."""

    total: Money
    payments: tuple[Payment, ...] = ()
    rounding: Money | None = None  # set when cash settled the balance

    @property
    def currency(self) -> str:
        return self.total.currency

    @property
    def paid(self) -> Money:
        return Money(sum(p.amount.minor for p in self.payments), self.currency)

    @property
    def rounding_minor(self) -> int:
        return self.rounding.minor if self.rounding else 0

    @property
    def due(self) -> Money:
        """What is still owed, before cash rounding."""
        return self.total + Money(self.rounding_minor, self.currency) - self.paid

    @property
    def cash_due(self) -> Money:
        """What is still owed if the customer pays the rest in cash."""
        return round_cash(self.due).payable

    @property
    def is_settled(self) -> bool:
        return self.due.minor == 0 if self.total.minor >= 0 else self.due.minor >= 0

    @property
    def change(self) -> Money:
        return Money(sum(p.change.minor for p in self.payments), self.currency)

    def pay_cash(self, tendered: Money) -> Settlement:
        """Take cash; settles the sale when it covers the rounded balance, else pays part."""
        if tendered.minor <= 0:
            raise PaymentError("cash tendered must be positive")
        self._open()
        rounding = round_cash(self.due)
        if tendered >= rounding.payable:
            payment = Payment(TenderKind.CASH, rounding.payable, tendered=tendered)
            return replace(self, payments=(*self.payments, payment), rounding=rounding.difference)
        return replace(self, payments=(*self.payments, Payment(TenderKind.CASH, tendered)))

    def pay_exact(
        self, kind: TenderKind, amount: Money, reference: str | None = None
    ) -> Settlement:
        """An electronic tender: never more than due, never rounded."""
        if kind is TenderKind.CASH:
            raise PaymentError("cash goes through pay_cash")
        self._open()
        if amount.minor <= 0 or amount > self.due:
            raise PaymentError(f"{kind} amount must be between 0 and {self.due}")
        return replace(self, payments=(*self.payments, Payment(kind, amount, reference=reference)))

    def _open(self) -> None:
        if self.is_settled and self.payments:
            raise PaymentError("the sale is already paid")
