"""``--workers``, ``--engine``, ``--scheduler`` and ``--progress`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "samples"
TWO = [str(SAMPLES / "korea_missile_launch.txt"), str(SAMPLES / "sudan_darfur_aid.txt"),
       str(SAMPLES / "poland_belarus_border.txt")]


@pytest.mark.parametrize("argv, message", [
    (["--workers", "0"], "--workers 0: give at least 1"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler goes with --engine dask"),
    (["--engine", "dask"], "--engine dask needs --scheduler"),
])
def test_scale_options_that_cannot_work_are_usage_errors(argv, message, tmp_path, capsys):
    for cmd in (["code", TWO[0]], ["ingest", TWO[0], "--db", str(tmp_path / "x.duckdb")]):
        assert main(cmd + argv) == 2
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err


def test_code_with_two_workers_writes_what_one_process_writes(tmp_path, capsys):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["code", *TWO, "--output", str(one), "--progress", "always"]) == 0
    bar = capsys.readouterr().err  # the bar's last state, drawn when it stops
    assert "3/3" in bar and "art/s" in bar and "ETA 0:00:00" in bar
    assert main(["code", *TWO, "--output", str(two), "--workers", "2"]) == 0
    assert two.read_bytes() == one.read_bytes()
    assert one.read_text(encoding="utf-8").count("\n") == 3
    assert capsys.readouterr().err == ""  # auto, not a terminal: no progress bar
