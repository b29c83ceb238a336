"""The X/Z report on screen: the key figures of eventReport and three bar charts (sales by
hour, by tender, by department), drawn with QPainter (QtCharts is not in PySide6-Essentials).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.app.format import Formatter
from pos.core.money import Money, div_round_half_away
from pos.reports.xz_layout import payment_name
from pos.reports.xz_model import NONE_TYPE, XZReport
from pos.ui.shift_views import tender_name

BAR = QColor("#1f6feb")
BAR_NEGATIVE = QColor("#cf222e")
AXIS = QColor("#8c959f")
TEXT = QColor("#1f2328")


class BarChart(QWidget):
    """Vertical bars with their value on top and the label below; fits any number of bars
    (labels thin out when they would overlap). Values are minor units; `fmt` writes them."""

    def __init__(self, title: str, short: Callable[[int], str], *,
                 thin_labels: bool = False) -> None:
        super().__init__()
        self.title = title
        self.short = short
        self.thin_labels = thin_labels  # hours: every n-th label; names: shortened with …
        self.bars: list[tuple[str, int]] = []
        self.setMinimumSize(260, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_bars(self, bars: list[tuple[str, int]]) -> None:
        self.bars = bars
        self.setAccessibleDescription(
            f"{self.title}: " + ", ".join(f"{label} {self.short(v)}" for label, v in bars)
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(380, 240)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(8, 6, -8, -6)
        title_font = _scaled(self.font(), 1.1)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(TEXT)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self.title)
        painter.setFont(_scaled(self.font(), 0.8))
        metrics = painter.fontMetrics()
        line = metrics.height()
        plot = rect.adjusted(0, line * 2.6, 0, -line * 1.6)
        painter.setPen(AXIS)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        if not self.bars:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "—")
            return
        top = max(max(abs(v) for _l, v in self.bars), 1)
        slot = plot.width() / len(self.bars)
        bar_width = max(min(slot * 0.7, 60), 2)
        widest_label = max(metrics.horizontalAdvance(label) for label, _v in self.bars)
        every = 1
        if self.thin_labels and widest_label + 6 > slot:
            every = int((widest_label + 6) // max(slot, 1)) + 1
        show_values = metrics.horizontalAdvance("0000") < slot
        for index, (label, value) in enumerate(self.bars):
            x = plot.left() + slot * index + (slot - bar_width) / 2
            height = plot.height() * abs(value) / top
            bar = QRectF(x, plot.bottom() - height, bar_width, height)
            painter.fillRect(bar, BAR if value >= 0 else BAR_NEGATIVE)
            painter.setPen(TEXT)
            centre = QRectF(plot.left() + slot * index - slot, 0, slot * 3, line)
            if not self.thin_labels:
                label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(slot) - 4)
            if show_values and value:
                painter.drawText(centre.translated(0, bar.top() - line - 1),
                                 Qt.AlignmentFlag.AlignCenter, self.short(value))
            if index % every == 0:
                painter.drawText(centre.translated(0, plot.bottom() + 2),
                                 Qt.AlignmentFlag.AlignCenter, label)
        painter.end()


def _scaled(font: QFont, factor: float) -> QFont:
    """The style sheet sizes fonts in pixels (pointSize is -1 then): scale whichever is set."""
    scaled = QFont(font)
    if font.pixelSize() > 0:
        scaled.setPixelSize(max(round(font.pixelSize() * factor), 9))
    elif font.pointSizeF() > 0:
        scaled.setPointSizeF(max(font.pointSizeF() * factor, 7))
    return scaled


def short_amount(minor: int) -> str:
    """Whole kroner for the bar tops ("1 234"), so a busy chart stays readable."""
    return f"{div_round_half_away(minor, 100):,}".replace(",", "\u2009")


class ReportPanel(QWidget):
    """One report: a table of the figures beside the three charts."""

    def __init__(self, fmt: Formatter, locale: str) -> None:
        super().__init__()
        self.fmt, self.locale = fmt, locale
        self.heading = QLabel()
        self.heading.setObjectName("panelTitle")
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("reportFigures")
        self.table.horizontalHeader().setVisible(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setMinimumWidth(440)
        self.table.setStyleSheet("QTableWidget { font-size: 15px; }")
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.by_hour = BarChart(self.tr("Sales by hour"), short_amount, thin_labels=True)
        self.by_tender = BarChart(self.tr("By tender"), short_amount)
        self.by_department = BarChart(self.tr("By department"), short_amount)
        charts = QVBoxLayout()
        charts.addWidget(self.by_hour, 1)
        lower = QGridLayout()
        lower.addWidget(self.by_tender, 0, 0)
        lower.addWidget(self.by_department, 0, 1)
        charts.addLayout(lower, 1)
        grid = QGridLayout(self)
        grid.addWidget(self.heading, 0, 0, 1, 2)
        grid.addWidget(self.table, 1, 0)
        grid.addLayout(charts, 1, 1)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 6)

    def show_report(self, report: XZReport) -> None:
        x = report.extras
        currency = x.currency

        def money(minor: int) -> str:
            return self.fmt.money(Money(minor, currency))

        kind = self.tr("Z report no. {0}").format(x.z_no) if report.is_z else self.tr("X report")
        self.heading.setText(self.tr("{0} · register {1} · {2} {3}").format(
            kind, report.register_id, report.report_date, report.report_time))
        rows: list[tuple[str, str]] = [
            (self.tr("Total sales"), money(report.report_total_cash_sales.total_cash_sale_amnt)),
            (self.tr("Receipts"), str(report.report_receipt_num)),
            (self.tr("Transactions"), f"{x.first_transaction_no}–{x.last_transaction_no}"
             if x.first_transaction_no is not None else "—"),
        ]
        rows += [(f"  {payment_name(p.payment_type, self.locale)} ({p.payment_num})",
                  money(p.payment_amnt))
                 for p in report.report_payments if p.payment_type != NONE_TYPE]
        rows += [(self.tr("  VAT {0} % (base {1})").format(f"{v.vat_perc / 100:g}",
                                                           money(v.cash_sale_amnt)),
                  money(v.vat_amnt))
                 for v in report.report_cash_sales_vat if v.vat_code is not None]
        rows += [
            (self.tr("Opening float"), money(report.report_opening_change_float)),
            (self.tr("Returns ({0})").format(report.report_return_num),
             money(report.report_return_amnt)),
            (self.tr("Discounts ({0})").format(report.report_discount_num),
             money(report.report_discount_amnt)),
            (self.tr("Voided sales ({0})").format(report.report_void_trans_num),
             money(report.report_void_trans_amnt)),
            (self.tr("Copy receipts ({0})").format(report.report_receipt_copy_num),
             money(report.report_receipt_copy_amnt)),
            (self.tr("Drawer openings without sale"), str(report.report_open_cash_box_num)),
            (self.tr("Training receipts ({0}, not in totals)").format(
                report.report_training_num), money(report.report_training_amnt)),
            (self.tr("Cash drops ({0})").format(x.cash_drops_num), money(x.cash_drops_amnt)),
            (self.tr("Expected cash in drawers"), money(x.expected_cash_amnt)),
            (self.tr("Grand total sales"), money(report.report_grand_total_sales)),
            (self.tr("Grand total returns"), money(report.report_grand_total_return)),
            (self.tr("Grand total net"), money(report.report_grand_total_sales_net)),
        ]  # fmt: skip
        if x.open_shifts:
            rows.append((self.tr("Shifts still open"), str(len(x.open_shifts))))
        self.table.setRowCount(len(rows))
        for r, (label, value) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(label))
            item = QTableWidgetItem(value)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, 1, item)
        hours = {h.hour: h.amount for h in x.sales_by_hour}
        if hours:
            span = range(min(hours), max(hours) + 1)
            self.by_hour.set_bars([(f"{h:02d}", hours.get(h, 0)) for h in span])
        else:
            self.by_hour.set_bars([])
        self.by_tender.set_bars([(tender_name(t.tender), t.amount) for t in x.tenders])
        self.by_department.set_bars([
            (self.tr("None") if g.art_group_id in (NONE_TYPE, "0") else g.art_group_id,
             g.art_group_amnt)
            for g in sorted(report.report_art_groups, key=lambda g: -g.art_group_amnt)
            if g.art_group_id != NONE_TYPE
        ])
