"""Child of test_card_crash: pays sales by card against the ZVT simulator until it is killed.

At start it recovers what the previous (killed) child left: open intents are settled by asking
the terminal, approved payments whose sale never got committed are committed from the intent's
snapshot. Then, in a loop, each sale: "SENT <reference>" once the intent is committed and the
amount handed to the card thread, "RESULT <reference> <status>" once the outcome is recorded,
"COMMITTED <sale_id>" after the sale. With "--recover-only" it stops after the recovery.
Imports pos.store's fast path and pos.app.card only (no Qt, no SQLAlchemy, no pydantic). The
test starts it from a fork server (`forked`, lines through a pipe) and, for the final
recovery, as a fresh interpreter (`main`, lines on stdout).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from dataclasses import replace
from multiprocessing.connection import Connection
from typing import Any

from drivers.payment.zvt_client import ZvtTerminal
from pos.app.card.service import CardPayments
from pos.store.db import open_database
from pos.store.records import PaymentRecord, SaleRecord, new_sale_id
from pos.store.sales import commit_sale
from pos.store.samples import sample_sale

REGISTER = "R-CARD"


def sale_of(snapshot: dict[str, Any], reference: str) -> SaleRecord:
    record = sample_sale(REGISTER, sale_id=snapshot["sale_id"], items=snapshot["items"],
                         quantity=snapshot["quantity"])
    return replace(record, payments=(
        PaymentRecord(1, "card", record.total_minor, reference=reference),))


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def main() -> None:
    path, url, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    run(path, url, seed, "--recover-only" in sys.argv, say)


def forked(path: str, url: str, seed: int, lines: Connection) -> None:
    """The same child started by the test's fork server (modules imported once, before any
    database or socket is opened): each line goes to the test through `lines`."""
    run(path, url, seed, False, lambda text: lines.send_bytes(text.encode()))


def run(path: str, url: str, seed: int, recover_only: bool, say: Callable[[str], None]) -> None:
    db = open_database(path)
    service = CardPayments(db, REGISTER, "NOK", lambda: ZvtTerminal.from_url(url))
    for outcome in service.start().result(30):
        say(f"RECOVERED {outcome.reference} {outcome.status}")
    for intent in service.restorable():
        snapshot = intent.snapshot_data()
        assert snapshot is not None and intent.sale_id is not None
        commit_sale(db, sale_of(snapshot, intent.reference))
        service.settle(intent.sale_id)
        say(f"RESTORED {intent.sale_id}")
    say("READY")
    if recover_only:
        service.stop()
        return
    rng = random.Random(seed)
    while True:
        items = tuple(sorted(rng.sample(range(5), rng.randint(1, 5))))
        snapshot = {"sale_id": new_sale_id(), "items": items, "quantity": rng.randint(1, 4)}
        record = sale_of(snapshot, "")
        attempt = service.purchase(record.total_minor, sale_id=record.id, employee_id=1,
                                   snapshot=snapshot)
        say(f"SENT {attempt.reference}")
        outcome = attempt.future.result(30)
        say(f"RESULT {attempt.reference} {outcome.status}")
        if outcome.approved:
            commit_sale(db, sale_of(snapshot, attempt.reference))
            service.settle(record.id)
            say(f"COMMITTED {record.id}")


if __name__ == "__main__":
    main()
