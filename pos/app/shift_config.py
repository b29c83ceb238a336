"""The [shifts] section of the till's config: how shifts are kept and counted.

Its own module (not in config.py) so the shift code and its settings live together.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

# What a drawer holds, coins and notes, in minor units (the count screen shows one row each).
COUNT_DENOMINATIONS: dict[str, tuple[int, ...]] = {
    "NOK": (100, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000),
    "SEK": (100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000),
}


def _as_tuple(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


class ShiftsSection(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    # "cashier": each cashier has a shift (and a drawer insert) of their own; "drawer": the
    # register's drawer has the shift, whoever sells.
    per: Literal["cashier", "drawer"] = "cashier"
    drawer_id: Annotated[str, Field(min_length=1)] = "1"
    # A close whose total variance (counted - expected) is bigger than this, either way,
    # needs a written reason; minor units (2000 = 20 kr).
    variance_threshold: Annotated[int, Field(ge=0)] = 2_000
    # The coins and notes counted at the open and the close; None: the currency's usual set.
    denominations: Annotated[
        tuple[Annotated[int, Field(gt=0)], ...] | None, BeforeValidator(_as_tuple)
    ] = None
    # Counts above these are typing errors, refused with a clear message.
    max_pieces: Annotated[int, Field(gt=0)] = 5_000
    max_amount: Annotated[int, Field(gt=0)] = 10_000_000  # 100,000 kr per pay-in/out or drop
    # Selling needs an open shift: the till asks for the float after the log-in and refuses
    # payment without a shift. Off unless the config says so, so that a till upgraded from a
    # version without shifts keeps selling until the store has decided (`kassa demo` and the
    # example config turn it on).
    required_to_sell: bool = False

    def count_denominations(self, currency: str) -> tuple[int, ...]:
        return self.denominations or COUNT_DENOMINATIONS[currency]
