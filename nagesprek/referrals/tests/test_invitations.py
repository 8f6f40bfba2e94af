"""Talent-pool invitations: only consenting candidates are ever shown or invited; the answer is recorded."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.candidates.tests.factories import CandidateFactory, SkillFactory
from nagesprek.consents import services as consent_services
from nagesprek.consents.constants import ConsentPurpose, ConsentSource
from nagesprek.emails.models import OutboxMessage
from nagesprek.matching import services as matching_services
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.portal.services import issue_link
from nagesprek.referrals import invitations
from nagesprek.referrals.constants import InvitationStatus
from nagesprek.referrals.models import Invitation
from nagesprek.referrals.tests.factories import actor_for, make_world
from nagesprek.vacancies.constants import RequirementKind, VacancyStatus
from nagesprek.vacancies.tests.factories import RequirementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pool(db):
    """A vacancy asking for planning, and four earlier candidates who can plan; only one may be in the pool."""
    world = make_world(consent=False)
    RequirementFactory(vacancy=world.vacancy, kind=RequirementKind.SKILL, label="Plannen", is_must_have=False)
    people = {}
    for name in ("Consented", "Revoked", "Referral only", "Never asked"):
        people[name] = CandidateFactory(organisation=world.organisation, full_name=name)
        SkillFactory(candidate=people[name], name="Plannen")
    grant = consent_services.grant_consent
    grant(candidate=people["Consented"], purpose=ConsentPurpose.TALENT_POOL, source=ConsentSource.REJECTION)
    revoked = grant(candidate=people["Revoked"], purpose=ConsentPurpose.TALENT_POOL, source=ConsentSource.REJECTION)
    consent_services.revoke_consent(consent=revoked)
    grant(candidate=people["Referral only"], purpose=ConsentPurpose.REFERRAL, source=ConsentSource.CONVERSATION)
    world.people = people  # type: ignore[attr-defined]
    return world


def _invite(world, candidate, **kwargs):
    return invitations.invite_candidate(
        actor=world.actor(world.recruiter), vacancy=world.vacancy, candidate=candidate, **kwargs
    )


def test_without_talent_pool_consent_a_candidate_is_never_in_any_pool_search_or_invite(client, pool):
    consented = pool.people["Consented"]
    shown = matching_services.suggest_candidates_for_vacancy(actor=pool.actor(pool.recruiter), vacancy=pool.vacancy)
    client.force_login(pool.recruiter)
    page = client.get(reverse("matching:talent_pool", args=[pool.vacancy.pk])).content.decode()

    assert [item.target for item in shown.items] == [consented]
    assert list(invitations.invitable_candidates(vacancy=pool.vacancy)) == [consented]
    for name in ("Revoked", "Referral only", "Never asked"):
        candidate = pool.people[name]
        assert name not in page
        with pytest.raises(ValidationError):
            _invite(pool, candidate)
        url = reverse("referrals:invite", args=[pool.vacancy.pk, candidate.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"message": ""}).status_code == 404
    assert not Invitation.objects.exists()


def test_a_career_advisor_never_searches_the_talent_pool(pool):
    with pytest.raises(PermissionDenied):
        matching_services.suggest_candidates_for_vacancy(actor=pool.actor(pool.advisor), vacancy=pool.vacancy)


def test_the_recruiter_invites_from_the_talent_pool_page_with_the_explanation(client, pool):
    client.force_login(pool.recruiter)
    page = client.get(reverse("matching:talent_pool", args=[pool.vacancy.pk]))
    log = page.context["log"]
    invite_url = reverse("referrals:invite", args=[pool.vacancy.pk, pool.people["Consented"].pk])
    assert invite_url in page.content.decode()

    response = client.post(f"{invite_url}?log={log.pk}", {"message": "Je planning viel op.", "log": log.pk})

    invitation = Invitation.objects.get()
    assert response["Location"] == reverse("referrals:invitations", args=[pool.vacancy.pk])
    assert (invitation.invited_by, invitation.suggestion_log) == (pool.recruiter, log)
    assert invitation.explanation
    mail = OutboxMessage.objects.get(template="talent_pool_invitation")
    assert mail.recipient == pool.people["Consented"].email
    assert "Je planning viel op." in mail.body_text
    assert f"#invitation-{invitation.pk}" in mail.body_text
    listing = client.get(response["Location"]).content.decode()
    assert "Consented" in listing


def test_a_candidate_is_invited_to_a_vacancy_once(pool):
    first = _invite(pool, pool.people["Consented"])

    assert _invite(pool, pool.people["Consented"], message="Nogmaals") == first
    assert OutboxMessage.objects.filter(template="talent_pool_invitation").count() == 1


def test_only_recruiters_of_the_organisation_invite(client, pool):
    candidate = pool.people["Consented"]
    for user in (pool.advisor, pool.hr_lead):
        with pytest.raises(PermissionDenied):
            invitations.invite_candidate(actor=pool.actor(user), vacancy=pool.vacancy, candidate=candidate)
    elsewhere = OrganisationFactory()
    stranger = member(elsewhere, Role.RECRUITER)
    with pytest.raises(PermissionDenied):
        invitations.invite_candidate(actor=actor_for(stranger, elsewhere), vacancy=pool.vacancy, candidate=candidate)
    client.force_login(stranger)
    assert client.get(reverse("referrals:invite", args=[pool.vacancy.pk, candidate.pk])).status_code == 404
    assert client.get(reverse("referrals:invitations", args=[pool.vacancy.pk])).status_code == 404


class TestTheCandidateAnswers:
    def _answer_url(self, invitation):
        token = urlsplit(issue_link(candidate=invitation.candidate)).path.split("/")[2]
        return reverse("referrals:answer", args=[token, invitation.pk]), token

    def test_yes_starts_an_application_with_the_profile_we_hold(self, client, pool):
        invitation = _invite(pool, pool.people["Consented"])
        url, token = self._answer_url(invitation)

        assert client.get(url).status_code == 200
        response = client.post(url, {"answer": "apply"})

        invitation.refresh_from_db()
        assert response.status_code == 302 and f"#invitation-{invitation.pk}" in response["Location"]
        assert invitation.status == InvitationStatus.APPLIED
        application = invitation.application
        assert (application.candidate, application.vacancy) == (pool.people["Consented"], pool.vacancy)
        assert application.status == ApplicationStatus.ACTIVE
        page = client.get(reverse("portal:page", args=[token])).content.decode()
        assert pool.vacancy.title in page

    def test_no_is_recorded_and_changes_nothing_else(self, client, pool):
        candidate = pool.people["Consented"]
        invitation = _invite(pool, candidate)
        url, _token = self._answer_url(invitation)

        client.post(url, {"answer": "decline"})
        client.post(url, {"answer": "apply"})  # answered already: nothing changes

        invitation.refresh_from_db()
        assert invitation.status == InvitationStatus.DECLINED and invitation.answered_at
        assert not candidate.applications.exists()
        assert candidate.consents.get().revoked_at is None  # still in the talent pool

    def test_after_the_vacancy_closed_the_candidate_can_no_longer_apply(self, client, pool):
        invitation = _invite(pool, pool.people["Consented"])
        pool.vacancy.status = VacancyStatus.CLOSED
        pool.vacancy.save()

        with pytest.raises(ValidationError):
            invitations.answer_invitation(invitation=invitation, apply=True)
        url, _token = self._answer_url(invitation)
        assert "Yes, I want to apply" not in client.get(url, {"lang": "en"}).content.decode()

    def test_another_candidates_link_does_not_open_the_invitation(self, client, pool):
        invitation = _invite(pool, pool.people["Consented"])
        token = urlsplit(issue_link(candidate=pool.people["Never asked"])).path.split("/")[2]

        response = client.post(reverse("referrals:answer", args=[token, invitation.pk]), {"answer": "apply"})

        assert response.status_code == 302
        invitation.refresh_from_db()
        assert invitation.status == InvitationStatus.SENT


def test_an_expired_talent_pool_consent_is_out_of_the_pool(pool):
    old = CandidateFactory(organisation=pool.organisation, full_name="Long ago")
    consent_services.grant_consent(
        candidate=old,
        purpose=ConsentPurpose.TALENT_POOL,
        source=ConsentSource.REJECTION,
        now=timezone.now() - timedelta(days=400),
    )

    assert old not in invitations.invitable_candidates(vacancy=pool.vacancy)


def test_the_vacancy_page_offers_the_invitation_to_recruiters_only(client, pool):
    url = reverse("vacancies:detail", args=[pool.vacancy.pk])
    invite = reverse("referrals:invite", args=[pool.vacancy.pk, pool.people["Consented"].pk])

    client.force_login(pool.recruiter)
    assert invite in client.get(url).content.decode()
    client.force_login(pool.hr_lead)
    page = client.get(url).content.decode()
    assert "Consented" in page and invite not in page
