"""VAT on VAT-inclusive (Nordic) prices: a rate, the VAT inside a gross amount, per-rate summary."""

from __future__ import annotations

from dataclasses import dataclass

from pos.core.money import allocate, div_round_half_away

BASIS_POINTS = 10_000


@dataclass(frozen=True, slots=True)
class VatRate:
    """A VAT class: `code` as the catalog names it, rate in basis points (2500 = 25 %)."""

    code: str
    rate_bp: int

    def __post_init__(self) -> None:
        if not 0 <= self.rate_bp < BASIS_POINTS:
            raise ValueError(f"VAT rate out of range: {self.rate_bp} bp")

    @property
    def percent_text(self) -> str:
        whole, fraction = divmod(self.rate_bp, 100)
        return f"{whole}" if fraction == 0 else f"{whole}.{fraction:02d}".rstrip("0")


def vat_in_gross(gross_minor: int, rate_bp: int) -> int:
    """The VAT contained in a VAT-inclusive amount: gross * r / (1 + r), rounded half away.

    The one place VAT is rounded. It is applied once per rate on the receipt, not per line.
    """
    return div_round_half_away(gross_minor * rate_bp, BASIS_POINTS + rate_bp)


@dataclass(frozen=True, slots=True)
class VatLine:
    rate: VatRate
    gross_minor: int
    vat_minor: int

    @property
    def net_minor(self) -> int:
        return self.gross_minor - self.vat_minor


def summarize(amounts: list[tuple[VatRate, int]]) -> tuple[tuple[VatLine, ...], list[int]]:
    """Per-rate VAT summary of (rate, gross) lines, and each line's share of its rate's VAT.

    VAT is computed on each rate's total (how the receipt reports it); the per-line VAT needed
    by the journal and SAF-T is that total spread back over the lines, so both always agree.
    """
    by_code: dict[str, tuple[VatRate, list[int]]] = {}
    for index, (rate, _gross) in enumerate(amounts):
        by_code.setdefault(rate.code, (rate, []))[1].append(index)
    line_vat = [0] * len(amounts)
    summary: list[VatLine] = []
    for rate, indexes in sorted(by_code.values(), key=lambda item: -item[0].rate_bp):
        grosses = [amounts[i][1] for i in indexes]
        gross = sum(grosses)
        vat = vat_in_gross(gross, rate.rate_bp)
        weights = [abs(g) for g in grosses]
        for index, share in zip(indexes, allocate(vat, weights), strict=True):
            line_vat[index] = share
        summary.append(VatLine(rate, gross, vat))
    return tuple(summary), line_vat
