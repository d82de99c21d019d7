"""A loaded data package: one pandas DataFrame per resource, and the printed tables.

A :class:`Dataset` is a mapping of its tables (``data["requests"]``, ``list(data)``),
and gives them in the shapes analyses want: tidy with labels and report
metadata (:meth:`Dataset.tidy`), one row per report (:meth:`Dataset.wide`),
or as the report printed them (:meth:`Dataset.table3` …).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ..model import Cell, Diagnostic, Report, Section
from ..standard import CELL_TABLES, RESOURCES, codes, table_schema
from .provenance import Provenance, package_provenance
from .read import read_frames
from .wide import tidy_frame, wide_frame

DIAGNOSTIC_FIELDS = [f.name for f in dataclasses.fields(Diagnostic)]


class Dataset(Mapping[str, pd.DataFrame]):
    """The resources of a govinfo data package as typed DataFrames, a mapping by name.

    Code columns are ordered categoricals in template order, counts are
    nullable ``Int64`` (a blank cell is ``<NA>``, never 0), and table-2 values
    are ``Float64`` because they include amounts. ``data["requests"]`` and
    ``data.requests`` are the same table; a resource the package omits is empty.
    """

    def __init__(self, frames: dict[str, pd.DataFrame], descriptor: dict[str, Any], path: Path):
        self.frames = frames
        self.descriptor = descriptor
        self.path = path

    @classmethod
    def read(cls, path: str | Path) -> Dataset:
        """Read the package at ``path`` (its folder or its descriptor)."""
        target, descriptor, frames = read_frames(path)
        return cls(frames, descriptor, target)

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name in RESOURCES:
            return self.frames[name]
        raise AttributeError(name)

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in RESOURCES:
            raise KeyError(f"no table {name!r} (tables: {', '.join(RESOURCES)})")
        return self.frames[name]

    def __iter__(self) -> Iterator[str]:
        return iter(RESOURCES)

    def __len__(self) -> int:
        return len(RESOURCES)

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *RESOURCES})

    # A Dataset is one loaded package, not a value: compared and hashed by identity
    # (a Mapping would compare its DataFrames, which has no single truth value).
    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def tidy(
        self,
        table: str,
        lang: str | Sequence[str] | None = None,
        reports: bool | Sequence[str] = False,
    ) -> pd.DataFrame:
        """One table in long form, with label columns and report metadata on demand.

        ``lang`` (``"zh"``, ``"en"`` or both) adds ``<column>_<lang>`` after
        each code column; ``reports`` joins the report metadata (True: every
        column of ``reports``, or the columns named) after ``report_id``.
        """
        frame = self[table]
        if lang is not None:
            frame = _with_labels(frame, table, [lang] if isinstance(lang, str) else list(lang))
        if reports is False or table == "reports":
            return frame
        return self.join_reports(frame, None if reports is True else list(reports))

    def join_reports(
        self, frame: pd.DataFrame, columns: Sequence[str] | None = None
    ) -> pd.DataFrame:
        """``frame`` (any table with ``report_id``: a resource, findings, measures) with the
        metadata of its reports after ``report_id`` (``columns``, or all of them)."""
        meta = self.frames["reports"].set_index(self.frames["reports"]["report_id"].astype(str))
        meta = meta.drop(columns="report_id")
        chosen = [c for c in (columns or meta.columns) if c not in frame.columns]
        unknown = [c for c in chosen if c not in meta.columns]
        if unknown:
            raise KeyError(f"reports has no column {', '.join(unknown)}")
        joined = meta.loc[:, chosen].reindex(frame["report_id"].astype(str).to_numpy())
        joined.index = frame.index
        at = list(frame.columns).index("report_id") + 1
        return pd.concat([frame.iloc[:, :at], joined, frame.iloc[:, at:]], axis=1)

    def wide(self, table: str, lang: str | None = None) -> pd.DataFrame:
        """One row per report (its metadata), one column per cell of ``table``.

        Columns are named ``<first code>__<second code>`` (``granted__total``),
        or by their labels with ``lang``. :meth:`from_wide` turns a frame named by
        codes back into the tidy table, losslessly.
        """
        return wide_frame(self.frames["reports"], self[table], table, lang)

    @staticmethod
    def from_wide(frame: pd.DataFrame, table: str) -> pd.DataFrame:
        """The tidy cells (``report_id``, the two codes, ``value``) of a :meth:`wide` frame."""
        return tidy_frame(frame, table)

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(self.frames[name])}" for name in RESOURCES)
        return f"<govinfo.Dataset {self.descriptor.get('name')!r}: {counts}>"

    @property
    def provenance(self) -> Provenance:
        """Name, versions, per-report sources and a content digest: what a paper cites."""
        return package_provenance(self.path, self.descriptor, self.frames["reports"])

    @property
    def report_ids(self) -> list[str]:
        """Ids of the reports in the package, in package order."""
        return self.frames["reports"]["report_id"].tolist()

    def template(self, report_id: str) -> str:
        """The template of one report."""
        reports = self.frames["reports"]
        match = reports.loc[reports["report_id"] == report_id, "template"]
        if match.empty:
            raise KeyError(f"no report {report_id!r} in this package")
        return str(match.iloc[0])

    def _cells(self, resource: str, report_id: str) -> pd.DataFrame:
        self.template(report_id)
        frame = self.frames[resource]
        return frame[frame["report_id"] == report_id]

    def table3(self, report_id: str, lang: str = "zh") -> pd.DataFrame:
        """Table 3 of one report in its printed shape: rows as printed, applicant columns."""
        cells = self._cells("requests", report_id)
        wide = cells.pivot(index="row", columns="applicant", values="value")
        rows, applicants = codes.rows(), codes.applicants()
        present = [r for r in rows.cell_codes() if r in wide.index]
        order = _with_groups(rows, present)
        columns = [a for a in applicants.cell_codes() if a in wide.columns]
        table = wide.reindex(index=order, columns=columns).astype("Int64")
        table.index = pd.Index([rows.label(r, lang) for r in order], name=None)
        table.columns = pd.MultiIndex.from_tuples(
            [_column_label(applicants, a, lang) for a in columns]
        )
        return table

    def table4(self, report_id: str, lang: str = "zh") -> pd.DataFrame:
        """Table 4 of one report: one row per proceeding, one column per outcome."""
        cells = self._cells("appeals", report_id)
        wide = cells.pivot(index="proceeding", columns="outcome", values="value")
        proceedings, outcomes = codes.proceedings(), codes.outcomes()
        order = [p for p in proceedings.cell_codes() if p in wide.index]
        columns = [o for o in outcomes.cell_codes() if o in wide.columns]
        table = wide.reindex(index=order, columns=columns).astype("Int64")
        table.index = pd.Index(
            [" / ".join(dict.fromkeys(_path_labels(proceedings, p, lang))) for p in order],
            name=None,
        )
        table.columns = pd.Index([outcomes.label(o, lang) for o in columns])
        return table

    def table2(self, report_id: str, lang: str = "zh") -> pd.DataFrame:
        """Table 2 of one report: one row per item, one column per measure of its template."""
        template = self.template(report_id)
        cells = self._cells("disclosure", report_id)
        layout = codes.table2_layout(template) if template in ("2019", "2021") else ()
        items, measures = codes.items(), codes.measures()
        item_order = list(dict.fromkeys(c.item for c in layout)) or list(cells["item"].unique())
        measure_order = list(dict.fromkeys(c.measure for c in layout))
        measure_order += [m for m in cells["measure"].unique() if m not in measure_order]
        wide = cells.pivot(index="item", columns="measure", values="value")
        table = wide.reindex(index=item_order, columns=measure_order)
        amounts = codes.amount_measures()
        for measure in measure_order:
            dtype = "Float64" if measure in amounts else "Int64"
            table[measure] = table[measure].astype(dtype)
        table.index = pd.MultiIndex.from_tuples([_path_labels(items, i, lang) for i in item_order])
        table.columns = pd.Index([measures.label(m, lang) for m in measure_order])
        return table

    def report(self, report_id: str) -> Report:
        """One report as a :class:`govinfo.Report` (lossless: blank stays None)."""
        for report in self.to_reports([report_id]):
            return report
        raise KeyError(f"no report {report_id!r} in this package")

    def to_reports(self, report_ids: list[str] | None = None) -> list[Report]:
        """The reports of the package as :class:`govinfo.Report` objects."""
        wanted = set(self.report_ids if report_ids is None else report_ids)
        reports: dict[str, Report] = {}
        for record in self.frames["reports"].to_dict("records"):
            if record["report_id"] in wanted:
                meta = {k: _plain(v) for k, v in record.items()}
                if isinstance(meta.get("published"), dt.datetime):
                    meta["published"] = meta["published"].date()
                reports[meta["report_id"]] = Report(**meta)
        amounts = codes.amount_measures()
        for resource, (first, second) in CELL_TABLES.items():
            frame = self.frames[resource]
            frame = frame[frame["report_id"].isin(wanted)]
            for record in frame.to_dict("records"):
                value = _plain(record["value"])
                if value is not None:
                    value = float(value) if record[second] in amounts else int(value)
                cell = Cell(
                    value,
                    _plain(record["raw"]) or "",
                    _plain(record["flag"]) or "",
                    _plain(record.get("unit")) or "",
                )
                getattr(reports[record["report_id"]], resource)[(record[first], record[second])] = (
                    cell
                )
        sections = self.frames["sections"]
        for record in sections[sections["report_id"].isin(wanted)].to_dict("records"):
            reports[record["report_id"]].sections[int(record["section"])] = Section(
                _plain(record["heading"]) or "", _plain(record["text"]) or ""
            )
        diagnostics = self.frames["diagnostics"]
        for record in diagnostics[diagnostics["report_id"].isin(wanted)].to_dict("records"):
            reports[record["report_id"]].diagnostics.append(
                Diagnostic(*(_plain(record[f]) or "" for f in DIAGNOSTIC_FIELDS))
            )
        return list(reports.values())


def _with_labels(frame: pd.DataFrame, table: str, langs: list[str]) -> pd.DataFrame:
    """``frame`` with ``<column>_<lang>`` labels after each of its code columns."""
    columns: dict[str, pd.Series] = {}
    for field in table_schema(table)["fields"]:
        name = field["name"]
        columns[name] = frame[name]
        if "codelist" in field:
            entries = codes.code_list(Path(field["codelist"]).stem)
            for lang in langs:
                mapping = {c.code: c.label(lang) for c in entries}
                labels = frame[name].astype("string").map(mapping, na_action="ignore")
                columns[f"{name}_{lang}"] = labels.astype("string")
    return pd.DataFrame(columns, index=frame.index)


def _with_groups(codelist: codes.CodeList, present: list[str]) -> list[str]:
    """``present`` codes in list order, with the group headings above them as printed."""
    order: list[str] = []
    for code in present:
        parent = codelist[code].parent
        if parent and parent not in order:
            order.append(parent)
        order.append(code)
    return order


def _path_labels(codelist: codes.CodeList, code: str, lang: str) -> tuple[str, str]:
    parent = codelist[code].parent
    top = codelist.label(parent, lang) if parent else codelist.label(code, lang)
    return (top, codelist.label(code, lang))


def _column_label(codelist: codes.CodeList, code: str, lang: str) -> tuple[str, str]:
    parent = codelist[code].parent
    if parent:
        return (codelist.label(parent, lang), codelist.label(code, lang))
    return (codelist.label(code, lang), "")


def _plain(value: object) -> Any:
    """A pandas scalar as a plain Python value (missing as None)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item"):
        return value.item()
    return value
