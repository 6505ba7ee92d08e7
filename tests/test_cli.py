"""The command line: every command is documented and has help."""

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warlog.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"
runner = CliRunner()


def command_names():
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)


def test_cli_every_command_is_documented_in_the_readme():
    readme = README.read_text(encoding="utf-8")
    missing = [name for name in command_names() if f"`warlog {name}" not in readme]
    assert not missing, f"commands missing from README.md: {missing}"


def test_cli_every_option_of_every_command_is_in_the_readme():
    import typer.main

    readme = README.read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    missing = []
    for name, command in group.commands.items():
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help" and opt not in readme:
                    missing.append(f"{name} {opt}")
    assert not missing, f"options missing from README.md: {missing}"


def test_cli_readme_starts_with_the_two_commands():
    lines = [ln for ln in README.read_text(encoding="utf-8").splitlines() if ln.strip()]
    block = "\n".join(lines[:5])
    assert re.search(r"^make demo\b", block, re.M) and re.search(r"^make test\b", block, re.M)


@pytest.mark.parametrize("name", command_names())
def test_cli_every_command_has_help(name):
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def test_cli_settings_prints_merged_settings(tmp_path):
    user = tmp_path / "s.toml"
    user.write_text("[ingest]\nbatch_size = 7\n", encoding="utf-8")
    result = runner.invoke(app, ["settings", "--config", str(user)])
    assert result.exit_code == 0
    assert '"batch_size": 7' in result.output


def test_cli_bad_settings_file_exits_with_code_2(tmp_path):
    user = tmp_path / "s.toml"
    user.write_text("[nowhere]\nx = 1\n", encoding="utf-8")
    result = runner.invoke(app, ["settings", "--config", str(user)])
    assert result.exit_code == 2
    assert "W502" in result.output


def test_cli_missing_database_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no database" in result.output


def test_cli_ingest_timings_is_one_unwrapped_json_line(tmp_path):
    src = tmp_path / "bad.jsonl"
    src.write_text("{not json\n", encoding="utf-8")
    result = runner.invoke(
        app, ["ingest", str(src), "--db", str(tmp_path / "t.db"), "--quiet", "--timings"], terminal_width=40
    )
    assert result.exit_code == 0, result.output
    timings = json.loads(result.stdout.strip().splitlines()[-1])
    assert {"read", "store", "link", "total"} <= set(timings)


def test_cli_unreachable_postgresql_is_a_clear_error():
    # port 1 on loopback: nothing listens there, so the connection is refused at once
    result = runner.invoke(app, ["stats", "--db", "postgresql://warlog:s3cret@127.0.0.1:1/warlog"])
    assert result.exit_code == 2
    assert "W202" in result.output and "s3cret" not in result.output
