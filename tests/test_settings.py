import re

import pytest

from warlog.errors import ConfigError
from warlog.settings import defaults, load_settings


def test_settings_defaults_have_a_section_per_stage():
    assert {"ingest", "fetch", "nlp", "geo", "extract", "link", "store"} <= set(defaults())


def test_settings_user_file_overrides_key_by_key(tmp_path):
    user = tmp_path / "mine.toml"
    user.write_text("[ingest]\nmax_chars = 1234\n", encoding="utf-8")
    merged = load_settings(user)
    assert merged["ingest"]["max_chars"] == 1234
    assert merged["ingest"]["batch_size"] == defaults()["ingest"]["batch_size"]


def test_settings_environment_variable_names_the_user_file(tmp_path, monkeypatch):
    user = tmp_path / "env.toml"
    user.write_text("[fetch]\ntimeout = 3.5\n", encoding="utf-8")
    monkeypatch.setenv("WARLOG_CONFIG", str(user))
    assert load_settings()["fetch"]["timeout"] == 3.5


def test_settings_unknown_key_is_an_error(tmp_path):
    user = tmp_path / "typo.toml"
    user.write_text("[ingest]\nmax_charz = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(user)
    assert info.value.code == "W502"
    assert "ingest.max_charz" in str(info.value)


def test_settings_broken_file_names_the_file(tmp_path):
    user = tmp_path / "broken.toml"
    user.write_text("[ingest\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(user)
    assert info.value.code == "W501" and "broken.toml" in str(info.value)


def test_settings_keyword_overrides_do_not_touch_defaults():
    load_settings(ingest={"max_chars": 5})
    assert defaults()["ingest"]["max_chars"] != 5


def test_settings_every_default_has_a_note():
    """Each key in settings.toml sits under a comment saying what it does and how it was set (a run
    of keys may share one note)."""
    from importlib import resources

    text = resources.files("warlog").joinpath("settings.toml").read_text(encoding="utf-8")
    lines = text.splitlines()
    key = re.compile(r"^[A-Za-z_][\w-]*\s*=")
    undocumented = []
    for i, line in enumerate(lines):
        if key.match(line):
            j = i - 1
            while j >= 0 and key.match(lines[j]):
                j -= 1
            if j < 0 or not lines[j].lstrip().startswith("#"):
                undocumented.append(line.split("=")[0].strip())
    assert not undocumented, f"settings without a note: {undocumented}"
