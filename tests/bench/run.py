"""Run the benchmarks: python tests/bench/run.py [--quick] [--only NAME ...] [--out FILE].

Finds every function registered with @benchmark in tests/bench/bench_*.py, runs each, and
prints one JSON object per result line (see DESIGN.md "Benchmarks" and common.py). A missed goal
is `"met": false`; a benchmark that raises (or a module that fails to import) is one line with
"error" and the others still run. The exit status is 0 unless the command line is wrong or
--only names nothing that exists (2), so a typo does not pass silently as an empty run.
"""

from __future__ import annotations

import argparse
import fnmatch
import functools
import importlib.util
import json
import os
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
for entry in (str(ROOT), str(HERE)):
    if entry not in sys.path:
        sys.path.insert(0, entry)

import common  # noqa: E402  (needs the sys.path above)

# One module under both names, so `from common import` and `from tests.bench.common import`
# (or `from .common import`) in a bench file give the same functions.
sys.modules.setdefault("tests.bench.common", common)


Registered = tuple[dict[str, str], Callable[[bool], Any]]


def discover(directory: Path = HERE) -> tuple[list[Registered], list[dict[str, Any]]]:
    """Benchmarks in file then definition order, and error lines for modules that did not
    import.

    A module's @benchmark functions are its benchmarks. A module with none but a `main()`
    is a standalone script following the same JSON-line contract: it is run as
    `python FILE [--quick]` in its own process and its lines are passed on, under the name
    of the file without "bench_" (so --only store runs bench_store.py).
    """
    found: list[Registered] = []
    broken: list[dict[str, Any]] = []
    for path in sorted(directory.glob("bench_*.py")):
        try:
            module = _import(path)
        except Exception as exc:
            traceback.print_exc(file=sys.stderr)
            broken.append(common.error_result(path.stem, "", "", exc))
            continue
        funcs = [
            value
            for value in vars(module).values()
            if callable(value)
            and hasattr(value, common.ATTRIBUTE)
            and getattr(value, "__module__", None) == module.__name__  # not re-exported ones
        ]
        funcs.sort(key=lambda f: getattr(getattr(f, "__code__", None), "co_firstlineno", 0))
        found.extend((getattr(f, common.ATTRIBUTE), f) for f in funcs)
        if not funcs and callable(getattr(module, "main", None)):
            meta = {"name": path.stem.removeprefix("bench_"), "goal": "", "unit": ""}
            found.append((meta, functools.partial(run_script, path)))
        elif not funcs:
            print(f"run.py: {path.name} registers no @benchmark and has no main()", file=sys.stderr)
    return found, broken


def run_script(path: Path, quick: bool) -> list[dict[str, Any]]:
    """Run a standalone bench script in its own process; its JSON lines are its results."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    command = [sys.executable, str(path), *(["--quick"] if quick else [])]
    done = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    lines = []
    for raw in done.stdout.splitlines():
        try:
            line = json.loads(raw)
        except ValueError:
            line = None
        if isinstance(line, dict) and "name" in line:
            lines.append(common.complete(line))
        elif raw.strip():
            print(raw, file=sys.stderr)  # not a result: pass it on as a message
    if done.returncode != 0:
        failure = RuntimeError(f"{path.name} exited with status {done.returncode}")
        lines.append(common.error_result(path.stem.removeprefix("bench_"), "", "", failure))
    return lines


def _import(path: Path) -> ModuleType:
    # As part of the tests.bench package where there is one, so relative imports work too.
    if path.parent == HERE and (HERE / "__init__.py").exists():
        return importlib.import_module(f"tests.bench.{path.stem}")
    name = path.stem
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def selected(name: str, patterns: list[str] | None) -> bool:
    """--only takes a benchmark name, a glob ("store_*"), or the name of one of its result
    lines ("sqlite_fsync_insert_p99_ms" selects "sqlite_fsync_insert")."""
    if not patterns:
        return True
    return any(fnmatch.fnmatchcase(name, p) or p.startswith(name + "_") for p in patterns)


def run_one(meta: dict[str, str], func: Callable[[bool], Any], quick: bool) -> list[dict[str, Any]]:
    try:
        with common.defaults(meta["goal"], meta["unit"]):
            produced = func(quick)
        lines = produced if isinstance(produced, list) else [produced]
        for line in lines:
            if not isinstance(line, dict) or "name" not in line:
                raise TypeError(f"{meta['name']} returned {line!r}, not a result() dict")
        return lines
    except Exception as exc:
        traceback.print_exc(file=sys.stderr)
        return [common.error_result(meta["name"], meta["goal"], meta["unit"], exc)]


def emit(line: dict[str, Any], outputs: list[TextIO]) -> None:
    text = json.dumps(line, ensure_ascii=False)
    for out in outputs:
        out.write(text + "\n")
        out.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, under a minute")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="benchmark names or globs")
    parser.add_argument("--out", type=Path, help="also write the JSON lines to this file")
    parser.add_argument("--list", action="store_true", help="list benchmarks and exit")
    args = parser.parse_args(argv)

    benches, broken = discover()
    if args.list:
        for meta, _func in benches:
            print(f"{meta['name']}\t{meta['goal']}\t{meta['unit']}")
        return 0
    chosen = [(m, f) for m, f in benches if selected(m["name"], args.only)]
    if args.only and not chosen:
        names = ", ".join(m["name"] for m, _ in benches) or "none"
        print(f"run.py: --only matched no benchmark (have: {names})", file=sys.stderr)
        return 2

    outputs: list[TextIO] = [sys.stdout]
    out_file = args.out.open("w", encoding="utf-8") if args.out else None
    if out_file is not None:
        outputs.append(out_file)
    try:
        if not args.only:
            for line in broken:
                emit(line, outputs)
        for meta, func in chosen:
            started = time.monotonic()
            print(f"run.py: {meta['name']} ...", file=sys.stderr, flush=True)
            for line in run_one(meta, func, args.quick):
                emit(line, outputs)
            print(
                f"run.py: {meta['name']} done in {time.monotonic() - started:.1f} s",
                file=sys.stderr,
                flush=True,
            )
    finally:
        if out_file is not None:
            out_file.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
