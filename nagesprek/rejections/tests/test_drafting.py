"""Drafting reasons: only what the record supports, for the candidate, in their language."""

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from nagesprek.rejections.assessment import (
    CEFR_LEVELS,
    CandidateProfile,
    LanguageFact,
    QualificationFact,
    RequirementSpec,
    assess_requirements,
)
from nagesprek.rejections.constants import ReasonSource
from nagesprek.rejections.drafting import CriterionRecord, RatingRecord, RejectionRecord, draft_reasons

TODAY = date(2026, 6, 1)


def record(**kwargs):
    return RejectionRecord(language=kwargs.pop("language", "en"), today=TODAY, **kwargs)


def criterion(id_, *ratings, best_other=None, label=None, requirement_id=None):
    return CriterionRecord(
        id=id_,
        label=label or f"Criterion {id_}",
        stage_name="First interview",
        requirement_id=requirement_id,
        ratings=tuple(RatingRecord(r, f"Evidence {id_}/{r}", "Eva") for r in ratings),
        best_other_mean=best_other,
    )


def test_nothing_in_the_record_gives_no_reason():
    assert draft_reasons(record()) == []


def test_the_record_supports_none_when_everything_is_met():
    reqs = (RequirementSpec(1, "language", "Nederlands", level="B2"),)
    profile = CandidateProfile(languages=(LanguageFact("Nederlands", "C1"),))
    assert draft_reasons(record(requirements=reqs, profile=profile, criteria=(criterion(5, 3, 4),))) == []


def test_unmet_must_have_in_english():
    reqs = (RequirementSpec(1, "language", "Dutch", level="C1"),)
    profile = CandidateProfile(languages=(LanguageFact("Nederlands", "B1"),))
    (draft,) = draft_reasons(record(requirements=reqs, profile=profile))
    assert draft.source == ReasonSource.UNMET_REQUIREMENT
    assert draft.requirement_id == 1
    assert draft.explanation == "This job asks for Dutch at level C1. Your level is B1."
    assert draft.evidence == "Dutch: B1, required C1"


def test_expired_registration_names_the_date():
    reqs = (RequirementSpec(2, "registration", "BIG-registratie"),)
    profile = CandidateProfile(qualifications=(QualificationFact("BIG-registratie", expires_on=date(2026, 3, 3)),))
    (draft,) = draft_reasons(record(requirements=reqs, profile=profile))
    assert draft.source == ReasonSource.EXPIRED_QUALIFICATION
    assert "3 March 2026" in draft.explanation


def test_nice_to_have_and_expiring_give_no_reason():
    reqs = (
        RequirementSpec(1, "skill", "Excel", is_must_have=False),
        RequirementSpec(2, "registration", "BIG-registratie"),
    )
    profile = CandidateProfile(
        skills=("Word",), qualifications=(QualificationFact("BIG-registratie", expires_on=TODAY + timedelta(days=10)),)
    )
    assert draft_reasons(record(requirements=reqs, profile=profile)) == []


def test_low_rating_quotes_the_evidence_of_the_low_rating():
    (draft,) = draft_reasons(record(criteria=(criterion(7, 2, 1, label="Plannen"),)))
    assert draft.source == ReasonSource.LOW_RATING
    assert draft.criterion_id == 7 and draft.requirement_id is None
    assert "“Plannen”" in draft.explanation
    assert "Evidence 7/1" in draft.explanation
    assert "Eva (1/4): Evidence 7/1" in draft.evidence


def test_mixed_ratings_averaging_at_least_2_5_are_not_low():
    assert draft_reasons(record(criteria=(criterion(7, 2, 3),))) == []


def test_one_reason_per_requirement():
    reqs = (RequirementSpec(1, "language", "Dutch", level="C1"),)
    profile = CandidateProfile(languages=(LanguageFact("Dutch", "B1"),))
    drafts = draft_reasons(record(requirements=reqs, profile=profile, criteria=(criterion(9, 1, requirement_id=1),)))
    assert [(d.requirement_id, d.criterion_id) for d in drafts] == [(1, None)]


def test_comparative_reason_names_the_criterion_only_when_nothing_else_applies():
    criteria = (criterion(3, 3, best_other=4, label="Klantgerichtheid"), criterion(4, 4, best_other=4))
    (draft,) = draft_reasons(record(criteria=criteria))
    assert draft.source == ReasonSource.COMPARATIVE
    assert draft.criterion_id == 3
    assert "scored higher on “Klantgerichtheid”: 4 out of 4, you 3 out of 4" in draft.explanation
    with_low = (*criteria, criterion(5, 1))
    assert [d.source for d in draft_reasons(record(criteria=with_low))] == [ReasonSource.LOW_RATING]


def test_explanations_follow_the_record_language_not_the_active_one():
    from django.utils import translation

    reqs = (RequirementSpec(1, "skill", "Excel"),)
    profile = CandidateProfile(skills=("Word",))
    with translation.override("nl"):
        (draft,) = draft_reasons(record(requirements=reqs, profile=profile, language="en"))
        assert translation.get_language() == "nl"
    assert draft.explanation == "This job asks for this skill: Excel. We did not find it in your application."


# --- Properties over generated records ---------------------------------------------------------------------

_names = st.sampled_from(["BIG-registratie", "VCA", "Excel", "Plannen", "Rijbewijs B"])
_requirements = st.lists(
    st.builds(
        RequirementSpec,
        id=st.integers(1, 30),
        kind=st.sampled_from(["certificate", "registration", "skill", "language", "experience", "education_level"]),
        label=_names,
        is_must_have=st.booleans(),
        level=st.sampled_from(["", *CEFR_LEVELS, "mbo4", "hbo"]),
        years=st.none() | st.integers(0, 8),
    ),
    max_size=6,
    unique_by=lambda r: r.id,
)
_profiles = st.builds(
    CandidateProfile,
    education_level=st.sampled_from(["", "mbo2", "mbo4", "hbo", "wo"]),
    qualifications=st.lists(
        st.builds(
            QualificationFact,
            name=_names,
            expires_on=st.none() | st.dates(TODAY - timedelta(days=400), TODAY + timedelta(days=400)),
        ),
        max_size=4,
    ).map(tuple),
    skills=st.lists(_names, max_size=3).map(tuple),
    languages=st.lists(st.builds(LanguageFact, language=_names, level=st.sampled_from(CEFR_LEVELS)), max_size=2).map(
        tuple
    ),
)
_criteria = st.lists(
    st.builds(
        criterion,
        st.integers(100, 130),
        st.integers(1, 4),
        st.integers(1, 4),
        best_other=st.none() | st.floats(1, 4),
    ),
    max_size=5,
    unique_by=lambda c: c.id,
)


@settings(max_examples=300, deadline=None)
@given(requirements=_requirements, profile=_profiles, criteria=_criteria)
def test_every_drafted_reason_is_supported_by_its_record(requirements, profile, criteria):
    rec = record(requirements=tuple(requirements), profile=profile, criteria=tuple(criteria))
    drafts = draft_reasons(rec)
    gaps = {a.requirement.id for a in assess_requirements(requirements, profile, TODAY) if a.is_gap}
    must_haves = {r.id for r in requirements if r.is_must_have}
    by_id = {c.id: c for c in criteria}
    for draft in drafts:
        assert (draft.requirement_id is None) != (draft.criterion_id is None)
        if draft.requirement_id is not None:
            assert draft.requirement_id in gaps & must_haves
        elif draft.source == ReasonSource.LOW_RATING:
            assert by_id[draft.criterion_id].is_low
        else:
            assert draft.source == ReasonSource.COMPARATIVE
            assert by_id[draft.criterion_id].others_scored_higher
            assert by_id[draft.criterion_id].label in draft.explanation
            assert all(d.source == ReasonSource.COMPARATIVE for d in drafts)


@settings(max_examples=200, deadline=None)
@given(requirements=_requirements, profile=_profiles, criteria=_criteria, low=st.integers(1, 2), high=st.integers(3, 4))
def test_records_that_differ_on_a_criterion_get_different_reasons(requirements, profile, criteria, low, high):
    rejected_on = criterion(999, low, label="Klantgerichtheid")
    fine_on = replace(rejected_on, ratings=(RatingRecord(high, "Sterk", "Eva"),))
    base = {"requirements": tuple(requirements), "profile": profile}
    a = draft_reasons(record(criteria=(*criteria, rejected_on), **base))
    b = draft_reasons(record(criteria=(*criteria, fine_on), **base))
    assert 999 in {d.criterion_id for d in a}
    assert 999 not in {d.criterion_id for d in b if d.source == ReasonSource.LOW_RATING}
    assert a != b
