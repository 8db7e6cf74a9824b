"""Remove pinyin annotations that a tool appended to characters: ``團結(jié)`` → ``團結``.

An annotation is one syllable in ASCII or full-width brackets right after a
CJK character. It is removed only when the syllable is a reading of that
character (any reading, Simplified or Traditional form), whatever the tone
style: tone marks (``jié``), tone numbers (``jie2``) or none (``jie``). A
toned syllable must match the tone of one reading; a toneless one matches any.
``(App、小程序)``, ``(1)``, ``(責編:…)`` and ``(yōu)`` after a character that
does not read yōu stay.

Authors also gloss a rare character or a polyphone on purpose (``張犇(bēn)``,
``單(shàn)``). Tool damage annotates every occurrence of dozens of
characters, most of them common, always with the default reading, so a
matching annotation is removed when the document has at least
``min_annotations`` of them, or when the annotated character is common and
the syllable is its default reading; a lone gloss otherwise stays.

Reason logged: ``pinyin_annotation``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import regex

from .._resources import pinyin_readings
from ..cleaner import Cleaner
from ..document import Document, Edit
from ..lm import model

_TONED_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_SYLLABLE = r"[(（]([a-zA-Zü" + _TONED_VOWELS + r"]{1,6}(?:[:][a-z]{0,2})?[0-5]?)[)）]"
#: a CJK character followed by bracketed syllables (one, or a repeated annotation)
ANNOTATION = regex.compile(r"(?<=[\p{Han}])(?:" + _SYLLABLE + r")+")
_SYLLABLES = regex.compile(_SYLLABLE)
#: per ``toneless`` option: character + its annotation -> whether the annotation reads the character
_MATCHES: dict[bool, dict[str, bool]] = {True: {}, False: {}}
_MATCHES_MAX = 1 << 16
_QUICK = regex.compile(r"[(（][a-zA-Zü" + _TONED_VOWELS + r"]")


@cache
def split_syllable(syllable: str) -> tuple[str, int]:
    """``(base, tone)`` of a syllable; tone 0 when it carries none.

    >>> split_syllable("jié"), split_syllable("lv4"), split_syllable("lǜ"), split_syllable("Jie")
    (('jie', 2), ('lv', 4), ('lv', 4), ('jie', 0))
    """
    s = syllable.lower().replace("u:", "ü")
    tone = 0
    if s and s[-1].isdigit():
        tone = int(s[-1]) % 5
        s = s[:-1]
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", s):
        mark = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}.get(ch)
        if mark:
            tone = mark
        elif ch == "\u0308":
            out[-1] = "v"
        else:
            out.append(ch)
    return "".join(out).replace("ü", "v"), tone


def reads_as(ch: str, syllable: str, default_only: bool = False) -> bool:
    """True when ``syllable`` is one of the readings of ``ch`` (its default one only, if asked).

    >>> reads_as("結", "jié"), reads_as("結", "jie2"), reads_as("績", "yōu"), reads_as("行", "hang")
    (True, True, False, True)
    >>> reads_as("單", "shàn"), reads_as("單", "shàn", default_only=True)
    (True, False)
    """
    readings = pinyin_readings().get(ch)
    if not readings:
        return False
    if default_only:
        readings = readings[:1]
    base, tone = split_syllable(syllable)
    for reading in readings:
        rbase, rtone = split_syllable(reading)
        if rbase == base and (tone == 0 or rtone == 0 or tone == rtone):
            return True
    return False


@dataclass(frozen=True)
class PinyinOptions:
    """Options for :class:`RemovePinyinAnnotations`.

    ``toneless``: also remove syllables without any tone (``結(jie)``); such
    brackets are rarer in real text but still matched against the readings.
    ``min_annotations``: matching annotations in a document from which all are
    removed; below it only those after a common character go.
    ``common_logp``: log-frequency (character LM) above which a character is
    common enough that nobody would gloss it.
    """

    toneless: bool = True
    min_annotations: int = 3
    common_logp: float = -9.0


class RemovePinyinAnnotations(Cleaner):
    """Remove a bracketed pinyin syllable that reads the character before it.

    >>> from cnnewsclean.document import Document
    >>> RemovePinyinAnnotations()(Document("團結(jié)引領(lǐng)產(chǎn)業(yè)(App、小程序)")).text
    '團結引領產業(App、小程序)'
    """

    name = "remove_pinyin_annotations"
    Config = PinyinOptions

    def quick_check(self, text: str) -> bool:
        return ("(" in text or "（" in text) and _QUICK.search(text) is not None

    def find_edits(self, text: str, doc: Document) -> Iterable[Edit]:
        toneless = self.config.toneless
        memo = _MATCHES[toneless]
        name = self.name
        found: list[Edit] = []
        for m in ANNOTATION.finditer(text):
            start, end = m.span()
            key = text[start - 1 : end]  # the character and its annotation
            ok = memo.get(key)
            if ok is None:
                ch, syllables = key[0], m.captures(1)
                if not toneless and any(split_syllable(s)[1] == 0 for s in syllables):
                    ok = False
                else:
                    ok = all(reads_as(ch, s) for s in syllables)
                if len(memo) >= _MATCHES_MAX:
                    memo.clear()
                memo[key] = ok
            if ok:
                found.append(Edit(name, start, end, key[1:], "", "pinyin_annotation"))
        if len(found) < self.config.min_annotations:
            # too few to be tool damage: a gloss on a rare character or on a polyphone
            # (``單(shàn)``) is the author's; the tool used the default reading
            lm = model()
            found = [
                e
                for e in found
                if lm.char_logp(text[e.start - 1]) > self.config.common_logp
                and all(reads_as(text[e.start - 1], syl, default_only=True) for syl in _SYLLABLES.findall(text, e.start, e.end))
            ]
        return found
