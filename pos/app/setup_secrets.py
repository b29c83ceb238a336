"""Where the till's hub credential lives: the OS keystore or a file only the till may read.

A credential reference names the place, and is what the config's `[hub] credential_ref` and
the database's hub link record:

    keyring:kassa/hub-credential@/var/lib/kassa   the OS keystore (keyring: Credential Manager
                                                  on Windows, Secret Service on a Linux desktop)
    file:/var/lib/kassa/hub-credential            a file (0600; 0640 in a setgid data directory)

The keystore is per user: an installer running as root or SYSTEM would put the credential where
the cashier's session cannot read it, so `auto` picks it only for an ordinary user whose
keyring has a real backend (not keyring's "fail" or "null" stand-ins).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Literal

KEYRING_SERVICE = "kassa"
Store = Literal["auto", "keyring", "file"]


class CredentialError(OSError):
    """The credential cannot be stored or read where its reference says."""


def _keyring() -> Any:
    try:
        import keyring
    except ImportError:
        return None
    return keyring


def usable_keyring() -> str | None:
    """The name of a real keyring backend for this user, or None (no package, no backend)."""
    keyring = _keyring()
    if keyring is None:
        return None
    backend = keyring.get_keyring()
    module = type(backend).__module__
    if module in ("keyring.backends.fail", "keyring.backends.null"):
        return None
    try:
        if float(backend.priority) <= 0:
            return None
    except Exception:  # a backend whose priority check raises is not viable
        return None
    return f"{module}.{type(backend).__name__}"


def _elevated() -> bool:
    if sys.platform == "win32":
        import ctypes

        return bool(ctypes.windll.shell32.IsUserAnAdmin())  # type: ignore[attr-defined]
    return os.geteuid() == 0


def choose_ref(store: Store, data_dir: Path, file_path: Path) -> str:
    """The reference to store a new credential under. `keyring` without a usable backend is
    an error (said before the one-time code is spent); `auto` falls back to the file."""
    if store == "file" or (store == "auto" and _elevated()):
        return f"file:{file_path.resolve()}"
    backend = usable_keyring()
    if backend is None:
        if store == "keyring":
            raise CredentialError(
                "no usable OS keystore for this user (install keyring and a backend, or run "
                "in the till user's desktop session); use --credential-store file")
        return f"file:{file_path.resolve()}"
    return f"keyring:{KEYRING_SERVICE}/hub-credential@{data_dir.resolve()}"


def _keyring_key(ref: str) -> tuple[str, str]:
    service, _, user = ref.removeprefix("keyring:").partition("/")
    if not service or not user:
        raise CredentialError(f"{ref!r} is not a keyring reference like keyring:SERVICE/USER")
    return service, user


def store_credential(ref: str, credential: str) -> str:
    """Store under `ref` and return it. A keystore that refuses is reported, never silently
    swapped for a file: the caller chose the keystore."""
    if ref.startswith("file:"):
        write_file(Path(ref.removeprefix("file:")), credential)
        return ref
    keyring = _keyring()
    if keyring is None:
        raise CredentialError("the keyring package is not installed")
    service, user = _keyring_key(ref)
    try:
        keyring.set_password(service, user, credential)
    except Exception as exc:  # KeyringError, or a D-Bus error from a locked collection
        raise CredentialError(f"the OS keystore refused the credential: {exc}") from exc
    return ref


def read_credential_ref(ref: str) -> str:
    """The credential stored under `ref`; OSError or CredentialError when it is not there."""
    if ref.startswith("file:") or not ref.startswith("keyring:"):
        return Path(ref.removeprefix("file:")).read_text(encoding="utf-8").strip()
    keyring = _keyring()
    if keyring is None:
        raise CredentialError(f"{ref}: the keyring package is not installed")
    service, user = _keyring_key(ref)
    try:
        secret = keyring.get_password(service, user)
    except Exception as exc:
        raise CredentialError(f"{ref}: the OS keystore could not be read: {exc}") from exc
    if not secret:
        raise CredentialError(f"{ref}: the OS keystore has no such entry")
    return str(secret).strip()


def write_file(path: Path, credential: str) -> None:
    """Readable by the till's user only, replaced atomically (never half written). In a
    setgid directory (the .deb's /var/lib/kassa, group kassa) the group is the till's users,
    so the file is 0640: `kassa setup` run by root must leave it readable to the cashier."""
    path.parent.mkdir(parents=True, exist_ok=True)
    shared = sys.platform != "win32" and bool(path.parent.stat().st_mode & 0o2000)
    mode = 0o640 if shared else 0o600
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        os.chmod(tmp, mode)  # an old .tmp kept its mode: set it again
        handle.write(credential + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
