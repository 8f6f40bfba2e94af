"""Assessing a profile against requirements: the status and the fact that shows it."""

from datetime import date
from decimal import Decimal

import pytest

from nagesprek.rejections.assessment import (
    CandidateProfile,
    ExperienceFact,
    LanguageFact,
    QualificationFact,
    RequirementSpec,
    Status,
    assess_requirements,
    names_match,
)

TODAY = date(2026, 6, 1)


def assess(requirement, profile):
    (result,) = assess_requirements([requirement], profile, TODAY)
    return result


def test_missing_certificate_is_unmet_with_the_fact():
    req = RequirementSpec(1, "certificate", "Deelcertificaat Anesthesiologie")
    profile = CandidateProfile(qualifications=(QualificationFact("Diploma Dierenartsassistent", "diploma"),))
    result = assess(req, profile)
    assert result.status == Status.UNMET
    assert result.fact.english == "Deelcertificaat Anesthesiologie: not in your profile"


def test_expired_registration():
    req = RequirementSpec(2, "registration", "BIG-registratie")
    profile = CandidateProfile(qualifications=(QualificationFact("BIG registratie", expires_on=date(2026, 3, 3)),))
    result = assess(req, profile)
    assert result.status == Status.EXPIRED
    assert result.fact.english == "BIG-registratie expired on 3 March 2026"


def test_renewed_registration_counts_over_the_expired_one():
    req = RequirementSpec(2, "registration", "BIG-registratie")
    profile = CandidateProfile(
        qualifications=(
            QualificationFact("BIG-registratie", expires_on=date(2021, 3, 3)),
            QualificationFact("big-registratie", expires_on=date(2031, 3, 3)),
        )
    )
    assert assess(req, profile).status == Status.MET


def test_expiring_soon_is_still_met_but_flagged():
    req = RequirementSpec(2, "registration", "BIG-registratie")
    profile = CandidateProfile(qualifications=(QualificationFact("BIG-registratie", expires_on=date(2026, 7, 1)),))
    assert assess(req, profile).status == Status.EXPIRING


def test_nothing_recorded_is_unknown_not_unmet():
    req = RequirementSpec(2, "registration", "BIG-registratie")
    assert assess(req, CandidateProfile()).status == Status.UNKNOWN


def test_language_level_below_required():
    req = RequirementSpec(3, "language", "Nederlands", level="C1")
    result = assess(req, CandidateProfile(languages=(LanguageFact("Dutch", "B1"),)))
    assert result.status == Status.UNMET
    assert result.fact.english == "Nederlands: B1, required C1"


def test_language_level_met():
    req = RequirementSpec(3, "language", "Engels B2", level="B2")
    assert assess(req, CandidateProfile(languages=(LanguageFact("Engels", "C1"),))).status == Status.MET


def test_experience_counts_relevant_roles():
    req = RequirementSpec(4, "experience", "Ervaring als planner", years=4)
    profile = CandidateProfile(
        experiences=(ExperienceFact("Planner", Decimal("2"), "Zorg"), ExperienceFact("Kok", Decimal("10")))
    )
    result = assess(req, profile)
    assert result.status == Status.UNMET
    assert result.fact.english == "2 years of experience, 4 asked"


def test_generic_experience_counts_every_role():
    req = RequirementSpec(4, "experience", "Werkervaring", years=3)
    profile = CandidateProfile(experiences=(ExperienceFact("Planner", 1.5), ExperienceFact("Kok", 2)))
    assert assess(req, profile).status == Status.MET


def test_education_level():
    req = RequirementSpec(5, "education_level", "Hbo-werk- en denkniveau", level="hbo")
    result = assess(req, CandidateProfile(education_level="mbo4"))
    assert result.status == Status.UNMET
    assert result.fact.english == "mbo4, hbo asked"
    assert assess(req, CandidateProfile(education_level="wo")).status == Status.MET


def test_competency_is_judged_in_selection_not_from_profile():
    req = RequirementSpec(6, "competency", "Samenwerken")
    assert assess(req, CandidateProfile(skills=("Samenwerken",))).status == Status.UNKNOWN


def test_skill_present_and_absent():
    req = RequirementSpec(7, "skill", "Excel")
    assert assess(req, CandidateProfile(skills=("excel",))).status == Status.MET
    assert assess(req, CandidateProfile(skills=("Word",))).status == Status.UNMET


@pytest.mark.parametrize(
    ("a", "b"),
    [("BIG-registratie", "big registratie"), ("Crème brûlée", "creme brulee"), ("VCA (basis)", "vca basis")],
)
def test_names_match_ignores_case_accents_and_punctuation(a, b):
    assert names_match(a, b)
