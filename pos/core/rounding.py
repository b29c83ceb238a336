"""Cash rounding: the amount a customer pays in notes and coins.

Norway and Sweden have no coins below one krone, so a cash settlement is rounded to whole
kroner, 50 øre and up rounding up (Norway: forskrift om avrunding; Sweden: öresavrundning).
Card and other electronic tenders pay the exact amount. The difference is kept as its own
amount on the sale (the rounding line), never folded into a product line or the VAT.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.core.money import Money, div_round_half_away

# Smallest cash step in minor units per currency (1 krone = 100 øre).
CASH_STEP_MINOR: dict[str, int] = {"NOK": 100, "SEK": 100, "DKK": 50, "EUR": 1}


@dataclass(frozen=True, slots=True)
class CashRounding:
    due: Money
    payable: Money

    @property
    def difference(self) -> Money:
        """Positive when the customer pays more than due, negative when less."""
        return self.payable - self.due


def round_cash(due: Money) -> CashRounding:
    step = CASH_STEP_MINOR.get(due.currency, 1)
    payable = div_round_half_away(due.minor, step) * step
    return CashRounding(due, Money(payable, due.currency))
