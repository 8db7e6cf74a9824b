"""Shared fixtures: the seed articles and the gold files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI replays the same examples on every run (a red build must be reproducible); local runs keep exploring
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
GOLD_DIR = ROOT.parent / "shared" / "gold"
SEED_IDS = sorted(p.stem for p in SEEDS_DIR.glob("*.txt"))


def seed_text(seed_id: str) -> str:
    return (SEEDS_DIR / f"{seed_id}.txt").read_text(encoding="utf-8")


def gold(seed_id: str) -> dict | None:
    path = GOLD_DIR / f"{seed_id}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


@pytest.fixture(params=SEED_IDS)
def seed(request: pytest.FixtureRequest) -> tuple[str, str]:
    """``(seed_id, raw text)`` for each seed."""
    return request.param, seed_text(request.param)
