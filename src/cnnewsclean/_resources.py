"""Cached loaders for package data (``data/``); nothing else reads those files.

Each loader runs once per process (``functools.cache``), on first use, so
importing cnnewsclean stays cheap and workers build their own copies.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def data_path(name: str):  # type: ignore[no-untyped-def]
    """A Traversable for ``cnnewsclean/data/<name>``."""
    return resources.files("cnnewsclean").joinpath("data", name)


def read_data_text(name: str) -> str:
    """The text of a data file (UTF-8)."""
    return data_path(name).read_text(encoding="utf-8")


@cache
def script_chars() -> tuple[frozenset[str], frozenset[str]]:
    """``(simplified_only, traditional_only)`` character sets."""
    simp: frozenset[str] = frozenset()
    trad: frozenset[str] = frozenset()
    for line in read_data_text("script_chars.tsv").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        key, chars = line.split("\t", 1)
        if key == "simplified":
            simp = frozenset(chars)
        elif key == "traditional":
            trad = frozenset(chars)
    return simp, trad


@cache
def spam_vocab() -> tuple[tuple[str, float, str], ...]:
    """``(category, weight, term)`` rows of ``spam_vocab.tsv`` (terms lower-cased)."""
    rows: list[tuple[str, float, str]] = []
    for line in read_data_text("spam_vocab.tsv").splitlines():
        if line.startswith("#") or line.count("\t") != 2:
            continue
        category, weight, term = line.split("\t")
        rows.append((category, float(weight), term))
    return tuple(rows)


@cache
def county_names() -> dict[str, int]:
    """County-level and higher place names of China (both scripts, historical ones too) -> level 1-3."""
    names: dict[str, int] = {}
    for line in read_data_text("counties.tsv").splitlines():
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 2:
            names[parts[0]] = int(parts[1])
    return names


# -- injected spam (issue 5) --------------------------------------------------
@cache
def spam_keywords() -> dict[str, str]:
    """Spam keyword (both scripts) -> category (``sugar``, ``gambling``, ``porn``)."""
    return {term: cat for cat, term, _ in spam_keyword_rows()}


@cache
def spam_anchors() -> frozenset[str]:
    """One rare character (or Latin word) of each spam keyword: a text without any has no keyword."""
    return frozenset(anchor for _, _, anchor in spam_keyword_rows())


@cache
def spam_keyword_rows() -> tuple[tuple[str, str, str], ...]:
    """``(category, keyword, anchor)`` rows of ``data/spam_keywords.tsv``."""
    rows = []
    for line in read_data_text("spam_keywords.tsv").splitlines():
        if line and not line.startswith("#"):
            cat, term, anchor = line.split("\t")
            rows.append((cat, term, anchor))
    return tuple(rows)


@cache
def host_words() -> tuple[frozenset[str], frozenset[str]]:
    """``(common, all)`` words (Simplified, 2-4 Han characters) from jieba's dictionary."""
    import lzma

    raw = lzma.decompress(data_path("host_words.txt.xz").read_bytes()).decode("utf-8")
    head, _, tail = raw.partition("\n#rare\n")
    common = frozenset(w for w in head.splitlines() if w and not w.startswith("#"))
    return common, common | frozenset(w for w in tail.splitlines() if w)


@cache
def spun_forms() -> tuple[tuple[str, str, str], ...]:
    """``(regex, replaced word, anchor character)`` for synonym-spinner artefacts, both scripts."""
    rows = []
    for line in read_data_text("spun_forms.tsv").splitlines():
        if line and not line.startswith("#"):
            rx, orig, anchor = line.split("\t")
            rows.append((rx, orig, anchor))
    return tuple(rows)


@cache
def char_lm_tables() -> tuple[dict[str, tuple[int, int, int, int]], dict[int, int]]:
    """Character LM counts: ``({char: (count, word_final, word_initial, multi_initial)}, {pair_key: count})``.

    ``pair_key`` is ``ord(a) << 21 | ord(b)``. Built by scripts/build_char_lm.py.
    """
    import gzip

    uni: dict[str, tuple[int, int, int, int]] = {}
    bi: dict[int, int] = {}
    with data_path("char_lm.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line[0] == "B":
                bi[ord(line[2]) << 21 | ord(line[3])] = int(line[5:])
            elif line[0] == "U":
                _, ch, c, fin, ini, multi = line.rstrip("\n").split("\t")
                uni[ch] = (int(c), int(fin), int(ini), int(multi))
    return uni, bi


@cache
def pinyin_readings() -> dict[str, tuple[str, ...]]:
    """Character -> its pinyin readings with tone marks, default first (data/pinyin.tsv.gz)."""
    import gzip

    table: dict[str, tuple[str, ...]] = {}
    with data_path("pinyin.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            ch, _, readings = line.rstrip("\n").partition("\t")
            table[ch] = tuple(readings.split(","))
    return table


@cache
def common_chars() -> str:
    """The most frequent characters of the character LM, most frequent first (data/common_chars.txt)."""
    lines = [line for line in read_data_text("common_chars.txt").splitlines() if line and not line.startswith("#")]
    return "".join(lines)


@cache
def register_lm_tables(name: str) -> tuple[dict[str, int], dict[str, int]]:
    """Character counts ``({char: count}, {two chars: count})`` of ``data/<name>_lm.tsv.gz``.

    ``name`` is ``"fiction"`` (the project's own short stories) or ``"news"`` (its own news
    reports); both are built by scripts/build_fiction_lm.py.
    """
    import gzip

    uni: dict[str, int] = {}
    bi: dict[str, int] = {}
    with data_path(f"{name}_lm.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            kind, key, n = line.rstrip("\n").split("\t")
            (uni if kind == "U" else bi)[key] = int(n)
    return uni, bi


def fiction_lm_tables() -> tuple[dict[str, int], dict[str, int]]:
    """Fiction character counts (data/fiction_lm.tsv.gz): ``register_lm_tables("fiction")``."""
    return register_lm_tables("fiction")
