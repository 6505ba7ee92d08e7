"""Settings: defaults in ``settings.toml`` beside this module, overridden key by key by a user file.

A user file has the same ``[section]`` layout and gives only the keys it changes. An unknown
section or key is an error (W502), so a typo never silently falls back to a default.
"""

from __future__ import annotations

import copy
import os
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

Settings = dict[str, dict[str, Any]]


@cache
def defaults() -> Settings:
    """The packaged defaults (a fresh copy is returned by :func:`load_settings`)."""
    text = resources.files("warlog").joinpath("settings.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def load_settings(path: str | Path | None = None, **overrides: dict[str, Any]) -> Settings:
    """Merge the defaults with a user file (``path``, else ``$WARLOG_CONFIG``) and keyword overrides.

    ``overrides`` are sections, e.g. ``load_settings(ingest={"max_chars": 1000})``.
    """
    merged = copy.deepcopy(defaults())
    path = path or os.environ.get("WARLOG_CONFIG") or None
    if path:
        try:
            user = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError("W501", path=path, detail=exc) from exc
        _merge(merged, user, str(path))
    _merge(merged, overrides, "<arguments>")
    return merged


def _merge(base: Settings, user: dict[str, Any], origin: str) -> None:
    for section, values in user.items():
        if section not in base or not isinstance(values, dict):
            raise ConfigError("W502", key=section, path=origin)
        for key, value in values.items():
            if key not in base[section]:
                raise ConfigError("W502", key=f"{section}.{key}", path=origin)
            base[section][key] = value
