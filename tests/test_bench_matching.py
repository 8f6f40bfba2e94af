"""The matching benchmark runs end to end at a tiny size and reports the figures PERFORMANCE.md §1 asks for."""

import json

import pytest

from bench import matching
from bench.registry import BENCHMARKS


def test_the_matching_benchmark_reports_every_figure_in_the_json_shape():
    assert BENCHMARKS["matching"] == "bench.matching"
    report = matching.run("S", 3, sizes=(300, 300, 4, 2, 2, 20), postgres=False, api=False)
    data = json.loads(json.dumps(report.as_json()))
    assert (data["benchmark"], data["size"], data["seed"]) == ("matching", "S", 3)
    names = {f["name"] for f in data["figures"]}
    assert {
        "candidate_to_vacancies_p95_ms",
        "talent_pool_p95_ms",
        "speedup_vs_naive_p50",
        "same_top10_as_naive_share",
        "tuning_recall_at_10_grade3",
        "held_out_ndcg_at_10",
        "held_out_hard_violations_in_top10",
        "held_out_near_miss_precision",
        "nightly_all_x_all_s",
        "peak_rss_mb",
    } <= names
    for figure in data["figures"]:
        assert set(figure) == {"name", "value", "unit", "target", "better"}
        assert figure["better"] in ("lower", "higher")
    figures = {f["name"]: f["value"] for f in data["figures"]}
    assert figures["same_top10_as_naive_share"] == 1.0  # the engine ranks exactly as the naive reference
    assert figures["tuning_hard_violations_in_top10"] == 0
    assert data["details"]["fts"] == {"ran": False, "skipped": "off"}


@pytest.mark.django_db
def test_the_api_part_asks_the_same_index_through_the_http_endpoints():
    report = matching.run("S", 5, sizes=(300, 300, 6, 2, 3, 0), postgres=False, api=True)
    figures = {f["name"]: f["value"] for f in report.as_json()["figures"]}
    assert figures["api_candidate_to_vacancies_p95_ms"] > 0 and figures["api_talent_pool_p95_ms"] > 0
    assert report.details["api"]["requests"] == 6 + 3
    assert report.details["api"]["first_answer_suggestions"] > 0  # the app found the engine's vacancies in the database
