"""Benchmark registry: each benchmark is a module in bench/ with a `run(size, seed) -> Report`."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

from bench.report import Report

# name -> module path; later issues add theirs here.
BENCHMARKS: dict[str, str] = {
    "bulk_rejection": "bench.bulk_rejection",
    "matching": "bench.matching",
    "planning": "bench.planning",
}


def run(args: argparse.Namespace) -> int:
    if not args.name:
        if not BENCHMARKS:
            print("No benchmarks yet.")
        for name, module in sorted(BENCHMARKS.items()):
            doc = (importlib.import_module(module).__doc__ or "").strip().splitlines()
            print(f"{name:<12} {doc[0] if doc else ''}")
        return 0
    if args.name not in BENCHMARKS:
        print(
            f"nagesprek bench: unknown benchmark {args.name!r}; known: {', '.join(sorted(BENCHMARKS)) or 'none'}",
            file=sys.stderr,
        )
        return 2
    benchmark = importlib.import_module(BENCHMARKS[args.name])
    report: Report = benchmark.run(size=args.size, seed=args.seed)
    print(report.table())
    missed = report.missed()
    if missed:
        print("Targets missed: " + ", ".join(f.name for f in missed))
    elif any(f.target is not None for f in report.figures):
        print("All targets met.")
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(report.as_json(), indent=2))
    return 0
