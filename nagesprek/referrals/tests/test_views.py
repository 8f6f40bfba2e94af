"""The referral pages per role: who sees which referrals, who may answer, and what a bad answer does."""

import pytest
from django.urls import reverse

from nagesprek.audit.models import AuditEvent
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.referrals.constants import ReferralStatus
from nagesprek.referrals.models import Referral
from nagesprek.referrals.tests.factories import grant, make_world, rejected_application

pytestmark = pytest.mark.django_db


def _detail(referral):
    return reverse("referrals:detail", args=[referral.pk])


class TestWhoSeesWhat:
    def test_the_recruiter_of_the_vacancy_finds_it_in_their_inbox(self, client, world):
        referral = world.refer()
        client.force_login(world.recruiter)

        inbox = client.get(reverse("referrals:list"))

        assert inbox.status_code == 200
        assert _detail(referral) in inbox.content.decode()
        assert client.get(_detail(referral)).status_code == 200
        assert AuditEvent.objects.filter(object_type="referrals.Referral", action="view").exists()

    def test_a_recruiter_of_another_vacancy_does_not_see_it(self, client, world):
        referral = world.refer()
        client.force_login(member(world.organisation, Role.RECRUITER))

        assert _detail(referral) not in client.get(reverse("referrals:list")).content.decode()
        assert client.get(_detail(referral)).status_code == 404

    def test_recruiters_of_other_organisations_never_see_referrals(self, client, world):
        referral = world.refer()
        other = make_world()
        other.refer()
        client.force_login(other.recruiter)

        page = client.get(reverse("referrals:list")).content.decode()

        assert _detail(referral) not in page
        assert client.get(_detail(referral)).status_code == 404
        response = client.post(reverse("referrals:accept", args=[referral.pk]), {"stage": 1})
        assert response.status_code == 404

    def test_the_advisor_sees_their_own_referrals_and_hr_leads_see_all(self, client, world):
        referral = world.refer()
        for user in (world.advisor, world.hr_lead):
            client.force_login(user)
            assert _detail(referral) in client.get(reverse("referrals:list")).content.decode()
            assert client.get(_detail(referral)).status_code == 200
        client.force_login(member(world.organisation, Role.ADVISOR))
        assert client.get(_detail(referral)).status_code == 404

    @pytest.mark.parametrize("role", [Role.EVALUATOR, Role.PRIVACY_OFFICER, Role.ORG_ADMIN])
    def test_other_roles_are_refused(self, client, world, role):
        referral = world.refer()
        client.force_login(member(world.organisation, role))

        assert client.get(reverse("referrals:list")).status_code == 403
        assert client.get(_detail(referral)).status_code == 403

    def test_the_inbox_query_count_does_not_grow_with_the_referrals(self, client, world, django_assert_num_queries):
        for _ in range(3):
            application = rejected_application(world.organisation)
            grant(application.candidate)
            world.rejected = application
            world.refer()
        client.force_login(world.recruiter)
        client.get(reverse("referrals:list"))  # warm the session and caches
        with django_assert_num_queries(5):  # session, user, memberships, count, page
            client.get(reverse("referrals:list"))
        for _ in range(5):
            application = rejected_application(world.organisation)
            grant(application.candidate)
            world.rejected = application
            world.refer()
        with django_assert_num_queries(5):
            assert client.get(reverse("referrals:list")).status_code == 200


class TestAnswering:
    def test_accepting_from_the_page_opens_the_new_application(self, client, world):
        referral = world.refer()
        stage = world.vacancy.stages.order_by("position").last()
        client.force_login(world.recruiter)

        response = client.post(reverse("referrals:accept", args=[referral.pk]), {"stage": stage.pk, "note": ""})

        referral.refresh_from_db()
        assert response.status_code == 302
        assert response["Location"] == reverse("applications:detail", args=[referral.application_id])
        page = client.get(response["Location"]).content.decode()
        assert reverse("referrals:detail", args=[referral.pk]) in page  # the application shows its origin

    def test_declining_without_a_reason_changes_nothing_and_says_why(self, client, world):
        referral = world.refer()
        client.force_login(world.recruiter)

        response = client.post(reverse("referrals:decline", args=[referral.pk]), {"reason": ""})

        assert response.status_code == 422
        assert 'class="error-summary"' in response.content.decode()
        referral.refresh_from_db()
        assert referral.status == ReferralStatus.PENDING

    def test_the_advisor_cannot_answer_their_own_referral(self, client, world):
        referral = world.refer()
        client.force_login(world.advisor)

        response = client.post(reverse("referrals:decline", args=[referral.pk]), {"reason": "Past niet goed genoeg."})

        assert response.status_code == 403


class TestReferringFromThePage:
    def test_without_consent_the_page_refuses_and_offers_to_record_it(self, client, world_without_consent):
        world = world_without_consent
        client.force_login(world.advisor)
        url = reverse("referrals:new", args=[world.rejected.pk])

        page = client.get(url).content.decode()
        response = client.post(url, {"vacancy": world.vacancy.pk, "note": "Past goed."})

        assert reverse("referrals:consent", args=[world.rejected.pk]) in page
        assert response.status_code == 422
        assert not Referral.objects.exists()

    def test_recording_consent_from_the_conversation_then_referring(self, client, world_without_consent):
        world = world_without_consent
        client.force_login(world.advisor)

        client.post(reverse("referrals:consent", args=[world.rejected.pk]), {"referral": "yes", "talent_pool": ""})
        response = client.post(
            reverse("referrals:new", args=[world.rejected.pk]),
            {"vacancy": world.vacancy.pk, "note": "Sterke planner, past bij het secretariaat."},
        )

        referral = Referral.objects.get()
        assert response["Location"] == _detail(referral)
        consent = world.candidate.consents.get()
        assert (consent.purpose, consent.source) == ("referral", "conversation")
        assert not world.candidate.consents.filter(purpose="talent_pool").exists()

    def test_the_explanation_shown_goes_with_the_referral(self, client, world):
        client.force_login(world.advisor)
        url = reverse("referrals:new", args=[world.rejected.pk])
        page = client.get(url)
        log = page.context["form"].initial["log"]

        client.post(url, {"vacancy": world.vacancy.pk, "note": "Past goed bij het team.", "log": log})

        referral = Referral.objects.get()
        assert referral.suggestion_log_id == log

    def test_a_vacancy_of_another_organisation_cannot_be_chosen(self, client, world):
        other = make_world()
        client.force_login(world.advisor)

        response = client.post(
            reverse("referrals:new", args=[world.rejected.pk]), {"vacancy": other.vacancy.pk, "note": "Past goed."}
        )

        assert response.status_code == 422
        assert not Referral.objects.exists()

    def test_only_advisors_open_the_referral_pages(self, client, world):
        for user in (world.recruiter, world.hr_lead):
            client.force_login(user)
            assert client.get(reverse("referrals:new", args=[world.rejected.pk])).status_code == 403
            assert client.get(reverse("referrals:candidates")).status_code == 403
        client.force_login(member(OrganisationFactory(), Role.ADVISOR))
        assert client.get(reverse("referrals:new", args=[world.rejected.pk])).status_code == 404
