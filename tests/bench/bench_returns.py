"""Returns: finding an old sale with what was returned of it, and committing a return (with its
over-return check and print job inside the transaction) against a plain sale commit.

Sizes: the original sale is followed by 2,000 (--quick) or 20,000 sales, which the returns
lookup walks over (sales.id index range from the original on).
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from common import Result, benchmark, ns_to_ms, percentile, result, sample_ns

from pos.core.refund import SoldPart, return_part
from pos.store import open_database
from pos.store.records import PaymentRecord, SaleLineRecord, SaleRecord, VatRecord, new_sale_id
from pos.store.returns import enqueue_print_in, load_returnable, over_return_guard
from pos.store.sales import commit_sale, get_sale
from pos.store.samples import sample_sale

REGISTER = "RB"


def _return_of(original: SaleRecord, sold: SoldPart) -> tuple[SaleRecord, SoldPart]:
    """A return of one piece of the original's first line, and the line's state after it."""
    line = original.lines[0]
    part = return_part(sold, 1000)
    back = SaleLineRecord(
        line_no=line.line_no, sku=line.sku, name=line.name, quantity_milli=-1000, unit="pcs",
        unit_price_minor=line.unit_price_minor, total_minor=-part.total_minor,
        vat_code=line.vat_code, vat_rate_bp=line.vat_rate_bp, vat_minor=-part.vat_minor,
        net_minor=-part.net_minor, product_id=line.product_id,
    )
    record = replace(
        original, id=new_sale_id(), kind="return", original_sale_id=original.id,
        lines=(back,), total_minor=-part.total_minor, vat_minor=-part.vat_minor,
        net_minor=-part.net_minor, rounding_minor=0, change_minor=0,
        payments=(PaymentRecord(1, "card", -part.total_minor),),
        vat=(VatRecord(line.vat_code, line.vat_rate_bp, -part.total_minor, -part.net_minor,
                       -part.vat_minor),),
    )
    after = replace(sold, returned_milli=sold.returned_milli + 1000,
                    returned_total_minor=sold.returned_total_minor + part.total_minor,
                    returned_vat_minor=sold.returned_vat_minor + part.vat_minor)
    return record, after


@benchmark("returns", goal="<= 2x", unit="ms")
def returns_bench(quick: bool) -> list[Result]:
    followers = 2_000 if quick else 20_000
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "till.db")
        original = sample_sale(REGISTER, items=(0,), quantity=999)
        commit_sale(db, original)
        for _ in range(followers):
            commit_sale(db, sample_sale(REGISTER))
        n = 50 if quick else 200
        plain = sample_ns(lambda: get_sale(db, original.id), n, warmup=5)
        lookup = sample_ns(lambda: load_returnable(db, original.id), n, warmup=5)

        line = original.lines[0]
        state = [SoldPart(line.quantity_milli, line.total_minor, line.vat_minor)]

        def one_return() -> None:
            record, state[0] = _return_of(original, state[0])
            guard = over_return_guard(original.id, {line.line_no: 1000},
                                      {line.line_no: line.quantity_milli})

            def inside(con, tx_no):  # type: ignore[no-untyped-def]
                guard(con, tx_no)
                enqueue_print_in(con, record.id, {"items": [], "tx": tx_no})

            commit_sale(db, record, inside=inside)

        k = 40 if quick else 150
        sales = sample_ns(lambda: commit_sale(db, sample_sale(REGISTER)), k, warmup=3)
        returns = sample_ns(one_return, k, warmup=3)
        db.close()
    sizes = {"sales_after_original": followers}
    return [
        result("return_lookup_p50_ms", ns_to_ms(percentile(50, lookup)), n=len(lookup),
               baseline=ns_to_ms(percentile(50, plain)), baseline_name="get_sale of the same sale",
               goal="<= 20 ms", sizes=sizes,
               notes="walks the sales after the original on the sales.id index"),
        result("return_commit_p50_ms", ns_to_ms(percentile(50, returns)), n=len(returns),
               baseline=ns_to_ms(percentile(50, sales)), baseline_name="commit of a 5-line sale",
               sizes={**sizes, "returns_of_the_sale": k + 3}),
    ]
