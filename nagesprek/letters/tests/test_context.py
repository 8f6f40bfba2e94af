import datetime

import pytest
from django.utils import timezone

from nagesprek.letters.context import LATER_SECTIONS, letter_context
from nagesprek.letters.tests.factories import (
    CriterionReasonFactory,
    RejectionFactory,
    RequirementReasonFactory,
    rejection_with_reasons,
)
from nagesprek.portal.services import issue_link
from nagesprek.rejections.constants import Outcome
from nagesprek.vacancies.constants import StageKind

pytestmark = pytest.mark.django_db


def test_context_names_what_was_applied_for_and_who_to_contact():
    rejection = rejection_with_reasons(reasons=1)
    rejection.organisation.contact_email = "werken@example.nl"
    rejection.organisation.save()

    context = letter_context(rejection=rejection, candidate_url="")

    application = rejection.application
    assert context["vacancy_title"] == application.vacancy.title
    assert context["organisation_name"] == rejection.organisation.name
    assert context["candidate_name"] == application.candidate.full_name
    assert context["contact_email"] == "werken@example.nl"
    assert context["retention_days"] == 28
    assert context["retention_weeks"] == 4
    assert context["fresh_link_url"].endswith("/c/new-link/")


def test_each_reason_carries_its_explanation_and_what_it_concerns():
    rejection = RejectionFactory()
    requirement_reason = RequirementReasonFactory(rejection=rejection, position=0)
    criterion_reason = CriterionReasonFactory(rejection=rejection, position=1)

    reasons = letter_context(rejection=rejection, candidate_url="")["reasons"]

    assert reasons == [
        {
            "explanation": requirement_reason.explanation,
            "about_kind": "requirement",
            "about": "BIG-registratie als verpleegkundige",
            "is_must_have": True,
            "description": "Je staat in het BIG-register als verpleegkundige.",
            "stage_name": "",
        },
        {
            "explanation": criterion_reason.explanation,
            "about_kind": "criterion",
            "about": "Klantgericht werken",
            "is_must_have": None,
            "description": "Je laat met voorbeelden zien hoe je klanten helpt.",
            "stage_name": "Eerste gesprek",
        },
    ]


@pytest.mark.parametrize("outcome", [Outcome.WITHDRAWN, Outcome.CANCELLED])
def test_only_a_rejection_by_the_employer_lists_reasons(outcome):
    rejection = rejection_with_reasons(reasons=2, outcome=outcome)

    context = letter_context(rejection=rejection, candidate_url="")

    assert context["reasons"] == []
    assert context["outcome"] == outcome
    assert not context["is_rejected"]


@pytest.mark.parametrize(
    ("stage_kind", "moment"),
    [
        (StageKind.CV_SCREENING, "cv_screening"),
        (StageKind.INTERVIEW, "interview"),
        (StageKind.ASSESSMENT, "assessment"),
        (StageKind.OFFER, "interview"),
    ],
)
def test_the_stage_decides_the_opening(stage_kind, moment):
    rejection = rejection_with_reasons(reasons=1, stage_kind=stage_kind)

    assert letter_context(rejection=rejection, candidate_url="")["stage_moment"] == moment


def test_the_link_expiry_is_read_from_the_personal_link():
    rejection = rejection_with_reasons(reasons=1)
    url = issue_link(candidate=rejection.application.candidate, valid_days=30)

    context = letter_context(rejection=rejection, candidate_url=url)

    assert context["candidate_url"] == url
    assert context["link_valid_until"] == timezone.localdate() + datetime.timedelta(days=30)


def test_a_url_that_is_not_a_personal_link_has_no_expiry():
    rejection = rejection_with_reasons(reasons=1)

    assert (
        letter_context(rejection=rejection, candidate_url="https://example.nl/c/nonsense/")["link_valid_until"] is None
    )


def test_sections_for_later_capabilities_are_absent_until_they_exist():
    context = letter_context(rejection=rejection_with_reasons(reasons=1), candidate_url="")

    assert not set(LATER_SECTIONS) & set(context)
