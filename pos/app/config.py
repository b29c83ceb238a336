"""The till's configuration: one TOML file, validated before anything starts.

IT edits this file by hand (or rolls it out silently), so every mistake must come back as one
message naming the file, the key and the line, and what was expected: `ConfigError`. Unknown keys
are refused rather than ignored, because a misspelt key that is silently skipped is a setting
that never took effect. Types are strict: TOML has real integers and booleans, so "35" where
35 is meant is a mistake worth reporting, not coercing.

See resources/config/example.toml for a commented example.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.no import orgnr

from pos.app.config_errors import (
    ConfigError,
    ConfigProblem,
    KeyPath,
    dotted,
    line_of,
    scan_positions,
)
from pos.app.fiscal_config import FiscalSection
from pos.app.hub_config import HubSection
from pos.app.shift_config import ShiftsSection
from pos.core import barcode
from resources import resource_path

__all__ = [
    "BarcodesSection",
    "CashSection",
    "ConfigError",
    "DevicesSection",
    "InStoreLayout",
    "ScannerSection",
    "TillConfig",
    "TillSection",
    "default_demo_config",
    "device_scheme",
    "load_config",
    "parse_config",
]

# Quick-cash buttons per currency, in minor units (the notes a customer typically hands over).
DEFAULT_DENOMINATIONS: dict[str, tuple[int, ...]] = {
    "NOK": (5_000, 10_000, 20_000, 50_000, 100_000),
    "SEK": (2_000, 5_000, 10_000, 20_000, 50_000, 100_000),
}

# Device URL schemes we ship, per role. Third-party drivers registered in the `kassa.drivers`
# entry-point group are accepted for any role (their name says nothing about the role).
BUILTIN_SCHEMES: dict[str, frozenset[str]] = {
    "printer": frozenset(
        {"escpos+tcp", "escpos+serial", "escpos+usb", "escpos+file", "escpos+lp", "sim-printer"}
    ),
    "drawer": frozenset({"printer", "serial", "sim-drawer"}),
    "scanner": frozenset({"keyboard", "serial", "hidpos+usb", "tcp", "sim-scanner"}),
    "scale": frozenset({"toledo8217+serial", "toledo8217+tcp", "sim-scale"}),
    "payment": frozenset({"zvt+tcp", "zvt+serial", "nets+tcp", "sim-payment"}),
    "display": frozenset(
        {"escpos-display+serial", "escpos-display+tcp", "sim-display", "window"}
    ),
}
_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.\-]*$")
_STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)


@cache
def _plugin_schemes() -> frozenset[str]:
    return frozenset(ep.name for ep in entry_points(group="kassa.drivers"))


def device_scheme(url: str) -> str:
    """The scheme of a device URL: "escpos+tcp://host:9100" -> "escpos+tcp", "keyboard:" ->
    "keyboard"."""
    scheme, sep, _rest = url.partition(":")
    return scheme if sep else ""


def _check_device_url(role: str, url: str) -> str:
    scheme = device_scheme(url)
    if not _SCHEME_RE.match(scheme):
        raise ValueError(f'a device URL like "{_example(role)}" (scheme, colon, address)')
    other_roles = frozenset().union(*(s for r, s in BUILTIN_SCHEMES.items() if r != role))
    known = BUILTIN_SCHEMES[role] | (_plugin_schemes() - other_roles)
    if scheme not in known:
        raise ValueError(
            f"a {role} URL scheme: one of {', '.join(sorted(known))} (or a driver installed "
            f"under the kassa.drivers entry points); got {scheme!r}"
        )
    if scheme == "tcp" or scheme.endswith("+tcp"):
        parts = urlsplit(url)
        try:
            port = parts.port
        except ValueError:
            port = None
        if not parts.hostname or port is None:
            raise ValueError(f'host and port, like "{scheme}://10.0.0.21:9100"; got {url!r}')
    return url


def _example(role: str) -> str:
    return {
        "printer": "escpos+tcp://10.0.0.21:9100?profile=TM-T20III",
        "drawer": "printer:?pin=2",
        "scanner": "keyboard:",
        "scale": "toledo8217+serial:///dev/ttyUSB1",
        "payment": "zvt+tcp://10.0.0.30:20007",
        "display": "escpos-display+serial:///dev/ttyUSB2",
    }[role]


def _as_tuple(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


class TillSection(BaseModel):
    model_config = _STRICT

    company_name: Annotated[str, Field(min_length=1)]
    company_org_no: str
    store_id: Annotated[str, Field(min_length=1, pattern=r"^[A-Za-z0-9_.\-]+$")]
    register_id: Annotated[str, Field(min_length=1, pattern=r"^[A-Za-z0-9_.\-]+$")]
    # Printed on the receipt under the company name; the store id stands in when it is empty.
    store_name: str = ""
    address: str = ""
    currency: Literal["NOK", "SEK"] = "NOK"
    locale: Literal["nb_NO", "sv_SE", "en_GB"] = "nb_NO"
    # Receipts and the screen show the store's local time; the journal stores UTC.
    timezone: str = "Europe/Oslo"
    # Where the till keeps its database and journal; None means the platform's user data dir.
    data_dir: Annotated[Path | None, Field(strict=False)] = None
    training: bool = False

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"an IANA time zone such as Europe/Oslo, not {value!r}") from None
        return value

    @field_validator("company_org_no")
    @classmethod
    def _org_no(cls, value: str) -> str:
        try:
            return str(orgnr.validate(value))
        except StdnumError as exc:
            raise ValueError(
                f"a Norwegian organisation number (9 digits, valid check digit); {exc}"
            ) from None


class DevicesSection(BaseModel):
    """One URL per device role; a role left out has no device."""

    model_config = _STRICT

    printer: str | None = None
    drawer: str | None = None
    scanner: str = "keyboard:"
    scale: str | None = None
    payment: str | None = None
    display: str | None = None

    @field_validator("printer", "drawer", "scanner", "scale", "payment", "display")
    @classmethod
    def _url(cls, value: str | None, info: Any) -> str | None:
        return None if value is None else _check_device_url(info.field_name, value)

    @model_validator(mode="after")
    def _drawer_through_printer(self) -> DevicesSection:
        if self.drawer is not None and device_scheme(self.drawer) == "printer":
            if not self.printer:
                raise ValueError('drawer = "printer:..." needs a printer in [devices]')
            _kick_pin(self.drawer)
        return self

    @property
    def drawer_pin(self) -> int:
        """The printer's drawer-kick connector pin (2 or 5) for a drawer = "printer:?pin=N"."""
        if self.drawer is None or device_scheme(self.drawer) != "printer":
            return 2
        return _kick_pin(self.drawer)


def _kick_pin(url: str) -> int:
    values = parse_qs(urlsplit(url).query).get("pin", ["2"])
    if values not in (["2"], ["5"]):
        raise ValueError(f"drawer pin 2 or 5 (ESC p m: m=0 is pin 2, m=1 is pin 5); got {url!r}")
    return int(values[0])


class ScannerSection(BaseModel):
    """Keyboard-wedge settings: a burst of keys faster than a person types is a scan."""

    model_config = _STRICT

    max_interkey_ms: Annotated[int, Field(gt=0, le=1000)] = 35
    min_length: Annotated[int, Field(ge=1, le=128)] = 6
    prefix: str = ""
    suffix: Literal["Enter", "Tab", ""] = "Enter"


class InStoreLayout(BaseModel):
    """An in-store EAN-13 with an embedded value, for one prefix 20-29.

    Digits: prefix (2), item (item_digits), an optional check digit over the value
    (value_check_digit), the value (value_digits), the EAN check digit (1); 13 in all.
    The value is grams for kind "weight" and minor units (øre) for kind "price".
    Example: prefix "23", weight, item_digits 5, value_digits 5 reads 23 IIIII WWWWW C.
    """

    model_config = _STRICT

    prefix: Annotated[str, Field(pattern=r"^2[0-9]$")]
    kind: Literal["weight", "price"]
    item_digits: Annotated[int, Field(ge=1, le=9)]
    value_digits: Annotated[int, Field(ge=1, le=9)]
    value_check_digit: bool = False

    @model_validator(mode="after")
    def _thirteen_digits(self) -> InStoreLayout:
        if self.value_check_digit and self.value_digits not in (4, 5):
            raise ValueError("a value check digit exists only for 4 or 5 value_digits")
        total = 2 + self.item_digits + int(self.value_check_digit) + self.value_digits + 1
        if total != 13:
            raise ValueError(
                "2 prefix + item_digits + value_digits (+1 if value_check_digit) + 1 check "
                f"digit = 13; these give {total}"
            )
        return self


class BarcodesSection(BaseModel):
    model_config = _STRICT

    # TOML arrays arrive as lists; kept as tuples so the frozen config is hashable.
    in_store: Annotated[tuple[InStoreLayout, ...], BeforeValidator(_as_tuple)] = ()

    @field_validator("in_store", mode="after")
    @classmethod
    def _unique_prefixes(cls, layouts: tuple[InStoreLayout, ...]) -> tuple[InStoreLayout, ...]:
        seen = [layout.prefix for layout in layouts]
        duplicates = sorted({p for p in seen if seen.count(p) > 1})
        if duplicates:
            raise ValueError(f"each prefix once; repeated: {', '.join(duplicates)}")
        return layouts


class CashSection(BaseModel):
    model_config = _STRICT

    # Quick-cash buttons in minor units; None means the currency's usual notes.
    denominations: Annotated[
        tuple[Annotated[int, Field(gt=0)], ...] | None, BeforeValidator(_as_tuple)
    ] = None
    # "whole": cash totals round to whole kroner (NOK, SEK); "none": pay the exact amount.
    rounding: Literal["whole", "none"] = "whole"


class ReceiptSection(BaseModel):
    """What the store adds to every receipt."""

    model_config = _STRICT

    # A logo printed at the top (PNG or JPEG, scaled to the paper); relative to the config.
    logo: Annotated[Path | None, Field(strict=False)] = None
    # A QR code at the bottom linking to the digital receipt; "{receipt}" is replaced by the
    # receipt's id, e.g. "https://butikk.example/kvittering/{receipt}". Empty: no QR code.
    qr_url: str = ""
    # One or two lines above the thanks (opening hours, return policy).
    footer: str = ""


class ReturnsSection(BaseModel):
    """Returns at the till (pos.app.returns)."""

    model_config = _STRICT

    # A supervisor approves a return refunding more than this (minor units; 50000 = 500 kr).
    # Returns without a receipt always need a supervisor.
    approval_above_minor: Annotated[int, Field(ge=0)] = 50_000


class TillConfig(BaseModel):
    model_config = _STRICT

    till: TillSection
    devices: DevicesSection = DevicesSection()
    scanner: ScannerSection = ScannerSection()
    barcodes: BarcodesSection = BarcodesSection()
    cash: CashSection = CashSection()
    receipt: ReceiptSection = ReceiptSection()
    returns: ReturnsSection = ReturnsSection()
    shifts: ShiftsSection = ShiftsSection()  # pos.app.shift_config (issue 7)
    fiscal: FiscalSection = FiscalSection()  # the receipt-signing key (pos.app.fiscal_config)
    hub: HubSection | None = None  # the commerce hub; None: a till on its own (pos.app.hub_config)

    @property
    def drawer_pin(self) -> int:
        return self.devices.drawer_pin

    def in_store_layouts(self) -> tuple[barcode.InStoreLayout, ...]:
        """The [barcodes] layouts as the domain's parser takes them."""
        return tuple(
            barcode.InStoreLayout(
                prefix=layout.prefix,
                kind=layout.kind,
                item_digits=layout.item_digits,
                value_digits=layout.value_digits,
                value_check_digit=layout.value_check_digit,
            )
            for layout in self.barcodes.in_store
        )

    @property
    def denominations(self) -> tuple[int, ...]:
        """The quick-cash buttons, in minor units of the till's currency."""
        return self.cash.denominations or DEFAULT_DENOMINATIONS[self.till.currency]


def load_config(path: Path | str) -> TillConfig:
    """Read and validate a till configuration file; any problem raises ConfigError."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError.single(path, None, None, "the file does not exist") from None
    except OSError as exc:
        raise ConfigError.single(path, None, None, f"a readable file ({exc.strerror})") from None
    config = parse_config(raw, path)

    def beside_this_file(value: Path) -> Path:
        # "~" is the user's home; a relative path means "next to this file", not "wherever
        # the till happened to be started".
        value = value.expanduser()
        return value if value.is_absolute() else path.parent.resolve() / value

    if config.till.data_dir is not None:
        till = config.till.model_copy(update={"data_dir": beside_this_file(config.till.data_dir)})
        config = config.model_copy(update={"till": till})
    if config.receipt.logo is not None:
        logo = beside_this_file(config.receipt.logo)
        if not logo.is_file():
            raise ConfigError.single(path, "receipt.logo", None,
                                     f"an image file; {logo} does not exist")
        receipt = config.receipt.model_copy(update={"logo": logo})
        config = config.model_copy(update={"receipt": receipt})
    if config.fiscal.private_key is not None:
        fiscal = config.fiscal.model_copy(
            update={"private_key": beside_this_file(config.fiscal.private_key)})
        config = config.model_copy(update={"fiscal": fiscal})
    return config


def parse_config(raw: bytes | str, path: Path | None = None) -> TillConfig:
    """Validate configuration text (bytes are decoded as UTF-8; a BOM is allowed)."""
    text = _decode(raw, path) if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(path, text, exc) from None
    if not data:  # nothing but blank lines and comments
        raise ConfigError.single(
            path,
            "till",
            1,
            "a [till] table with company_name, company_org_no, store_id and register_id; "
            "the file has no settings",
        )
    try:
        return TillConfig.model_validate(data)
    except ValidationError as exc:
        raise _validation_error(path, text, exc) from None


def default_demo_config(data_dir: Path, *, printer: str | None = None) -> TillConfig:
    """The configuration `kassa demo` runs with: simulated devices, a fictitious company.

    `printer` is the simulated printer's URL once its port is known.
    """
    return TillConfig(
        till=TillSection(
            company_name="Kassa Demo AS",
            company_org_no="923609016",
            store_id="demo",
            register_id="1",
            store_name="Kassa Demo Matbutikk",
            address="Storgata 1, 0155 Oslo",
            currency="NOK",
            locale="nb_NO",
            data_dir=data_dir,
            training=False,
        ),
        devices=DevicesSection(
            printer=printer or "escpos+tcp://127.0.0.1:9100?profile=TM-T20II",
            drawer="printer:?pin=2",
            scanner="keyboard:",
            display="window:",
        ),
        barcodes=BarcodesSection(in_store=NORWEGIAN_IN_STORE_LAYOUTS),
        receipt=ReceiptSection(
            logo=resource_path("images", "demo-logo.png"),
            qr_url="https://kassa.example/kvittering/{receipt}",
            footer="Åpent alle dager 07–23\nBytterett 30 dager med kvittering",
        ),
        # A throwaway signing key made on first run, kept next to the demo database.
        fiscal=FiscalSection(private_key=data_dir / "demo-signing-key.pem", demo_key=True),
    )


# The layouts most Norwegian chains print on the scale labels (weight in grams, price in øre).
NORWEGIAN_IN_STORE_LAYOUTS: tuple[InStoreLayout, ...] = (
    InStoreLayout(prefix="21", kind="price", item_digits=5, value_digits=5),
    InStoreLayout(prefix="23", kind="weight", item_digits=5, value_digits=5),
    InStoreLayout(prefix="24", kind="price", item_digits=5, value_digits=5),
    InStoreLayout(prefix="28", kind="weight", item_digits=5, value_digits=5),
)


# -- error reporting -----------------------------------------------------------------------------

_LINE_COLUMN_RE = re.compile(r"\(at line (\d+), column (\d+)\)")


def _decode(raw: bytes, path: Path | None) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        positions = scan_positions(raw.decode("utf-8", errors="replace"))
        key = _key_on_line(positions, line)
        raise ConfigError.single(
            path,
            key,
            line,
            f"UTF-8 text; byte 0x{raw[exc.start]:02x} is not UTF-8 (save the file as UTF-8)",
        ) from None


def _syntax_error(path: Path | None, text: str, exc: tomllib.TOMLDecodeError) -> ConfigError:
    message = str(exc)
    match = _LINE_COLUMN_RE.search(message)
    if match:
        line: int | None = int(match.group(1))
        column = int(match.group(2))
        reason = _LINE_COLUMN_RE.sub("", message).strip()
        expected = f"valid TOML; {reason[:1].lower()}{reason[1:]} at column {column}"
    else:  # "(at end of document)"
        line = text.count("\n") + 1
        expected = f"valid TOML; {message}"
    key = _key_on_line(scan_positions(text), line) if line is not None else None
    return ConfigError.single(path, key, line, expected)


def _key_on_line(positions: dict[KeyPath, int], line: int) -> str | None:
    # The last key that starts on the line is the one nearest before the error.
    on_line = [p for p, n in positions.items() if n == line]
    return dotted(on_line[-1]) if on_line else None


def _validation_error(path: Path | None, text: str, exc: ValidationError) -> ConfigError:
    positions = scan_positions(text)
    problems = []
    for error in exc.errors(include_url=False):
        loc: KeyPath = tuple(error["loc"])
        problems.append(
            ConfigProblem(dotted(loc) or None, line_of(positions, loc) or 1, _expected(error, loc))
        )
    return ConfigError(path, problems)


def _expected(error: Any, loc: KeyPath) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        allowed = _allowed_keys(loc[:-1])
        guess = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f" (did you mean {guess[0]!r}?)" if guess else ""
        return f"one of the keys {', '.join(allowed)}; unknown key {loc[-1]!r}{hint}"
    if kind == "missing":
        return "this key; it is required"
    message: str = error["msg"]
    if kind == "value_error":
        return message.removeprefix("Value error, ")
    return f"{message.removeprefix('Input should be ')}; got {error.get('input')!r}"


def _allowed_keys(loc: KeyPath) -> list[str]:
    """The keys a table at `loc` may have, walking the models along the path."""
    model: Any = TillConfig
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return []
        model = _model_in(field.annotation)
        if model is None:
            return []
    return list(model.model_fields)


def _model_in(annotation: Any) -> Any:
    """The pydantic model inside an annotation like `tuple[X, ...] | None`, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) is not None:
        for arg in get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
