"""The Medusa connector's settings, from the environment (KASSA_MEDUSA_*): none set, no
connector. Imports nothing of the hub, so hub.config can hold one."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class MedusaSettings:
    url: str  # the Medusa server, e.g. http://127.0.0.1:9000
    api_key: str  # a secret API key (sk_...): Admin API, HTTP Basic with the key as user name
    webhook_secret: str  # HMAC-SHA256 key shared with the forwarding subscriber
    timeout_s: float = 10.0  # one Admin API call
    batch_timeout_s: float = 120.0  # a batch of products (200 took over 3 s on 2 busy cores)
    max_skew_s: float = 300.0  # a webhook's timestamp may be this far from our clock
    poll_s: float = 0.1  # how often the pusher looks for new feed rows (a cheap read)
    max_backoff_s: float = 30.0  # the pusher's longest wait between attempts while Medusa is down
    batch: int = 200  # products per Admin API call; stock adjustments: 5x this
    reconcile_s: float = 60.0  # the reconciliation poll's period (0: off); KASSA_MEDUSA_RECONCILE_S

    @classmethod
    def from_env(cls) -> MedusaSettings | None:
        url = os.environ.get("KASSA_MEDUSA_URL", "")
        key = os.environ.get("KASSA_MEDUSA_API_KEY", "")
        secret = os.environ.get("KASSA_MEDUSA_WEBHOOK_SECRET", "")
        if not (url or key or secret):
            return None
        if not (url and key and secret):
            raise ValueError("the Medusa connector needs all of KASSA_MEDUSA_URL, "
                             "KASSA_MEDUSA_API_KEY and KASSA_MEDUSA_WEBHOOK_SECRET")
        if len(secret) < 32:
            raise ValueError("KASSA_MEDUSA_WEBHOOK_SECRET: at least 32 characters")
        try:
            reconcile_s = float(os.environ.get("KASSA_MEDUSA_RECONCILE_S", "60"))
        except ValueError:
            raise ValueError("KASSA_MEDUSA_RECONCILE_S: seconds (0 turns the poll off)") from None
        return cls(url=url.rstrip("/"), api_key=key, webhook_secret=secret,
                   reconcile_s=max(reconcile_s, 0.0))
