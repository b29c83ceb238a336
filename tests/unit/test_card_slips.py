"""The terminal's slips merged into our receipt, and card data kept masked (no I/O)."""

from __future__ import annotations

import json
from dataclasses import fields

from drivers.base import Barcode, Cut, Feed, PrintJob, TextLine
from pos.app.card.results import masked, scrub_line
from pos.app.card.slips import merge, slip
from pos.store.card_payments import IntentView


def intent(**changes: object) -> IntentView:
    values: dict[str, object] = {f.name: None for f in fields(IntentView)}
    values.update(id=1, reference="ref-1", register_id="1", kind="purchase", state="approved",
                  amount_minor=2490, currency="NOK", created_at="", updated_at="",
                  outcome="approved", signature_required=0, card_brand="Visa",
                  masked_pan="************1111", auth_code="A1B2C3", receipt_no=7,
                  receipt_lines=json.dumps({"customer": ["CUSTOMER COPY", "Visa 24,90"],
                                            "merchant": ["MERCHANT COPY", "Visa 24,90"]}))
    values.update(changes)
    return IntentView(**values)  # type: ignore[arg-type]


def texts(job: PrintJob) -> list[str]:
    return [i.text for i in job.items if isinstance(i, TextLine)]


RECEIPT = PrintJob((TextLine("TOTAL 24,90"), TextLine("Card 24,90"), Feed(1), Barcode("R1-1"),
                    TextLine("Thanks"), Feed(3), Cut()))


def test_customer_copy_goes_before_the_receipt_barcode() -> None:
    job = merge(RECEIPT, [intent()], "nb_NO", 42)
    lines = texts(job)
    assert lines.index("Card 24,90") < lines.index("CUSTOMER COPY") < lines.index("Thanks")
    assert "MERCHANT COPY" not in lines
    assert sum(isinstance(i, Cut) for i in job.items) == 1


def test_signature_adds_a_merchant_copy_after_a_cut() -> None:
    job = merge(RECEIPT, [intent(signature_required=1)], "sv_SE", 42)
    lines = texts(job)
    assert sum(isinstance(i, Cut) for i in job.items) == 2
    assert lines.index("Thanks") < lines.index("BUTIKENS KOPIA") < lines.index("MERCHANT COPY")
    assert any(line.startswith("Underskrift: ____") for line in lines)
    assert isinstance(job.items[-1], Cut)


def test_no_terminal_lines_prints_what_the_till_holds() -> None:
    job = slip(intent(receipt_lines=None), "en_GB", 42)
    lines = texts(job)
    assert "*** COPY ***" in lines and "************1111" in lines and "AUTH A1B2C3" in lines


def test_a_full_pan_never_survives() -> None:
    assert masked("4111111111111111") == "411111******1111"
    assert masked("************1111") == "************1111"  # the terminal's own mask kept
    assert masked("4111111111******") == "411111**********"  # more than the BIN: hidden
    assert scrub_line("PAN 4111111111111111 OK") == "PAN ************1111 OK"
    assert masked(None) is None
