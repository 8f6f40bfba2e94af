"""The engine: hard requirements as filters, near-misses naming their route, explanations, incremental updates."""

from hypothesis import given, settings
from hypothesis import strategies as st

from nagesprek.matching import engine
from nagesprek.matching.engine import MatchIndex, Need, ProfileDoc, RouteRef, VacancyDoc

PARTIAL = RouteRef(7, "Deelcertificaat Anesthesiologie (NVA)", frozenset({"q:deelcert"}), weeks=26, cost=2400)
LONGER = RouteRef(8, "Volledige opleiding anesthesiemedewerker", frozenset({"q:deelcert", "q:big"}), weeks=104)


def _index():
    index = MatchIndex([LONGER, PARTIAL])
    index.add_vacancies(
        [
            VacancyDoc(1, (Need("q:deelcert"), Need("lang:nl", 4)), ("s:monitoring",), "o:anes", "ok", ("anesthesie",)),
            VacancyDoc(2, (Need("lang:nl", 4),), (), "o:anes-trainee", "ok", ("anesthesie", "opleiding")),
            VacancyDoc(3, (Need("q:big"), Need("q:deelcert")), (), "o:anes", "ok", ("anesthesie",)),
            VacancyDoc(4, (Need("q:vca"),), (), "o:forklift", "logistiek", ("heftruck",)),
            VacancyDoc(5, (), (), "o:secretary", "secretariaat", ("agenda",)),
        ]
    )
    return index


JOYCE = ProfileDoc(
    100, {"lang:nl": 5, "s:monitoring": 1}, frozenset({"o:anes"}), ("anesthesie", "dierenkliniek", "narcose")
)


def test_a_vacancy_missing_one_must_have_that_a_route_closes_is_a_near_miss_naming_the_route():
    suggestions = {s.target_id: s for s in engine.rank_vacancies(_index(), JOYCE, 10)}
    near = suggestions[1]
    assert not near.fits_now
    assert near.missing == ["q:deelcert"]
    assert near.route == PARTIAL  # the shortest route that closes it, not the longer programme
    assert engine.Reason(
        "near_miss",
        {"missing": "q:deelcert", "missing_all": ["q:deelcert"], "route_id": 7, "route_title": PARTIAL.title},
    ) in (near.explanation)


def test_two_gaps_are_a_near_miss_only_when_one_route_closes_both():
    suggestions = {s.target_id: s for s in engine.rank_vacancies(_index(), JOYCE, 10)}
    assert suggestions[3].missing == ["q:big", "q:deelcert"] and suggestions[3].route == LONGER
    index = _index()
    index.set_routes([PARTIAL, RouteRef(9, "BIG-registratie", frozenset({"q:big"}), weeks=4)])
    assert 3 not in [s.target_id for s in engine.rank_vacancies(index, JOYCE, 10)]  # two routes: not a near-miss


def test_a_gap_without_a_route_is_left_out():
    index = _index()
    index.set_routes([])
    assert 1 not in [s.target_id for s in engine.rank_vacancies(index, JOYCE, 10)]


def test_fitting_vacancies_rank_above_near_misses_of_the_same_family_and_explain_why():
    ranked = engine.rank_vacancies(_index(), JOYCE, 10)
    assert [s.target_id for s in ranked] == [2, 1, 3]  # 4 and 5 share nothing with her: no suggestion
    assert ranked[0].fits_now and ranked[0].met == ["lang:nl"]
    assert ranked[0].explanation[0] == engine.Reason("same_family", {"family": "ok"})
    assert engine.Reason("same_occupation", {"occupation": "o:anes"}) in ranked[1].explanation


def test_talent_pool_ranks_profiles_with_the_same_rules():
    index = _index()
    holder = ProfileDoc(101, {"lang:nl": 4, "q:deelcert": 1}, frozenset({"o:anes"}))
    weak = ProfileDoc(102, {"lang:nl": 2}, frozenset({"o:anes"}))
    index.add_profiles([JOYCE, holder, weak])
    ranked = engine.rank_candidates(index, index.vacancies.rows[1][0], 10)
    assert [(s.target_id, s.fits_now) for s in ranked] == [(101, True), (100, False)]
    assert ranked[1].route == PARTIAL


def test_the_engine_ranks_exactly_as_the_naive_reference():
    index = _index()
    assert [(s.target_id, s.score) for s in engine.rank_vacancies(index, JOYCE, 10)] == (
        engine.naive_rank_vacancies(index, JOYCE, 10)
    )


def test_incremental_updates_rank_as_a_rebuild():
    index = _index()
    index.upsert_vacancy(VacancyDoc(4, (Need("lang:nl", 3),), (), "o:anes", "ok", ("narcose",)))
    index.remove_vacancy(2)
    index.upsert_vacancy(VacancyDoc(6, (), ("s:monitoring",), "o:anes-trainee", "ok", ("dierenkliniek",)))
    rebuilt = MatchIndex([LONGER, PARTIAL])
    rebuilt.add_vacancies([index.vacancies.rows[i][0] for i in sorted(index.vacancies.rows)])
    assert engine.rank_vacancies(index, JOYCE, 10) == engine.rank_vacancies(rebuilt, JOYCE, 10)
    assert 2 not in [s.target_id for s in engine.rank_vacancies(index, JOYCE, 10)]


def test_a_profile_update_replaces_the_old_one_in_the_talent_pool():
    index = _index()
    index.add_profiles([JOYCE])
    index.upsert_profile(ProfileDoc(100, {"lang:nl": 5, "q:deelcert": 1}, frozenset({"o:anes"})))
    ranked = engine.rank_candidates(index, index.vacancies.rows[1][0], 10)
    assert [(s.target_id, s.fits_now) for s in ranked] == [(100, True)]
    index.remove_profile(100)
    assert engine.rank_candidates(index, index.vacancies.rows[1][0], 10) == []


CONCEPTS = ["q:a", "q:b", "q:c", "s:d", "lang:nl"]
ROUTES = [RouteRef(1, "Route A", frozenset({"q:a"}), 4), RouteRef(2, "Route B+S", frozenset({"q:b", "s:d"}), 8)]
needs = st.lists(st.builds(Need, st.sampled_from(CONCEPTS), st.integers(1, 5)), max_size=4)
vacancies = st.lists(
    st.builds(
        VacancyDoc,
        st.integers(1, 40),
        needs.map(tuple),
        st.lists(st.sampled_from(CONCEPTS), max_size=2).map(tuple),
        st.sampled_from([None, "o:x", "o:y", "o:z"]),
        st.sampled_from([None, "f1", "f2"]),
        st.lists(st.sampled_from(["zorg", "ok", "agenda", "heftruck"]), max_size=4).map(tuple),
    ),
    max_size=25,
    unique_by=lambda v: v.id,
)
profiles = st.builds(
    ProfileDoc,
    st.integers(1000, 1010),
    st.dictionaries(st.sampled_from(CONCEPTS), st.integers(0, 5)),
    st.frozensets(st.sampled_from(["o:x", "o:y", "o:z"]), max_size=2),
    st.lists(st.sampled_from(["zorg", "ok", "agenda", "heftruck"]), max_size=4).map(tuple),
)


@settings(max_examples=300, deadline=None)
@given(vacancies, profiles)
def test_no_suggestion_violates_a_must_have_unless_it_is_a_near_miss_with_the_route_that_closes_it(docs, profile):
    index = MatchIndex(ROUTES)
    index.add_vacancies(docs)
    by_id = {d.id: d for d in docs}
    for s in engine.rank_vacancies(index, profile, 10):
        unmet = {n.concept for n in by_id[s.target_id].must if profile.levels.get(n.concept, 0) < n.level}
        if s.fits_now:
            assert not unmet and s.route is None
        else:
            assert 1 <= len(unmet) <= engine.MAX_GAPS and sorted(s.missing) == sorted(unmet)
            assert s.route is not None and unmet <= s.route.closes
    index.add_profiles([profile])
    for doc in docs:
        for s in engine.rank_candidates(index, doc, 5):
            unmet = {n.concept for n in doc.must if profile.levels.get(n.concept, 0) < n.level}
            assert (s.fits_now and not unmet) or (len(unmet) <= engine.MAX_GAPS and s.route and unmet <= s.route.closes)
    for k in (1, 2, 10):  # small k makes the occupation/family pruning cut; it must never change the ranking
        assert [(s.target_id, s.score) for s in engine.rank_vacancies(index, profile, k)] == (
            engine.naive_rank_vacancies(index, profile, k)
        )


def test_job_families_known_from_closed_vacancies_count_as_the_same_family():
    index = _index()
    secretary = ProfileDoc(200, {"lang:nl": 5}, frozenset({"o:old-secretary"}))
    assert engine.rank_vacancies(index, secretary, 10) == []  # nothing in common with the open vacancies
    index.set_occupation_families({"o:old-secretary": {"secretariaat"}})
    (found,) = engine.rank_vacancies(index, secretary, 10)
    assert found.target_id == 5 and found.explanation[0] == engine.Reason("same_family", {"family": "secretariaat"})


def test_in_a_large_index_a_word_in_most_vacancies_does_not_make_a_suggestion_alone():
    index = MatchIndex()
    index.add_vacancies(
        VacancyDoc(i, terms=("team", "zorg") if i % 2 else ("team", "magazijn")) for i in range(1, 1201)
    )
    assert engine.rank_vacancies(index, ProfileDoc(1, terms=("team",)), 10) == []  # in every vacancy
    assert len(engine.rank_vacancies(index, ProfileDoc(1, terms=("magazijn",)), 10)) == 0  # in half of them
    small = MatchIndex()
    small.add_vacancies([VacancyDoc(1, terms=("team",)), VacancyDoc(2, terms=("team", "zorg"))])
    assert [s.target_id for s in engine.rank_vacancies(small, ProfileDoc(1, terms=("team",)), 10)] == [1, 2]
