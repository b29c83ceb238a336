#!/usr/bin/env python3
"""Build the till's Debian package: a self-contained venv under /opt/kassa, built with the
Debian Python it will run on (python3.11 on Debian 12), plus the files a store PC needs.

    python3 packaging/deb/build_deb.py --out dist/            # kassa_<version>-1_amd64.deb

Why a venv rather than PyInstaller on Linux: see packaging/README.md. The build needs
python3.11 with its venv module (Debian: python3.11-venv) and dpkg-deb, but not root
(dpkg-deb --root-owner-group makes the packaged files root's), and never writes into the
source tree (the source is copied to a scratch directory before pip builds its wheel).

Used as a module by tests/packaging: stage() once, pack() as many versions as needed.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # venv_prune, icu_data: also when loaded by path from tests
import venv_prune  # noqa: E402

PACKAGING = HERE.parent
REPO = PACKAGING.parent
PREFIX = "/opt/kassa"
VENV = f"{PREFIX}/venv"
PYTHON = "/usr/bin/python3.11"  # Debian 12's; the venv's binary wheels are for this minor

# Native libraries the bundled Qt (PySide6 wheel), pyusb and Python's own modules open.
# tests/packaging checks, in a clean Debian 12 root, that every shared object we ship finds
# every library it needs: a missing entry here fails that test rather than a store PC.
DEPENDS = [
    "python3.11",
    "libegl1", "libgl1", "libopengl0", "libglib2.0-0", "libfontconfig1", "libfreetype6",
    "libdbus-1-3", "libxkbcommon0", "libxkbcommon-x11-0", "libx11-6", "libx11-xcb1",
    "libxcb1", "libxcb-cursor0", "libxcb-glx0", "libxcb-icccm4", "libxcb-image0",
    "libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0", "libxcb-render0",
    "libxcb-shape0", "libxcb-shm0", "libxcb-sync1", "libxcb-util1", "libxcb-xfixes0",
    "libxcb-xinerama0", "libxcb-xkb1", "libxrender1",
    "libusb-1.0-0",  # pyusb's backend: USB printers, HID POS scanners
    "fonts-dejavu-core",  # receipts and the screen need a font with æøå äö €
    "adduser",  # postinst: the kassa group
]
RECOMMENDS = ["udev"]

# Declared in pyproject for the hub (issue 5), never imported by the till: the till package
# leaves them out (the hub ships as its own image). Names as in pyproject, lower case.
HUB_ONLY = {"fastapi", "uvicorn", "sse-starlette", "psycopg"}
# Build tools: needed to install Kassa into the venv, removed before packing.
TOOLS = ["pip", "pip-*.dist-info", "setuptools", "setuptools-*.dist-info", "pkg_resources",
         "wheel", "wheel-*.dist-info", "_distutils_hack", "distutils-precedence.pth"]
OUR_PACKAGES = ("pos", "drivers", "sync", "resources")


def project_version() -> str:
    with (REPO / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def run(*cmd: str | Path, **kwargs: object) -> None:
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)  # type: ignore[call-overload]


def copy_source(dest: Path) -> Path:
    """The repo without tests, caches and venvs: pip builds its wheel there, not in our tree."""
    ignore = shutil.ignore_patterns(
        ".git", ".venv", "tests", "build", "dist", "*.egg-info", "__pycache__", "*.pyc",
        ".*_cache", ".hypothesis", "packaging", "docs", "hub", "integrations", "medusa",
        "*.ts",  # translation sources (resources/i18n): the till loads the compiled .qm
    )
    shutil.copytree(REPO, dest, ignore=ignore)
    return dest


def till_dependencies() -> list[str]:
    """pyproject's dependencies without the hub's."""
    with (REPO / "pyproject.toml").open("rb") as fh:
        deps: list[str] = tomllib.load(fh)["project"]["dependencies"]
    name = re.compile(r"[A-Za-z0-9._-]+")
    return [d for d in deps if name.match(d).group(0).lower() not in HUB_ONLY]  # type: ignore[union-attr]


def _deps_key() -> str:
    """What the venv's third-party part depends on: the Python, the till's dependencies and
    what is pruned from them."""
    py = subprocess.run([PYTHON, "-VV"], capture_output=True, text=True, check=True).stdout
    pruning = [(HERE / name).read_bytes() for name in ("venv_prune.py", "icu_data.py")]
    key = repr((sorted(till_dependencies()), py, pruning)).encode()
    return hashlib.sha256(key).hexdigest()[:16]


def make_deps_venv(venv: Path) -> None:
    """A venv with the till's dependencies, pruned and byte-compiled for its installed path,
    plus the tools to install Kassa into it (removed later by strip_tools)."""
    run(PYTHON, "-m", "venv", venv)
    pip = [venv / "bin/python", "-m", "pip", "install", "-q", "--no-compile",
           "--disable-pip-version-check"]
    run(*pip, "--upgrade", "pip", "setuptools>=68", "wheel")
    run(*pip, *till_dependencies())
    site = next((venv / "lib").glob("python3.*/site-packages"))
    venv_prune.prune(site)
    venv_prune.sourceless(site, lambda *trees, legacy: compile_for_install(
        venv, *trees, legacy=legacy), keep={"pip", "setuptools", "wheel", "pkg_resources",
                                             "_distutils_hack"})


def build_venv(venv: Path, source: Path, cache: Path | None) -> None:
    """Create the venv at `venv` (a staging path) with Kassa and the till's dependencies.

    With `cache`, the dependencies' venv (the slow part: PySide6 alone is an 80 MB wheel) is
    made once per dependency set and hard-linked from there (copied across file systems);
    nothing below writes into a linked file in place. Kassa itself is always installed fresh."""
    if cache is None:
        make_deps_venv(venv)
    else:
        cached = cache / f"venv-{_deps_key()}"
        with (cache / ".venv-lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # parallel builds (pytest-xdist) make it once
            if not cached.is_dir():
                tmp = cached.with_name(cached.name + ".tmp")
                shutil.rmtree(tmp, ignore_errors=True)
                make_deps_venv(tmp)
                tmp.rename(cached)  # only a finished venv gets the name
        os.utime(cached)  # "last used": the cache keeps the two most recent
        _link_tree(cached, venv)
        finished = [p for p in cache.glob("venv-*") if ".tmp" not in p.name]
        for stale in sorted(finished, key=lambda p: p.stat().st_mtime)[:-2]:
            shutil.rmtree(stale, ignore_errors=True)
    run(venv / "bin/python", "-m", "pip", "install", "-q", "--no-compile", "--no-deps",
        "--no-build-isolation", "--disable-pip-version-check", source)
    site = next((venv / "lib").glob("python3.*/site-packages"))
    compile_for_install(venv, *(site / name for name in OUR_PACKAGES))
    strip_tools(venv)


def _link_tree(src: Path, dest: Path) -> None:
    def link(a: str, b: str) -> None:
        try:
            os.link(a, b)
        except OSError:  # another file system
            shutil.copy2(a, b)

    shutil.copytree(src, dest, symlinks=True, copy_function=link)


def strip_tools(venv: Path) -> None:
    """No pip, no activate scripts, no dependency command-line tools: `kassa` and python."""
    site = next((venv / "lib").glob("python3.*/site-packages"))
    for pattern in TOOLS:
        for hit in site.glob(pattern):
            venv_prune.remove(hit)
    for script in (venv / "bin").iterdir():
        if not script.name.startswith(("python", "kassa")):
            script.unlink()


def compile_for_install(venv: Path, *trees: Path, legacy: bool = False) -> None:
    """Byte-compile with the installed paths in tracebacks. The pycs ship in the package:
    nothing is written under /opt at run time, and the first start is as fast as the next.
    `legacy`: x.pyc beside x.py (for a tree shipped without sources), not in __pycache__."""
    run(venv / "bin/python", "-m", "compileall", "-q", "-j", "0", *(["-b"] if legacy else []),
        "-s", venv, "-p", VENV, *trees, stdout=subprocess.DEVNULL)


def relocate(venv: Path) -> None:
    """Point the venv's scripts and pyvenv.cfg at its installed path (new files, never an
    in-place write: they may be hard links into the cache)."""
    for script in (venv / "bin").iterdir():
        if script.is_symlink() or not script.is_file():
            continue
        first, _, rest = script.read_bytes().partition(b"\n")
        if first.startswith(b"#!") and b"python" in first:
            _replace(script, f"#!{VENV}/bin/python\n".encode() + rest)
    cfg = venv / "pyvenv.cfg"
    lines = [ln for ln in cfg.read_text().splitlines() if not ln.startswith("command")]
    _replace(cfg, ("\n".join(lines) + "\n").encode())


def _replace(path: Path, data: bytes) -> None:
    mode = path.stat().st_mode
    tmp = path.with_name(path.name + ".new")
    tmp.write_bytes(data)
    tmp.chmod(mode)
    tmp.replace(path)


def install_files(root: Path) -> None:
    linux = PACKAGING / "linux"
    icons = PACKAGING / "icons"
    files = {
        linux / "kassa": "usr/bin/kassa",
        linux / "kassa-kiosk": "usr/sbin/kassa-kiosk",
        linux / "kassa.desktop": "usr/share/applications/kassa.desktop",
        linux / "kassa-autostart.desktop": "usr/share/kassa/autostart/kassa.desktop",
        linux / "60-kassa-pos-devices.rules": "lib/udev/rules.d/60-kassa-pos-devices.rules",
        REPO / "resources/config/example.toml": "usr/share/kassa/till.example.toml",
        icons / "kassa.svg": "usr/share/icons/hicolor/scalable/apps/kassa.svg",
        icons / "kassa-256.png": "usr/share/icons/hicolor/256x256/apps/kassa.png",
        PACKAGING / "README.md": "usr/share/doc/kassa/README.packaging.md",
    }
    for src, rel in files.items():
        dest = root / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest)
        dest.chmod(0o755 if rel.startswith(("usr/bin", "usr/sbin")) else 0o644)


def stage(work: Path, venv_cache: Path | None = None) -> Path:
    """The package's file tree (without DEBIAN/), under work/root."""
    root = work / "root"
    source = copy_source(work / "src")
    venv = root / VENV.lstrip("/")
    venv.parent.mkdir(parents=True)
    build_venv(venv, source, venv_cache)
    relocate(venv)
    install_files(root)
    return root


def control(version: str, size_kb: int) -> str:
    return (
        "Package: kassa\n"
        f"Version: {version}\n"
        "Architecture: amd64\n"
        "Maintainer: Kassa <it@kassa.invalid>\n"
        f"Installed-Size: {size_kb}\n"
        f"Depends: {', '.join(DEPENDS)}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Homepage: https://kassa.invalid\n"
        "Description: Kassa point-of-sale till\n"
        " The Kassa checkout: receipt printers, scanners, drawers and scales through\n"
        " pluggable drivers, every sale kept durably on the till. Self-contained under\n"
        " /opt/kassa; till data in /var/lib/kassa (kept on remove, deleted on purge).\n"
    )


def installed_kb(root: Path) -> int:
    return sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir()) // 1024 + 1


def pack(root: Path, version: str, out: Path, compression: str = "xz") -> Path:
    """Write DEBIAN/ for `version` into `root` and build the .deb into `out`."""
    debian = root / "DEBIAN"
    shutil.rmtree(debian, ignore_errors=True)
    debian.mkdir()
    (debian / "control").write_text(control(version, installed_kb(root)))
    for script in ("postinst", "prerm", "postrm"):
        shutil.copy2(HERE / script, debian / script)
        (debian / script).chmod(0o755)
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"kassa_{version}_amd64.deb"
    level = {"xz": "-z6", "gzip": "-z1", "zstd": "-z3", "none": "-z0"}[compression]
    run("dpkg-deb", "--root-owner-group", f"-Z{compression}", level, "--build", root, deb,
        stdout=subprocess.DEVNULL)
    return deb


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("--out", type=Path, default=REPO / "dist")
    args.add_argument("--version", help="Debian version (default: pyproject's version + -1)")
    args.add_argument("--compression", choices=["xz", "gzip", "zstd", "none"], default="xz")
    args.add_argument("--venv-cache", type=Path, help="reuse the dependencies' venv from here")
    opts = args.parse_args(argv)
    if not Path(PYTHON).exists() or shutil.which("dpkg-deb") is None:
        print(f"build_deb: needs {PYTHON} (apt-get install python3.11-venv) and dpkg-deb",
              file=sys.stderr)
        return 2
    version = opts.version or f"{project_version()}-1"
    if not re.fullmatch(r"[0-9][A-Za-z0-9.+~-]*", version):
        print(f"build_deb: {version!r} is not a Debian version", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kassa-deb-") as tmp:
        root = stage(Path(tmp), opts.venv_cache)
        deb = pack(root, version, opts.out.resolve(), opts.compression)
    print(deb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
