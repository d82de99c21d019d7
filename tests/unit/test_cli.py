"""The ``govinfo`` command: demo and parse."""

from __future__ import annotations

import shutil

import govinfo
from govinfo.cli import main
from govinfo.demo import example_path


def test_demo_prints_the_example_numbers(tmp_path, capsys):
    assert main(["demo", "-o", str(tmp_path / "demo")]) == 0
    out = capsys.readouterr().out
    assert "15 new requests received" in out
    assert "15 disclosed in full (100%)" in out
    assert "（七）总计" in out
    dataset = govinfo.load(tmp_path / "demo")
    assert dataset.report_ids == ["hunan_lengshuitan-gov_2022"]


def test_parse_writes_one_package_for_all_inputs(tmp_path, capsys):
    first = tmp_path / "a_2022.txt"
    second = tmp_path / "b_2022.txt"
    shutil.copy(example_path(), first)
    shutil.copy(example_path(), second)
    assert main(["parse", str(first), str(second), "-o", str(tmp_path / "out")]) == 0
    assert govinfo.load(tmp_path / "out").report_ids == ["a_2022", "b_2022"]


def test_parse_keeps_good_inputs_when_one_fails(tmp_path, capsys):
    good = tmp_path / "good.txt"
    shutil.copy(example_path(), good)
    bad = tmp_path / "bad.txt"
    bad.write_text("not a report", encoding="utf-8")
    status = main(["parse", str(bad), str(good), "-o", str(tmp_path / "out")])
    assert status == 1
    err = capsys.readouterr().err
    assert "bad.txt" in err and "failed" in err
    assert govinfo.load(tmp_path / "out").report_ids == ["good"]


def test_parse_in_parallel_with_progress(tmp_path, capsys):
    inputs = []
    for index in range(4):
        path = tmp_path / f"r{index}_2022.txt"
        shutil.copy(example_path(), path)
        inputs.append(str(path))
    bad = tmp_path / "broken.txt"
    bad.write_text("乱码", encoding="utf-8")
    status = main(
        ["parse", *inputs, str(bad), "-o", str(tmp_path / "out"), "--jobs", "2", "--progress"]
    )
    assert status == 1
    err = capsys.readouterr().err
    assert "parsing [" in err and "5/5" in err
    assert err.count("govinfo: failed:") == 1 and "broken.txt" in err
    assert govinfo.load(tmp_path / "out").report_ids == [f"r{i}_2022" for i in range(4)]
