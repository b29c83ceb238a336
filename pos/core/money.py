"""Money as integer minor units of one ISO 4217 currency, and the integer rounding rules.

No float ever holds money. Every division that can leave a remainder goes through one of the
named rounding helpers below, so the place where an øre is rounded is always explicit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Minor-unit exponent per currency we sell in; all are 2 today, the table keeps it explicit.
MINOR_UNIT_EXPONENT: dict[str, int] = {"NOK": 2, "SEK": 2, "DKK": 2, "EUR": 2}


class CurrencyMismatch(ValueError):
    """Two amounts of different currencies were combined."""


@dataclass(frozen=True, slots=True, order=False)
class Money:
    minor: int
    currency: str

    def __post_init__(self) -> None:
        if type(self.minor) is not int:  # bool and float are refused on purpose
            raise TypeError(f"Money needs integer minor units, got {self.minor!r}")
        if self.currency not in MINOR_UNIT_EXPONENT:
            raise ValueError(f"unsupported currency {self.currency!r}")

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise CurrencyMismatch(f"{self.currency} and {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor < other.minor

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.minor <= other.minor

    def __gt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor > other.minor

    def __ge__(self, other: Money) -> bool:
        self._same(other)
        return self.minor >= other.minor

    def times(self, factor: int) -> Money:
        return Money(self.minor * factor, self.currency)

    @property
    def is_zero(self) -> bool:
        return self.minor == 0

    def __str__(self) -> str:  # for logs only; the UI formats with Babel
        sign = "-" if self.minor < 0 else ""
        units, cents = divmod(abs(self.minor), 100)
        return f"{sign}{units}.{cents:02d} {self.currency}"


def money_sum(amounts: Iterable[Money], currency: str) -> Money:
    total = 0
    for amount in amounts:
        if amount.currency != currency:
            raise CurrencyMismatch(f"{currency} and {amount.currency}")
        total += amount.minor
    return Money(total, currency)


def div_round_half_away(numerator: int, denominator: int) -> int:
    """Integer division rounded to nearest, halves away from zero (commercial rounding).

    Symmetric, so a return rounds exactly like the sale it reverses.
    """
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    quotient, remainder = divmod(abs(numerator), denominator)
    if remainder * 2 >= denominator:
        quotient += 1
    return quotient if numerator >= 0 else -quotient


def allocate(total: int, weights: Sequence[int]) -> list[int]:
    """Split `total` over `weights` proportionally, largest remainder first; parts sum to total.

    Used wherever one amount (a receipt discount, a rate's VAT) is spread over lines, so the
    parts always add up to the whole: no øre is created or lost.
    """
    if not weights:
        if total:
            raise ValueError("cannot allocate a non-zero amount over no weights")
        return []
    weight_sum = sum(weights)
    if weight_sum == 0:
        parts = [0] * len(weights)
        parts[0] = total
        return parts
    sign = -1 if total < 0 else 1
    magnitude = abs(total)
    floors: list[int] = []
    remainders: list[tuple[int, int]] = []
    for index, weight in enumerate(weights):
        share, rest = divmod(magnitude * weight, weight_sum)
        floors.append(share)
        remainders.append((rest, -index))
    leftover = magnitude - sum(floors)
    for _, negative_index in sorted(remainders, reverse=True)[:leftover]:
        floors[-negative_index] += 1
    return [sign * part for part in floors]
