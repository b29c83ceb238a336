"""Qt's ICU data cut down to the till's languages: 32 MB -> about 4 MB of the package.

libQt6Core links ICU, whose data library (libicudata.so.NN) is one symbol, icudtNN_dat, holding
ICU's common data package: locale data for ~800 locales, ~200 legacy charset converters,
dictionaries for Chinese, Japanese, Thai, Lao, Burmese and Khmer word breaking, transliterators.
A Nordic till formats, sorts and breaks Norwegian, Swedish, Danish, Finnish and English text;
it never converts to EBCDIC in Qt (receipts are encoded for the printer in Python).

So the build takes that package out of the library, drops the rest with ICU's own `icupkg -r`
(Debian: icu-devtools), and links the remainder back into a library with the same soname and
symbol, which libicuuc then opens as before. ICU's data format is stable across versions; the
package still answers for every item it keeps. Text outside those languages degrades the way
ICU documents for missing data: root rules (for example, Thai lines break at spaces only).

tests/packaging/test_icu_data.py runs the same Qt text probe (sorting æøå, casing, word and
line breaks, Oslo's time zone, number and date formats) against the full and the cut library
and expects identical answers.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

# Locales kept in every tree (locales, coll, brkitr, curr, lang, region, unit, zone, rbnf);
# a locale's parents stay with it: nb/nn fall back to no, en_GB to en_001 -> en -> root.
LANGUAGES = {"root", "en", "nb", "nn", "no", "sv", "da", "fi", "se"}
# Kinds of item dropped whatever their locale: charset converters, CJK/SE-Asian dictionaries,
# transliterators.
DROPPED_SUFFIXES = (".cnv", ".dict")
DROPPED_TREES = ("translit/",)
# A locale's resource bundle: "nb_NO.res", "coll/sv.res", "zone/en_001.res". Anything else
# (res_index.res, pool.res, supplementalData.res, zoneinfo64.res, ucadata.icu, *.brk ...) is
# data every locale shares and stays.
LOCALE_BUNDLE = re.compile(r"(?:[a-z]+/)?(?P<language>[a-z]{2,3})(?:_[A-Za-z0-9]*)*\.res")
SHARED_BUNDLES = {"res_index.res"}


class IcuToolsMissing(RuntimeError):
    pass


def keep(item: str) -> bool:
    """Whether an item of ICU's data package ("coll/nb.res", "ibm-37_P100-1995.cnv") stays."""
    if item.endswith(DROPPED_SUFFIXES) or item.startswith(DROPPED_TREES):
        return False
    if item.rsplit("/", 1)[-1] in SHARED_BUNDLES:
        return True
    bundle = LOCALE_BUNDLE.fullmatch(item)
    return bundle is None or bundle["language"] in LANGUAGES


def _tools() -> dict[str, str]:
    tools = {name: shutil.which(name) for name in ("icupkg", "objcopy", "cc")}
    missing = sorted(name for name, path in tools.items() if path is None)
    if missing:
        raise IcuToolsMissing(f"cutting ICU's data needs {', '.join(missing)} "
                              "(Debian: icu-devtools binutils gcc)")
    return {name: str(path) for name, path in tools.items()}


def _names(library: Path) -> tuple[str, str]:
    """The package's symbol and file name for libicudata.so.73: icudt73_dat, icudt73l.dat
    (icupkg takes the items' prefix from the file name, so the name matters)."""
    major = library.name.rsplit(".so.", 1)[1].split(".")[0]
    return f"icudt{major}_dat", f"icudt{major}l.dat"


def _remove(icupkg: str, drop: Path, full: Path, small: Path) -> None:
    """icupkg -r, refusing to break any dependency but the dictionaries' (root's break rules
    name them; without one ICU breaks that script by its rules alone)."""
    checked = subprocess.run([icupkg, "-r", str(drop), str(full), str(small)],
                             capture_output=True, text=True)
    if checked.returncode == 0:
        return
    missing = set(re.findall(r"depends on missing item (\S+)", checked.stderr))
    if not missing or not all(item.endswith(".dict") for item in missing):
        raise RuntimeError(f"icupkg -r failed: {checked.stderr.strip()[-2000:]}")
    small.unlink(missing_ok=True)
    subprocess.run([icupkg, "--ignore-deps", "-r", str(drop), str(full), str(small)],
                   check=True, capture_output=True)


def cut(library: Path) -> tuple[int, int]:
    """Replace `library` (libicudata.so.NN) with one holding only what keep() keeps.
    Returns the data package's size before and after, in bytes."""
    tools = _tools()
    symbol, package = _names(library)
    with tempfile.TemporaryDirectory(prefix="kassa-icu-") as tmp:
        work = Path(tmp)
        (work / "full").mkdir()
        (work / "small").mkdir()
        full, small = work / "full" / package, work / "small" / package
        # The library is the package and nothing else: its .rodata is the symbol's bytes.
        subprocess.run([tools["objcopy"], "-O", "binary", "--only-section=.rodata",
                        str(library), str(full)], check=True)
        listed = subprocess.run([tools["icupkg"], "-l", str(full)], check=True,
                                capture_output=True, text=True).stdout.split()
        dropped = [item for item in listed if not keep(item)]
        (work / "drop.txt").write_text("\n".join(dropped) + "\n")
        _remove(tools["icupkg"], work / "drop.txt", full, small)
        (work / "data.S").write_text(
            "\t.section .rodata\n\t.balign 16\n"
            f"\t.globl {symbol}\n\t.type {symbol}, @object\n{symbol}:\n"
            f'\t.incbin "{small}"\n\t.size {symbol}, . - {symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n')
        built = work / library.name
        subprocess.run([tools["cc"], "-shared", "-nostdlib", f"-Wl,-soname,{library.name}",
                        "-o", str(built), str(work / "data.S")], check=True)
        before, after = full.stat().st_size, small.stat().st_size
        library.unlink()  # a new file, never an in-place write: it may be a hard link
        shutil.copy2(built, library)
    return before, after
