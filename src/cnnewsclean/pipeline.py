"""Pipeline: an ordered list of cleaners with per-cleaner statistics.

>>> p = Pipeline.from_config([{"name": "normalize_layout"}])
>>> p.clean("　　正文。  \\n\\n")
'正文。'
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .cleaner import Cleaner
from .document import Document
from .registry import get_cleaner_class


@dataclass
class CleanerStats:
    """What one cleaner did over all documents it saw."""

    docs_seen: int = 0
    docs_changed: int = 0
    edits: int = 0
    chars_removed: int = 0
    chars_added: int = 0
    errors: int = 0
    seconds: float = 0.0
    by_reason: Counter[str] = field(default_factory=Counter)

    def merge(self, other: CleanerStats) -> None:
        """Add another worker's figures to these."""
        self.docs_seen += other.docs_seen
        self.docs_changed += other.docs_changed
        self.edits += other.edits
        self.chars_removed += other.chars_removed
        self.chars_added += other.chars_added
        self.errors += other.errors
        self.seconds += other.seconds
        self.by_reason.update(other.by_reason)

    def to_dict(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d["by_reason"] = dict(self.by_reason)
        d["seconds"] = round(self.seconds, 4)
        return d


class Pipeline:
    """Run cleaners in order over documents, logging every edit.

    A cleaner that raises does not crash the pipeline unless ``strict``: the
    document keeps the text it had before that cleaner and the error is
    recorded in ``metadata["errors"]`` and in the stats.
    """

    def __init__(self, cleaners: Sequence[Cleaner], name: str | None = None, strict: bool = False) -> None:
        self.cleaners = list(cleaners)
        self.name = name
        self.strict = strict
        self.stats: dict[str, CleanerStats] = {}
        self.reset_stats()
        self._check_order()

    def _check_order(self) -> None:
        seen: set[str] = set()
        names = [c.name for c in self.cleaners]
        for c in self.cleaners:
            for dep in c.runs_after:
                if dep in names and dep not in seen:
                    import warnings

                    warnings.warn(f"{c.name} should run after {dep}", stacklevel=3)
            seen.add(c.name)

    def reset_stats(self) -> None:
        self.stats = {c.name: CleanerStats() for c in self.cleaners}

    def __repr__(self) -> str:
        return f"Pipeline({[c.name for c in self.cleaners]!r}, name={self.name!r})"

    def __call__(self, doc: Document) -> Document:
        for step, cleaner in enumerate(self.cleaners):
            st = self.stats.setdefault(cleaner.name, CleanerStats())
            st.docs_seen += 1
            n_before = len(doc.edits)
            t0 = time.perf_counter()
            try:
                doc = cleaner(doc, step)
            except Exception as exc:
                if self.strict:
                    raise
                del doc.edits[n_before:]
                st.errors += 1
                doc.metadata.setdefault("errors", []).append(f"{cleaner.name}: {type(exc).__name__}: {exc}")
            st.seconds += time.perf_counter() - t0
            new = doc.edits[n_before:]
            if new:
                st.docs_changed += 1
                st.edits += len(new)
                for e in new:
                    st.by_reason[e.reason] += 1
                    st.chars_removed += len(e.before)
                    st.chars_added += len(e.after)
        return doc

    def clean_document(self, text: str | Document, id: str | None = None) -> Document:
        """Clean ``text`` (or a Document) and return the Document with its log."""
        doc = text if isinstance(text, Document) else Document(text, id=id)
        return self(doc)

    def clean(self, text: str) -> str:
        """Clean ``text`` and return only the clean text."""
        return self(Document(text)).text

    def map(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Clean documents lazily, in order."""
        for doc in docs:
            yield self(doc)

    def to_config(self) -> list[dict[str, Any]]:
        """The pipeline as data: ``[{"name": ..., **options}, ...]``."""
        return [{"name": c.name, **c.options()} for c in self.cleaners]

    @classmethod
    def from_config(cls, entries: Iterable[dict[str, Any]], name: str | None = None, strict: bool = False) -> Pipeline:
        """Build a pipeline from ``[{"name": ..., **options}, ...]``."""
        cleaners = []
        for entry in entries:
            entry = dict(entry)
            cname = entry.pop("name")
            cleaners.append(get_cleaner_class(cname)(**entry))
        return cls(cleaners, name=name, strict=strict)

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.to_config(), "name": self.name, "strict": self.strict}

    def __setstate__(self, state: dict[str, Any]) -> None:
        other = Pipeline.from_config(state["config"], name=state["name"], strict=state["strict"])
        self.__dict__.update(other.__dict__)
