"""Money, quantities and dates formatted for the cashier's locale (Babel), never via float."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_datetime
from babel.numbers import format_currency, format_decimal

from pos.core.money import MINOR_UNIT_EXPONENT, Money

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def to_decimal(money: Money) -> Decimal:
    return Decimal(money.minor).scaleb(-MINOR_UNIT_EXPONENT[money.currency])


@lru_cache(maxsize=8)
def _locale(name: str) -> Locale:
    return Locale.parse(name)


class Formatter:
    """Formats for one locale; receipts use `plain=True` (ASCII spaces for the printer)."""

    def __init__(self, locale: str, timezone: str = "Europe/Oslo") -> None:
        self.locale = _locale(locale)
        self.timezone = ZoneInfo(timezone)
        # Babel takes ~60 µs per number and a till shows the same few prices again and again.
        self._amount_of = lru_cache(maxsize=4096)(self._format_amount)

    def money(self, money: Money) -> str:
        return format_currency(to_decimal(money), money.currency, locale=self.locale).translate(
            _SPACES
        )

    def amount(self, money: Money) -> str:
        """The number alone, as on a receipt column: 1 234,50."""
        return self._amount_of(money)

    def _format_amount(self, money: Money) -> str:
        return format_decimal(to_decimal(money), format="#,##0.00", locale=self.locale).translate(
            _SPACES
        )

    def quantity(self, quantity_milli: int, weighed: bool) -> str:
        if weighed:
            kilos = Decimal(quantity_milli).scaleb(-3)
            return format_decimal(kilos, format="0.000", locale=self.locale) + " kg"
        return str(quantity_milli // 1000)

    def datetime(self, moment: datetime) -> str:
        """Shown in the store's own time zone, whatever zone the moment was stored in."""
        local = moment.astimezone(self.timezone)
        return format_datetime(local, "short", locale=self.locale).translate(_SPACES)

    def parse_amount(self, text: str, currency: str) -> Money:
        """Cashier input such as '250', '24,90' or '24.90' to Money; ValueError if not money."""
        cleaned = text.strip().replace(" ", "").replace(",", ".")
        if not cleaned or cleaned.count(".") > 1:
            raise ValueError(f"not an amount: {text!r}")
        whole, _, fraction = cleaned.partition(".")
        exponent = MINOR_UNIT_EXPONENT[currency]
        if (not whole.isdigit() and whole != "") or (fraction and not fraction.isdigit()):
            raise ValueError(f"not an amount: {text!r}")
        if len(fraction) > exponent:
            raise ValueError(f"too many decimals: {text!r}")
        minor = int(whole or "0") * 10**exponent + int(fraction.ljust(exponent, "0") or "0")
        return Money(minor, currency)
