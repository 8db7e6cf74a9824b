"""Plain text and JSONL records to Documents and back.

Bad input never crashes: each problem becomes a :class:`BadRecord` that names
the source and line, and the caller decides to skip or stop.

>>> rec = parse_jsonl_line(b'{"id": 7, "text": "a"}', "text", "in.jsonl", 1)
>>> rec["id"]
7
"""

from __future__ import annotations

import json
from typing import Any

from .decoding import BinaryInput, Decoded, decode_bytes


class BadRecord(ValueError):
    """A record that cannot be cleaned; the message says where and why."""


def decode_document(data: bytes, source: str, encoding: str | None = None) -> Decoded:
    """Decode one plain-text document, or raise BadRecord."""
    try:
        return decode_bytes(data, encoding=encoding)
    except BinaryInput as exc:
        raise BadRecord(f"{source}: {exc}") from None
    except ValueError as exc:
        raise BadRecord(f"{source}: {exc}") from None


def parse_jsonl_line(line: bytes, field: str, source: str, lineno: int) -> dict[str, Any]:
    """Parse one JSONL line; the named field must hold a string."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRecord(f"{source}:{lineno}: line is not UTF-8 ({exc.reason} at byte {exc.start})") from None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadRecord(f"{source}:{lineno}: malformed JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise BadRecord(f"{source}:{lineno}: expected a JSON object, got {type(obj).__name__}")
    value = obj.get(field)
    if not isinstance(value, str):
        what = "missing" if field not in obj else f"a {type(value).__name__}, not a string"
        raise BadRecord(f"{source}:{lineno}: field {field!r} is {what}")
    return obj


def dump_jsonl(obj: dict[str, Any]) -> str:
    """One JSON line, UTF-8 characters kept readable."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
