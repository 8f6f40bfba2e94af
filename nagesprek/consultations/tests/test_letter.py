"""The rejection letter points at the consultation hour when the candidate may book one."""

import pytest

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.consultations.constants import ConsultationAudience
from nagesprek.consultations.models import ConsultationPolicy
from nagesprek.consultations.tests.factories import hour_with_session
from nagesprek.letters.rendering import render_letter
from nagesprek.letters.tests.factories import rejection_with_reasons
from nagesprek.portal.services import issue_link
from nagesprek.vacancies.constants import StageKind

pytestmark = pytest.mark.django_db


def _rejected_at_cv_screening():
    rejection = rejection_with_reasons(reasons=1, stage_kind=StageKind.CV_SCREENING, language="en")
    application = rejection.application
    application.status = ApplicationStatus.REJECTED
    application.save(update_fields=["status"])
    return rejection


def test_the_letter_invites_to_the_consultation_hour_with_a_link_to_choose_a_time():
    rejection = _rejected_at_cv_screening()
    hour_with_session(organisation=rejection.organisation)
    candidate_url = issue_link(candidate=rejection.application.candidate)
    token = candidate_url.rstrip("/").rsplit("/", 1)[1]

    letter = render_letter(rejection=rejection, candidate_url=candidate_url)

    assert "Talk with a recruiter" in letter.text
    assert f"/consultations/c/{token}/" in letter.text
    assert f"/consultations/c/{token}/" in letter.html


def test_no_invitation_without_a_published_hour_or_when_the_policy_leaves_the_candidate_out():
    rejection = _rejected_at_cv_screening()
    candidate_url = issue_link(candidate=rejection.application.candidate)
    assert "Talk with a recruiter" not in render_letter(rejection=rejection, candidate_url=candidate_url).text

    hour_with_session(organisation=rejection.organisation)
    ConsultationPolicy.objects.create(organisation=rejection.organisation, audience=ConsultationAudience.IN_PROCEDURE)

    assert "Talk with a recruiter" not in render_letter(rejection=rejection, candidate_url=candidate_url).text
