"""Document and Edit: the data that flows through a pipeline (stdlib only).

>>> doc = Document("標題\\n正文。")
>>> doc.text.splitlines()[0]
'標題'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True, unsafe_hash=True)
class Edit:
    """One change a cleaner made to the text it received.

    ``start``/``end`` index the text as the cleaner received it. A deletion has
    ``after == ""``; an insertion has ``before == ""``. ``moved_to`` names the
    metadata key that kept the removed text (``"title"``, ``"source"`` ...), so
    nothing useful is lost silently. ``step`` is the cleaner's position in the
    pipeline; ``replay`` applies edits batch by batch using it. Treat an Edit
    as immutable once logged (it is not frozen only because frozen dataclasses
    cost four times as much to build, and cleaners make hundreds per page).

    >>> Edit("demo", 0, 2, "ab", "", "example").removed
    2
    """

    cleaner: str
    start: int
    end: int
    before: str
    after: str
    reason: str
    moved_to: str | None = None
    step: int = 0

    @property
    def removed(self) -> int:
        """Characters removed net (negative when the edit adds text)."""
        return len(self.before) - len(self.after)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output."""
        return asdict(self)


@dataclass(slots=True)
class Document:
    """Text plus metadata plus the log of every edit made to it.

    >>> Document("abc", id="x").metadata
    {}
    """

    text: str
    id: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    edits: list[Edit] = field(default_factory=list)

    def flag(self, kind: str, **info: Any) -> None:
        """Record a low-confidence finding that did not lead to an edit."""
        self.metadata.setdefault("flags", []).append({"kind": kind, **info})
