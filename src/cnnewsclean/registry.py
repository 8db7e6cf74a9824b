"""The one table from cleaner names to cleaner classes.

Built-in cleaners are listed here as import paths and imported only when asked
for; user plugins call :func:`register` or expose an entry point in the group
``cnnewsclean.cleaners``.

>>> get_cleaner_class("normalize_layout").__name__
'NormalizeLayout'
"""

from __future__ import annotations

import importlib
import importlib.util
from importlib.metadata import entry_points

from .cleaner import Cleaner

# Order here is documentation order; pipeline order lives in presets/*.toml.
_BUILTIN: dict[str, str] = {
    "extract_html": "cnnewsclean.cleaners.html:ExtractHtml",
    "normalize_layout": "cnnewsclean.cleaners.layout:NormalizeLayout",
    # -- mojibake (issue 4) --
    "decode_html_entities": "cnnewsclean.cleaners.entities:DecodeHtmlEntities",
    "repair_encoding_mixups": "cnnewsclean.cleaners.encoding_mixups:RepairEncodingMixups",
    "repair_gbk_bytes": "cnnewsclean.cleaners.gbk_bytes:RepairGbkBytes",
    "remove_pinyin_annotations": "cnnewsclean.cleaners.pinyin:RemovePinyinAnnotations",
    "restore_fullwidth_punctuation": "cnnewsclean.cleaners.punctuation:RestoreFullwidthPunctuation",
    "repair_small_damage": "cnnewsclean.cleaners.small_damage:RepairSmallDamage",
    # -- lines and page chrome (issue 3) --
    "remove_spam_lines": "cnnewsclean.cleaners.spam_lines:RemoveSpamLines",
    "remove_county_tail": "cnnewsclean.cleaners.county_tail:RemoveCountyTail",
    "remove_title_brand_suffix": "cnnewsclean.cleaners.brand_suffix:RemoveTitleBrandSuffix",
    "remove_page_chrome": "cnnewsclean.cleaners.chrome:RemovePageChrome",
    "remove_captions": "cnnewsclean.cleaners.captions:RemoveCaptions",
    "rejoin_broken_paragraphs": "cnnewsclean.cleaners.paragraphs:RejoinBrokenParagraphs",
    # -- injected spam (issue 5) --
    "remove_injected_keywords": "cnnewsclean.cleaners.injected_keywords:RemoveInjectedKeywords",
    "remove_injected_fiction": "cnnewsclean.cleaners.injected_fiction:RemoveInjectedFiction",
    "score_spun_text": "cnnewsclean.cleaners.spun_text:ScoreSpunText",
    # -- script conversion (issue 6) --
    "convert_script": "cnnewsclean.cleaners.script:ConvertScript",
}

_REGISTERED: dict[str, type[Cleaner]] = {}


class UnknownCleaner(KeyError):
    """No cleaner of that name."""

    def __str__(self) -> str:
        return str(self.args[0])


def register(name: str, cls: type[Cleaner]) -> None:
    """Register a user cleaner class under ``name``."""
    cls.name = name
    _REGISTERED[name] = cls


def available_names() -> list[str]:
    """Names of built-in cleaners whose modules exist, then registered ones."""
    names = []
    for name, path in _BUILTIN.items():
        module = path.split(":")[0]
        if importlib.util.find_spec(module) is not None:
            names.append(name)
    return names + [n for n in _REGISTERED if n not in _BUILTIN]


def get_cleaner_class(name: str) -> type[Cleaner]:
    """Look a cleaner class up by name (imports it on first use)."""
    if name in _REGISTERED:
        return _REGISTERED[name]
    path = _BUILTIN.get(name)
    if path is not None:
        module, _, attr = path.partition(":")
        cls: type[Cleaner] = getattr(importlib.import_module(module), attr)
        cls.name = name
        _REGISTERED[name] = cls
        return cls
    for ep in entry_points(group="cnnewsclean.cleaners"):
        if ep.name == name:
            register(name, ep.load())
            return _REGISTERED[name]
    raise UnknownCleaner(f"unknown cleaner {name!r}; known: {', '.join(available_names())}")


def list_cleaners() -> dict[str, str]:
    """``{name: one-line description}`` for every available cleaner."""
    return {name: get_cleaner_class(name).describe() for name in available_names()}
