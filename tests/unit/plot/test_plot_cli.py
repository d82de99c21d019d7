"""``govinfo plot`` and the figure ``govinfo demo`` writes."""

from __future__ import annotations

import pytest

import govinfo
from govinfo import plot
from govinfo.cli import main
from tests.plotting import package, report

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("kind", list(plot.KINDS))
def test_plot_writes_every_kind(kind, tmp_path, capsys):
    target = tmp_path / "figures" / f"{kind}.png"
    assert (
        main(["plot", "hunan-lengshuitan-2022", "--kind", kind, "-o", str(target), "--lang", "en"])
        == 0
    )
    assert target.read_bytes().startswith(PNG)
    assert str(target) in capsys.readouterr().out


def test_plot_passes_reports_and_options(tmp_path, capsys):
    dataset_dir = tmp_path / "two"
    package(
        dataset_dir, [report("a_2021", {"granted": 3}, year=2021), report("a_2022", {"granted": 4})]
    )
    target = tmp_path / "outcomes.svg"
    status = main(
        [
            "plot",
            str(dataset_dir / "package"),
            "--kind",
            "outcomes",
            "--report",
            "a_2022",
            "--normalize",
            "-o",
            str(target),
            "--lang",
            "en",
        ]
    )
    assert status == 0
    svg = target.read_text(encoding="utf-8")
    assert 'id="a_2022|granted"' in svg and "a_2021|granted" not in svg


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--kind", "pie"], "unknown kind of figure 'pie'"),
        (["--kind", "flow", "--report", "nope_2022"], "no report 'nope_2022'"),
        (["--kind", "flow", "--normalize"], "takes no normalize"),
        (["--kind", "trend", "--measure", "mood"], "unknown measure"),
    ],
)
def test_plot_reports_user_errors_in_one_line(options, message, tmp_path, capsys):
    status = main(["plot", "hunan-lengshuitan-2022", *options, "-o", str(tmp_path / "f.png")])
    assert status == 1
    err = capsys.readouterr().err
    assert err.startswith("govinfo: error:") and message in err


def test_plot_help_names_every_kind(capsys):
    with pytest.raises(SystemExit):
        main(["plot", "--help"])
    out = capsys.readouterr().out
    assert all(kind in out for kind in [*plot.KINDS, "findings"])
    assert "examples:\n  govinfo plot hunan-lengshuitan-2022 --kind outcomes" in out


def test_plot_kinds_of_the_command_are_the_figures():
    from govinfo.cli import FIGURES

    assert (*plot.KINDS, "findings") == FIGURES


def test_unknown_kind_lists_findings_too(tmp_path, capsys):
    assert main(["plot", "fujian-pingtan", "--kind", "pie", "-o", str(tmp_path / "f.png")]) == 1
    assert "compare, findings)" in capsys.readouterr().err


def test_one_body_message_names_the_option(tmp_path, capsys):
    pair = tmp_path / "pair"
    reports = [r for name in govinfo.list_datasets() for r in govinfo.load(name).to_reports()]
    govinfo.write_package(reports, pair)
    assert main(["plot", str(pair), "--kind", "trend", "-o", str(tmp_path / "t.png")]) == 1
    assert "--body on the command line" in capsys.readouterr().err


def test_plot_says_when_it_falls_back_to_english(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(plot.fonts, "cjk_font", lambda: None)
    assert (
        main(
            ["plot", "hunan-lengshuitan-2022", "--kind", "outcomes", "-o", str(tmp_path / "f.png")]
        )
        == 0
    )
    err = capsys.readouterr().err
    assert err.count("govinfo: warning:") == 1 and "in English" in err


def test_demo_writes_a_figure(tmp_path, capsys):
    assert main(["demo", "-o", str(tmp_path / "demo"), "--lang", "en"]) == 0
    figure = tmp_path / "demo" / "outcomes.png"
    assert figure.read_bytes().startswith(PNG)
    assert f"written to {figure}" in capsys.readouterr().out


def test_findings_heatmap_from_the_command_line(tmp_path):
    from govinfo.cli import main

    target = tmp_path / "findings.png"
    assert (
        main(["plot", "fujian-pingtan", "--kind", "findings", "-o", str(target), "--lang", "en"])
        == 0
    )
    assert target.stat().st_size > 10_000


def test_plot_is_an_attribute_of_govinfo():
    import govinfo

    assert govinfo.plot.outcomes is not None
