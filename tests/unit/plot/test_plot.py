"""govinfo.plot: what each figure draws equals the data, blanks are not zeros, labels in lang."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb

import govinfo
from govinfo import codes, plot
from govinfo.plot import PlotError
from tests.conftest import ROOT, expected_for
from tests.expectations import report_from_expected
from tests.plotting import (
    CJK,
    annotation,
    legend_labels,
    missing_glyphs,
    package,
    parts,
    render_strictly,
    report,
    texts,
)

PINGTAN = [f"fujian_pingtan-gov_{year}" for year in range(2018, 2026)]
CURATED = "hunan_lengshuitan-gov_2022"
BALANCE_ROWS = {"new_received", "carried_over", "total_processed", "carried_forward"}
needs_cjk_font = pytest.mark.skipif(
    plot.cjk_font() is None, reason="no CJK font installed (apt-get install fonts-noto-cjk)"
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def curated() -> govinfo.Dataset:
    return govinfo.load("hunan-lengshuitan-2022")


@pytest.fixture(scope="module")
def pingtan(tmp_path_factory) -> govinfo.Dataset:
    """平潭综合实验区 2018–2025 from the hand-read values of the corpus."""
    reports = [report_from_expected(expected_for(stem)) for stem in PINGTAN]
    return package(tmp_path_factory.mktemp("pingtan"), reports)


def total_column(stem: str) -> dict[str, int | None]:
    return {row: cells["total"] for row, cells in expected_for(stem)["requests"].items()}


# outcomes


def test_outcomes_bars_are_the_printed_values(pingtan):
    ax = plot.outcomes(pingtan, lang="en")
    drawn = parts(ax)
    for stem in PINGTAN[1:]:
        for row, value in total_column(stem).items():
            if row in BALANCE_ROWS:
                continue
            patch = drawn.get(f"{stem}|{row}")
            if value:
                assert patch.get_width() == value, (stem, row)
                assert patch.get_facecolor()[:3] != (1.0, 1.0, 1.0)
            else:
                assert patch is None or patch.get_width() == 0, (stem, row)


def test_outcomes_follow_each_reports_template(pingtan, tmp_path):
    drawn = parts(plot.outcomes(pingtan, lang="en"))
    assert drawn["fujian_pingtan-gov_2020|other"].get_width() == 4  # 2019 template: one row
    assert drawn["fujian_pingtan-gov_2022|other.other"].get_width() == 2  # 2021: three rows
    assert "fujian_pingtan-gov_2022|other" not in drawn
    mixed = report("mixed_2022", {"granted": 5, "other": 3, "total_processed": 8})
    drawn = parts(plot.outcomes(package(tmp_path, [mixed]), lang="en"))
    assert drawn["mixed_2022|other"].get_width() == 3  # a 2021 report printing one (六) row


def test_outcomes_compact_sums_groups(pingtan):
    ax = plot.outcomes(pingtan, ["fujian_pingtan-gov_2024"], compact=True, lang="en")
    drawn = parts(ax)
    assert drawn["fujian_pingtan-gov_2024|withheld"].get_width() == 4 + 3 + 32
    assert drawn["fujian_pingtan-gov_2024|unavailable"].get_width() == 75
    assert drawn["fujian_pingtan-gov_2024|other"].get_width() == 1 + 0 + 2
    assert not any(gid.endswith("withheld.state_secret") for gid in drawn)


def test_outcomes_normalized_bars_are_shares(pingtan):
    drawn = parts(plot.outcomes(pingtan, normalize=True, compact=True, lang="en"))
    for stem in PINGTAN[1:]:
        widths = [p.get_width() for gid, p in drawn.items() if gid.startswith(f"{stem}|")]
        assert sum(widths) == pytest.approx(1)
    assert drawn["fujian_pingtan-gov_2025|granted"].get_width() == pytest.approx(33 / 148)


def test_total_marker_is_the_printed_total(pingtan):
    ax = plot.outcomes(pingtan, lang="en")
    (marker,) = [c for c in ax.collections if c.get_gid() == "total"]
    printed = [total_column(stem)["total_processed"] for stem in PINGTAN[1:]]
    assert list(marker.get_offsets()[:, 0]) == printed
    # the printed (七)总计 is labelled; 2020's outcome rows add up to 27, not its printed 21
    assert annotation(ax, "total|fujian_pingtan-gov_2021") == str(printed[2])
    assert annotation(ax, "disagrees|fujian_pingtan-gov_2020") == "21  (parts add up to 27)"
    assert not any(t.get_gid() == "total|fujian_pingtan-gov_2020" for t in ax.texts)
    assert not any((t.get_gid() or "").startswith("sum|") for t in ax.texts)


def test_blank_cells_are_not_drawn_as_zero(curated):
    ax = plot.outcomes(curated, applicant="natural_person", compact=True, lang="en")
    drawn = parts(ax)
    assert drawn[f"{CURATED}|granted"].get_width() == 15
    assert f"{CURATED}|partially_granted" not in drawn  # blank in the report
    assert f"{CURATED}|withheld" not in drawn  # its reasons are blank
    note = annotation(ax, f"not_reported|{CURATED}")
    assert note.startswith("n.r.: Partially disclosed")
    assert any("not reported" in t and "not zero" in t for t in texts(ax))


def test_report_without_standard_tables_is_not_reported(pingtan):
    ax = plot.outcomes(pingtan, lang="en")
    assert not any(gid.startswith("fujian_pingtan-gov_2018|") for gid in parts(ax))
    assert annotation(ax, "not_reported|fujian_pingtan-gov_2018") == "n.r."


# flow, applicants, appeals


def test_flow_stacks_both_sides_of_the_balance(pingtan):
    drawn = parts(plot.flow(pingtan, lang="en"))
    stem = "fujian_pingtan-gov_2025"
    assert drawn[f"{stem}|new_received"].get_height() == 154
    assert drawn[f"{stem}|total_processed"].get_height() == 148
    forward = drawn[f"{stem}|carried_forward"]
    assert (forward.get_y(), forward.get_height()) == (148, 6)
    assert drawn[f"{stem}|new_received"].get_x() < forward.get_x()


def test_flow_writes_the_difference_when_unbalanced(tmp_path):
    cells = {"carried_over": 2, "new_received": 10, "total_processed": 9, "carried_forward": 0}
    ax = plot.flow(package(tmp_path, [report("x_2022", cells)]), lang="en")
    assert annotation(ax, "difference|x_2022") == "difference +3"


def test_flow_marks_a_blank_side(tmp_path):
    cells = {"carried_over": None, "new_received": 10, "total_processed": 10, "carried_forward": 0}
    ax = plot.flow(package(tmp_path, [report("x_2022", cells)]), lang="en")
    assert "x_2022|carried_over" not in parts(ax)
    assert annotation(ax, "not_reported|x_2022") == "n.r."
    assert annotation(ax, "difference|x_2022") is None
    assert annotation(ax, "sum|x_2022") == "10"  # the out side only


def test_applicants_bars_are_the_new_requests(pingtan):
    stem = "fujian_pingtan-gov_2022"
    drawn = parts(plot.applicants(pingtan, [stem], lang="en"))
    expected = expected_for(stem)["requests"]["new_received"]
    for applicant, value in expected.items():
        if applicant != "total":
            assert drawn[f"{stem}|{applicant}"].get_width() == value
    compact = parts(plot.applicants(pingtan, [stem], compact=True, lang="en"))
    assert compact[f"{stem}|legal_person"].get_width() == 3
    assert compact[f"{stem}|natural_person"].get_width() == 71


def test_appeals_bars_are_table_4(pingtan, curated):
    stem = "fujian_pingtan-gov_2024"
    drawn = parts(plot.appeals(pingtan, [stem], lang="en"))
    for proceeding, cells in expected_for(stem)["appeals"].items():
        for outcome, value in cells.items():
            if outcome != "total":
                assert drawn[f"{stem}/{proceeding}|{outcome}"].get_width() == value
    zeros = parts(plot.appeals(curated, lang="en"))
    assert zeros[f"{CURATED}/review|upheld"].get_width() == 0  # printed 0: drawn, not n.r.


# trend and compare


def test_trend_requests_over_the_years(pingtan):
    ax = plot.trend(pingtan, lang="en")
    drawn = parts(ax)
    for stem in PINGTAN[1:]:
        totals = total_column(stem)
        assert drawn[f"{stem}|new_received"].get_height() == totals["new_received"]
        assert drawn[f"{stem}|total_processed"].get_height() == totals["total_processed"]
    assert [t.get_text() for t in ax.get_xticklabels()] == [s[-4:] for s in PINGTAN]
    assert annotation(ax, "not_reported|fujian_pingtan-gov_2018") == "n.r."


def test_trend_disclosure_rate_and_appeals(pingtan):
    drawn = parts(plot.trend(pingtan, measure="disclosure_rate", lang="en"))
    assert drawn["fujian_pingtan-gov_2021|granted"].get_height() == pytest.approx(30 / 69)
    assert drawn["fujian_pingtan-gov_2021|partially_granted"].get_y() == pytest.approx(30 / 69)
    drawn = parts(plot.trend(pingtan, measure="appeals", lang="en"))
    assert drawn["fujian_pingtan-gov_2025|review"].get_height() == 36
    assert drawn["fujian_pingtan-gov_2024|litigation_after_review"].get_height() == 19


def test_trend_needs_one_body(pingtan, curated, tmp_path):
    both = package(tmp_path, curated.to_reports() + pingtan.to_reports())
    with pytest.raises(PlotError, match="choose one body"):
        plot.trend(both)
    ax = plot.trend(both, body="平潭综合实验区", lang="en")
    assert len(ax.get_xticklabels()) == len(PINGTAN)


def test_compare_is_per_100_requests_of_the_latest_reports(pingtan, curated, tmp_path):
    both = package(tmp_path, curated.to_reports() + pingtan.to_reports())
    ax = plot.compare(both, lang="en")
    dots = {c.get_gid(): c.get_offsets() for c in ax.collections if c.get_gid()}
    assert set(dots) == {CURATED, "fujian_pingtan-gov_2025"}
    assert dots["fujian_pingtan-gov_2025"][0][0] == pytest.approx(100 * 33 / 148)
    assert dots[CURATED][0][0] == pytest.approx(100)
    assert any("latest report of each body" in t for t in texts(ax))


# findings


def findings_table() -> pd.DataFrame:
    rows = [
        ("a_2021", "T3-BALANCE", "pass"),
        ("a_2021", "T3-OUTCOMES", "fail"),
        ("a_2021", "T3-OUTCOMES", "pass"),
        ("b_2022", "T3-BALANCE", "not_assessable"),
    ]
    frame = pd.DataFrame(rows, columns=["report_id", "rule", "status"])
    return frame.assign(severity="error", subject="total", reported=None, expected=None)


def test_findings_heatmap_colours_the_worst_status():
    ax = plot.findings(findings_table(), lang="en")
    cells = parts(ax)
    colour = plot.style.COLOURS["status"]
    assert cells["a_2021|T3-OUTCOMES"].get_facecolor()[:3] == pytest.approx(to_rgb(colour["fail"]))
    assert cells["b_2022|T3-BALANCE"].get_facecolor()[:3] == pytest.approx(
        to_rgb(colour["not_assessable"])
    )
    assert "b_2022|T3-OUTCOMES" not in cells  # no finding: nothing drawn
    assert "1/2" in texts(ax)
    assert "Source: govinfo" in texts(ax)
    assert legend_labels(ax) == ["fail", "not assessable", "pass"]


def test_findings_names_reports_from_the_dataset(tmp_path):
    dataset = package(tmp_path, [report("a_2021", {"granted": 1}, year=2021)])
    frame = findings_table()
    ax = plot.findings(frame[frame["report_id"] == "a_2021"], dataset, lang="en")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["2021"]


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (pd.DataFrame({"report_id": ["a"], "rule": ["R"]}), "no column status"),
        (pd.DataFrame({"report_id": ["a"], "rule": ["R"], "status": ["ok"]}), "unknown finding"),
        (pd.DataFrame(columns=["report_id", "rule", "status"]), "empty"),
    ],
)
def test_findings_refuses_a_table_it_cannot_draw(frame, message):
    with pytest.raises(PlotError, match=message):
        plot.findings(frame)


# language and fonts


@needs_cjk_font
def test_chinese_labels_come_from_the_code_lists_and_render(pingtan):
    ax = plot.outcomes(pingtan, lang="zh")
    labels = legend_labels(ax)
    assert "予以公开" in labels and "不予公开" in labels
    assert codes.rows().label("granted", "zh").endswith("予以公开")
    assert any("平潭综合实验区" in t for t in texts(ax))
    assert missing_glyphs(ax) == []
    render_strictly(ax)


@needs_cjk_font
@pytest.mark.parametrize("kind", list(plot.KINDS))
def test_every_chinese_figure_has_every_glyph(kind, curated):
    ax = plot.draw(kind, curated, lang="zh")
    assert any(CJK.search(t) for t in texts(ax))
    assert missing_glyphs(ax) == []


def test_english_labels_have_no_chinese(pingtan):
    ax = plot.outcomes(pingtan, lang="en")
    assert "Disclosed" in legend_labels(ax)
    assert [t for t in texts(ax) if CJK.search(t)] == []


def test_without_a_cjk_font_chinese_falls_back_to_english_with_one_warning(curated, monkeypatch):
    monkeypatch.setattr(plot.fonts, "cjk_font", lambda: None)
    with pytest.warns(plot.FontFallbackWarning, match="fonts-noto-cjk") as caught:
        ax = plot.outcomes(curated, lang="zh")
    assert len(caught) == 1
    assert "Disclosed" in legend_labels(ax)
    assert [t for t in texts(ax) if CJK.search(t)] == []
    render_strictly(ax)


# the API


def test_every_kind_returns_its_axes_and_never_shows(curated, monkeypatch):
    def refuse():
        raise AssertionError("show() was called")

    monkeypatch.setattr(plt, "show", refuse)
    for kind in plot.KINDS:
        assert isinstance(plot.draw(kind, curated, lang="en"), Axes)


def test_draws_on_the_axes_given(curated):
    _, (left, right) = plt.subplots(1, 2)
    assert plot.appeals(curated, ax=right, lang="en") is right
    assert not left.patches


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda d: plot.outcomes(d, ["nope_2022"]), "no report 'nope_2022'"),
        (lambda d: plot.outcomes(d, body="某机关"), "no report of body"),
        (lambda d: plot.outcomes(d, applicant="robots"), "no applicant column"),
        (lambda d: plot.trend(d, measure="mood"), "unknown measure"),
        (lambda d: plot.draw("pie", d), "unknown kind"),
        (lambda d: plot.draw("flow", d, normalize=True), "takes no normalize"),
    ],
)
def test_user_errors_are_govinfo_errors(curated, call, message):
    with pytest.raises(PlotError, match=message) as raised:
        call(curated)
    assert isinstance(raised.value, govinfo.GovinfoError)


def test_no_table_3_at_all_is_an_error(tmp_path):
    empty = package(tmp_path, [govinfo.Report("x_2018", template="other", year=2018)])
    with pytest.raises(PlotError, match="table 3"):
        plot.outcomes(empty)


def test_the_gallery_shows_every_figure_in_both_languages():
    docs = ROOT / "docs"
    page = (docs / "gallery.md").read_text(encoding="utf-8")
    for kind in [*plot.KINDS, "findings"]:
        assert f"plot.{kind}(" in page, kind
    for image in re.findall(r"\]\((gallery/[^)]+\.png)\)", page):
        assert (docs / image).is_file(), image
    assert page.count(".zh.png)") == page.count(".en.png)")
