"""ConfigError, and where a key sits in a TOML file.

tomllib gives a line only for syntax errors and keeps no positions for the values it returns, so
a validation error (pydantic knows the key path, not the line) needs its line found again. The
scanner below walks the document just far enough to note the line of every table header, key,
array element and inline-table key, keyed by the same path pydantic reports
(("barcodes", "in_store", 1, "kind")). It is only ever run on text tomllib has parsed (or on the
part before a syntax error), so it does not validate; it stops quietly at anything it does not
understand and keeps what it found.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

KeyPath = tuple[str | int, ...]

_BARE_KEY_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


@dataclass(frozen=True, slots=True)
class ConfigProblem:
    """One thing wrong with a config file: the dotted key, its line (1-based), what was expected."""

    key: str | None
    line: int | None
    expected: str


class ConfigError(Exception):
    """A till configuration that cannot be used.

    `path` is the file, `key` the dotted key ("devices.printer", "barcodes.in_store[1].kind"),
    `line` the 1-based line in the file (None when there is no file or no such line), and
    `expected` says what would have been right. `problems` lists every problem found (the first
    is the one in `key`/`line`/`expected`). str() reads "FILE:LINE: KEY: EXPECTED", one per line.
    """

    def __init__(self, path: Path | None, problems: list[ConfigProblem]) -> None:
        if not problems:
            raise ValueError("ConfigError needs at least one problem")
        self.path = path
        self.problems: tuple[ConfigProblem, ...] = tuple(problems)
        first = self.problems[0]
        self.key = first.key
        self.line = first.line
        self.expected = first.expected
        super().__init__(self._render())

    @classmethod
    def single(
        cls, path: Path | None, key: str | None, line: int | None, expected: str
    ) -> ConfigError:
        return cls(path, [ConfigProblem(key, line, expected)])

    def _render(self) -> str:
        where = str(self.path) if self.path is not None else "<config>"
        lines = []
        for problem in self.problems:
            head = where if problem.line is None else f"{where}:{problem.line}"
            key = f" {problem.key}:" if problem.key else ""
            lines.append(f"{head}:{key} {problem.expected}")
        return "\n".join(lines)


def dotted(path: KeyPath) -> str:
    """("barcodes", "in_store", 1, "kind") -> "barcodes.in_store[1].kind"."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += part if not out else f".{part}"
    return out


def line_of(positions: dict[KeyPath, int], path: KeyPath) -> int | None:
    """The line of `path`, or of its nearest ancestor found in the file (a missing key is
    reported where its table starts, which is where it should be added)."""
    for end in range(len(path), 0, -1):
        line = positions.get(path[:end])
        if line is not None:
            return line
    return None


def scan_positions(text: str) -> dict[KeyPath, int]:
    """Map every key path in a TOML document to the 1-based line it is written on."""
    scanner = _Scanner(text)
    with contextlib.suppress(_Stop):
        scanner.document()
    return scanner.positions


class _Stop(Exception):
    """The scanner met something it does not understand (e.g. past a syntax error)."""


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.line = 1
        self.positions: dict[KeyPath, int] = {}
        # Current index of each array of tables, by its resolved path.
        self.aot_index: dict[KeyPath, int] = {}

    # -- characters ---------------------------------------------------------------------------
    def peek(self, ahead: int = 0) -> str:
        j = self.i + ahead
        return self.text[j] if j < len(self.text) else ""

    def advance(self, count: int = 1) -> None:
        for _ in range(count):
            if self.i >= len(self.text):
                raise _Stop
            if self.text[self.i] == "\n":
                self.line += 1
            self.i += 1

    def skip_blank(self, newlines: bool) -> None:
        while self.i < len(self.text):
            ch = self.text[self.i]
            if ch in " \t\r" or (newlines and ch == "\n"):
                self.advance()
            elif ch == "#":
                while self.i < len(self.text) and self.text[self.i] != "\n":
                    self.i += 1
            else:
                return

    def expect(self, ch: str) -> None:
        if self.peek() != ch:
            raise _Stop
        self.advance()

    # -- grammar ------------------------------------------------------------------------------
    def document(self) -> None:
        table: KeyPath = ()
        while True:
            self.skip_blank(newlines=True)
            if self.i >= len(self.text):
                return
            line = self.line
            if self.text.startswith("[[", self.i):
                self.advance(2)
                keys = self.key()
                self.skip_blank(newlines=False)
                self.expect("]")
                self.expect("]")
                resolved = (*self.resolve(keys[:-1]), keys[-1])
                self.note_parents(resolved, line)
                index = self.aot_index.get(resolved, -1) + 1
                self.aot_index[resolved] = index
                self.positions.setdefault(resolved, line)
                table = (*resolved, index)
                self.positions[table] = line
            elif self.peek() == "[":
                self.advance()
                keys = self.key()
                self.skip_blank(newlines=False)
                self.expect("]")
                table = self.resolve(keys)
                self.note_parents(table, line)
                self.positions[table] = line
            else:
                keys = self.key()
                self.keyval(table + keys, line)

    def note_parents(self, path: KeyPath, line: int) -> None:
        """[a.b.c] also defines a and a.b when they have no header of their own."""
        for end in range(1, len(path)):
            self.positions.setdefault(path[:end], line)

    def resolve(self, keys: KeyPath) -> KeyPath:
        """A header path with the current index of every array of tables along it."""
        resolved: KeyPath = ()
        for key in keys:
            resolved = (*resolved, key)
            if resolved in self.aot_index:
                resolved = (*resolved, self.aot_index[resolved])
        return resolved

    def keyval(self, path: KeyPath, line: int) -> None:
        self.skip_blank(newlines=False)
        self.expect("=")
        self.positions[path] = line
        self.skip_blank(newlines=False)
        self.value(path)

    def key(self) -> tuple[str, ...]:
        parts: list[str] = []
        while True:
            self.skip_blank(newlines=False)
            ch = self.peek()
            if ch in ('"', "'"):
                parts.append(self.string())
            else:
                start = self.i
                while self.peek() and self.peek() in _BARE_KEY_CHARS:
                    self.advance()
                if self.i == start:
                    raise _Stop
                parts.append(self.text[start : self.i])
            self.skip_blank(newlines=False)
            if self.peek() != ".":
                return tuple(parts)
            self.advance()

    def string(self) -> str:
        quote = self.peek()
        if self.text.startswith(quote * 3, self.i):
            self.advance(3)
            end = self.text.find(quote * 3, self.i)
            if end < 0:
                raise _Stop
            # A multi-line string may end with up to two more quotes: """a""""" is legal.
            while self.text.startswith(quote, end + 3):
                end += 1
            body = self.text[self.i : end]
            self.advance(end + 3 - self.i)
            return body
        self.advance()
        start = self.i
        while self.peek() != quote:
            if self.peek() in ("", "\n"):
                raise _Stop
            if quote == '"' and self.peek() == "\\":
                self.advance()
            self.advance()
        body = self.text[start : self.i]
        self.advance()
        return body

    def value(self, path: KeyPath) -> None:
        ch = self.peek()
        if ch == "[":
            self.advance()
            index = 0
            while True:
                self.skip_blank(newlines=True)
                if self.peek() == "]":
                    self.advance()
                    return
                self.positions[(*path, index)] = self.line
                self.value((*path, index))
                self.skip_blank(newlines=True)
                if self.peek() == ",":
                    self.advance()
                    index += 1
        elif ch == "{":
            self.advance()
            while True:
                self.skip_blank(newlines=False)
                if self.peek() == "}":
                    self.advance()
                    return
                line = self.line
                keys = self.key()
                self.keyval(path + keys, line)
                self.skip_blank(newlines=False)
                if self.peek() == ",":
                    self.advance()
        elif ch in ('"', "'"):
            self.string()
        else:
            start = self.i
            while self.peek() and self.peek() not in ",]}#\n":
                self.advance()
            if self.i == start:
                raise _Stop
