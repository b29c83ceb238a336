"""The TOML key-position scanner that lets a validation error name its line."""

from __future__ import annotations

import tomllib

from pos.app.config_errors import ConfigError, ConfigProblem, dotted, line_of, scan_positions

DOC = '''\
# comment [not.a.table]
title = "a = b"            # a string with = inside
"quoted key" = 1
site."dotted.part".x = 2

[server]
hosts = [
  "alpha",  # first
  "beta",
]
ports = [ 8000, 8001 ]
text = """
multi = line
[not.a.table]
"""

[[fruit]]
name = "apple"
  [[fruit.variety]]
  name = "red delicious"
  [[fruit.variety]]
  name = "granny smith"

[[fruit]]
name = "banana"
point = { x = 1, y = { z = "}" } }
when = 1979-05-27T07:32:00Z

[a.b.c]
d = 1
'''


def test_document_is_valid_toml() -> None:
    tomllib.loads(DOC)  # the scanner is only ever run on what tomllib accepts


def test_lines_of_keys_tables_and_elements() -> None:
    pos = scan_positions(DOC)
    assert pos[("title",)] == 2
    assert pos[("quoted key",)] == 3
    assert pos[("site", "dotted.part", "x")] == 4
    assert pos[("server",)] == 6
    assert pos[("server", "hosts", 1)] == 9
    assert pos[("server", "ports", 1)] == 11
    assert pos[("server", "text")] == 12
    assert ("not", "a", "table") not in pos  # inside a comment and inside a string
    assert pos[("fruit", 0, "name")] == 18
    assert pos[("fruit", 0, "variety", 1, "name")] == 22
    assert pos[("fruit", 1)] == 24
    assert pos[("fruit", 1, "point", "y", "z")] == 26
    assert pos[("fruit", 1, "when")] == 27
    assert pos[("a",)] == 29  # implied by [a.b.c]
    assert pos[("a", "b", "c", "d")] == 30


def test_line_of_falls_back_to_nearest_ancestor() -> None:
    pos = scan_positions(DOC)
    assert line_of(pos, ("server", "missing")) == 6
    assert line_of(pos, ("fruit", 1, "point", "w")) == 26
    assert line_of(pos, ("nowhere",)) is None


def test_scanner_keeps_what_it_found_before_a_syntax_error() -> None:
    pos = scan_positions('a = 1\n[t]\nb = "unterminated\nc = 3\n')
    assert pos[("a",)] == 1
    assert pos[("t", "b")] == 3
    assert ("t", "c") not in pos


def test_dotted_and_message_shape() -> None:
    assert dotted(("barcodes", "in_store", 1, "kind")) == "barcodes.in_store[1].kind"
    err = ConfigError(None, [ConfigProblem("a.b", 3, "an integer"), ConfigProblem(None, None, "x")])
    assert str(err) == "<config>:3: a.b: an integer\n<config>: x"
    assert (err.key, err.line, err.expected) == ("a.b", 3, "an integer")
