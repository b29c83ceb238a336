"""The package's cut ICU data (packaging/deb/icu_data.py) answers every Nordic and English text
question exactly as Qt's full data does, and is a sixth of its size."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6 import QtCore

REPO = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("qt_text_probe.py")


def icu_data() -> ModuleType:
    spec = importlib.util.spec_from_file_location("icu_data", REPO / "packaging/deb/icu_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("item", "kept"), [
    ("coll/nb.res", True), ("coll/sv.res", True), ("nb_NO.res", True), ("curr/en_001.res", True),
    ("zone/fi.res", True), ("brkitr/word_fi_sv.brk", True), ("coll/ucadata.icu", True),
    ("res_index.res", True), ("coll/res_index.res", True), ("zoneinfo64.res", True),
    ("pool.res", True), ("root.res", True), ("supplementalData.res", True),
    ("coll/zh.res", False), ("de.res", False), ("coll/de__PHONEBOOK.res", False),
    ("zone/zh_Hant_TW.res", False), ("ibm-37_P100-1995.cnv", False),
    ("brkitr/thaidict.dict", False), ("translit/root.res", False),
])
def test_what_is_kept(item: str, kept: bool) -> None:
    assert icu_data().keep(item) is kept


def probe(env: dict[str, str]) -> dict[str, object]:
    out = subprocess.run([sys.executable, str(PROBE)], capture_output=True, text=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}, timeout=60)
    assert out.returncode == 0, out.stderr
    answers: dict[str, object] = json.loads(out.stdout)
    return answers


def test_cut_data_answers_the_tills_languages_like_the_full_data(tmp_path: Path) -> None:
    missing = [tool for tool in ("icupkg", "objcopy", "cc") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"SKIPPED LOUDLY: cutting ICU's data needs {', '.join(missing)} "
                    "(apt-get install icu-devtools binutils gcc); the package keeps full ICU")
    qt_lib = Path(QtCore.__file__).parent / "Qt/lib"
    original = next(qt_lib.glob("libicudata.so.*[0-9]"))
    cut = tmp_path / original.name
    shutil.copy2(original, cut)
    before, after = icu_data().cut(cut)
    assert after < before / 5, (before, after)

    full = probe({})
    # The dynamic linker takes an already loaded soname: Qt's libicuuc binds to the cut data.
    small = probe({"LD_PRELOAD": str(cut)})
    foreign = {key for key in full if key.startswith("zh")}
    assert foreign, "the probe checks a locale the cut drops"
    assert {k: v for k, v in small.items() if k not in foreign} == \
        {k: v for k, v in full.items() if k not in foreign}
    # Proof the cut data was the one loaded: Chinese falls back to root collation (code order
    # of the UCA's implicit weights) instead of pinyin.
    assert small["zh_CN"]["sorted"] != full["zh_CN"]["sorted"]  # type: ignore[index]
    nb = full["nb_NO"]["sorted"]  # type: ignore[index]
    assert nb.index("ærlig") < nb.index("Øl") < nb.index("åker")  # Norwegian: z < æ < ø < å
