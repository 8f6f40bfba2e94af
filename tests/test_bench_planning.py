"""The planning benchmark runs end to end at size S and reports the figures PERFORMANCE.md §2 asks for."""

import json

from bench import planning
from bench.registry import BENCHMARKS


def test_the_planning_benchmark_reports_every_figure_and_meets_the_quality_targets_at_size_s():
    assert BENCHMARKS["planning"] == "bench.planning"
    report = planning.run("S", 3, sizes=(300, 1_500, 5))
    data = json.loads(json.dumps(report.as_json()))
    assert (data["benchmark"], data["size"], data["seed"]) == ("planning", "S", 3)
    names = {f["name"] for f in data["figures"]}
    for ratio in planning.RATIOS:
        for method in ("optimal", "fcfs", "round_robin"):
            for figure in (
                "plan_s",
                "coverage",
                "mean_wait_working_days",
                "language_match",
                "expertise_match",
                "load_cv",
            ):
                assert f"r{ratio}_{method}_{figure}" in names
    assert {
        "free_slots_50_advisors_p95_ms",
        "free_slots_500_advisors_p95_ms",
        "batch_plan_s_worst_ratio",
        "replan_s",
        "replan_other_proposals_moved_share",
        "peak_rss_mb",
    } <= names
    for figure in data["figures"]:
        assert set(figure) == {"name", "value", "unit", "target", "better"}
        assert figure["better"] in ("lower", "higher")
    # Quality targets hold (no test asserts a time: the machine is shared).
    quality = [f for f in report.figures if f.target is not None and f.unit not in ("s", "ms", "MB")]
    assert quality and all(f.met() for f in quality), [f.name for f in quality if not f.met()]
    assert data["details"]["advisors"] > 0
