"""The config half of `kassa setup`: the till's TOML with the keys the command was given.

An existing file is IT's and is kept: keys it lacks are added (comments and layout stay, via
tomlkit), but a key it already has with another value is changed only with --force, and then
the old file is kept beside it as till.toml.bak. A new file starts from --template (the
chain's standard till.toml) or from --company-name/--org-no. Whatever is written is first
validated as a whole by pos.app.config.parse_config, so a config the till would refuse is
never written.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import Table

from pos.app.config import ConfigError, TillConfig, parse_config

# Keys that only say where things are: a changed value is taken without --force.
TAKEN_WITHOUT_FORCE = frozenset({("hub", "credential_ref")})


class SetupConfigError(Exception):
    """A config problem, with what to do; the file on disk was not changed."""


@dataclass
class ConfigPlan:
    path: Path
    text: str  # the whole new file
    existed: bool
    added: list[str] = field(default_factory=list)  # "till.store_id", ...
    changed: list[str] = field(default_factory=list)  # with --force only
    config: TillConfig | None = None

    @property
    def unchanged(self) -> bool:
        return self.existed and not self.added and not self.changed


def _document(path: Path, template: Path | None) -> tuple[Any, bool]:
    source = path if path.exists() else template
    if source is None:
        doc = tomlkit.document()
        doc.add(tomlkit.comment(f"Written by kassa setup on {datetime.now(UTC):%Y-%m-%d}; "
                                "every key: till.toml.example (resources/config/example.toml)"))
        return doc, False
    try:
        text = source.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise SetupConfigError(f"{source} cannot be read ({exc.strerror}); nothing was "
                               "changed") from None
    try:
        parse_config(text, source)  # an unknown key, a bad value: said with its line
    except ConfigError as error:
        where = "the template" if source != path else "the existing config"
        raise SetupConfigError(f"{error}\n{where} {source} has the problem above: correct it "
                               "and run kassa setup again; nothing was changed") from None
    return tomlkit.parse(text), source == path


def plan_config(path: Path, wanted: dict[str, dict[str, Any]], *, template: Path | None = None,
                force: bool = False, fill: dict[str, Any] | None = None) -> ConfigPlan:
    """The new text: `wanted` ({"till": {"store_id": "S1"}, "hub": {...}}) set in the file.
    `fill`: [till] keys set only where the file has none (stand-ins, to validate early).
    Raises SetupConfigError for a conflict without --force or a config that would not load."""
    doc, existed = _document(path, template)
    plan = ConfigPlan(path, "", existed)
    if fill:
        wanted = {**wanted, "till": {**{k: v for k, v in fill.items()
                                        if k not in doc.get("till", {})}, **wanted["till"]}}
    conflicts = []
    for table_name, values in wanted.items():
        if table_name not in doc:
            doc.add(table_name, tomlkit.table())
        table: Table = doc[table_name]  # type: ignore[assignment]
        for key, value in values.items():
            name = f"{table_name}.{key}"
            if key not in table:
                table[key] = value
                plan.added.append(name)
            elif table[key] != value:
                if not force and existed and (table_name, key) not in TAKEN_WITHOUT_FORCE:
                    conflicts.append(f'  {name} is {_show(table[key])} in {path}; the command '
                                     f"says {_show(value)}")
                    continue
                table[key] = value
                plan.changed.append(name)
    if conflicts:
        raise SetupConfigError(
            "the existing config says otherwise:\n" + "\n".join(conflicts) + "\nrun again with "
            f"--force to change it (the current file is kept as {path.name}.bak), or leave "
            "those options out; nothing was changed")
    if "company_name" not in doc.get("till", {}):  # a new file without the company
        raise SetupConfigError(
            f"{path} does not exist yet, and a new config needs the company the receipts name: "
            "give --company-name NAME --org-no ORGNR, or --template FILE (the chain's "
            "till.toml); nothing was written")
    plan.text = tomlkit.dumps(doc)
    try:
        plan.config = parse_config(plan.text, path)
    except ConfigError as error:
        raise SetupConfigError(f"{error}\nthe options above give a config the till would "
                               "refuse; nothing was written") from None
    return plan


def _show(value: Any) -> str:
    return repr(value.unwrap() if hasattr(value, "unwrap") else value)


def write_config(plan: ConfigPlan) -> None:
    """Atomically, the old file kept as .bak when a value changed; mode and owner kept."""
    path = plan.path
    if plan.unchanged:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".new")
    with partial.open("w", encoding="utf-8") as handle:
        handle.write(plan.text)
        handle.flush()
        os.fsync(handle.fileno())
    if plan.existed:
        with contextlib.suppress(OSError):
            shutil.copymode(path, partial)
            stat = path.stat()
            os.chown(partial, stat.st_uid, stat.st_gid)
        if plan.changed:
            shutil.copy2(path, path.with_name(path.name + ".bak"))
    os.replace(partial, path)
