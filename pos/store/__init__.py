"""The till's SQLite database: catalog cache, users, sales, journal, outbox, parking, printing.

The only room that writes the till DB. Imports nothing of pos.core, pos.app, Qt or drivers:
the app maps its cart onto the plain records in pos.store.records.
"""

from pos.store.db import Database, open_database
from pos.store.errors import (
    DatabaseCorrupt,
    DatabaseForeign,
    DatabaseMissing,
    DatabaseTooNew,
    InvalidRecord,
    NotFound,
    StoreError,
)
from pos.store.records import (
    CommittedSale,
    PaymentRecord,
    ProductView,
    SaleLineRecord,
    SaleRecord,
    Signature,
    SignatureInput,
    VatRecord,
    new_sale_id,
)

__all__ = [
    "CommittedSale",
    "Database",
    "DatabaseCorrupt",
    "DatabaseForeign",
    "DatabaseMissing",
    "DatabaseTooNew",
    "InvalidRecord",
    "NotFound",
    "PaymentRecord",
    "ProductView",
    "SaleLineRecord",
    "SaleRecord",
    "Signature",
    "SignatureInput",
    "StoreError",
    "VatRecord",
    "new_sale_id",
    "open_database",
]
