"""The texts around `kassa setup`: what the installers pass is what the command takes, and
what the support bundle masks (pos.app.redact)."""

from __future__ import annotations

import re
from pathlib import Path

from pos.app.config import parse_config
from pos.app.redact import redact_config, redact_text
from pos.cli import parser

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def setup_options() -> set[str]:
    commands = next(a for a in parser()._actions if a.dest == "command")
    setup = commands.choices["setup"]  # type: ignore[index]
    return {option for action in setup._actions for option in action.option_strings}


def test_every_option_the_installers_pass_is_one_kassa_setup_takes() -> None:
    known = setup_options()
    for script in ("windows/kassa.nsi", "deb/postinst"):
        text = (PACKAGING / script).read_text(encoding="utf-8")
        builders = ("set -- ", "StrCpy $1 ", "SetupOption ")  # the lines building the command
        lines = [line for line in text.splitlines() if any(b in line for b in builders)]
        passed = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", "\n".join(
            line for line in lines if not line.lstrip().startswith((";", "#")))))
        assert passed, script
        assert passed <= known, (script, passed - known)
    nsis = (PACKAGING / "windows/kassa.nsi").read_text(encoding="utf-8")
    for flag in ("PRINTER", "SCANNER", "DRAWER", "SCALE", "DISPLAY", "CARDTERMINAL", "HUBCA"):
        assert f'"/{flag}="' in nsis


CONFIG = """\
[till]
company_name = "A AS"
company_org_no = "923609016"
store_id = "S1"
register_id = "R1"

[devices]
printer = "escpos+tcp://admin:s3cretpw@10.0.0.21:9100"   # the printer's web login
drawer = "printer:?pin=2"

[hub]
url = "https://hub.example.no"
credential_ref = "file:/var/lib/kassa/hub-credential"
"""


def test_the_config_loses_its_secrets_and_keeps_its_references() -> None:
    text = redact_config(CONFIG + '\n[extra]\nmanager_pin = "4321"\napi_key = "k-123456"\n',
                         known=["hub-credential-value"])
    assert "s3cretpw" not in text and "admin:***@10.0.0.21" in text
    assert "4321" not in text and "k-123456" not in text
    assert 'drawer = "printer:?pin=2"' in text  # a connector pin, not a PIN
    assert 'credential_ref = "file:/var/lib/kassa/hub-credential"' in text
    assert "# the printer's web login" in text  # comments kept
    parse_config(redact_config(CONFIG))  # still a config the till reads


def test_log_text_loses_tokens_urls_and_known_values() -> None:
    line = ("POST https://u:pw123456@hub/v1 authorization: Bearer abc.def-123 "
            "?token=zzz password=hunter22 -----BEGIN PRIVATE KEY-----\nMIIB\n"
            "-----END PRIVATE KEY----- value=the-credential-xyz")
    text = redact_text(line, known=["the-credential-xyz"])
    for secret in ("pw123456", "abc.def-123", "zzz", "hunter22", "MIIB", "the-credential-xyz"):
        assert secret not in text
    assert "Bearer ***" in text and "u:***@hub" in text
    assert redact_config("not [valid toml\npassword = x\n").count("***") == 1
