"""The real reports shipped inside the package, for the demo, the README and notebook 02.

Two public reports, as they were found: the 2022 report of 永州市冷水滩区
(pipe text, one cell per line) and the 2022 report of 平潭综合实验区
(crawler text with the cells of each table row glued together).
``govinfo/data/README.md`` says where each came from.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

EXAMPLE = "hunan_lengshuitan-gov_2022.txt"
GLUED = "fujian_pingtan-gov_2022.txt"


def example_path(name: str = EXAMPLE) -> Path:
    """Path of a shipped report: the example (永州市冷水滩区 2022) unless ``name`` says another."""
    folder = Path(str(resources.files("govinfo") / "data"))
    path = folder / name
    if not path.is_file():
        shipped = ", ".join(sorted(p.name for p in folder.glob("*.txt")))
        raise FileNotFoundError(f"no shipped report {name!r} (shipped: {shipped})")
    return path
