"""Till configuration: a good file loads; every kind of mistake names the file, key and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos.app.config import (
    ConfigError,
    TillConfig,
    default_demo_config,
    load_config,
    parse_config,
)
from pos.core.barcode import InStoreLayout as CoreLayout

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "config" / "example.toml"

GOOD = """\
[till]
company_name = "Test AS"
company_org_no = "923 609 016"
store_id = "s1"
register_id = "2"

[devices]
printer = "escpos+tcp://127.0.0.1:9100?profile=TM-T20II"
drawer = "printer:?pin=2"

[scanner]
max_interkey_ms = 35
min_length = 6

[[barcodes.in_store]]
prefix = "23"
kind = "weight"
item_digits = 5
value_digits = 5

[[barcodes.in_store]]
prefix = "21"
kind = "price"
item_digits = 5
value_digits = 5
"""


def write(tmp_path: Path, text: str | bytes, name: str = "till.toml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str | bytes) -> ConfigError:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    err = caught.value
    assert str(path) in str(err)  # every message names the file
    return err


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_example_file_loads() -> None:
    config = load_config(EXAMPLE)
    assert config.till.company_org_no == "923609016"
    assert config.till.currency == "NOK"
    assert config.devices.printer == "escpos+tcp://10.0.0.21:9100?profile=TM-T20III"
    assert config.drawer_pin == 2
    assert config.denominations == (5000, 10000, 20000, 50000, 100000)
    assert config.cash.rounding == "whole"
    assert [layout.prefix for layout in config.barcodes.in_store] == ["23", "21", "29"]


def test_good_file_loads_with_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD))
    assert config.till.company_org_no == "923609016"  # spaces removed
    assert config.till.locale == "nb_NO"
    assert config.till.training is False
    assert config.devices.scanner == "keyboard:"
    assert config.scanner.suffix == "Enter"
    assert config.in_store_layouts() == (
        CoreLayout("23", "weight", 5, 5),
        CoreLayout("21", "price", 5, 5),
    )


def test_sek_gets_swedish_notes(tmp_path: Path) -> None:
    text = GOOD.replace('register_id = "2"', 'register_id = "2"\ncurrency = "SEK"')
    config = load_config(write(tmp_path, text))
    assert config.denominations[0] == 2000  # a 20-krona note


def test_relative_data_dir_is_next_to_the_file(tmp_path: Path) -> None:
    text = GOOD.replace('register_id = "2"', 'register_id = "2"\ndata_dir = "data"')
    config = load_config(write(tmp_path, text))
    assert config.till.data_dir == tmp_path.resolve() / "data"


def test_syntax_error_names_line_and_key(tmp_path: Path) -> None:
    text = GOOD.replace("min_length = 6", "min_length = ")
    err = error_for(tmp_path, text)
    assert err.line == line_of(text, "min_length")
    assert err.key == "scanner.min_length"
    assert "TOML" in err.expected
    assert f":{err.line}:" in str(err)


def test_unknown_key_names_key_line_and_suggests(tmp_path: Path) -> None:
    text = GOOD.replace("min_length = 6", "min_lenght = 6")
    err = error_for(tmp_path, text)
    assert err.key == "scanner.min_lenght"
    assert err.line == line_of(text, "min_lenght")
    assert "min_length" in err.expected  # did you mean


def test_unknown_table_is_refused(tmp_path: Path) -> None:
    text = GOOD + "\n[printer]\nport = 9100\n"
    err = error_for(tmp_path, text)
    assert err.key == "printer"
    assert err.line == line_of(text, "[printer]")


def test_wrong_type_names_key_and_line(tmp_path: Path) -> None:
    text = GOOD.replace("max_interkey_ms = 35", 'max_interkey_ms = "35"')
    err = error_for(tmp_path, text)
    assert err.key == "scanner.max_interkey_ms"
    assert err.line == line_of(text, "max_interkey_ms")
    assert "integer" in err.expected and "'35'" in err.expected


def test_invalid_org_number(tmp_path: Path) -> None:
    text = GOOD.replace("923 609 016", "923 609 017")
    err = error_for(tmp_path, text)
    assert err.key == "till.company_org_no"
    assert err.line == line_of(text, "company_org_no")
    assert "organisation number" in err.expected


def test_bad_device_scheme(tmp_path: Path) -> None:
    text = GOOD.replace("escpos+tcp://127.0.0.1", "ecspos+tcp://127.0.0.1")
    err = error_for(tmp_path, text)
    assert err.key == "devices.printer"
    assert err.line == line_of(text, "printer =")
    assert "escpos+tcp" in err.expected and "ecspos+tcp" in err.expected


def test_tcp_device_needs_a_port(tmp_path: Path) -> None:
    text = GOOD.replace("127.0.0.1:9100", "127.0.0.1")
    err = error_for(tmp_path, text)
    assert err.key == "devices.printer"
    assert "port" in err.expected


def test_drawer_pin_must_be_2_or_5(tmp_path: Path) -> None:
    text = GOOD.replace("pin=2", "pin=3")
    err = error_for(tmp_path, text)
    assert err.key == "devices"
    assert err.line == line_of(text, "[devices]")
    assert "pin" in err.expected


def test_empty_file(tmp_path: Path) -> None:
    err = error_for(tmp_path, "\n# nothing yet\n")
    assert err.key == "till"
    assert err.line == 1
    assert "no settings" in err.expected


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(path) in str(caught.value)
    assert caught.value.key is None and caught.value.line is None
    assert "does not exist" in caught.value.expected


def test_non_utf8_file_names_line_and_key(tmp_path: Path) -> None:
    text = GOOD.replace('"Test AS"', '"Nærbutikken AS"')
    err = error_for(tmp_path, text.encode("latin-1"))
    assert err.line == line_of(text, "company_name")
    assert err.key == "till.company_name"
    assert "UTF-8" in err.expected


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    # Windows Notepad writes one; refusing it would be pedantry at the till.
    config = load_config(write(tmp_path, b"\xef\xbb\xbf" + GOOD.encode()))
    assert config.till.company_name == "Test AS"


def test_missing_required_key_points_at_its_table(tmp_path: Path) -> None:
    text = GOOD.replace('store_id = "s1"\n', "")
    err = error_for(tmp_path, text)
    assert err.key == "till.store_id"
    assert err.line == line_of(text, "[till]")
    assert "required" in err.expected


def test_error_in_second_array_table_names_its_index_and_line(tmp_path: Path) -> None:
    text = GOOD.replace('kind = "price"', 'kind = "prize"')
    err = error_for(tmp_path, text)
    assert err.key == "barcodes.in_store[1].kind"
    assert err.line == line_of(text, 'kind = "prize"')


def test_error_in_inline_array_of_tables(tmp_path: Path) -> None:
    start = GOOD.index("[[barcodes.in_store]]")
    text = GOOD[:start] + (
        "[barcodes]\n"
        "in_store = [\n"
        '  { prefix = "23", kind = "weight", item_digits = 5, value_digits = 5 },\n'
        '  { prefix = "21", kind = "price", item_digits = "5", value_digits = 5 },\n'
        "]\n"
    )
    err = error_for(tmp_path, text)
    assert err.key == "barcodes.in_store[1].item_digits"
    assert err.line == line_of(text, '"5"')


def test_layout_must_cover_thirteen_digits(tmp_path: Path) -> None:
    # "23 PPPP WWWWW C" is 12 digits: not an EAN-13 without a value check digit.
    text = GOOD.replace(
        "item_digits = 5\nvalue_digits = 5\n\n[[", "item_digits = 4\nvalue_digits = 5\n\n[[", 1
    )
    err = error_for(tmp_path, text)
    assert err.key == "barcodes.in_store[0]"
    assert err.line == line_of(text, "[[barcodes.in_store]]")
    assert "13" in err.expected


def test_duplicate_prefix_is_refused(tmp_path: Path) -> None:
    text = GOOD.replace('prefix = "21"', 'prefix = "23"')
    err = error_for(tmp_path, text)
    assert err.key == "barcodes.in_store"
    assert "23" in err.expected


def test_every_problem_is_reported(tmp_path: Path) -> None:
    text = GOOD.replace("min_length = 6", "min_length = 0")
    text = text.replace('register_id = "2"', 'register_id = "2"\ncurrency = "EUR"')
    err = error_for(tmp_path, text)
    keys = {problem.key for problem in err.problems}
    assert keys == {"till.currency", "scanner.min_length"}
    assert len(str(err).splitlines()) == 2


def test_demo_config_is_valid_and_round_trips(tmp_path: Path) -> None:
    config = default_demo_config(tmp_path, printer="escpos+tcp://127.0.0.1:45678?profile=TM-T20II")
    assert config.till.data_dir == tmp_path
    assert config.devices.printer is not None and "45678" in config.devices.printer
    again = TillConfig.model_validate(config.model_dump(mode="json"), strict=False)
    assert again == config
    assert any(layout.kind == "weight" for layout in config.in_store_layouts())


def test_parse_config_without_a_file() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config("[till]\n")
    assert str(caught.value).startswith("<config>:1: till.company_name:")
