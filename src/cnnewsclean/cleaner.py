"""Cleaner base classes: turn what a cleaner finds into logged, applied edits.

A cleaner holds only its frozen config, so it pickles (multiprocessing, Spark,
Ray). Subclasses implement ``find_edits`` (the template method) and may
override ``quick_check`` to skip texts that cannot contain their target.

>>> from cnnewsclean.document import Document
>>> class DropX(Cleaner):
...     name = "drop_x"
...     def find_edits(self, text, doc):
...         i = text.find("X")
...         return [] if i < 0 else [self.edit(text, i, i + 1, "", "letter_x")]
>>> DropX()(Document("aXb")).text
'ab'
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from .document import Document, Edit
from .edits import _span_key, apply_sorted_edits

#: metadata keys that collect several values (everything else keeps the first value)
LIST_KEYS = frozenset({"captions", "removed_spam", "photographers", "subtitles", "removed"})


@dataclass(frozen=True)
class NoOptions:
    """Config for cleaners without options."""


class Cleaner:
    """Base class: one job, configured by a frozen dataclass, every change logged."""

    name: ClassVar[str] = ""
    Config: ClassVar[type] = NoOptions
    runs_after: ClassVar[tuple[str, ...]] = ()

    def __init__(self, config: Any = None, /, **options: Any) -> None:
        if config is None:
            config = self.Config(**options)
        elif options:
            config = dataclasses.replace(config, **options)
        self.config = config

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.config!r})"

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.config == other.config  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self), self.config))

    @classmethod
    def describe(cls) -> str:
        """The first line of the class docstring."""
        return (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""

    def options(self) -> dict[str, Any]:
        """The config as a plain dict (round-trips through ``Config(**d)``)."""
        return dataclasses.asdict(self.config)

    # -- the template ---------------------------------------------------
    def quick_check(self, text: str) -> bool:
        """Cheap pre-check: False means the text cannot need this cleaner."""
        return True

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        """Return non-overlapping edits against ``text``; may update ``doc.metadata``."""
        raise NotImplementedError

    def edit(self, text: str, start: int, end: int, after: str, reason: str, moved_to: str | None = None) -> Edit:
        """Build an Edit for ``text[start:end] -> after``."""
        return Edit(self.name, start, end, text[start:end], after, reason, moved_to)

    def __call__(self, doc: Document, step: int = 0) -> Document:
        text = doc.text
        if not text or not self.quick_check(text):
            return doc
        found = [e for e in self.find_edits(text, doc) if e.before != e.after]
        if not found:
            return doc
        found.sort(key=_span_key)
        new_text = apply_sorted_edits(text, found)
        for e in found:
            if e.moved_to:
                self.to_metadata(e, doc)
        for e in found:
            e.step = step
        doc.edits.extend(found)
        doc.text = new_text
        return doc

    def to_metadata(self, edit: Edit, doc: Document) -> None:
        """Keep removed text in metadata under ``edit.moved_to``."""
        key = edit.moved_to
        assert key is not None
        value = edit.before.strip()
        if not value:
            return
        if key in LIST_KEYS:
            doc.metadata.setdefault(key, []).append(value)
        else:
            doc.metadata.setdefault(key, value)


def iter_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, line)`` for each line; ``end`` excludes the newline.

    >>> list(iter_lines("ab\\ncd"))
    [(0, 2, 'ab'), (3, 5, 'cd')]
    """
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            if pos < n:
                yield pos, n, text[pos:]
            return
        yield pos, nl, text[pos:nl]
        pos = nl + 1


def line_removal(text: str, start: int, end: int) -> tuple[int, int]:
    """Span that removes the line ``text[start:end]`` together with one newline."""
    if end < len(text) and text[end] == "\n":
        return start, end + 1
    if start > 0 and text[start - 1] == "\n":
        return start - 1, end
    return start, end
