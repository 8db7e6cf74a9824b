"""Presets: named, ordered cleaner lists stored as TOML data.

A preset may say ``extends = "other"`` and then list ``[[cleaner]]`` entries
that override options of the inherited cleaners by name.

>>> [c.name for c in load_preset("minimal").cleaners]
['extract_html', 'normalize_layout']
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from importlib import resources
from typing import Any

from ..pipeline import Pipeline


class UnknownPreset(KeyError):
    """No preset of that name."""

    def __str__(self) -> str:
        return str(self.args[0])


def list_presets() -> dict[str, str]:
    """``{name: description}`` for every shipped preset."""
    out = {}
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            out[entry.name[:-5]] = tomllib.loads(entry.read_text("utf-8")).get("description", "")
    return out


def preset_config(name: str) -> list[dict[str, Any]]:
    """The ordered ``[{"name": ..., **options}]`` list of a preset."""
    res = resources.files(__package__).joinpath(f"{name}.toml")
    if not res.is_file():
        raise UnknownPreset(f"unknown preset {name!r}; known: {', '.join(list_presets())}")
    data = tomllib.loads(res.read_text("utf-8"))
    entries = [dict(e) for e in data.get("cleaner", [])]
    base = data.get("extends")
    if not base:
        return entries
    merged = preset_config(base)
    index = {e["name"]: e for e in merged}
    for e in entries:
        if e["name"] in index:
            index[e["name"]].update(e)
        else:
            merged.append(e)
    return [e for e in merged if e.get("enabled", True)]


def load_preset(
    name: str = "default",
    *,
    to: str | None = None,
    only: Iterable[str] | None = None,
    skip: Iterable[str] | None = None,
    options: dict[str, dict[str, Any]] | None = None,
    strict: bool = False,
) -> Pipeline:
    """Build the pipeline a preset names.

    ``to`` sets the script-conversion target (adding the converter at the end
    if the preset lacks it); ``only``/``skip`` keep or drop cleaners by name;
    ``options`` maps a cleaner name to option overrides.
    """
    entries = preset_config(name)
    if to:
        conv = next((e for e in entries if e["name"] == "convert_script"), None)
        if conv is None:
            entries.append({"name": "convert_script", "target": to})
        else:
            conv["target"] = to
    names = {e["name"] for e in entries}
    for wanted in list(only or []) + list(skip or []):
        if wanted not in names:
            from ..registry import get_cleaner_class

            get_cleaner_class(wanted)  # raises a helpful error for typos
    if only:
        keep = set(only) | ({"convert_script"} if to else set())
        entries = [e for e in entries if e["name"] in keep]
    if skip:
        drop = set(skip)
        entries = [e for e in entries if e["name"] not in drop]
    for cname, opts in (options or {}).items():
        for e in entries:
            if e["name"] == cname:
                e.update(opts)
    for e in entries:
        e.pop("enabled", None)
    return Pipeline.from_config(entries, name=name, strict=strict)
