#!/usr/bin/env python3
"""Build data/spam_keywords.tsv and data/spun_forms.tsv from the hand-compiled lists in scripts/sources/.

Both source lists were compiled by hand for cnnewsclean (see the headers of
``scripts/sources/spam_keywords.txt`` and ``spun_forms.txt``). This script adds the
other script's spelling of every entry with OpenCC (s2t / t2s, Apache-2.0) and
drops duplicates, so the cleaners match both Simplified and Traditional text.

Usage: python scripts/build_spam_lexicon.py
"""

from __future__ import annotations

import re
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "scripts" / "sources"
DATA = ROOT / "src" / "cnnewsclean" / "data"


def _rows(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            a, b = line.split("\t")
            rows.append((a, b))
    return rows


#: characters too common in news to anchor a keyword search (the scan would stop everywhere)
_COMMON = set(
    "网網站本团團户戶影快日乐樂成色片金城人家业業注图圖冠申国國上线線京体體子高大学學长長台臺"
    "级級賽赛育现現三北投電电真百道情免洲评評址平开開期短女生一发發车車费費优優藝艺频頻"
)


def _char_freq(t2s: opencc.OpenCC) -> dict[str, int]:
    """Character frequencies summed over jieba's dictionary (MIT), Simplified."""
    import jieba

    freq: dict[str, int] = {}
    for line in Path(jieba.__file__).with_name("dict.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        for c in parts[0]:
            freq[c] = freq.get(c, 0) + int(parts[1])
    return freq


def _anchor(term: str, freq: dict[str, int], t2s: opencc.OpenCC) -> str:
    """The one character of ``term`` a fast scan looks for: its rarest Han character, else a Latin letter."""
    han = [c for c in term if "\u4e00" <= c <= "\u9fff"]
    usable = [c for c in han if c not in _COMMON]
    if usable:
        return min(usable, key=lambda c: freq.get(t2s.convert(c), 0))
    latin = re.findall(r"[A-Za-z]{2,}", term)
    if latin:
        return max(latin, key=len)[0].lower()
    if han:
        return min(han, key=lambda c: freq.get(t2s.convert(c), 0))
    return term[0].lower()


def _top_level_alternatives(rx: str) -> list[str]:
    """Split ``rx`` at ``|`` outside groups and classes."""
    parts, depth, cls, cur = [], 0, False, ""
    for c in rx:
        if c == "[":
            cls = True
        elif c == "]":
            cls = False
        elif not cls and c == "(":
            depth += 1
        elif not cls and c == ")":
            depth -= 1
        if c == "|" and depth == 0 and not cls:
            parts.append(cur)
            cur = ""
        else:
            cur += c
    parts.append(cur)
    return parts


def _union_classes(original: str, converted: str) -> str:
    """``converted`` with each ``[...]`` class holding the characters of both spellings.

    Keeps lookarounds such as ``(?![飯菜])`` working on mixed-script text.
    """
    orig_classes = re.findall(r"\[([^\]]*)\]", original)
    it = iter(orig_classes)

    def merge(m: re.Match[str]) -> str:
        extra = next(it, "")
        return "[" + "".join(dict.fromkeys(m.group(1) + extra)) + "]"

    return re.sub(r"\[([^\]]*)\]", merge, converted)


def main() -> None:
    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    freq = _char_freq(t2s)
    seen: set[tuple[str, str]] = set()
    out = ["# category\tterm\tanchor (built by scripts/build_spam_lexicon.py from scripts/sources/spam_keywords.txt)"]
    for cat, term in _rows(SRC / "spam_keywords.txt"):
        for form in (term, s2t.convert(term), t2s.convert(term)):
            if (cat, form) not in seen:
                seen.add((cat, form))
                out.append(f"{cat}\t{form}\t{_anchor(form, freq, t2s)}")
    (DATA / "spam_keywords.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    spun = ["# regex\treplaced word\tanchor (built by scripts/build_spam_lexicon.py from scripts/sources/spun_forms.txt)"]
    seen_re: set[str] = set()
    for rx, orig in _rows(SRC / "spun_forms.txt"):
        for whole in (rx, _union_classes(rx, t2s.convert(rx))):
            for form in _top_level_alternatives(whole):
                if form not in seen_re:
                    seen_re.add(form)
                    core = re.sub(r"\(\?<?[=!](?:[^()]|\([^()]*\))*\)", "", form)
                    assert re.fullmatch(r"[\u4e00-\u9fff]+", core), form
                    anchor = min(core, key=lambda c: freq.get(t2s.convert(c), 0))
                    spun.append(f"{form}\t{orig}\t{anchor}")
    (DATA / "spun_forms.tsv").write_text("\n".join(spun) + "\n", encoding="utf-8")
    print(f"{len(out) - 1} keyword forms, {len(spun) - 1} spun forms")


if __name__ == "__main__":
    main()
