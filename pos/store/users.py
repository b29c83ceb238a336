"""Till users and PIN authentication.

PINs are hashed with scrypt and a per-user salt, stored self-describing
("scrypt$n$r$p$salt_hex$hash_hex") so the cost can be raised later without a migration.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from typing import Literal

from pos.store.codes import USER_ROLES
from pos.store.db import Database
from pos.store.errors import InvalidRecord

Role = Literal["cashier", "supervisor", "manager"]
ROLE_RANK: dict[str, int] = {"cashier": 1, "supervisor": 2, "manager": 3}

# scrypt cost: ~30-60 ms per check on a till CPU; a 4-6 digit PIN is weak by nature, so the
# cost (and the app's lock-out after failures) is what slows guessing.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


@dataclass(frozen=True, slots=True)
class UserView:
    id: int
    employee_no: str
    name: str
    role: Role
    active: bool

    def may(self, role: Role) -> bool:
        """True if this user's role is at least `role` (manager > supervisor > cashier)."""
        return ROLE_RANK[self.role] >= ROLE_RANK[role]


def hash_pin(pin: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=32)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def check_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(
        pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
    )
    return hmac.compare_digest(candidate, bytes.fromhex(digest))


# Compared against when the employee number is unknown, so both paths cost one scrypt.
_DUMMY_HASH = hash_pin("0000")


def create_user(
    db: Database, employee_no: str, name: str, role: Role, pin: str, *, active: bool = True
) -> UserView:
    if role not in USER_ROLES:
        raise InvalidRecord(f"role {role!r} not in {USER_ROLES}")
    if not (pin.isdigit() and 4 <= len(pin) <= 12):
        raise InvalidRecord("a PIN is 4 to 12 digits")
    pin_hash = hash_pin(pin)
    with db.write() as con:
        cur = con.execute(
            "INSERT INTO users (employee_no, name, role, pin_hash, active) VALUES (?,?,?,?,?)",
            (employee_no, name, role, pin_hash, active),
        )
        return UserView(int(cur.lastrowid or 0), employee_no, name, role, active)


def set_pin(db: Database, employee_no: str, pin: str) -> None:
    pin_hash = hash_pin(pin)
    with db.write() as con:
        con.execute("UPDATE users SET pin_hash = ? WHERE employee_no = ?", (pin_hash, employee_no))


def set_active(db: Database, employee_no: str, active: bool) -> None:
    with db.write() as con:
        con.execute("UPDATE users SET active = ? WHERE employee_no = ?", (active, employee_no))


def authenticate(db: Database, employee_no: str, pin: str) -> UserView | None:
    """The active user with this number and PIN, or None (same cost either way)."""
    with db.read() as con:
        row = con.execute(
            "SELECT id, employee_no, name, role, active, pin_hash FROM users WHERE employee_no = ?",
            (employee_no,),
        ).fetchone()
    ok = check_pin(pin, row[5] if row else _DUMMY_HASH)
    if row is None or not ok or not row[4]:
        return None
    return UserView(row[0], row[1], row[2], row[3], bool(row[4]))


def get_user(db: Database, user_id: int) -> UserView | None:
    with db.read() as con:
        row = con.execute(
            "SELECT id, employee_no, name, role, active FROM users WHERE id = ?", (user_id,)
        ).fetchone()
    return UserView(row[0], row[1], row[2], row[3], bool(row[4])) if row else None


def list_users(db: Database) -> list[UserView]:
    with db.read() as con:
        rows = con.execute(
            "SELECT id, employee_no, name, role, active FROM users ORDER BY employee_no"
        ).fetchall()
    return [UserView(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows]
