"""What a Norwegian receipt signature signs: the exact text, byte for byte.

Skatteetaten, "Requirements and guidelines for implementing digital signatures in Cash Register
Systems" (July 2017), 2.2.4 (RSA) and 2.3.3 (HMAC): the fields are joined by ";" in this order

    signature;transDate;transTime;nr;transAmntIn;transAmntEx

- signature: the previous receipt's signature (base64) in the same register, "0" when there is
  none (a fresh install, the register's first receipt; 2.1 item 7);
- transDate "YYYY-MM-DD" and transTime "hh:mm:ss": Norwegian local time, no zone, no fraction
  (the same values the SAF-T export writes, so the tax office can recompute the message);
- nr: the transaction number, no padding or spaces;
- amounts: two decimals, "." as separator, no thousands separator, "-" for negative amounts.

Worked example of the guidelines (2.2.5), whose SHA-1 is 55abb153c38026540a601dd7bd4302e41481cd37:
`signature_from_previous_receipt;2014-01-24;23:59:59;123456789;1250.00;1000.00`.

Pure: no clock, no key, no I/O; the caller has already converted the moment to local time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

NO_PREVIOUS_SIGNATURE = "0"
SEPARATOR = ";"


def amount_text(minor: int) -> str:
    """Øre as the guidelines' decimal text: 125000 -> "1250.00", -5 -> "-0.05", 0 -> "0.00"."""
    sign = "-" if minor < 0 else ""
    whole, cents = divmod(abs(minor), 100)
    return f"{sign}{whole}.{cents:02d}"


def date_text(local: datetime) -> str:
    return f"{local.year:04d}-{local.month:02d}-{local.day:02d}"


def time_text(local: datetime) -> str:
    """hh:mm:ss, seconds truncated (never rounded up into the next minute)."""
    return f"{local.hour:02d}:{local.minute:02d}:{local.second:02d}"


@dataclass(frozen=True, slots=True)
class SignedFields:
    """The five receipt fields a signature covers, as they appear in the SAF-T file."""

    trans_date: str
    trans_time: str
    nr: str
    amount_in: str
    amount_ex: str

    @classmethod
    def of(cls, local: datetime, number: int, total_minor: int, net_minor: int) -> SignedFields:
        return cls(date_text(local), time_text(local), str(number), amount_text(total_minor),
                   amount_text(net_minor))

    def message(self, previous_signature: str | None) -> str:
        previous = previous_signature or NO_PREVIOUS_SIGNATURE
        return SEPARATOR.join(
            (previous, self.trans_date, self.trans_time, self.nr, self.amount_in, self.amount_ex)
        )
