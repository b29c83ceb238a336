"""What the till's package leaves out of its venv, and how the rest is made small: the parts
of the wheels a till never loads, Qt's ICU data beyond the till's languages (icu_data.py),
debug symbols, and third-party Python sources (the package ships their bytecode only).

Each cut is checked where it could bite: tests/packaging/test_deb.py's ldd check proves every
shared object kept finds every library it needs and the installed till starts and passes
`kassa doctor`; test_icu_data.py proves the cut ICU data answers like the full data.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import icu_data

# Parts of the PySide6 wheel the till never loads (QML, Quick, Designer, WebEngine stubs,
# tools, headers). Paths relative to site-packages/PySide6; globs allowed. Dropping them takes
# the package from ~250 MB to about half; the ldd check in tests/packaging proves nothing kept
# needs anything dropped.
PYSIDE_PRUNE = [
    "*.pyi", "include", "typesystems", "glue", "scripts", "doc", "examples",
    "assistant", "designer", "linguist", "lrelease", "lupdate", "qmlformat", "qmllint", "qmlls",
    "qmlcachegen", "qmlimportscanner", "qmltyperegistrar", "rcc", "uic", "balsam*",
    "Qt/qml", "Qt/metatypes", "Qt/libexec", "Qt/resources",
    "Qt/plugins/designer", "Qt/plugins/qmllint", "Qt/plugins/qmltooling",
    "Qt/plugins/egldeviceintegrations", "Qt/plugins/wayland-*", "Qt/plugins/sqldrivers",
    "Qt/plugins/platforms/libqwayland*", "Qt/plugins/platforms/libqeglfs*",
    "Qt/plugins/platforms/libqlinuxfb*", "Qt/plugins/platforms/libqvnc*",
    "Qt/plugins/platforms/libqvkkhrdisplay*",
    "Qt/plugins/platformthemes/libqgtk3*",  # would need GTK 3 on a kiosk PC
    "Qt/plugins/tls/libqopensslbackend*",  # Python's ssl does our TLS
    "Qt/plugins/generic/libqtuiotouchplugin*",
    "Qt/lib/libQt6Qml*", "Qt/lib/libQt6Quick*", "Qt/lib/libQt6Designer*",
    "Qt/lib/libQt6Wayland*", "Qt/lib/libQt6LabsStyleKit*", "Qt/lib/libQt6Labs*",
    "Qt/lib/libQt6ShaderTools*", "Qt/lib/libQt6EglFs*", "Qt/lib/libQt6Help*",
    "Qt/lib/libQt6Test*", "Qt/lib/libQt6Sql*", "Qt/lib/libQt6UiTools*",
    "Qt/lib/libQt6Pdf*", "Qt/lib/libQt6VirtualKeyboard*", "Qt/lib/libQt6StateMachine*",
    "Qt/lib/libQt6Concurrent*", "Qt/lib/libQt6OpenGLWidgets*", "Qt/lib/libQt6PrintSupport*",
    "Qt/lib/libQt6Xml*", "Qt/lib/libQt6Network*",
    "QtQml*", "QtQuick*", "QtDesigner*", "QtHelp*", "QtTest*", "QtSql*", "QtUiTools*",
    "QtConcurrent*", "QtOpenGL*", "QtPrintSupport*", "QtXml*", "QtNetwork*",
    "Qt/plugins/networkinformation", "Qt/plugins/tls", "Qt/plugins/printsupport",
    *(f"Qt/plugins/imageformats/libq{name}.so" for name in ("tiff", "webp", "icns", "tga",
                                                             "wbmp", "pdf")),
    "svgtoqml", "libpyside6qml*", "Qt/lib/libQt6Lottie*", "Qt/lib/libQt6WlShell*",
    "Qt/lib/libQt6EglFS*", "support/generate_pyi.py", "lib/cmake",
]
# Qt's own translations: keep only the till's languages (Norwegian, Swedish, English).
QT_LANGUAGES = ("_nb", "_no", "_sv", "_en")
SITE_PRUNE = [
    # Image formats Pillow skips when their module is missing (receipt logos are PNG/BMP/JPEG).
    "PIL/_avif*.so", "pillow.libs/libavif*", "PIL/_webp*.so", "pillow.libs/libwebp*",
    "pillow.libs/libsharpyuv*", "PIL/_imagingtk*.so",
    # SQLAlchemy's own test harness and the dialects of databases a till never opens (the till
    # is SQLite; Alembic's operations import the PostgreSQL dialect, so it stays).
    "sqlalchemy/testing", "sqlalchemy/dialects/mysql", "sqlalchemy/dialects/oracle",
    "sqlalchemy/dialects/mssql", "alembic/testing", "alembic/templates",
    # python-stdnum's registries for numbers a till never checks (MAC vendors, mobile networks,
    # Chinese, Austrian and NZ places and banks, EU activity codes); EAN, GS1-128 and the
    # Norwegian numbers need none of them.
    "stdnum/oui.dat", "stdnum/imsi.dat", "stdnum/cn/loc.dat", "stdnum/at/postleitzahl.dat",
    "stdnum/nz/banks.dat", "stdnum/eu/nace*.dat",
    "tests",  # python-barcode installs its test outputs as a top-level package
    # lxml: the SAF-T export uses etree (and its XPath); not objectify, HTML, schematron, SAX,
    # nor the C headers for building against lxml.
    "lxml/objectify*.so", "lxml/html", "lxml/isoschematron", "lxml/sax*.so", "lxml/includes",
    "lxml/*.h", "lxml/*.pxd", "lxml/*.pyx",
    "pydantic/v1", "pydantic/mypy.py",  # pydantic 1's API, kept in 2 for old code; a mypy plugin
    "*.dist-info/RECORD",  # pip's uninstall list: nothing in the package runs pip
    "*.dist-info/sboms",  # platformdirs' build SBOM (0.5 MB); licences stay
]
# CLDR data for the languages a Nordic till formats money and dates in (Babel: 31 MB -> 3 MB).
# A locale's parents must stay too: nb and nn fall back to no, en_GB to en_001, all to root.
BABEL_LANGUAGES = {"root", "en", "nb", "nn", "no", "sv", "da", "fi"}

def prune(site: Path) -> None:
    """Everything above out of the venv's site-packages, in place."""
    pyside = site / "PySide6"
    for pattern in PYSIDE_PRUNE:
        for hit in pyside.glob(pattern):
            remove(hit)
    for qm in (pyside / "Qt/translations").glob("*.qm"):
        if not any(lang in qm.stem for lang in QT_LANGUAGES):
            qm.unlink()
    for pattern in SITE_PRUNE:
        for hit in site.glob(pattern):
            remove(hit)
    for data in (site / "babel/locale-data").glob("*.dat"):
        if data.stem.split("_")[0] not in BABEL_LANGUAGES:
            data.unlink()
    strip_symbols(site)
    cut_icu(pyside / "Qt/lib")


def strip_symbols(site: Path) -> None:
    """Debug symbols out of the wheels' shared objects, as dh_strip does for a Debian package
    (SQLAlchemy's Cython modules 29 -> 21 MB, cryptography 16 -> 13, Pillow 8 -> 5). Qt's
    libraries come stripped already. Without binutils' strip the package is only bigger."""
    strip = shutil.which("strip")
    if strip is None:
        return
    objects = [str(p) for p in site.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    for start in range(0, len(objects), 200):
        subprocess.run([strip, "--strip-unneeded", *objects[start:start + 200]],
                       check=False, capture_output=True)


def cut_icu(qt_lib: Path) -> None:
    """ICU's data for the till's languages only (icu_data.py); without ICU's tools the full
    data stays and the package is ~27 MB bigger."""
    for library in qt_lib.glob("libicudata.so.*[0-9]"):
        if library.is_symlink():
            continue
        try:
            before, after = icu_data.cut(library)
        except icu_data.IcuToolsMissing as missing:
            print(f"build_deb: {missing}; keeping Qt's full ICU data", file=sys.stderr)
            return
        print(f"build_deb: ICU data {before // 2**20} -> {after // 2**20} MB", file=sys.stderr)


def sourceless(site: Path, compile_tree: Callable[..., None], keep: set[str]) -> None:
    """Third-party packages as bytecode only (`x.pyc` beside where `x.py` was, which Python
    imports without a source): their sources are 21 MB of the package. Tracebacks through them
    still name the file and line, without the line's text; our own packages keep theirs.
    `keep`: top-level names whose sources stay (pip runs its hook files as scripts)."""
    compile_tree(site, legacy=True)
    for source in site.rglob("*.py"):
        if source.relative_to(site).parts[0] not in keep and source.with_suffix(".pyc").is_file():
            source.unlink()
    for cache in list(site.rglob("__pycache__")):
        shutil.rmtree(cache)


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()
