"""The X and Z report as a pure value: the SAF-T Cash Register `eventReport` element, one to one.

Field names are the XSD's element names in snake_case (reportTotalCashSales ->
report_total_cash_sales, reportCashSalesVat -> report_cash_sales_vat, reportCorrLines ->
report_corr_lines, reportReceiptProformaNum -> report_receipt_proforma_num, ...), in the XSD's
order, so the SAF-T export writes them without a mapping table. `ZReport.model_dump_json()` is
what `z_reports.report_json` holds.

Units (the XSD's decimals are text; the till never holds money in a float):
- every `*_amnt` / `report_*_amnt` / `report_grand_total_*` / `report_opening_change_float`
  is an int in MINOR units (øre, öre): 51420 -> "514.20" (use `amount_text`);
- `art_group_num` is an int in THOUSANDTHS (quantity_milli: pieces x 1000, or grams):
  2000 -> "2", 1500 -> "1.5" (use `quantity_text`);
- `vat_perc` is an int in BASIS POINTS: 2500 -> "25.00" (use `percent_text`);
- `emp_id` is the employee number (users.employee_no, the SAF-T empID), not the row id;
- `payment_type` is the PredefinedBasicID-12 code (sale_payments.saft_payment_code);
- `art_group_id` / `price_inquiry_group` is the department (sale_lines.department).

Lists the XSD requires at least one element of (reportArtGroups, reportPayments,
reportCashSalesVat, reportCorrLines, reportPriceInquiries, reportOtherCorrs) are never empty:
as in the official example file, an empty group holds one row typed "None" with zeros.

`extras` is NOT part of the XSD: what the till itself needs to show and audit the report
(the transaction range, sales by hour, cash movements). The export ignores it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

NONE_TYPE = "None"  # the official example's type for an empty required group


class _Element(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TotalCashSales(_Element):
    total_cash_sale_amnt: int
    acc_id: str | None = None
    acc_desc: str | None = None


class ArtGroup(_Element):
    art_group_id: str
    art_group_num: int  # thousandths
    art_group_amnt: int
    acc_id: str | None = None
    acc_desc: str | None = None


class EmpArtGroup(_Element):
    emp_id: str
    art_group_id: str
    art_group_num: int  # thousandths
    art_group_amnt: int
    acc_id: str | None = None
    acc_desc: str | None = None


class Payment(_Element):
    payment_type: str
    payment_num: int
    payment_amnt: int
    acc_id: str | None = None
    acc_desc: str | None = None


class EmpPayment(_Element):
    emp_id: str
    payment_type: str
    payment_num: int
    payment_amnt: int
    acc_id: str | None = None
    acc_desc: str | None = None


class Tip(_Element):
    tip_num: int
    tip_amnt: int
    acc_id: str | None = None
    acc_desc: str | None = None


class CashSaleVat(_Element):
    vat_code: str | None
    vat_perc: int  # basis points
    cash_sale_amnt: int  # the base (excl. VAT), as in the official example
    vat_amnt: int
    vat_amnt_tp: Literal["C", "D"] | None = "C"
    acc_id: str | None = None
    acc_desc: str | None = None


class EmpOpeningChangeFloat(_Element):
    emp_id: str
    opening_change_float_amnt: int
    acc_id: str | None = None
    acc_desc: str | None = None


class CorrLine(_Element):
    corr_line_type: str
    corr_line_num: int
    corr_line_amnt: int


class PriceInquiry(_Element):
    price_inquiry_group: str
    price_inquiry_num: int
    price_inquiry_amnt: int


class OtherCorr(_Element):
    other_corr_type: str
    other_corr_num: int
    other_corr_amnt: int


class CreditSales(_Element):
    credit_sales_num: int
    credit_sales_amnt: int
    acc_id: str | None = None
    acc_desc: str | None = None


class CreditMemos(_Element):
    credit_memos_num: int
    credit_memos_amnt: int
    acc_id: str | None = None
    acc_desc: str | None = None


class PayIn(_Element):
    pay_in_type: str
    pay_in_num: int
    pay_in_amnt: int
    acc_id: str | None = None
    acc_desc: str | None = None


class PayOut(_Element):
    pay_out_type: str
    pay_out_num: int
    pay_out_amnt: int
    acc_id: str | None = None
    acc_desc: str | None = None


class HourSales(_Element):
    hour: int  # 0..23, store-local
    count: int
    amount: int  # minor units


class TenderTotal(_Element):
    """By our tender name (cash, card, ...), for the screen; report_payments has the codes."""

    tender: str
    count: int
    amount: int


class ReportExtras(_Element):
    """Not in the XSD: what the till needs to show, print and audit the report."""

    currency: str
    business_date: str  # YYYY-MM-DD, store-local
    z_no: int | None = None  # None on an X report
    first_transaction_no: int | None = None  # the range the report covers (None: no sales)
    last_transaction_no: int | None = None
    first_entry_no: int = 0  # the journal entries it covers (the next report starts after)
    last_entry_no: int = 0
    employee_no: str | None = None  # who ran it
    sales_by_hour: tuple[HourSales, ...] = ()
    tenders: tuple[TenderTotal, ...] = ()
    cash_drops_num: int = 0
    cash_drops_amnt: int = 0
    expected_cash_amnt: int = 0  # float + cash sales - cash returns + pay-ins - pay-outs - drops
    open_shifts: tuple[str, ...] = ()  # shifts still open when the report ran (flagged)


class XZReport(_Element):
    """One eventReport. Amounts in minor units (see the module docstring)."""

    report_id: str
    report_type: Literal["Z report", "X report"]
    company_ident: str
    company_name: str
    report_date: str  # YYYY-MM-DD
    report_time: str  # HH:MM:SS
    register_id: str
    report_total_cash_sales: TotalCashSales
    report_art_groups: tuple[ArtGroup, ...]
    report_emp_art_groups: tuple[EmpArtGroup, ...] | None = None
    report_payments: tuple[Payment, ...]
    report_emp_payments: tuple[EmpPayment, ...] | None = None
    report_tip: Tip | None = None
    report_cash_sales_vat: tuple[CashSaleVat, ...]
    report_opening_change_float: int
    report_emp_opening_change_floats: tuple[EmpOpeningChangeFloat, ...] | None = None
    report_receipt_num: int
    report_open_cash_box_num: int
    report_receipt_copy_num: int
    report_receipt_copy_amnt: int
    report_receipt_proforma_num: int
    report_receipt_proforma_amnt: int
    report_return_num: int
    report_return_amnt: int
    report_discount_num: int
    report_discount_amnt: int
    report_void_trans_num: int
    report_void_trans_amnt: int
    report_corr_lines: tuple[CorrLine, ...]
    report_price_inquiries: tuple[PriceInquiry, ...]
    report_other_corrs: tuple[OtherCorr, ...]
    report_receipt_delivery_num: int
    report_receipt_delivery_amnt: int
    report_training_num: int
    report_training_amnt: int
    report_credit_sales: CreditSales | None = None
    report_credit_memos: CreditMemos | None = None
    report_pay_ins: tuple[PayIn, ...] | None = None
    report_pay_outs: tuple[PayOut, ...] | None = None
    report_grand_total_sales: int
    report_grand_total_return: int
    report_grand_total_sales_net: int
    extras: ReportExtras

    @property
    def is_z(self) -> bool:
        return self.report_type == "Z report"


# The name the brief and the SAF-T engineer use for the same thing.
ZReport = XZReport


def amount_text(minor: int) -> str:
    """Minor units as the XSD's Amount2decimals: 51420 -> "514.20", -5 -> "-0.05"."""
    sign = "-" if minor < 0 else ""
    whole, cents = divmod(abs(minor), 100)
    return f"{sign}{whole}.{cents:02d}"


def quantity_text(milli: int) -> str:
    """Thousandths as the XSD's Amount6decimals, without trailing zeros: 1500 -> "1.5"."""
    sign = "-" if milli < 0 else ""
    whole, frac = divmod(abs(milli), 1000)
    return f"{sign}{whole}" + (f".{frac:03d}".rstrip("0") if frac else "")


def percent_text(basis_points: int) -> str:
    """Basis points as the XSD's Decimal8 percentage: 2500 -> "25.00"."""
    return amount_text(basis_points)


def parse_report(text: str) -> XZReport:
    """Read back z_reports.report_json."""
    return XZReport.model_validate_json(text)
