"""Sale commit on a real SQLite file: atomic, gapless, idempotent, chained, signed."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.store import Database, InvalidRecord, Signature, SignatureInput, open_database
from pos.store import outbox as ob
from pos.store.journal import append_event, entries, verify_journal
from pos.store.payloads import SALE_COMMITTED, SCHEMA_VERSION
from pos.store.sales import commit_sale, get_sale, last_sale
from pos.store.samples import sample_sale
from sync import protocol


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "till.db")
    yield database
    database.close()


def _count(db: Database, sql: str, *args: object) -> int:
    with db.read() as con:
        return int(con.execute(sql, args).fetchone()[0])


def test_commit_writes_sale_journal_and_outbox_together(db: Database) -> None:
    sale = sample_sale("R1")
    result = commit_sale(db, sale)
    assert (result.transaction_no, result.journal_entry_no, result.outbox_seq) == (1, 1, 1)
    stored = get_sale(db, sale.id)
    assert stored is not None
    assert stored.transaction_no == 1 and stored.receipt_no == "1"
    assert stored.record.lines == sale.lines
    assert stored.record.vat == sale.vat
    assert stored.record.payments[0].saft_payment_code == "12002"
    assert _count(db, "SELECT COUNT(*) FROM journal WHERE sale_id = ?", sale.id) == 1
    with db.read() as con:
        code, tx_no = con.execute(
            "SELECT event_code, transaction_no FROM journal WHERE sale_id = ?", (sale.id,)
        ).fetchone()
    assert (code, tx_no) == ("13012", 1)


def test_outbox_payload_is_a_valid_sale_committed(db: Database) -> None:
    sale = sample_sale("R1")
    commit_sale(db, sale)
    (envelope,) = ob.pending(db, "R1")
    assert envelope.type == protocol.SALE_COMMITTED == SALE_COMMITTED
    assert protocol.SCHEMA_VERSION == SCHEMA_VERSION
    payload = envelope.parsed()
    assert isinstance(payload, protocol.SaleCommitted)
    assert str(payload.sale_id) == sale.id
    assert payload.transaction_no == 1
    assert [line.sku for line in payload.lines] == [line.sku for line in sale.lines]
    assert payload.totals.total_minor == sale.total_minor
    # The hand-built JSON and the model's own serialisation agree field for field.
    assert protocol.SaleCommitted.model_validate_json(payload.model_dump_json()) == payload


def test_numbers_are_gapless_per_register(db: Database) -> None:
    for i in range(60):
        commit_sale(db, sample_sale("R1" if i % 3 else "R2"))
    for register, n in (("R1", 40), ("R2", 20)):
        with db.read() as con:
            tx = [r[0] for r in con.execute(
                "SELECT transaction_no FROM sales WHERE register_id = ? ORDER BY 1", (register,)
            )]  # fmt: skip
            entries = [r[0] for r in con.execute(
                "SELECT entry_no FROM journal WHERE register_id = ? ORDER BY 1", (register,)
            )]  # fmt: skip
            seqs = [r[0] for r in con.execute(
                "SELECT seq FROM outbox WHERE register_id = ? ORDER BY 1", (register,)
            )]  # fmt: skip
        assert tx == entries == seqs == list(range(1, n + 1))
        assert verify_journal(db, register).ok


def test_concurrent_committers_stay_gapless(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    open_database(path).close()
    errors: list[BaseException] = []

    def worker() -> None:
        db = open_database(path)  # separate Database objects, as separate processes would
        try:
            for _ in range(25):
                commit_sale(db, sample_sale("R1"))
                append_event(db, "R1", "13005", "drawer_open", 1)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    db = open_database(path)
    with db.read() as con:
        tx = [r[0] for r in con.execute("SELECT transaction_no FROM sales ORDER BY 1")]
    assert tx == list(range(1, 101))
    check = verify_journal(db, "R1")
    assert check.ok and check.entries_checked == 200
    db.close()


def test_failure_mid_transaction_leaves_nothing(db: Database) -> None:
    commit_sale(db, sample_sale("R1"))
    # A real SQL failure on the last write of the transaction (the outbox insert).
    with db.write() as con:
        con.execute(
            "CREATE TRIGGER boom BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'boom'); END"
        )
    doomed = sample_sale("R1")
    with pytest.raises(sqlite3.IntegrityError, match="boom"):
        commit_sale(db, doomed)
    assert get_sale(db, doomed.id) is None
    assert _count(db, "SELECT COUNT(*) FROM sale_lines WHERE sale_id = ?", doomed.id) == 0
    assert _count(db, "SELECT COUNT(*) FROM journal") == 1
    assert _count(db, "SELECT COUNT(*) FROM outbox") == 1
    with db.write() as con:
        con.execute("DROP TRIGGER boom")
    # The number it would have had is handed out next: no gap.
    assert commit_sale(db, doomed).transaction_no == 2
    assert verify_journal(db, "R1").ok


def test_a_bad_journal_payload_rolls_back_the_sale(db: Database) -> None:
    doomed = sample_sale("R1")
    with pytest.raises(TypeError):
        commit_sale(db, doomed, journal_payload={"not_json": object()})
    assert get_sale(db, doomed.id) is None
    assert _count(db, "SELECT COUNT(*) FROM sales") == 0
    assert _count(db, "SELECT COUNT(*) FROM journal") == 0


def test_committing_the_same_sale_twice_is_idempotent(db: Database) -> None:
    sale = sample_sale("R1")
    first = commit_sale(db, sale)
    commit_sale(db, sample_sale("R1"))
    again = commit_sale(db, sale)
    assert again.already_committed and not first.already_committed
    assert (again.transaction_no, again.journal_entry_no, again.outbox_seq) == (1, 1, 1)
    assert _count(db, "SELECT COUNT(*) FROM sales") == 2
    assert _count(db, "SELECT COUNT(*) FROM journal") == 2
    assert ob.count_pending(db, "R1") == 2


def test_inconsistent_records_are_refused(db: Database) -> None:
    sale = sample_sale("R1")
    from dataclasses import replace

    with pytest.raises(InvalidRecord, match="lines sum"):
        commit_sale(db, replace(sale, total_minor=sale.total_minor + 1))
    with pytest.raises(InvalidRecord, match="payments"):
        commit_sale(db, replace(sale, change_minor=100))
    assert _count(db, "SELECT COUNT(*) FROM sales") == 0


def test_return_void_and_training_use_their_receipt_codes(db: Database) -> None:
    codes = {}
    for kind, training in (("return", False), ("sale", True)):
        sale = sample_sale("R1", kind=kind, training=training)
        commit_sale(db, sale)
        with db.read() as con:
            codes[(kind, training)] = con.execute(
                "SELECT event_code FROM journal WHERE sale_id = ?", (sale.id,)
            ).fetchone()[0]
    assert codes == {("return", False): "13013", ("sale", True): "13017"}
    stored = last_sale(db, "R1")
    assert stored is not None and stored.record.training and stored.transaction_no == 2


def test_signer_gets_the_chain_inside_the_transaction(db: Database) -> None:
    seen: list[SignatureInput] = []

    def signer(data: SignatureInput) -> Signature:
        seen.append(data)
        return Signature(f"sig{data.transaction_no}<-{data.previous_signature}", 1)

    a = commit_sale(db, sample_sale("R1"), signer=signer)
    b = commit_sale(db, sample_sale("R1"), signer=signer)
    assert [s.previous_signature for s in seen] == [None, "sig1<-None"]
    stored = get_sale(db, b.sale_id)
    assert stored is not None and stored.signature == "sig2<-sig1<-None"
    assert stored.key_version == 1 and a.transaction_no == 1


def test_outbox_ack_cursor(db: Database) -> None:
    for _ in range(5):
        commit_sale(db, sample_sale("R1"))
    assert [e.seq for e in ob.pending(db, "R1", limit=3)] == [1, 2, 3]
    assert ob.mark_acked(db, "R1", 3) == 3
    assert ob.mark_acked(db, "R1", 2) == 0  # a stale ack never moves the cursor back
    assert ob.count_pending(db, "R1") == 2
    assert [e.seq for e in ob.pending(db, "R1")] == [4, 5]
    assert ob.mark_acked(db, "R1", 99) == 2
    assert ob.pending(db, "R1") == [] and ob.count_pending(db, "R1") == 0
    assert _count(db, "SELECT COUNT(*) FROM outbox WHERE acked_at IS NULL") == 0


def test_registers_share_a_file_without_sharing_numbers(db: Database) -> None:
    """Rows are keyed register_no << 36 | number (pos.store.keys): interleaved registers keep
    their own chains, signatures, outbox cursors and last sale."""
    seen: list[tuple[str, int, str | None]] = []

    def signer(data: SignatureInput) -> Signature:
        seen.append((data.register_id, data.transaction_no, data.previous_signature))
        return Signature(f"{data.register_id}-{data.transaction_no}", 1)

    ids: dict[str, list[str]] = {"R1": [], "R2": [], "R3": []}
    for i in range(12):
        register = ("R1", "R2", "R3")[i % 3] if i < 9 else "R2"
        sale = sample_sale(register)
        commit_sale(db, sale, signer=signer)
        append_event(db, register, "13005", "drawer_open", 1)
        ids[register].append(sale.id)
    assert ("R2", 5, "R2-4") in seen and ("R3", 1, None) in seen
    for register, sale_ids in ids.items():
        last = last_sale(db, register)
        assert last is not None and last.record.id == sale_ids[-1]
        assert last.transaction_no == len(sale_ids)
        check = verify_journal(db, register)
        assert check.ok and check.entries_checked == 2 * len(sale_ids)
        assert [e.entry_no for e in entries(db, register, after=3, limit=2)] == [4, 5]
        assert [e.seq for e in ob.pending(db, register)] == list(range(1, len(sale_ids) + 1))
    assert ob.mark_acked(db, "R2", 4) == 4
    assert ob.count_pending(db, "R2") == 2 and ob.count_pending(db, "R1") == 3
    assert [e.seq for e in ob.pending(db, "R2")] == [5, 6]
    assert last_sale(db, "R9") is None and entries(db, "R9") == [] and ob.pending(db, "R9") == []
    # A stored sale reads back exactly, found by its key range, not by a sale_id index.
    stored = get_sale(db, ids["R3"][1])
    assert stored is not None and stored.transaction_no == 2
    assert [ln.line_no for ln in stored.record.lines] == [1, 2, 3, 4, 5]


def test_key_columns_must_agree_with_the_numbers(db: Database) -> None:
    commit_sale(db, sample_sale("R1"))
    with pytest.raises(sqlite3.IntegrityError, match="ck_sales_key"), db.write() as con:
        con.execute("UPDATE sales SET transaction_no = 2")
    with pytest.raises(sqlite3.IntegrityError, match="ck_outbox_key"), db.write() as con:
        con.execute("UPDATE outbox SET seq = 5")


def test_a_commit_writes_few_pages(tmp_path: Path) -> None:
    """Every page a commit touches is written to the WAL and fsynced: a five-line sale wrote
    15.7 pages with composite WITHOUT ROWID keys and writes ~8.8 now (one per table, plus a
    parent or the header now and then). Not a timing: a count, so it is stable."""
    db = open_database(tmp_path / "till.db", background_checkpoint=False)
    try:
        for _ in range(200):
            commit_sale(db, sample_sale("R1"))
        with db.write() as con:
            con.execute("PRAGMA wal_autocheckpoint=0")
        db._writer().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        wal = Path(str(db.path) + "-wal")
        before = wal.stat().st_size
        n = 300
        for _ in range(n):
            commit_sale(db, sample_sale("R1"))
        page = db._writer().execute("PRAGMA page_size").fetchone()[0]
        pages = (wal.stat().st_size - max(before, 32)) / (page + 24) / n
    finally:
        db.close()
    assert pages < 10.5, pages
