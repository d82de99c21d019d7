"""The ``govinfo`` command: demo and parse."""

from __future__ import annotations

import shutil

import pytest

import govinfo
from govinfo.cli import main
from govinfo.demo import example_path
from tests.conftest import ROOT


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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_demo_table3_is_aligned_by_display_width_within_100_columns(lang):
    from govinfo.demo import display_width, table3_text

    text = table3_text(govinfo.load("hunan-lengshuitan-2022"), "hunan_lengshuitan-gov_2022", lang)
    lines = text.splitlines()
    assert max(display_width(line) for line in lines) <= 100
    valued = [line for line in lines[:-1] if line.endswith((" 15", " 0"))]
    assert len(valued) == 23 and len({display_width(line) for line in valued}) == 1
    header = next(line for line in lines if ("总计" if lang == "zh" else "Total") in line)
    assert display_width(header) == display_width(valued[0])  # the total column lines up
    first = next(line for line in lines if line.startswith(("一、", "I. ")))
    assert first.split()[-7:] == ["15", "0", "0", "0", "0", "0", "15"]
    assert ("（七）总计" if lang == "zh" else "(7) Total handled") in text


def test_a_missing_file_is_file_not_found_and_an_empty_one_says_so(tmp_path):
    with pytest.raises(govinfo.ParseError, match=r"report\.txt: file not found"):
        govinfo.parse("report.txt")
    (tmp_path / "empty.txt").write_text("\n  \n", encoding="utf-8")
    with pytest.raises(govinfo.ParseError, match="the file is empty"):
        govinfo.parse(tmp_path / "empty.txt")
    with pytest.raises(govinfo.ParseError, match="the text is empty"):
        govinfo.parse("")


def test_example_path_gives_the_shipped_reports():
    assert govinfo.example_path().name == "hunan_lengshuitan-gov_2022.txt"
    glued = govinfo.parse(govinfo.example_path("fujian_pingtan-gov_2022.txt"))
    assert glued.requests[("new_received", "natural_person")].value == 71
    with pytest.raises(FileNotFoundError, match="shipped: fujian_pingtan"):
        govinfo.example_path("nope.txt")


@pytest.mark.parametrize(
    "command", ["parse", "demo", "plot", "export", "validate", "reconcile", "list"]
)
def test_every_subcommand_help_ends_with_an_example(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert f"examples:\n  govinfo {command} " in out


def test_parse_writes_the_report_and_refuses_a_readme_and_a_listing_page(tmp_path, capsys):
    report = tmp_path / "report.txt"
    report.write_text(example_path().read_text(encoding="utf-8"), encoding="utf-8")
    readme = tmp_path / "README.md"  # mentions template rows and glued digits, but is no report
    readme.write_text((ROOT / "README.md").read_text(encoding="utf-8"), encoding="utf-8")
    listing = tmp_path / "listing.html"
    titles = "".join(
        f"<li><a href='/{y}.htm'>平潭综合实验区{y}年度政府信息公开工作年度报告</a>{y + 1}-01</li>"
        for y in range(2015, 2026)
    )
    listing.write_text(f"<html><body><ul>{titles}</ul>下一页</body></html>", encoding="utf-8")
    assert main(["parse", str(report), str(readme), str(listing), "-o", str(tmp_path / "out")]) == 1
    out, err = capsys.readouterr()
    assert "wrote 1 report(s)" in out
    assert govinfo.load(tmp_path / "out").report_ids == ["report"]
    for name in ("README.md", "listing.html"):
        assert f"{name}: not a report" in err
    assert "2 of 3 input(s) failed" in err
