"""Script-conversion backends: turn an OpenCC config name into a converter.

The default backend is the official OpenCC wheel (``opencc`` on PyPI, C++,
Apache-2.0). The pure-Python ``opencc-python-reimplemented`` installs the same
module name with the same ``OpenCC(config).convert(text)`` API; when it is the
one installed it still works, with a warning: it knows fewer configs (no
``hk2t``, ``tw2t``, ``jp2t`` ...), gets some words wrong and is ~40x slower.

Converters are built lazily, once per process and config, and cached in a
dict keyed by config (never one module-global object re-pointed between
configs); a forked worker builds its own.

>>> to_simplified = get_converter("t2s")
>>> to_simplified.convert("廣東省總工會團結動員職工")
'广东省总工会团结动员职工'
"""

from __future__ import annotations

import importlib
import os
import threading
import warnings
from typing import Protocol

#: every config the official OpenCC wheel ships
OPENCC_CONFIGS = frozenset(
    {
        "s2t",
        "t2s",
        "s2tw",
        "tw2s",
        "s2hk",
        "hk2s",
        "s2twp",
        "tw2sp",
        "t2tw",
        "hk2t",
        "t2hk",
        "tw2t",
        "s2hkp",
        "hk2sp",
        "t2jp",
        "jp2t",
    }
)
#: the configs ``opencc-python-reimplemented`` ships
REIMPLEMENTED_CONFIGS = frozenset({"hk2s", "s2hk", "s2t", "s2tw", "s2twp", "t2hk", "t2s", "t2tw", "tw2s", "tw2sp"})


class Converter(Protocol):
    """Anything with ``convert(text) -> text``."""

    def convert(self, text: str) -> str: ...


class BackendUnavailable(RuntimeError):
    """No usable conversion backend, or it lacks the config asked for."""


class ScriptBackend(Protocol):
    """What the conversion cleaner needs from a backend."""

    name: str
    exact: bool  # True when results match OpenCC's own test cases

    def configs(self) -> frozenset[str]: ...

    def make(self, config: str) -> Converter: ...


class OpenCCBackend:
    """The ``opencc`` module, official wheel or pure-Python reimplementation."""

    def __init__(self) -> None:
        try:
            self._module = importlib.import_module("opencc")
        except ImportError as exc:  # pragma: no cover - opencc is a dependency
            raise BackendUnavailable("script conversion needs OpenCC: pip install opencc") from exc
        self.exact = hasattr(self._module, "opencc_clib")
        self.name = "opencc" if self.exact else "opencc-python-reimplemented"
        if not self.exact:
            warnings.warn(
                "cnnewsclean: the installed 'opencc' module is opencc-python-reimplemented; script conversion "
                "results differ from OpenCC (wrong words, no hk2t/tw2t/jp2t/t2jp/s2hkp/hk2sp) and are much slower. "
                "For exact results: pip uninstall opencc-python-reimplemented && pip install --force-reinstall opencc",
                RuntimeWarning,
                stacklevel=3,
            )

    def configs(self) -> frozenset[str]:
        return OPENCC_CONFIGS if self.exact else REIMPLEMENTED_CONFIGS

    def make(self, config: str) -> Converter:
        if config not in self.configs():
            raise BackendUnavailable(f"{self.name} has no conversion {config!r}; it has {', '.join(sorted(self.configs()))}")
        converter: Converter = self._module.OpenCC(config)
        return converter


_LOCK = threading.Lock()
_STATE: dict[str, object] = {"backend": None, "converters": {}}


def get_backend() -> ScriptBackend:
    """This process's backend (created on first use)."""
    with _LOCK:
        if _STATE["backend"] is None:
            _STATE["backend"] = OpenCCBackend()
        backend: ScriptBackend = _STATE["backend"]  # type: ignore[assignment]
        return backend


def get_converter(config: str) -> Converter:
    """The cached converter for one OpenCC config, built on first use in this process."""
    converters: dict[str, Converter] = _STATE["converters"]  # type: ignore[assignment]
    conv = converters.get(config)
    if conv is None:
        backend = get_backend()
        with _LOCK:
            conv = converters.get(config)
            if conv is None:
                conv = converters[config] = backend.make(config)
    return conv


def reset() -> None:
    """Forget the backend and all converters (a forked child; tests)."""
    global _LOCK
    _LOCK = threading.Lock()
    _STATE.update(backend=None, converters={})


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=reset)  # each worker builds its own converters
