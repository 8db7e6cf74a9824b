"""Score synonym-spun text (偽原創) and the page's spam injection; never edits.

A synonym spinner rewrites a copied article word by word (大 → 年夜, 民 → 平易近,
能夠 → 可以或許, 通過 → 經由過程, 質量 → 東西的品質); the forms it leaves almost
never occur in real writing. ``spun_score`` counts them per 1,000 characters
(``data/spun_forms.tsv``, both scripts). ``injection_score`` sums up what the
injection cleaners removed: keyword and fiction spans per 1,000 characters
(low-confidence finds stay in ``metadata["flags"]`` and do not count).

Reasons logged: none (no edits). Metadata: ``spun_score``, ``spun_forms``
(count), ``injection_score``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..cleaner import Cleaner
from ..detect.register import spun_spans
from ..document import Document, Edit


@dataclass(frozen=True)
class Config:
    """Options for :class:`ScoreSpunText`.

    digits: decimal places kept in the scores.
    """

    digits: int = 1


class ScoreSpunText(Cleaner):
    """Set ``spun_score`` (spinner artefacts per 1,000 characters) and ``injection_score``; never edits.

    >>> from cnnewsclean.document import Document
    >>> ScoreSpunText()(Document("年夜國工匠可以或許找到舞臺，經由過程比賽晉陞。")).metadata["spun_score"]
    130.4
    """

    name = "score_spun_text"
    Config = Config
    runs_after = ("remove_injected_keywords", "remove_injected_fiction")

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        n = len(text) or 1
        forms = len(spun_spans(text))
        doc.metadata["spun_forms"] = forms
        doc.metadata["spun_score"] = round(1000 * forms / n, self.config.digits)
        removed = sum(1 for e in doc.edits if e.cleaner in ("remove_injected_keywords", "remove_injected_fiction"))
        doc.metadata["injection_score"] = round(1000 * removed / n, self.config.digits)
        return []
