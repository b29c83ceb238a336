"""Card payments at the till (issue 4): intents, the terminal on its own thread, recovery.

- ``model``    what the service reports: CardUpdate (live texts), CardOutcome (the end)
- ``results``  terminal answers -> intent columns (masked PAN only), the journal notes
- ``recovery`` asking the terminal what happened to an amount whose answer was lost
- ``service``  CardPayments: purchase / refund / reversal / abort / recover / resolve
- ``sale_link`` a card payment in the open sale: snapshot, apply once, restore after a crash
- ``slips``    the terminal's receipt lines merged into our receipt; the merchant copy

UI-neutral: no Qt. The Qt dialog (pos.ui.card_dialog) listens to ``CardPayments.updates``.
"""

from pos.app.card.model import CardError, CardOutcome, CardUpdate
from pos.app.card.service import CardAttempt, CardPayments

__all__ = ["CardAttempt", "CardError", "CardOutcome", "CardPayments", "CardUpdate"]
