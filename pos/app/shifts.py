"""Shifts and cash: open with a counted float, drops, pay-ins and pay-outs, a blind close.

The close is blind: `count_close` takes the cashier's count before anyone sees what was
expected; only the returned `CloseReview` shows expected, counted and the variance per tender.
A variance beyond [shifts] variance_threshold needs a reason, and every close a supervisor.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pos.app.context import TillContext
from pos.app.journal_codes import SAFT_EVENT_CODE, Event
from pos.reports.xz_report import shift_tender_totals
from pos.store import shifts as store
from pos.store.shifts import JournalNote, MovementKind, ShiftError, ShiftView
from pos.store.users import UserView

__all__ = ["CloseReview", "CountError", "ShiftError", "ShiftService", "ShiftView"]


class CountError(ValueError):
    """A count or amount that cannot be right; `code` names why, `value` what was typed."""

    def __init__(self, code: str, value: object = None) -> None:
        super().__init__(f"{code}: {value!r}")
        self.code = code
        self.value = value


@dataclass(frozen=True, slots=True)
class TenderLine:
    tender: str
    expected: int
    counted: int

    @property
    def variance(self) -> int:
        return self.counted - self.expected


@dataclass(frozen=True, slots=True)
class CloseReview:
    """What the close shows after the blind count: per tender, then the total."""

    shift: ShiftView
    lines: tuple[TenderLine, ...]
    threshold: int
    last_transaction_no: int

    @property
    def variance(self) -> int:
        return sum(line.variance for line in self.lines)

    @property
    def needs_reason(self) -> bool:
        return abs(self.variance) > self.threshold


def _movement_event(kind: MovementKind) -> Event:
    return {"drop": Event.CASH_DROP, "pay_in": Event.PAY_IN, "pay_out": Event.PAY_OUT,
            "no_sale": Event.NO_SALE}[kind]  # fmt: skip


class ShiftService:
    def __init__(self, ctx: TillContext) -> None:
        self.ctx = ctx
        self.settings = ctx.config.shifts

    # -- whose shift --------------------------------------------------------------------------

    def owner(self, user: UserView) -> str:
        if self.settings.per == "drawer":
            return f"drawer:{self.settings.drawer_id}"
        return f"employee:{user.id}"

    def current(self, user: UserView) -> ShiftView | None:
        return store.open_shift_of(self.ctx.db, self.ctx.register_id, self.owner(user))

    def open_shifts(self) -> list[ShiftView]:
        return store.open_shifts(self.ctx.db, self.ctx.register_id)

    @property
    def denominations(self) -> tuple[int, ...]:
        return self.settings.count_denominations(self.ctx.currency)

    def _note(self, event: Event, user: UserView | None, payload: dict[str, object]) -> JournalNote:
        return JournalNote(SAFT_EVENT_CODE[event], event.value, user.id if user else None, payload)

    # -- counting -----------------------------------------------------------------------------

    def check_count(self, pieces: Mapping[int, int]) -> int:
        """The value of a count by denomination; refuses negative, absurd or unknown rows."""
        total = 0
        for denomination, n in pieces.items():
            if denomination not in self.denominations:
                raise CountError("unknown_denomination", denomination)
            if not isinstance(n, int) or isinstance(n, bool):
                raise CountError("not_a_number", n)
            if n < 0:
                raise CountError("negative_count", n)
            if n > self.settings.max_pieces:
                raise CountError("absurd_count", n)
            total += denomination * n
        return total

    def check_amount(self, amount_minor: int, *, allow_zero: bool = False) -> int:
        if amount_minor < 0:
            raise CountError("negative_amount", amount_minor)
        if amount_minor == 0 and not allow_zero:
            raise CountError("zero_amount", amount_minor)
        if amount_minor > self.settings.max_amount:
            raise CountError("absurd_amount", amount_minor)
        return amount_minor

    # -- open ---------------------------------------------------------------------------------

    def open(self, user: UserView, pieces: Mapping[int, int]) -> ShiftView:
        float_minor = self.check_count(pieces)
        counted = {d: n for d, n in pieces.items() if n}
        shift = store.open_shift(
            self.ctx.db,
            register_id=self.ctx.register_id,
            owner=self.owner(user),
            employee_id=user.id if self.settings.per == "cashier" else None,
            business_date=self.ctx.today().isoformat(),
            opened_by=user.id,
            opening_count=counted,
            opening_float_minor=float_minor,
            at=self.ctx.now(),
            note=self._note(Event.SHIFT_OPENED, user, {
                "owner": self.owner(user), "float_minor": float_minor,
                "count": {str(d): n for d, n in counted.items()},
            }),
        )  # fmt: skip
        self.ctx.journaled.emit(Event.SHIFT_OPENED)
        return shift

    # -- cash in and out ----------------------------------------------------------------------

    def move_cash(
        self,
        user: UserView,
        kind: MovementKind,
        amount_minor: int,
        reason: str,
        approver: UserView | None = None,
    ) -> store.MovementView:
        """A drop to the safe, a pay-in or a pay-out, with its reason; the drawer opens.
        Pay-outs take money out of the business: a supervisor (the user or an approver)."""
        shift = self.current(user)
        if shift is None:
            raise ShiftError("no_open_shift")
        self.check_amount(amount_minor)
        if not reason.strip():
            raise CountError("reason_required", reason)
        needs_approval = kind == "pay_out" and not user.may("supervisor")
        if needs_approval and (approver is None or not approver.may("supervisor")):
            raise ShiftError("approval_required")
        event = _movement_event(kind)
        movement = store.add_movement(
            self.ctx.db, shift_id=shift.id, kind=kind, amount_minor=amount_minor,
            reason=reason.strip(), employee_id=user.id,
            approved_by=approver.id if approver else None, at=self.ctx.now(),
            note=self._note(event, user, {
                "shift_id": shift.id, "amount_minor": amount_minor, "reason": reason.strip(),
                "approved_by": approver.id if approver else None,
            }),
        )  # fmt: skip
        self.ctx.journaled.emit(event)
        self.ctx.kick_drawer()
        return movement

    # -- close --------------------------------------------------------------------------------

    def expected(self, shift: ShiftView) -> tuple[dict[str, int], int]:
        """Per tender what the drawer (and the card slips) should hold, and the last
        transaction number it covers. Cash: float + cash taken - change + pay-ins - pay-outs
        - drops."""
        with self.ctx.db.read() as con:
            last = store.last_transaction_no(con, shift.register_id)
        employee = shift.employee_id if shift.owner.startswith("employee:") else None
        totals = shift_tender_totals(
            self.ctx.db, shift.register_id, shift.first_transaction_no, last, employee
        )
        cash = shift.opening_float_minor + totals.pop("cash", 0)
        for movement in store.movements(self.ctx.db, shift.id):
            sign = {"pay_in": 1, "pay_out": -1, "drop": -1}.get(movement.kind, 0)
            cash += sign * movement.amount_minor
        return {"cash": cash, **totals}, last

    def tenders_to_count(self, shift: ShiftView) -> list[str]:
        """The tenders the cashier counts (names only: the count is blind)."""
        expected, _ = self.expected(shift)
        return ["cash", *sorted(t for t in expected if t != "cash")]

    def count_close(
        self, shift: ShiftView, cash_pieces: Mapping[int, int], other: Mapping[str, int]
    ) -> CloseReview:
        """Take the blind count; return the review (expected vs counted) it unlocks."""
        cash = self.check_count(cash_pieces)
        for amount in other.values():
            self.check_amount(amount, allow_zero=True)
        expected, last = self.expected(shift)
        tenders = sorted(set(expected) | set(other) | {"cash"}, key=lambda t: (t != "cash", t))
        lines = tuple(
            TenderLine(t, expected.get(t, 0), cash if t == "cash" else other.get(t, 0))
            for t in tenders
        )
        return CloseReview(shift, lines, self.settings.variance_threshold, last)

    def close(
        self,
        user: UserView,
        review: CloseReview,
        cash_pieces: Mapping[int, int],
        approver: UserView | None,
        reason: str = "",
    ) -> ShiftView:
        if approver is None or not approver.may("supervisor"):
            raise ShiftError("approval_required")
        if review.needs_reason and not reason.strip():
            raise CountError("reason_required", review.variance)
        count = {
            "cash_pieces": {str(d): n for d, n in cash_pieces.items() if n},
            **{line.tender: line.counted for line in review.lines},
        }
        shift = store.close_shift(
            self.ctx.db, shift_id=review.shift.id, closed_by=user.id, approved_by=approver.id,
            count=count, expected={line.tender: line.expected for line in review.lines},
            variance_minor=review.variance, variance_reason=reason.strip() or None,
            last_transaction_no=review.last_transaction_no, at=self.ctx.now(),
            note=self._note(Event.SHIFT_CLOSED, user, {
                "shift_id": review.shift.id, "approved_by": approver.id,
                "lines": [[ln.tender, ln.expected, ln.counted, ln.variance]
                          for ln in review.lines],
                "variance_minor": review.variance, "reason": reason.strip() or None,
            }),
        )  # fmt: skip
        self.ctx.journaled.emit(Event.SHIFT_CLOSED)
        return shift

    def flag_left_open(self, user: UserView | None) -> list[int]:
        """End of day: mark (never close) the shifts still open, journaled."""
        return store.flag_open_shifts(
            self.ctx.db, self.ctx.register_id, self.ctx.now(),
            self._note(Event.SHIFTS_LEFT_OPEN, user, {}),
        )  # fmt: skip
