"""The JSON shape every benchmark writes (PERFORMANCE.md)."""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: float | None = None
    better: Literal["lower", "higher"] = "lower"

    def met(self) -> bool | None:
        if self.target is None:
            return None
        return self.value <= self.target if self.better == "lower" else self.value >= self.target


@dataclass
class Report:
    benchmark: str
    size: str
    seed: int
    figures: list[Figure] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def add(
        self,
        name: str,
        value: float,
        unit: str,
        target: float | None = None,
        better: Literal["lower", "higher"] = "lower",
    ) -> None:
        self.figures.append(Figure(name, value, unit, target, better))

    def missed(self) -> list[Figure]:
        return [f for f in self.figures if f.met() is False]

    def table(self) -> str:
        rows = [f"{'figure':<48} {'value':>12} {'unit':<6} {'target':>10}  met"]
        for f in self.figures:
            target = "" if f.target is None else f"{'≤' if f.better == 'lower' else '≥'}{f.target:g}"
            met = {True: "yes", False: "NO", None: ""}[f.met()]
            rows.append(f"{f.name:<48} {f.value:>12.4g} {f.unit:<6} {target:>10}  {met}")
        return "\n".join(rows)

    def as_json(self) -> dict[str, Any]:
        return {
            "benchmark": self.benchmark,
            "size": self.size,
            "seed": self.seed,
            "machine": {
                "nproc": os.cpu_count(),
                "python": sys.version.split()[0],
                "platform": platform.platform(),
            },
            "figures": [f.__dict__ for f in self.figures],
            "details": self.details,
        }
