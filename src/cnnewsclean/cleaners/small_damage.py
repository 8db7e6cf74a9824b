"""Small, unambiguous repairs of pages that went through URL form decoding and ASCII lower-casing.

Form decoding turns every ``+`` into a space; lower-casing turns ``AED`` into
``aed``. Both are repaired only when the whole document shows the damage:

* ``plus_restored``: the document has no ``+`` at all, and a short quoted term
  ends in a space before its closing quote (``“工会 ”`` -> ``“工会+”``, the
  common "X+" policy term) or is a formula of numbers and single letters
  (``‘6 x’`` -> ``‘6+X’``; single letters are upper-cased when the document
  has no upper-case ASCII letter, as in ``N+1`` or ``1+X``).
* ``acronym_case``: the document has no upper-case ASCII letter, and a known
  acronym written in lower case is glued to Chinese (``aed急救`` -> ``AED急救``).

Reasons logged: ``plus_restored``, ``acronym_case``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..cleaner import Cleaner
from ..detect.context import IDEOGRAPH
from ..document import Document, Edit

#: Acronyms common in Chinese news, hand-compiled from general knowledge (facts, no licence).
#: Left out on purpose: those that are also pinyin syllables or English words in lower
#: case (ai, an, it, id, ct, pos, app, wifi ...), where upper-casing could be wrong.
ACRONYMS = frozenset(
    """
    aed gdp cpi ppi pmi gnp etc ceo cfo cto coo nba cba wto imf apec asean brics opec nato
    icu mri dna rna pcr vip ktv ppt pdf usb gps suv mpv atm led lcd oled cpu gpu ssd ipo
    rmb usd eur hiv sars mers who unesco unicef ngo vr ar tv cctv cgtn sci cnas npc cppcc
    rcep ftz ppp qfii faq sos ufo uav evtol ev phev nev
    """.split()
)

# (each pattern opens with a character class, so the regex engine skips to candidates in C)
_QUOTED_TERM = re.compile(f"[“‘]([{IDEOGRAPH}A-Za-z0-9]{{1,8}}) (?=[”’])")
_FORMULA = re.compile(r"[“‘]([0-9]{1,3}|[A-Za-z]) ([0-9]{1,3}|[A-Za-z])(?=[”’])")
#: two to six lower-case letters, not part of a longer Latin word
_LOWER_RUN = re.compile("[a-z](?<![A-Za-z][a-z])[a-z]{1,5}(?![A-Za-z])")
_CJK = re.compile(f"[{IDEOGRAPH}]")
_UPPER = re.compile("[A-Z]")


@dataclass(frozen=True)
class SmallDamageOptions:
    """Options for :class:`RepairSmallDamage`.

    ``plus``: restore ``+`` lost to form decoding; ``acronyms``: restore the case of known acronyms.
    """

    plus: bool = True
    acronyms: bool = True


class RepairSmallDamage(Cleaner):
    """Restore ``+`` lost to form decoding and the case of lower-cased acronyms.

    >>> from cnnewsclean.document import Document
    >>> RepairSmallDamage()(Document("创新运用“工会 ”模式，实施“‘6 x’职工服务”，配备aed急救设备")).text
    '创新运用“工会+”模式，实施“‘6+X’职工服务”，配备AED急救设备'
    """

    name = "repair_small_damage"
    Config = SmallDamageOptions

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        edits: list[Edit] = []
        lowered = _UPPER.search(text) is None
        if self.config.plus and "+" not in text and (" ”" in text or " ’" in text):
            for m in _QUOTED_TERM.finditer(text):
                edits.append(self.edit(text, m.end(1), m.end(1) + 1, "+", "plus_restored"))
        if self.config.plus and "+" not in text and ("‘" in text or "“" in text):
            for m in _FORMULA.finditer(text):
                a, b = m.group(1), m.group(2)
                if lowered:
                    a, b = (a.upper() if a.isalpha() else a), (b.upper() if b.isalpha() else b)
                edits.append(self.edit(text, m.start(1), m.end(), f"{a}+{b}", "plus_restored"))
        if self.config.acronyms and lowered:
            for m in _LOWER_RUN.finditer(text):
                word = m.group()
                if word not in ACRONYMS:
                    continue
                s, e = m.span()
                if (s and _CJK.match(text, s - 1)) or (e < len(text) and _CJK.match(text, e)):
                    edits.append(self.edit(text, s, e, word.upper(), "acronym_case"))
        return edits
