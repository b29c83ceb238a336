"""Removing secrets from text that leaves the till (the support bundle).

Two layers: by shape (a URL's user:password, a bearer token, a PEM block, password= and
token= in queries and log lines) and by name (a config key called password, secret, token,
api_key, pin, credential). And, strongest, by value: the caller passes the secrets it knows
(the hub credential, an HMAC key) and every occurrence of them is masked wherever it is.
References to secrets (credential_ref, credential_file, private_key: a path or a keystore
name) are kept: they tell the helpdesk where to look, not what is there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

MASK = "***"
_URL_USERINFO = re.compile(r"(\b[a-z][a-z0-9+.\-]*://)([^/\s:@\"']+):([^@\s/\"']+)@", re.I)
_BEARER = re.compile(r"(\bbearer\s+)[A-Za-z0-9._~+/=\-]+", re.I)
_QUERY = re.compile(r"([?&](?:password|passwd|pwd|token|secret|api_?key|key)=)[^&\s\"']+", re.I)
_ASSIGNED = re.compile(r"(\b(?:password|passwd|secret|token|api_?key)\b\s*[=:]\s*)(\"[^\"]*\"|\S+)",
                       re.I)
_PEM = re.compile(r"-----BEGIN [A-Z0-9 ]+-----.*?-----END [A-Z0-9 ]+-----", re.S)
SECRET_KEY = re.compile(r"(password|passwd|secret|token|api_?key|(^|_)pins?$|^credential$)", re.I)
_SECRET_LINE = re.compile(
    r"^(\s*[\w.\-]*(?:password|passwd|secret|token|api_?key|_pin|credential)\s*=\s*)"
    r"(?!.*_(?:ref|file)\s*=).*$", re.I | re.M)


def redact_text(text: str, known: Iterable[str] = ()) -> str:
    for secret in sorted((s for s in known if s and len(s) >= 6), key=len, reverse=True):
        text = text.replace(secret, MASK)
    text = _PEM.sub("<PEM block removed>", text)
    text = _URL_USERINFO.sub(lambda m: f"{m.group(1)}{m.group(2)}:{MASK}@", text)
    text = _BEARER.sub(lambda m: m.group(1) + MASK, text)
    text = _QUERY.sub(lambda m: m.group(1) + MASK, text)
    return _ASSIGNED.sub(lambda m: m.group(1) + MASK, text)


def redact_config(text: str, known: Iterable[str] = ()) -> str:
    """The config without secrets; comments and layout kept (tomlkit). A file that is not
    valid TOML is masked line by line instead."""
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    known = list(known)
    try:
        document = tomlkit.parse(text)
    except TOMLKitError:
        return redact_text(_SECRET_LINE.sub(lambda m: m.group(1) + f'"{MASK}"', text), known)
    _walk(document, known)
    return redact_text(tomlkit.dumps(document), known)


def _walk(table: Any, known: list[str]) -> None:
    for key in list(table.keys()):
        value = table[key]
        if hasattr(value, "keys"):
            _walk(value, known)
        elif isinstance(value, list):
            for item in value:
                if hasattr(item, "keys"):
                    _walk(item, known)
        elif isinstance(value, str) and SECRET_KEY.search(str(key)) \
                and not str(key).endswith(("_ref", "_file")):
            table[key] = MASK
