"""Forward injector: splice spam keywords and fiction fragments into clean news, keeping a mask.

Mimics the SEO injector of seed 002 (CORRUPTION.md §3): keywords and fragments of
fiction land at arbitrary character positions inside paragraphs, often in the
middle of a word or number. The mask marks every injected character, so a test
or benchmark can measure recall of injected characters and host damage.

>>> import random
>>> text, mask = inject_text("工會組織引領廣大職工建功立業。", random.Random(1), ["包養網"], [], n_keywords=1, n_fiction=0)
>>> len(text) == len(mask) and sum(mask) == 3
True
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import opencc

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"
CLEAN_GOLD = ("000_04f726505ebab9a0", "001_ef19e07390bc0016", "003_0bf3a46272197683", "004_70b0acb36bfb5e52")


@cache
def _conv(cfg: str) -> opencc.OpenCC:
    return opencc.OpenCC(cfg)


def in_script(text: str, script: str) -> str:
    """``text`` converted to ``"hans"`` or ``"hant"``."""
    return _conv("t2s" if script == "hans" else "s2t").convert(text)


def script_guess(text: str) -> str:
    """``"hans"`` or ``"hant"`` by which conversion changes less."""
    to_s = sum(a != b for a, b in zip(text, in_script(text, "hans"), strict=True))
    to_t = sum(a != b for a, b in zip(text, in_script(text, "hant"), strict=True))
    return "hant" if to_s > to_t else "hans"


#: held-out fiction, hosts and negatives: for measuring only, never for tuning (see its README.md)
HELDOUT = FIXTURES / "inject_heldout"


def fiction_texts(script: str, heldout: bool = False) -> list[str]:
    """The test fiction (tests/fixtures/inject_fiction_*.txt, or the held-out ``fiction_*.txt``), in ``script``."""
    paths = sorted(HELDOUT.glob("fiction_*.txt")) if heldout else sorted(FIXTURES.glob("inject_fiction_*.txt"))
    return [in_script(p.read_text(encoding="utf-8").replace("\n", ""), script) for p in paths]


def keyword_terms(script: str) -> list[str]:
    """Spam lexicon terms written in ``script`` (plus Latin-mixed ones)."""
    from cnnewsclean._resources import spam_keywords

    terms = list(spam_keywords())
    return sorted({t for t in terms if in_script(t, script) == t})


def host_texts(heldout: bool = False) -> list[str]:
    """Clean news: gold bodies of seeds 000/001/003/004 (if present) and tests/fixtures/inject_host_*.txt.

    With ``heldout``, the held-out hosts (``inject_heldout/host_*.txt``) instead.
    """
    if heldout:
        return [p.read_text(encoding="utf-8").strip() for p in sorted(HELDOUT.glob("host_*.txt"))]
    out = []
    for name in CLEAN_GOLD:
        p = GOLD / f"{name}.json"
        if p.exists():
            out.append("\n".join(json.loads(p.read_text(encoding="utf-8"))["body"]))
    out += [p.read_text(encoding="utf-8").strip() for p in sorted(FIXTURES.glob("inject_host_*.txt"))]
    return out


def inject_text(
    host: str,
    rng: random.Random,
    keywords: list[str],
    fictions: list[str],
    n_keywords: int,
    n_fiction: int,
    frag_len: tuple[int, int] = (12, 60),
    one_story: bool = False,
) -> tuple[str, list[bool]]:
    """Splice ``n_keywords`` keywords and ``n_fiction`` fiction fragments into ``host`` at random positions.

    Positions are inside paragraphs (never next to a line break), at least 20
    characters apart. With ``one_story``, the fragments are successive passages of
    one story, in order (as in seed 002, where one novel's names recur); otherwise
    each comes from a story of its own. Returns the text and a per-character injected mask.
    """
    candidates = [i for i in range(1, len(host)) if host[i - 1] != "\n" and host[i] != "\n"]
    pieces: list[str] = [rng.choice(keywords) for _ in range(n_keywords)]
    frags: list[str] = []
    story = rng.choice(fictions) if one_story and n_fiction else ""
    # room for every passage and the gaps between them (60 + 120 characters at most each), so they never overlap
    at = rng.randrange(0, max(1, min(len(story) // 2, len(story) - n_fiction * (frag_len[1] + 120)))) if story else 0
    for _ in range(n_fiction):
        src = story or rng.choice(fictions)
        n = rng.randint(*frag_len)
        if story:  # the next passage, a little further on
            a = min(at, max(0, len(src) - n))
            at = a + n + rng.randint(0, 120)
        else:
            a = rng.randrange(0, max(1, len(src) - n))
        frags.append(src[a : a + n])
    if one_story:  # keywords land anywhere, the story's passages keep their order
        order = sorted(rng.sample(range(len(pieces) + len(frags)), len(frags)))
        merged: list[str] = []
        it = iter(frags)
        rest = iter(pieces)
        for k in range(len(pieces) + len(frags)):
            merged.append(next(it) if k in order else next(rest))
        pieces = merged
    else:
        pieces += frags
        rng.shuffle(pieces)
    chosen: list[int] = []
    for _ in range(len(pieces)):
        for _try in range(50):
            p = rng.choice(candidates)
            if all(abs(p - q) >= 20 for q in chosen):
                chosen.append(p)
                break
    chosen.sort()
    out: list[str] = []
    mask: list[bool] = []
    prev = 0
    for p, piece in zip(chosen, pieces, strict=False):
        out.append(host[prev:p])
        mask += [False] * (p - prev)
        out.append(piece)
        mask += [True] * len(piece)
        prev = p
    out.append(host[prev:])
    mask += [False] * (len(host) - prev)
    return "".join(out), mask


@dataclass
class Case:
    """One injected document."""

    text: str
    mask: list[bool]
    host: str


def make_cases(
    n: int,
    seed: int = 0,
    keywords: tuple[int, int] = (0, 6),
    fiction: tuple[int, int] = (0, 3),
    heldout: bool = False,
    one_story: bool = False,
) -> list[Case]:
    """``n`` injected documents from the clean hosts, in each host's own script (``heldout``: the held-out set;
    ``one_story``: each document's fragments are successive passages of one story)."""
    rng = random.Random(seed)
    hosts = host_texts(heldout)
    cases = []
    for _ in range(n):
        host = rng.choice(hosts)
        paras = host.split("\n")
        a = rng.randrange(0, max(1, len(paras) - 4))
        host = "\n".join(paras[a : a + rng.randint(3, 12)])
        script = script_guess(host)
        text, mask = inject_text(
            host,
            rng,
            keyword_terms(script),
            fiction_texts(script, heldout),
            rng.randint(*keywords),
            rng.randint(*fiction),
            one_story=one_story,
        )
        cases.append(Case(text, mask, host))
    return cases


def removal_mask(doc_text: str, edits: list) -> list[bool]:  # type: ignore[type-arg]
    """Which characters of ``doc_text`` the (deletion-only) edits removed, replayed batch by batch."""
    alive = list(range(len(doc_text)))
    removed = [False] * len(doc_text)
    by_step: dict[int, list] = {}  # type: ignore[type-arg]
    for e in edits:
        by_step.setdefault(e.step, []).append(e)
    for step in sorted(by_step):
        batch = sorted(by_step[step], key=lambda e: e.start)
        drop: set[int] = set()
        for e in batch:
            assert e.after == "", "injection cleaners only delete"
            drop.update(range(e.start, e.end))
        for i in drop:
            removed[alive[i]] = True
        alive = [orig for i, orig in enumerate(alive) if i not in drop]
    return removed


def score(cases: list[Case], pipeline) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Recall of injected characters and share of host characters removed, over ``cases``."""
    from cnnewsclean.document import Document

    inj = hit = host = damage = 0
    for c in cases:
        doc = pipeline(Document(c.text))
        removed = removal_mask(c.text, doc.edits)
        for m, r in zip(c.mask, removed, strict=True):
            if m:
                inj += 1
                hit += r
            else:
                host += 1
                damage += r
    return {"recall": hit / max(1, inj), "host_damage": damage / max(1, host), "injected": inj, "host": host}
