"""Referring, answering and withdrawing: consent first, the recruiters of the vacancy answer, everyone hears."""

from datetime import date, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.audit.models import AuditEvent
from nagesprek.consents import selectors as consent_selectors
from nagesprek.consents import services as consent_services
from nagesprek.consents.constants import ConsentPurpose
from nagesprek.emails.models import OutboxMessage
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.referrals import services
from nagesprek.referrals.constants import ReferralStatus, WithdrawalCause
from nagesprek.referrals.models import Referral
from nagesprek.referrals.tests.factories import actor_for, rejected_application
from nagesprek.vacancies.constants import VacancyStatus
from nagesprek.vacancies.tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db


def test_an_advisor_refers_a_consenting_candidate_and_the_recruiters_hear_of_it(world):
    referral = world.refer(explanation="Fits now.")

    assert referral.status == ReferralStatus.PENDING
    assert referral.origin_application == world.rejected
    assert (referral.advisor, referral.explanation) == (world.advisor, "Fits now.")
    mail = OutboxMessage.objects.get(template="referral_received")
    assert mail.recipient == world.recruiter.email
    assert world.candidate.full_name in mail.subject
    assert AuditEvent.objects.filter(object_type="referrals.Referral", candidate_id=world.candidate.pk).exists()


def test_the_origin_is_the_rejection_the_advisor_refers_from(world):
    earlier = world.rejected
    world.rejected = rejected_application(world.organisation)  # another person's rejection

    with pytest.raises(PermissionDenied):
        services.refer_candidate(
            actor=world.actor(world.advisor),
            candidate=earlier.candidate,
            vacancy=world.vacancy,
            note="Past goed.",
            origin_application=world.rejected,
        )
    referral = services.refer_candidate(
        actor=world.actor(world.advisor),
        candidate=earlier.candidate,
        vacancy=world.vacancy,
        note="Past goed.",
        origin_application=earlier,
    )
    assert referral.origin_application == earlier


def test_without_consent_a_referral_cannot_be_made(world_without_consent):
    with pytest.raises(ValidationError) as refused:
        world_without_consent.refer()

    assert refused.value.code == "no_consent"
    assert not Referral.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_a_withdrawn_consent_refuses_a_new_referral(world):
    consent = consent_selectors.current_consent(candidate=world.candidate, purpose=ConsentPurpose.REFERRAL)
    consent_services.revoke_consent(consent=consent)

    with pytest.raises(ValidationError):
        world.refer()


def test_a_talent_pool_consent_is_not_a_referral_consent(world_without_consent):
    consent_services.grant_consent(
        candidate=world_without_consent.candidate, purpose=ConsentPurpose.TALENT_POOL, source="conversation"
    )

    with pytest.raises(ValidationError):
        world_without_consent.refer()


@pytest.mark.parametrize("role", [Role.RECRUITER, Role.HR_LEAD, Role.EVALUATOR])
def test_only_advisors_refer(world, role):
    other = member(world.organisation, role)

    with pytest.raises(PermissionDenied):
        services.refer_candidate(actor=world.actor(other), candidate=world.candidate, vacancy=world.vacancy, note="x")


def test_an_advisor_of_another_organisation_cannot_refer(world):
    elsewhere = OrganisationFactory()
    advisor = member(elsewhere, Role.ADVISOR)

    with pytest.raises(PermissionDenied):
        services.refer_candidate(
            actor=actor_for(advisor, elsewhere), candidate=world.candidate, vacancy=world.vacancy, note="x"
        )


def test_a_vacancy_of_another_organisation_is_refused(world):
    with pytest.raises(PermissionDenied):
        services.refer_candidate(
            actor=world.actor(world.advisor), candidate=world.candidate, vacancy=VacancyFactory(), note="x"
        )


@pytest.mark.parametrize("status", [VacancyStatus.DRAFT, VacancyStatus.CLOSED, VacancyStatus.FILLED])
def test_only_an_open_vacancy_takes_referrals(world, status):
    world.vacancy.status = status
    world.vacancy.save()

    with pytest.raises(ValidationError):
        world.refer()


def test_a_vacancy_without_recruiter_is_refused(world):
    world.vacancy.recruiters.clear()

    with pytest.raises(ValidationError):
        world.refer()


def test_an_empty_note_is_refused_and_nothing_is_saved(world):
    with pytest.raises(ValidationError):
        world.refer(note="   ")

    assert not Referral.objects.exists()


def test_a_second_referral_to_the_same_vacancy_while_pending_is_the_first(world):
    first = world.refer()

    assert world.refer(note="Nog een keer") == first
    assert OutboxMessage.objects.filter(template="referral_received").count() == 1


def test_the_answer_is_due_five_working_days_later():
    from nagesprek.referrals import deadlines

    assert deadlines.respond_by(date(2026, 3, 6)) == date(2026, 3, 13)  # a Friday: the next Friday
    assert deadlines.respond_by(date(2026, 4, 20)) == date(2026, 4, 28)  # King's Day (Monday 27 April) is skipped
    assert deadlines.reminder_day(date(2026, 3, 16)) == date(2026, 3, 13)  # Monday's reminder day: Friday


def test_the_deadline_is_stored_on_the_referral(world):
    referral = world.refer(now=timezone.make_aware(datetime(2026, 3, 6, 10, 0)))

    assert referral.respond_by == date(2026, 3, 13)


class TestAccepting:
    def test_accepting_starts_an_application_at_the_chosen_stage_linked_to_its_origin(self, world):
        referral = world.refer()
        interview = world.vacancy.stages.order_by("position")[1]

        referral = services.accept_referral(actor=world.actor(world.recruiter), referral=referral, stage=interview)

        application = referral.application
        assert referral.status == ReferralStatus.ACCEPTED
        assert (application.vacancy, application.stage, application.status) == (
            world.vacancy,
            interview,
            ApplicationStatus.ACTIVE,
        )
        assert application.candidate == world.candidate  # the profile carries over: the same person
        assert application.referral == referral and referral.origin_application == world.rejected
        assert "Anna Adviseur" in application.stage_changes.get().note
        templates = set(OutboxMessage.objects.values_list("template", flat=True))
        assert {"referral_answered", "referral_outcome"} <= templates

    def test_only_a_recruiter_of_the_vacancy_may_answer(self, world):
        referral = world.refer()
        colleague = member(world.organisation, Role.RECRUITER)
        stage = world.vacancy.stages.first()

        for user in (colleague, world.advisor, world.hr_lead):
            with pytest.raises(PermissionDenied):
                services.accept_referral(actor=world.actor(user), referral=referral, stage=stage)
        referral.refresh_from_db()
        assert referral.status == ReferralStatus.PENDING

    def test_after_consent_is_withdrawn_it_cannot_be_accepted(self, world):
        referral = world.refer()
        consent = consent_selectors.current_consent(candidate=world.candidate, purpose=ConsentPurpose.REFERRAL)
        consent_services.revoke_consent(consent=consent)

        with pytest.raises(ValidationError):
            services.accept_referral(
                actor=world.actor(world.recruiter), referral=referral, stage=world.vacancy.stages.first()
            )
        assert not world.candidate.applications.filter(vacancy=world.vacancy).exists()

    def test_a_stage_of_another_vacancy_is_refused(self, world):
        referral = world.refer()

        with pytest.raises(ValidationError):
            services.accept_referral(
                actor=world.actor(world.recruiter), referral=referral, stage=world.rejected.vacancy.stages.first()
            )
        referral.refresh_from_db()
        assert referral.status == ReferralStatus.PENDING

    def test_a_referral_is_answered_once(self, world):
        referral = world.refer()
        actor = world.actor(world.recruiter)
        services.accept_referral(actor=actor, referral=referral, stage=world.vacancy.stages.first())

        with pytest.raises(ValidationError):
            services.decline_referral(actor=actor, referral=referral, reason="Toch maar niet, de functie is vol.")


class TestDeclining:
    def test_declining_needs_a_reason_the_advisor_and_candidate_read(self, world):
        referral = world.refer()
        actor = world.actor(world.recruiter)

        with pytest.raises(ValidationError):
            services.decline_referral(actor=actor, referral=referral, reason="  nee ")
        referral = services.decline_referral(
            actor=actor, referral=referral, reason="De functie vraagt het diploma medisch secretaresse."
        )

        assert referral.status == ReferralStatus.DECLINED
        advisor_mail = OutboxMessage.objects.get(template="referral_answered")
        candidate_mail = OutboxMessage.objects.get(template="referral_outcome")
        assert "diploma medisch secretaresse" in advisor_mail.body_text
        assert candidate_mail.recipient == world.candidate.email
        assert "diploma medisch secretaresse" in candidate_mail.body_text


class TestWithdrawing:
    def test_the_advisor_withdraws_their_own_referral(self, world):
        referral = world.refer()
        other_advisor = member(world.organisation, Role.ADVISOR)

        with pytest.raises(PermissionDenied):
            services.withdraw_referral(
                actor=world.actor(other_advisor), referral=referral, cause=WithdrawalCause.ADVISOR
            )
        referral = services.withdraw_referral(
            actor=world.actor(world.advisor), referral=referral, cause=WithdrawalCause.ADVISOR
        )

        assert (referral.status, referral.withdrawal_cause) == (ReferralStatus.WITHDRAWN, WithdrawalCause.ADVISOR)
        assert world.refer().pk != referral.pk  # a new referral may follow
