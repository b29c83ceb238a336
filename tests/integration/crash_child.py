"""Child of test_crash_safety: commits sales in a loop until it is killed.

Prints "READY" once the database is open, then "COMMITTED <sale_id> <transaction_no>" after
each commit_sale has returned (and only then), flushing every line. Imports only pos.store's
fast path (no SQLAlchemy, no pydantic), so it starts in ~0.1 s and the parent can kill it
hundreds of times.
"""

from __future__ import annotations

import sys

from pos.store.db import open_database
from pos.store.sales import commit_sale
from pos.store.samples import sample_sale


def main() -> None:
    path, register = sys.argv[1], sys.argv[2]
    db = open_database(path)
    out = sys.stdout
    out.write("READY\n")
    out.flush()
    n = 0
    while True:
        n += 1
        record = sample_sale(register, items=(0, 1, 2, 3, 4), quantity=1 + n % 3)
        result = commit_sale(db, record)
        out.write(f"COMMITTED {record.id} {result.transaction_no}\n")
        out.flush()
        if n % 7 == 0:  # Enter pressed twice: the retry must return the same number
            again = commit_sale(db, record)
            assert again.transaction_no == result.transaction_no and again.already_committed


if __name__ == "__main__":
    main()
