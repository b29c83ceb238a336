"""Regenerate docs/saft-sample.xml: a demo store day (pos.app.demo_day) exported as SAF-T.

    .venv/bin/python tools/saft_sample.py [--out docs/saft-sample.xml]

The day runs on the demo till with a fresh throwaway signing key, so the signatures differ on
every run; the file is indented for reading (the export itself writes no whitespace) and is
checked against the official schema and its signature chain before it is written. The demo
key's public half is written next to it (docs/saft-sample.pub.pem) so anyone can verify them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from pos.app.demo_day import run_demo_day  # noqa: E402
from pos.app.saft_identity import identity_of  # noqa: E402
from pos.reports.saft import Period, export_saft  # noqa: E402
from pos.store.signing_keys import keys  # noqa: E402
from resources import resource_path  # noqa: E402

DAY = date(2026, 11, 20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "saft-sample.xml")
    args = parser.parse_args()
    public = args.out.with_suffix(".pub.pem")
    with tempfile.TemporaryDirectory() as tmp:
        day = run_demo_day(Path(tmp) / "till", DAY)
        try:
            raw = Path(tmp) / "saft.xml"
            result = export_saft(
                day.demo.till.ctx.db, identity_of(day.demo.till.ctx.config),
                Period(DAY, DAY, "Europe/Oslo"), raw, verify_signatures=True,
                now=datetime(2026, 11, 21, 6, 0, tzinfo=UTC))
            (record,) = keys(day.demo.till.ctx.db)
        finally:
            day.demo.stop()
        if result.warnings or day.notes:
            print("\n".join(result.warnings + day.notes), file=sys.stderr)
            return 1
        doc = etree.parse(str(raw))
        etree.XMLSchema(etree.parse(str(resource_path(
            "saft", "Norwegian_SAF-T_Cash_Register_Schema_v_1.00.xsd")))).assertValid(doc)
        etree.indent(doc, space="  ")
        args.out.write_bytes(etree.tostring(doc, xml_declaration=True, encoding="UTF-8") + b"\n")
        public.write_text(record.public_key_pem or "")  # to verify the sample's signatures
    print(f"wrote {args.out}: {result.transactions} transactions, {result.events} events, "
          f"{result.signatures_checked} signatures verified")
    return 0


if __name__ == "__main__":
    sys.exit(main())
