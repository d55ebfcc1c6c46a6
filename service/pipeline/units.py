"""The unit table (units.json): surfaces as written → canonical unit, dimension and factor."""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Unit:
    surface: str
    canonical: str
    dimension: str
    factor: float
    iso: str | None = None


class UnitTable:
    """Lookup of unit surfaces; rejects a surface listed twice."""

    def __init__(self, rows: list[dict], readings: list[dict] = ()):
        self.by_surface: dict[str, Unit] = {}
        self.second_reading: dict[str, Unit] = {}  # 块 counting pieces, where it is no money
        for table, entries in ((self.by_surface, rows), (self.second_reading, readings)):
            for row in entries:
                unit = Unit(row["surface"], row["canonical"], row["dimension"], float(row["factor"]), row.get("iso"))
                if unit.surface in table:
                    raise ValueError(f"unit surface {unit.surface!r} is listed twice")
                if unit.factor <= 0:
                    raise ValueError(f"unit {unit.surface!r} has a factor that is not positive")
                table[unit.surface] = unit
        if not set(self.second_reading) <= set(self.by_surface):
            raise ValueError("a second reading is of a surface the table does not list")

    def every_unit(self) -> list[Unit]:
        """Each surface's unit and each second reading: every unit a fact may carry."""
        return [*self.by_surface.values(), *self.second_reading.values()]

    def surfaces_longest_first(self) -> list[str]:
        return sorted(self.by_surface, key=len, reverse=True)

    def __getitem__(self, surface: str) -> Unit:
        return self.by_surface[surface]

    def canonical_units(self) -> list[dict]:
        """One row per canonical unit: its dimension and the surfaces that read as it."""
        rows: dict[str, dict] = {}
        for unit in self.every_unit():
            row = rows.setdefault(unit.canonical, {"unit": unit.canonical, "dimension": unit.dimension,
                                                   "iso": unit.iso, "surfaces": []})
            row["surfaces"].append(unit.surface)
        return list(rows.values())


@functools.lru_cache(maxsize=1)
def load_units() -> UnitTable:
    data = json.loads(resources.files(__package__).joinpath("units.json").read_text(encoding="utf-8"))
    return UnitTable(data["units"], data.get("readings", []))
