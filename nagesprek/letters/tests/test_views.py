"""The staff preview and PDF: who may open them, what they show, and that each opening is audited."""

import pytest
from django.urls import reverse

from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.letters.tests.factories import rejection_with_reasons
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db

ALLOWED = [Role.RECRUITER, Role.HR_LEAD]
REFUSED = [role for role in Role.values if role not in ALLOWED]


@pytest.fixture
def rejection():
    return rejection_with_reasons(reasons=2, language="nl")


def _preview(rejection):
    return reverse("letters:preview", args=[rejection.pk])


def _pdf(rejection):
    return reverse("letters:pdf", args=[rejection.pk])


@pytest.mark.parametrize("role", ALLOWED)
def test_recruiters_and_hr_leads_see_the_letter_with_its_readability(client, rejection, role):
    client.force_login(member(rejection.organisation, role))

    response = client.get(_preview(rejection))

    assert response.status_code == 200
    page = response.content.decode()
    for reason in rejection.reasons.all():
        assert reason.explanation in page  # in the letter, and again in the text version
    assert page.count(rejection.reasons.first().explanation) == 2
    assert "Flesch-Douma" in page
    assert response.context["letter"].dutch.words > 50
    assert 'style="' not in page  # the e-mail's inline styles would break the page's CSP


@pytest.mark.parametrize("role", REFUSED)
def test_other_roles_are_refused(client, rejection, role):
    client.force_login(member(rejection.organisation, role))

    assert client.get(_preview(rejection)).status_code == 403
    assert client.get(_pdf(rejection)).status_code == 403


def test_a_recruiter_of_another_organisation_gets_not_found(client, rejection):
    client.force_login(member(OrganisationFactory(), Role.RECRUITER))

    assert client.get(_preview(rejection)).status_code == 404
    assert client.get(_pdf(rejection)).status_code == 404


def test_signed_out_visitors_are_sent_to_log_in(client, rejection):
    response = client.get(_preview(rejection))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_preview_in_the_other_language(client, rejection):
    client.force_login(member(rejection.organisation, Role.RECRUITER))

    response = client.get(_preview(rejection), {"language": "en"})

    assert response.context["letter"].language == "en"
    assert "Thank you also for the interview with us." in response.content.decode()


def test_an_unknown_language_falls_back_to_the_letters_own(client, rejection):
    client.force_login(member(rejection.organisation, Role.RECRUITER))

    response = client.get(_preview(rejection), {"language": "xx"})

    assert response.status_code == 200
    assert response.context["letter"].language == "nl"


def test_opening_the_preview_is_audited(client, rejection):
    user = member(rejection.organisation, Role.RECRUITER)
    client.force_login(user)

    client.get(_preview(rejection))

    event = AuditEvent.objects.get(action=AuditAction.VIEW, object_type="rejections.Rejection")
    assert (event.actor, event.actor_kind, event.candidate_id) == (
        user,
        ActorKind.STAFF,
        rejection.application.candidate_id,
    )


def test_pdf_download_is_a_pdf_and_audited_as_an_export(client, rejection):
    user = member(rejection.organisation, Role.HR_LEAD)
    client.force_login(user)

    response = client.get(_pdf(rejection))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response.content.startswith(b"%PDF-")
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, actor=user).count() == 1
