"""The corpus tests: real reports with hand-read values, in ``../shared/corpus``.

Every test of this folder is marked ``corpus`` and skips, with the reason,
when the corpus is not beside the clone (set GOVINFO_CORPUS to point at it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CORPUS

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip = pytest.mark.skip(reason=f"the shared corpus is not at {CORPUS} (set GOVINFO_CORPUS)")
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.corpus)
            if not CORPUS.is_dir():
                item.add_marker(skip)
