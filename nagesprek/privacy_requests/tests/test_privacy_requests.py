"""A candidate's access and erasure requests, handled by the privacy officer of their organisation only."""

import json

import pytest
from django.urls import reverse

from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.candidates.models import Candidate
from nagesprek.candidates.tests.factories import QualificationFactory, SkillFactory
from nagesprek.consents import services as consent_services
from nagesprek.consents.constants import ConsentPurpose, ConsentSource
from nagesprek.emails.models import OutboxMessage
from nagesprek.letters.tests.factories import RejectionFactory, RequirementReasonFactory
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import member
from nagesprek.portal import services as portal_services
from nagesprek.retention.constants import ErasureReason
from nagesprek.retention.models import Erasure

pytestmark = pytest.mark.django_db


@pytest.fixture
def rejected():
    rejection = RejectionFactory()
    RequirementReasonFactory(rejection=rejection, explanation="Je hebt geen BIG-registratie.")
    candidate = rejection.application.candidate
    SkillFactory(candidate=candidate, name="Wondzorg")
    QualificationFactory(candidate=candidate, name="Diploma mbo Verpleegkunde")
    consent_services.grant_consent(
        candidate=candidate, purpose=ConsentPurpose.TALENT_POOL, source=ConsentSource.CANDIDATE_PAGE
    )
    portal_services.issue_link(candidate=candidate)
    OutboxMessage.objects.create(
        organisation=candidate.organisation,
        key="letter-1",
        recipient=candidate.email,
        language="nl",
        template="rejection_letter",
        subject="Je sollicitatie",
        body_text="Beste Sanne, ...",
        candidate_id=candidate.pk,
    )
    return rejection


def _officer(organisation):
    return member(organisation, Role.PRIVACY_OFFICER)


def test_the_export_holds_the_profile_the_procedure_the_reasons_consents_and_e_mails(client, rejected):
    candidate = rejected.application.candidate
    client.force_login(_officer(candidate.organisation))

    response = client.post(reverse("privacy_requests:export", args=[candidate.pk]))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    text = json.dumps(data, ensure_ascii=False)
    assert data["candidate"] == candidate.full_name
    for expected in (
        "Wondzorg",
        "Diploma mbo Verpleegkunde",
        "Je hebt geen BIG-registratie.",
        "Beste Sanne",
        "andere vacatures",
    ):
        assert expected.lower() in text.lower(), expected
    assert "nonce" not in text and "letter-1" not in text  # secrets and internal keys stay out
    assert AuditEvent.objects.filter(candidate_id=candidate.pk, action=AuditAction.EXPORT).exists()


def test_the_overview_counts_the_records_before_download(client, rejected):
    candidate = rejected.application.candidate
    client.force_login(_officer(candidate.organisation))

    page = client.get(reverse("privacy_requests:candidate", args=[candidate.pk])).content.decode()

    assert candidate.full_name in page
    assert "Alle gegevens downloaden (JSON)" in page
    assert "<td>Vaardigheden</td><td>1</td>" in page


def test_finding_a_file_by_address_ignores_case_and_stays_in_the_organisation(client, rejected):
    candidate = rejected.application.candidate
    elsewhere = ApplicationFactory(candidate__email=candidate.email).candidate
    client.force_login(_officer(candidate.organisation))

    page = client.get(reverse("privacy_requests:find"), {"email": candidate.email.upper()}).content.decode()

    assert reverse("privacy_requests:candidate", args=[candidate.pk]) in page
    assert reverse("privacy_requests:candidate", args=[elsewhere.pk]) not in page


def test_a_bad_address_gets_a_message_and_no_search(client, rejected):
    client.force_login(_officer(rejected.organisation))

    response = client.get(reverse("privacy_requests:find"), {"email": "geen adres"})

    assert response.status_code == 200
    assert "error-summary" in response.content.decode()


def test_erasing_needs_both_confirmations_and_changes_nothing_without_them(client, rejected):
    candidate = rejected.application.candidate
    client.force_login(_officer(candidate.organisation))

    response = client.post(reverse("privacy_requests:candidate", args=[candidate.pk]), {"confirm": "on"})

    assert response.status_code == 422
    assert Candidate.objects.filter(pk=candidate.pk).exists()


def test_erasing_on_request_removes_everything_but_the_proof(client, rejected):
    candidate = rejected.application.candidate
    officer = _officer(candidate.organisation)
    client.force_login(officer)

    response = client.post(
        reverse("privacy_requests:candidate", args=[candidate.pk]), {"confirm": "on", "identity_checked": "on"}
    )

    assert response.status_code == 302
    assert not Candidate.objects.filter(pk=candidate.pk).exists()
    assert not OutboxMessage.objects.filter(candidate_id=candidate.pk).exists()
    erasure = Erasure.objects.get(candidate_id=candidate.pk)
    assert erasure.reason == ErasureReason.REQUESTED
    assert AuditEvent.objects.filter(candidate_id=candidate.pk, action=AuditAction.DELETE, actor=officer).exists()


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.PRIVACY_OFFICER])
def test_only_the_privacy_officer_handles_requests(client, rejected, role):
    candidate = rejected.application.candidate
    client.force_login(member(candidate.organisation, role))

    assert client.get(reverse("privacy_requests:find")).status_code == 403
    assert client.post(reverse("privacy_requests:export", args=[candidate.pk])).status_code == 403


def test_a_privacy_officer_of_another_organisation_gets_not_found(client, rejected):
    candidate = rejected.application.candidate
    client.force_login(_officer(ApplicationFactory().organisation))

    assert client.get(reverse("privacy_requests:candidate", args=[candidate.pk])).status_code == 404
    assert client.post(reverse("privacy_requests:export", args=[candidate.pk])).status_code == 404
    assert Candidate.objects.filter(pk=candidate.pk).exists()
