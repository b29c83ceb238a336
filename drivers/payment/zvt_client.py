"""``ZvtTerminal``: a semi-integrated card terminal spoken to in ZVT over TCP (port 20007) or
over RS-232 (``drivers.payment.zvt_serial``: DLE STX framing, CRC, ACK/NAK under the APDUs).

Every PT message is acknowledged with 80 00 00. Three timeouts: ``connect_timeout`` (an
unplugged terminal shows within seconds), ``ack_timeout`` (the terminal must acknowledge a
command quickly, ZVT's T3) and ``timeout``, the longest silence tolerated while the customer is
at the card reader (terminals send intermediate statuses meanwhile; each one restarts it).

Never charged twice: once the terminal has acknowledged a payment command, losing the link or
reading garbage before the final answer raises an :class:`OutcomeUnknown` subclass (garbage
instead of the ACK too: it may have been the ACK)
(:class:`PaymentInDoubt` is a DeviceOffline, :class:`PaymentGarbled` a ProtocolError). The till
must then *not* retry the payment but ask the terminal (repeat receipt) or the cashier.
Before the ACK, plain DeviceOffline means the terminal did not take the command.
"""

from __future__ import annotations

import logging
import threading
from urllib.parse import parse_qsl, urlsplit

from drivers.base import DeviceError, DeviceOffline, ProtocolError, Transport
from drivers.payment import zvt_messages as m
from drivers.payment.terminal import (
    IntermediateStatus,
    Outcome,
    PaymentResult,
    StatusCallback,
    TerminalStatus,
    Transaction,
)
from drivers.payment.zvt_codec import (
    MAX_INCOMING,
    Apdu,
    FrameTooLong,
    FrameTruncated,
    NotZvt,
    decode_apdu,
)
from drivers.transports.tcp import TcpTransport

__all__ = [
    "DEFAULT_PORT",
    "IntermediateStatus",
    "Outcome",
    "OutcomeUnknown",
    "PaymentGarbled",
    "PaymentInDoubt",
    "PaymentResult",
    "StatusCallback",
    "TerminalRefused",
    "TerminalStatus",
    "Transaction",
    "ZvtTcpTransport",
    "ZvtTerminal",
]

log = logging.getLogger(__name__)

DEFAULT_PORT = 20007


class OutcomeUnknown(DeviceError):
    """The terminal took the command but its outcome never arrived. ``last_status`` is the
    last Status Information seen (an approved one means money was probably taken)."""

    last_status: m.StatusInfo | None = None


class PaymentInDoubt(DeviceOffline, OutcomeUnknown):
    """The link dropped or went silent mid-transaction."""


class PaymentGarbled(ProtocolError, OutcomeUnknown):
    """The terminal sent something unreadable mid-transaction."""


class TerminalRefused(DeviceError):
    """The terminal refused the command (84 xx): nothing was started."""

    def __init__(self, code: int) -> None:
        self.code = code
        super().__init__(f"terminal refused the command: {m.result_text(code)} ({code:02X})")


class ZvtTcpTransport(TcpTransport):
    """TCP whose read timeout can change while connected, and whose connect has its own."""

    def __init__(
        self, host: str, port: int = DEFAULT_PORT, timeout: float = 90.0, connect_timeout: float = 3
    ) -> None:
        super().__init__(host, port, timeout=timeout)
        self.connect_timeout = connect_timeout

    def open(self) -> None:
        if self.is_open:
            return
        read_timeout, self.timeout = self.timeout, self.connect_timeout
        try:
            super().open()
        finally:
            self.timeout = read_timeout
        self.set_read_timeout(read_timeout)


class ZvtTerminal:
    def __init__(
        self,
        transport: Transport,
        currency: str = "NOK",
        password: str = "000000",
        ack_timeout: float = 5.0,
    ) -> None:
        """``ack_timeout`` (the terminal's 80 00 after a command, and the rest of a message
        once its header came) applies when the transport can change its read timeout
        (ZvtTcpTransport, ZvtSerialTransport); otherwise the transport's own timeout covers
        everything."""
        self.transport = transport
        self.ack_timeout = ack_timeout
        self.currency = currency
        self.password = password
        self._lock = threading.Lock()  # one command at a time
        self._write_lock = threading.Lock()  # abort() writes while purchase() reads
        self._busy = False

    @classmethod
    def from_url(cls, url: str) -> ZvtTerminal:
        """``zvt+tcp://HOST[:20007]?currency=NOK&timeout=90&ack_timeout=5&connect_timeout=3
        &password=000000`` (timeouts in seconds), or
        ``zvt+serial:///dev/ttyUSB0?baud=9600&currency=NOK&timeout=90&ack_timeout=5`` (also
        ``link_timeout``, the wait for the one-byte link ACK, and the serial transport's
        ``bytesize parity stopbits rtscts xonxoff``)."""
        parts = urlsplit(url)
        params = dict(parse_qsl(parts.query))
        common = {"currency", "timeout", "ack_timeout", "password"}
        m.currency_number(params.get("currency", "NOK"))  # fail early on a typo
        transport: Transport
        if parts.scheme == "zvt+serial":
            from drivers.payment.zvt_serial import ZvtSerialTransport

            transport = ZvtSerialTransport.from_url_parts(parts.netloc + parts.path, params)
            unknown = set(params) - common
        elif parts.scheme == "zvt+tcp" and parts.hostname:
            unknown = set(params) - common - {"connect_timeout"}
            transport = ZvtTcpTransport(
                parts.hostname,
                parts.port or DEFAULT_PORT,
                timeout=float(params.get("timeout", "90")),
                connect_timeout=float(params.get("connect_timeout", "3")),
            )
        else:
            raise ValueError(f"not a zvt+tcp://HOST or zvt+serial:///PORT URL: {url!r}")
        if unknown:
            raise ValueError(f"unknown ZVT URL parameter(s) {sorted(unknown)} in {url!r}")
        return cls(
            transport,
            params.get("currency", "NOK"),
            params.get("password", "000000"),
            ack_timeout=float(params.get("ack_timeout", "5")),
        )

    def open(self) -> None:
        self.transport.open()

    def close(self) -> None:
        self.transport.close()

    # --- public commands ---------------------------------------------------------------------

    def register(self, currency: str | None = None) -> None:
        if currency is not None:
            self.currency = currency
        end = self._run(m.registration(self.currency, password=self.password))
        if not end.completed:
            raise TerminalRefused(end.code)

    def purchase(self, amount_minor: int, on_status: StatusCallback | None = None) -> PaymentResult:
        return self._payment(m.authorization(amount_minor, self.currency), amount_minor, on_status)

    def refund(self, amount_minor: int, on_status: StatusCallback | None = None) -> PaymentResult:
        apdu = m.refund(amount_minor, self.currency, self.password)
        return self._payment(apdu, amount_minor, on_status)

    def reversal(self, receipt_no: int, on_status: StatusCallback | None = None) -> PaymentResult:
        return self._payment(m.reversal(receipt_no, self.password), 0, on_status)

    def end_of_day(self) -> Transaction:
        return self._run(m.end_of_day(self.password))

    def repeat_receipt(self) -> Transaction:
        """The last transaction's receipt: how to settle a PaymentInDoubt."""
        return self._run(m.repeat_receipt(self.password))

    def status_enquiry(self) -> TerminalStatus:
        end = self._run(m.status_enquiry(self.password))
        code = end.status.result_code if end.status and end.status.result_code else 0
        code = code if end.completed else end.code
        tid = end.status.terminal_id if end.status else None
        return TerminalStatus(end.completed and code == 0, code, m.result_text(code), tid)

    def abort(self) -> None:
        """Ask the terminal to abort. During a purchase (from another thread) this only sends
        06 B0; the purchase then returns ABORTED if the terminal could still abort."""
        if self._busy:
            self._send(m.abort())
            return
        with self._lock:
            self._command(m.abort())

    # --- the exchange ------------------------------------------------------------------------

    def _payment(
        self, apdu: Apdu, amount_minor: int, on_status: StatusCallback | None
    ) -> PaymentResult:
        end = self._run(apdu, on_status)
        st = end.status or m.StatusInfo()
        code = end.code if not end.completed else (st.result_code or 0)
        if end.completed and code == 0:
            outcome = Outcome.APPROVED
        elif code == 0x6C:
            outcome = Outcome.ABORTED
        else:
            outcome = Outcome.DECLINED
        result = PaymentResult(
            outcome=outcome,
            amount_minor=st.amount_minor if st.amount_minor is not None else amount_minor,
            result_code=code,
            message=m.result_text(code),
            card_brand=st.brand,
            masked_pan=st.masked_pan,
            auth_code=st.auth_code,
            trace=st.trace,
            receipt_no=st.receipt_no,
            terminal_id=st.terminal_id,
            terminal_date=st.date,
            terminal_time=st.time,
            receipt_lines=end.receipt_lines,
            merchant_receipt=end.merchant_receipt,
            customer_receipt=end.customer_receipt,
            signature_required=st.signature_required,
        )
        log.info(
            "card payment %s (%02X): %s %s",
            outcome.value,
            code,
            result.card_brand,
            result.masked_pan,
        )
        return result

    def _run(self, apdu: Apdu, on_status: StatusCallback | None = None) -> Transaction:
        with self._lock:
            self._busy = True  # from here abort() only sends 06 B0
            try:
                try:
                    self._command(apdu)
                except ProtocolError as exc:
                    # An answer we cannot read may have been the terminal's ACK: it may have
                    # started, so this is in doubt too (only 84 xx and silence are safe).
                    raise _in_doubt(PaymentGarbled, exc, None) from exc
                return self._follow(on_status)
            finally:
                self._busy = False

    def _command(self, apdu: Apdu) -> None:
        """Send and wait for the terminal's ACK. A failure here means nothing started."""
        self.transport.open()
        self.transport.discard_input()
        self._send(apdu)
        self._read_timeout(self.ack_timeout)
        try:
            answer = self._read()
        finally:
            self._read_timeout(None)
        if m.is_nak(answer):
            raise TerminalRefused(answer.instr)
        if not m.is_ack(answer):
            self.transport.close()
            raise ProtocolError(f"expected ACK, got {answer!r}")

    def _follow(self, on_status: StatusCallback | None) -> Transaction:
        status: m.StatusInfo | None = None
        receipts = _Receipts()
        while True:
            try:
                msg = self._read()
                log.debug("PT -> ECR %r", msg)
                if m.is_ack(msg):  # the ACK of an abort() sent meanwhile
                    continue
                kind = msg.command
                if kind == m.STATUS_INFO:
                    status = m.status_info(msg.data)
                elif kind == m.PRINT_LINE:
                    receipts.line(msg.data)
                elif kind == m.PRINT_TEXT_BLOCK:
                    receipts.block(msg.data)
                self._send(m.ACK)
            except DeviceOffline as exc:
                raise _in_doubt(PaymentInDoubt, exc, status) from exc
            except ProtocolError as exc:
                self.transport.close()
                raise _in_doubt(PaymentGarbled, exc, status) from exc
            if kind == m.INTERMEDIATE_STATUS and msg.data and on_status is not None:
                on_status(_intermediate(msg.data))
            elif kind in (m.COMPLETION, m.ABORT_FROM_PT):
                merchant, customer = receipts.copies()
                completed = kind == m.COMPLETION
                code = 0 if completed else m.abort_code(msg.data)
                return Transaction(
                    completed, code, status, tuple(receipts.lines), merchant, customer
                )

    def _read_timeout(self, seconds: float | None) -> None:
        """Switch to ``seconds`` (None: back to the transport's own timeout), if supported."""
        setter = getattr(self.transport, "set_read_timeout", None)
        if setter is not None and self.transport.is_open:
            setter(seconds if seconds is not None else getattr(self.transport, "timeout", None))

    def _send(self, apdu: Apdu) -> None:
        log.debug("ECR -> PT %r", apdu)
        with self._write_lock:
            self.transport.write(apdu.encode())

    def _read(self) -> Apdu:
        header = self.transport.read(3)
        if header[0] not in m.KNOWN_CLASSES:
            self.transport.close()  # out of step with the stream: start clean next time
            raise NotZvt(f"not a ZVT frame: {header.hex(' ')}")
        # A terminal sends a message whole: once its header is here the rest follows at once,
        # so the rest gets the short timeout, and a frame that stops half-way is a truncated
        # frame (ProtocolError), not a terminal still thinking.
        whole = getattr(self.transport, "timeout", None)
        self._read_timeout(min(self.ack_timeout, whole) if whole else self.ack_timeout)
        try:
            extra = self.transport.read(2) if header[2] == 0xFF else b""
            n = int.from_bytes(extra, "little") if extra else header[2]
            if n > MAX_INCOMING:  # garbage that happens to start like a frame: do not wait
                self.transport.close()
                raise FrameTooLong(f"ZVT frame announces {n} bytes (at most {MAX_INCOMING})")
            body = self.transport.read(n) if n else b""
        except DeviceOffline as exc:
            self.transport.close()
            raise FrameTruncated(f"ZVT frame {header[:2].hex(' ')} cut off: {exc}") from exc
        finally:
            self._read_timeout(None)
        return decode_apdu(header + extra + body)


class _Receipts:
    """Receipt lines as they come (06 D1 line by line, 06 D3 block by block), sorted into
    the merchant and the customer copy."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._copies: list[tuple[int | None, list[str]]] = []
        self._open: list[str] | None = None

    def line(self, data: bytes) -> None:
        if not data:
            return  # no attribute, no text: nothing to print
        if data[:1] == b"\xff":  # line feed: the next byte says how many
            texts = [""] * (data[1] if len(data) > 1 else 1)
        else:
            texts = [m.print_line(data)]
        self.lines += texts
        if self._open is None:
            self._open = []
            self._copies.append((None, self._open))
        self._open += texts
        if m.is_last_line(data):
            self._open = None

    def block(self, data: bytes) -> None:
        try:
            block = m.print_block(data)
        except ProtocolError as exc:
            # A receipt we cannot read must not put an approved payment in doubt: the
            # outcome is in the 04 0F. The till can still ask for repeat_receipt().
            log.warning("unreadable ZVT print text block skipped: %s", exc)
            return
        self.lines += block.lines
        self._copies.append((block.receipt_type, list(block.lines)))

    def copies(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(merchant, customer). Typed blocks go where they say; untyped copies fill the
        merchant copy first, then the customer copy (the order terminals print them in)."""
        merchant: list[str] | None = None
        customer: list[str] | None = None
        for kind, lines in self._copies:
            if kind == m.RECEIPT_MERCHANT and merchant is None:
                merchant = lines
            elif kind == m.RECEIPT_CUSTOMER and customer is None:
                customer = lines
        for kind, lines in self._copies:
            if kind is None and merchant is None:
                merchant = lines
            elif kind is None and customer is None and lines is not merchant:
                customer = lines
        return tuple(merchant or ()), tuple(customer or ())


def _in_doubt(
    kind: type[PaymentInDoubt] | type[PaymentGarbled], exc: Exception, status: m.StatusInfo | None
) -> OutcomeUnknown:
    err = kind(f"payment outcome unknown: {exc}")
    err.last_status = status
    return err


def _intermediate(data: bytes) -> IntermediateStatus:
    """04 FF as the till sees it: the terminal's own display text wins (no key then)."""
    own = m.display_text(data)
    if own:
        return IntermediateStatus(data[0], own)
    return IntermediateStatus(data[0], m.status_text(data[0]), m.status_key(data[0]))
