"""What the candidate sees and decides: both consents separately, and the status of a referral."""

from urllib.parse import urlsplit

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.consents import selectors as consent_selectors
from nagesprek.consents import services as consent_services
from nagesprek.consents.constants import ConsentPurpose, ConsentSource
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.portal.services import issue_link
from nagesprek.referrals import services
from nagesprek.referrals.tests.factories import actor_for

pytestmark = pytest.mark.django_db
POOL, REFERRAL = ConsentPurpose.TALENT_POOL, ConsentPurpose.REFERRAL


def _token(candidate) -> str:
    return urlsplit(issue_link(candidate=candidate)).path.split("/")[2]


def _page(client, candidate) -> str:
    return client.get(reverse("portal:page", args=[_token(candidate)]), {"lang": "en"}).content.decode()


class TestConsentOnTheCandidatePage:
    def test_both_permissions_are_shown_and_given_separately(self, client, world_without_consent):
        candidate = world_without_consent.candidate
        token = _token(candidate)
        page = client.get(reverse("portal:page", args=[token]), {"lang": "en"}).content.decode()
        assert reverse("consents:talent_pool", args=[token]) in page
        assert reverse("consents:referral", args=[token]) in page

        response = client.post(reverse("consents:referral", args=[token]) + "?lang=en", {"choice": "give"})

        assert response.status_code == 302 and response["Location"].endswith("#referral-consent")
        consent = consent_selectors.current_consent(candidate=candidate, purpose=REFERRAL)
        assert (consent.source, consent.language) == (ConsentSource.CANDIDATE_PAGE, "en")
        assert "colleague inside the organisation" in consent.wording  # the exact words, as shown
        assert consent_selectors.current_consent(candidate=candidate, purpose=POOL) is None

    def test_the_candidate_withdraws_the_referral_permission_and_the_talent_pool_one_stays(
        self, client, world_without_consent
    ):
        candidate = world_without_consent.candidate
        for purpose in (POOL, REFERRAL):
            consent_services.grant_consent(candidate=candidate, purpose=purpose, source=ConsentSource.REJECTION)
        token = _token(candidate)

        client.post(reverse("consents:referral", args=[token]), {"choice": "withdraw"})

        assert not consent_selectors.has_valid_consent(candidate=candidate, purpose=REFERRAL)
        assert consent_selectors.has_valid_consent(candidate=candidate, purpose=POOL)
        page = client.get(reverse("portal:page", args=[token]), {"lang": "en"}).content.decode()
        assert "You withdrew your permission on" in page


class TestConsentInTheConversation:
    def test_the_advisor_records_each_answer_with_source_conversation(self, world_without_consent):
        world = world_without_consent
        answers = {POOL: False, REFERRAL: True}

        result = consent_services.record_consent_answers(
            actor=world.actor(world.advisor), candidate=world.candidate, answers=answers
        )

        assert result[POOL] is None
        assert result[REFERRAL].source == ConsentSource.CONVERSATION
        assert list(world.candidate.consents.values_list("purpose", flat=True)) == [REFERRAL]

    def test_a_no_withdraws_only_that_purpose_and_not_asked_changes_nothing(self, world):
        consent_services.grant_consent(candidate=world.candidate, purpose=POOL, source=ConsentSource.CANDIDATE_PAGE)

        consent_services.record_consent_answers(
            actor=world.actor(world.advisor), candidate=world.candidate, answers={REFERRAL: False, POOL: None}
        )

        assert not consent_selectors.has_valid_consent(candidate=world.candidate, purpose=REFERRAL)
        assert consent_selectors.has_valid_consent(candidate=world.candidate, purpose=POOL)

    def test_only_staff_of_the_organisation_who_hold_conversations_record_answers(self, world_without_consent):
        world = world_without_consent
        elsewhere = OrganisationFactory()
        for actor in (
            world.actor(world.hr_lead),
            world.actor(member(world.organisation, Role.EVALUATOR)),
            actor_for(member(elsewhere, Role.ADVISOR), elsewhere),
        ):
            with pytest.raises(PermissionDenied):
                consent_services.record_consent_answers(
                    actor=actor, candidate=world.candidate, answers={REFERRAL: True}
                )
        assert not world.candidate.consents.exists()


class TestReferralStatusOnTheCandidatePage:
    def test_pending_then_declined_with_the_reason(self, client, world):
        referral = world.refer()
        assert "You will hear by" in _page(client, world.candidate)

        services.decline_referral(
            actor=world.actor(world.recruiter), referral=referral, reason="De functie vraagt medische terminologie."
        )

        page = _page(client, world.candidate)
        assert "The recruiter said no." in page
        assert "De functie vraagt medische terminologie." in page

    def test_accepted_and_then_hired(self, client, world):
        referral = world.refer()
        referral = services.accept_referral(
            actor=world.actor(world.recruiter), referral=referral, stage=world.vacancy.stages.last()
        )
        assert "The recruiter said yes." in _page(client, world.candidate)
        client.force_login(world.recruiter)

        response = client.post(reverse("applications:hire", args=[referral.application_id]), {"note": "Getekend"})

        referral.application.refresh_from_db()
        assert response.status_code == 302
        assert referral.application.status == ApplicationStatus.HIRED
        client.logout()
        assert "You got the job." in _page(client, world.candidate)

    def test_only_recruiters_mark_an_application_hired(self, client, world):
        referral = services.accept_referral(
            actor=world.actor(world.recruiter), referral=world.refer(), stage=world.vacancy.stages.last()
        )
        for user in (world.hr_lead, world.advisor):
            client.force_login(user)
            assert client.post(reverse("applications:hire", args=[referral.application_id])).status_code == 403
        client.force_login(member(OrganisationFactory(), Role.RECRUITER))
        assert client.post(reverse("applications:hire", args=[referral.application_id])).status_code == 404
        referral.application.refresh_from_db()
        assert referral.application.status == ApplicationStatus.ACTIVE
