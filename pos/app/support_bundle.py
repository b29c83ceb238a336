"""`kassa support-bundle`: one zip for the helpdesk, safe to mail.

    logs/            the rotating log files (pos.app.logs), secrets masked
    config.toml      the till's config with secrets removed (pos.app.redact)
    doctor.txt/.json `kassa doctor`'s table and JSON
    versions.json    Kassa, Python, Qt, the OS and every installed package
    database.json    migration revision, row counts, outbox per register (read-only; a
                     database the till holds locked says "locked" instead of waiting)
    README.txt       what is in it, what is not

Never in it: the database itself, the fiscal signing key, the hub credential, PINs. What is
only referred to by path or keystore name (private_key, credential_ref) stays a reference.
"""

from __future__ import annotations

import contextlib
import json
import platform
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pos.app.logs import log_dirs
from pos.app.redact import redact_config, redact_text

MAX_LOG_BYTES = 5 * 1024 * 1024  # per file: the newest part of a runaway log
README = """Kassa support bundle, made {made} on {host}.
config.toml: the till's config, secrets removed. doctor.*: kassa doctor's verdicts.
versions.json, database.json: what is installed; the database's revision and outbox.
logs/: the log files, credentials and passwords masked.
Not included: the database, the fiscal signing key, the hub credential, PINs.
{notes}"""


def write_bundle(config_path: Path | None, out: Path | None = None) -> Path:
    made = datetime.now(UTC)
    out = out or Path.cwd() / f"kassa-support-{made:%Y%m%dT%H%M%SZ}.zip"
    notes: list[str] = []
    config = _load(config_path, notes)
    summary = _database(config, notes)
    known = _known_secrets(config, summary)
    partial = out.with_name(out.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        if config_path is not None:
            try:
                text = config_path.read_text(encoding="utf-8-sig")
                bundle.writestr("config.toml", redact_config(text, known))
            except OSError as error:
                notes.append(f"config {config_path}: {error}")
            _add_doctor(bundle, config_path, notes, known)
        bundle.writestr("versions.json", _json(versions()))
        if summary is not None:
            bundle.writestr("database.json", redact_text(_json(summary), known))
        for name, text in _logs():
            bundle.writestr(f"logs/{name}", redact_text(text, known))
        bundle.writestr("README.txt", README.format(
            made=f"{made:%Y-%m-%d %H:%M:%S} UTC", host=platform.node(),
            notes="\n".join(f"note: {redact_text(n, known)}" for n in notes)))
    partial.replace(out)
    return out


def _load(path: Path | None, notes: list[str]) -> Any:
    if path is None:
        notes.append("no --config given: no config, doctor or database in this bundle")
        return None
    from pos.app.config import ConfigError, load_config

    try:
        return load_config(path)
    except ConfigError as error:
        notes.append(f"config not valid: {error}")
        return None


def _database(config: Any, notes: list[str]) -> dict[str, Any] | None:
    if config is None:
        return None
    from pos.app.bootstrap import data_dir_of
    from pos.store.summary import summarise

    summary = summarise(data_dir_of(config) / "till.db")
    if summary.get("locked"):
        notes.append("the database was locked by a running till: database.json says so")
    return summary


def _known_secrets(config: Any, summary: dict[str, Any] | None) -> list[str]:
    """The secrets this till holds, to mask wherever they might appear (read, never added)."""
    known: list[str] = []
    refs = [(summary or {}).get("hub_link", {}).get("credential_ref")]
    if config is not None and config.hub is not None:
        from pos.app.bootstrap import data_dir_of

        refs.append(config.hub.credential_ref_for(data_dir_of(config)))
    from pos.app.setup_secrets import read_credential_ref

    for ref in filter(None, refs):
        with contextlib.suppress(OSError):
            known.append(read_credential_ref(ref))
    if config is not None:
        from pos.app.fiscal import read_key_text
        from pos.reports.signing import KeyProblem

        try:
            material = read_key_text(config.fiscal.model_copy(update={"demo_key": False}))
            known += [line for line in material.decode(errors="replace").splitlines()
                      if len(line) >= 16 and not line.startswith("-----")]
        except (KeyProblem, OSError):
            pass
    return known


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, default=str)


def _add_doctor(bundle: zipfile.ZipFile, path: Path, notes: list[str],
                known: list[str]) -> None:
    from pos.app.doctor import run_checks, table

    try:
        checks = run_checks(path)
    except Exception as error:  # the bundle is for exactly the tills where things break
        notes.append(f"kassa doctor failed: {type(error).__name__}: {error}")
        return
    bundle.writestr("doctor.txt", redact_text(table(checks), known) + "\n")
    bundle.writestr("doctor.json", redact_text(_json([c.as_dict() for c in checks]), known))


def _logs() -> list[tuple[str, str]]:
    found = []
    for directory in log_dirs():
        for path in sorted(directory.glob("kassa*.log*")) if directory.is_dir() else ():
            try:
                with path.open("rb") as handle:
                    size = path.stat().st_size
                    handle.seek(max(0, size - MAX_LOG_BYTES))
                    text = handle.read().decode("utf-8", errors="replace")
            except OSError:
                continue
            label = directory.name if directory.name not in ("log", "Logs") else "user"
            found.append((f"{label}-{path.name}", text))
    return found


def versions() -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, distributions, version

    try:
        kassa = version("kassa")
    except PackageNotFoundError:
        kassa = "0+unknown"
    info: dict[str, Any] = {
        "kassa": kassa, "python": sys.version, "executable": sys.executable,
        "os": platform.platform(), "machine": platform.machine(),
    }
    info["qt"] = _qt_version()
    try:
        from pos.store.migrations import HEAD_REVISION

        info["schema_head"] = HEAD_REVISION
    except Exception:
        pass
    info["packages"] = sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions()
                              if d.metadata["Name"])
    return info


def _qt_version() -> str:
    """Qt's own version, asked of a child process: pos.app never imports Qt, and a till whose
    Qt libraries do not load is exactly what the helpdesk must see."""
    import subprocess

    if getattr(sys, "frozen", False):  # kassa.exe is no interpreter: the packaged version
        from importlib.metadata import PackageNotFoundError, version

        try:
            return f"PySide6 {version('PySide6-Essentials')} (frozen)"
        except PackageNotFoundError:
            return "frozen build; version unknown"
    probe = "from PySide6 import QtCore, __version__ as v; print(QtCore.qVersion(), v)"
    try:
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                              timeout=20)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"not asked: {error}"
    if done.returncode != 0:
        return f"not loadable: {done.stderr.strip().splitlines()[-1:]}"
    qt, pyside = done.stdout.split()
    return f"{qt} (PySide6 {pyside})"
