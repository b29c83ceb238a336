"""The sale screen's actions that ask something first: quantity, price, discount, weight,
void, park and resume, copy receipt. Each is a function of the sale view, kept apart so the
view itself stays about layout and the flow of a scan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from pos.app.checkout import CheckoutError
from pos.core.cart import MILLI, CartError, Discount
from pos.core.money import Money
from pos.store.parking import ParkedSaleView
from pos.store.records import ProductView
from pos.store.timeutil import from_utc_text
from pos.ui.dialogs import ApprovalDialog, ChoiceDialog, ConfirmDialog, NumberDialog

if TYPE_CHECKING:
    from pos.ui.sale_view import SaleView


def _reasons() -> list[str]:
    return [
        QCoreApplication.translate("LineActions", "Damaged item"),
        QCoreApplication.translate("LineActions", "Price on shelf differs"),
        QCoreApplication.translate("LineActions", "Customer complaint"),
        QCoreApplication.translate("LineActions", "Staff discount"),
        QCoreApplication.translate("LineActions", "Manager decision"),
    ]


def _line(view: SaleView) -> int | None:
    line_id = view.selected_line_id()
    if line_id is None:
        view.fail(CheckoutError("no_line"))
    return line_id


def _run(view: SaleView, action: object) -> None:
    try:
        action()  # type: ignore[operator]
    except (CheckoutError, CartError, ValueError) as error:
        if isinstance(error, CheckoutError | CartError):
            view.fail(error)
        else:
            view.fail(CheckoutError("bad_amount", str(error)))
        return
    view.refresh()
    view.entry.setFocus()


def change_quantity(view: SaleView) -> None:
    line_id = _line(view)
    if line_id is None:
        return
    line = view.checkout.cart.line(line_id)
    unit = (
        QCoreApplication.translate("LineActions", "grams")
        if line.is_weighed
        else QCoreApplication.translate("LineActions", "pieces")
    )
    initial = str(line.quantity_milli if line.is_weighed else line.quantity_milli // MILLI)
    dialog = NumberDialog(
        view,
        QCoreApplication.translate("LineActions", "Quantity"),
        QCoreApplication.translate("LineActions", "New quantity ({0})").format(unit),
        initial=initial,
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return

    def apply() -> None:
        if not dialog.text().isdigit():
            raise ValueError(dialog.text())
        amount = int(dialog.text())
        view.checkout.set_quantity(line_id, amount if line.is_weighed else amount * MILLI)

    _run(view, apply)


def override_price(view: SaleView) -> None:
    line_id = _line(view)
    if line_id is None:
        return
    line = view.checkout.cart.line(line_id)
    dialog = NumberDialog(
        view,
        QCoreApplication.translate("LineActions", "Price"),
        QCoreApplication.translate("LineActions", "New price for {0}").format(line.item.name),
        initial=view.fmt.amount(line.unit_price),
        reasons=_reasons(),
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    _run(
        view,
        lambda: view.checkout.override_price(
            line_id, view.fmt.parse_amount(dialog.text(), view.currency), dialog.reason_text()
        ),
    )


def discount(view: SaleView) -> None:
    """A percentage off the selected line, or off the whole receipt when no line is chosen."""
    line_id = view.selected_line_id()
    target = (
        QCoreApplication.translate("LineActions", "the selected line")
        if line_id is not None
        else QCoreApplication.translate("LineActions", "the whole receipt")
    )
    dialog = NumberDialog(
        view,
        QCoreApplication.translate("LineActions", "Discount"),
        QCoreApplication.translate("LineActions", "Percent off {0}").format(target),
        reasons=_reasons(),
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return

    def apply() -> None:
        percent = view.fmt.parse_amount(dialog.text(), "NOK").minor  # hundredths of a percent
        offer = Discount(dialog.reason_text(), percent_bp=percent)
        if line_id is None:
            view.checkout.discount_receipt(offer)
        else:
            view.checkout.discount_line(line_id, offer)

    _run(view, apply)


def ask_weight(view: SaleView, product: ProductView) -> None:
    """No scale yet: the cashier keys the weight in grams (a scale driver replaces this)."""
    price = view.fmt.money(Money(product.price_minor, view.currency))
    dialog = NumberDialog(
        view,
        QCoreApplication.translate("LineActions", "Weight"),
        QCoreApplication.translate("LineActions", "{0} ({1}/kg): weight in grams").format(
            product.name, price
        ),
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return

    def apply() -> None:
        if not dialog.text().isdigit():
            raise ValueError(dialog.text())
        view.checkout.add(product, int(dialog.text()))
        view.say(product.name)

    _run(view, apply)


def void_line(view: SaleView) -> None:
    line_id = _line(view)
    if line_id is None:
        return
    _run(view, lambda: view.checkout.void_line(line_id))


def void_sale(view: SaleView) -> None:
    if view.checkout.cart.is_empty:
        return
    if ConfirmDialog(
        view,
        QCoreApplication.translate("LineActions", "Void sale"),
        QCoreApplication.translate("LineActions", "Void the whole sale?"),
    ).exec():
        _run(view, view.checkout.void_sale)


def park(view: SaleView) -> None:
    _run(
        view,
        lambda: view.say(
            QCoreApplication.translate("LineActions", "Sale parked.")
            if view.checkout.park()
            else ""
        ),
    )


def resume(view: SaleView) -> None:
    parked = view.till.parked()
    if not parked:
        view.say(QCoreApplication.translate("LineActions", "No parked sales."))
        return
    choices = [(_parked_label(view, p), p.id) for p in parked]
    dialog = ChoiceDialog(
        view, QCoreApplication.translate("LineActions", "Resume a parked sale"), choices
    )
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.value() is None:
        return
    _run(view, lambda: view.checkout.resume(str(dialog.value())))


def reprint(view: SaleView) -> None:
    try:
        what = view.till.print_again()
    except CheckoutError as error:
        view.fail(error)
        return
    if what == "waiting":
        view.say(
            QCoreApplication.translate(
                "LineActions", "Receipts waiting for the printer sent again."
            )
        )
    else:
        view.say(
            QCoreApplication.translate(
                "LineActions", "Copy of the last receipt sent to the printer."
            )
        )


def _parked_label(view: SaleView, parked: ParkedSaleView) -> str:
    lines = [ln for ln in parked.cart.get("lines", []) if not ln.get("voided")]
    when = view.fmt.datetime(from_utc_text(parked.parked_at))
    first = lines[0]["item"]["name"] if lines else ""
    return (
        QCoreApplication.translate("LineActions", "{0} · {1} line(s) · {2} {3}")
        .format(when, len(lines), first, parked.label)
        .strip()
    )


def open_drawer(view: SaleView) -> None:
    """No-sale drawer opening: a supervisor's right. A cashier gets a supervisor to approve."""
    till = view.till
    approver = None
    assert till.user is not None
    if not till.user.may("supervisor"):
        dialog = ApprovalDialog(
            view,
            QCoreApplication.translate("LineActions", "Open drawer"),
            QCoreApplication.translate(
                "LineActions", "A supervisor must approve opening the drawer without a sale."
            ),
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            approver = till.approve(dialog.employee.text().strip(), dialog.pin.text())
        except CheckoutError as error:
            view.fail(error)
            return
    try:
        till.open_drawer(approver)
    except CheckoutError as error:
        view.fail(error)
        return
    view.say(QCoreApplication.translate("LineActions", "Drawer opened (no sale), journaled."))
