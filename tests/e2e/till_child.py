"""A till in its own process, for the end-to-end tests: `python till_child.py DATA_DIR HUB_URL
STORE REGISTER [CODE]` builds the till (no Qt, no printer), enrols with CODE when its
database has no hub link yet, starts the hub link and answers one JSON line per command line:

    sell CODE [CODE ...] [customer=ID]   -> {"transaction_no": n}
    points CODE CUSTOMER                  -> paid with points (reserved on the hub), rest cash
    burst N CODE                          -> {"sold": N} (N one-line sales, back to back)
    stock SKU                             -> {"hub": .., "own": .., "on_hand": ..}
    status                                -> {"online": .., "pending": .., "problem": ..}
    quit                                  -> {} and a clean shutdown
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pos.app.bootstrap import build_till  # noqa: E402
from pos.app.enrol import enrol_till  # noqa: E402
from pos.app.stock_view import StockView  # noqa: E402
from pos.store import sync_state, users  # noqa: E402
from tests.sync.tills import sell, till_config  # noqa: E402


def main() -> int:
    data_dir, hub_url, store, register = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    config = till_config(data_dir, hub_url, store, register)
    till = build_till(config)
    db = till.ctx.db
    if not users.list_users(db):
        users.create_user(db, "1", "Kari", "cashier", "1234")
    if sync_state.get_link(db) is None:
        assert config.hub is not None
        enrol_till(db, config.hub, data_dir, sys.argv[5], store_id=store, register_id=register)
    till.start()
    till.login("1", "1234")
    view = StockView(db, register)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        answer: dict[str, object] = {}
        if words[0] == "sell":
            customer = next((w[9:] for w in words if w.startswith("customer=")), None)
            codes = [w for w in words[1:] if not w.startswith("customer=")]
            answer = {"transaction_no": sell(till, *codes, customer_id=customer)}
        elif words[0] == "points":  # one item, paid with every point possible, rest in cash
            checkout = till.checkout
            assert checkout is not None
            checkout.scan(words[1])
            checkout.attach_customer(words[2])
            used, done = till.loyalty.pay_with_points(checkout)
            if done is None:
                assert checkout.settlement is not None
                done = checkout.pay_cash(checkout.settlement.cash_due)
            assert done is not None
            checkout.next_sale()
            answer = {"transaction_no": done.transaction_no, "points": used}
        elif words[0] == "burst":
            for _ in range(int(words[1])):
                sell(till, words[2])
            answer = {"sold": int(words[1])}
        elif words[0] == "stock":
            on_hand = view.on_hand(words[1])
            answer = {"hub": on_hand.hub_milli, "own": on_hand.own_unconfirmed_milli,
                      "on_hand": on_hand.on_hand_milli}
        elif words[0] == "status":
            status = till.hub.current()
            push, feed = till.hub.pusher, till.hub.subscriber
            answer = {"online": status.online, "pending": status.pending,
                      "problem": status.problem, "in_sync": status.in_sync,
                      "push": push.status.state if push else None,  # for a failure's message
                      "feed": f"{feed.status.state} {feed.status.detail}"[:200] if feed else None}
        elif words[0] == "quit":
            print("{}", flush=True)
            break
        print(json.dumps(answer), flush=True)
    till.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
