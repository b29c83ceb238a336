"""How many copy receipts (13014) a sale has had: the regulation allows one.

Skatteetaten on kassasystemforskrifta § 2-6 (4): if the system prints copy receipts, "er det
ikkje tillate å skrive ut meir enn éi kopikvittering per sal" (not more than one copy receipt
per sale), whether on paper or electronic. The journal is the record: copies are counted there,
from the sale's own entry on (a copy always comes after its sale), so the count costs the
entries written since the sale, not the whole journal.
"""

from __future__ import annotations

from pos.store.db import Database
from pos.store.keys import NUMBER_BITS

COPY_RECEIPT = "13014"


def copies_of(db: Database, sale_id: str) -> int:
    with db.read() as con:
        found = con.execute(
            "SELECT r.no, s.journal_entry_no FROM sales s "
            "JOIN registers r ON r.register_id = s.register_id WHERE s.id = ?",
            (sale_id,),
        ).fetchone()
        if found is None:
            return 0
        reg_no, entry_no = found
        (count,) = con.execute(
            "SELECT count(*) FROM journal WHERE entry_key BETWEEN ? AND ? AND event_code = ? "
            "AND json_extract(payload, '$.sale_id') = ?",
            ((reg_no << NUMBER_BITS) | entry_no, ((reg_no + 1) << NUMBER_BITS) - 1,
             COPY_RECEIPT, sale_id),
        ).fetchone()
    return int(count)
