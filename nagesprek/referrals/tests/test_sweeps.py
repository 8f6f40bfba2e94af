"""Reminders before and at the deadline (once each), and withdrawals when consent or the vacancy is gone."""

from datetime import datetime

import pytest
from django.utils import timezone

from nagesprek import housekeeping
from nagesprek.consents import selectors as consent_selectors
from nagesprek.consents import services as consent_services
from nagesprek.consents.constants import ConsentPurpose
from nagesprek.emails.models import OutboxMessage
from nagesprek.referrals import services, sweeps
from nagesprek.referrals.constants import ReferralStatus, WithdrawalCause
from nagesprek.vacancies.constants import VacancyStatus

pytestmark = pytest.mark.django_db


def _at(day: int, month: int = 3, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime(2026, month, day, hour, 0))


def _reminders() -> list[str]:
    reminders = OutboxMessage.objects.filter(template="referral_reminder").order_by("pk")
    return list(reminders.values_list("subject", flat=True))


def test_one_reminder_the_working_day_before_and_one_on_the_day(world):
    referral = world.refer(now=_at(6))  # Friday 6 March: answer by Friday 13 March

    assert sweeps.send_referral_reminders(now=_at(11)) == 0  # Wednesday: nothing yet
    assert sweeps.send_referral_reminders(now=_at(12)) == 1  # Thursday: the day before
    assert sweeps.send_referral_reminders(now=_at(12, hour=15)) == 0  # not twice
    assert sweeps.send_referral_reminders(now=_at(13)) == 1  # Friday: the deadline
    assert sweeps.send_referral_reminders(now=_at(16)) == 0  # and never again

    before, due = _reminders()
    assert before != due  # "answer by ..." first, then "today is the last day"
    referral.refresh_from_db()
    assert referral.reminded_before_at and referral.reminded_due_at


def test_a_referral_found_on_its_deadline_gets_only_the_last_reminder(world):
    world.refer(now=_at(6))

    assert sweeps.send_referral_reminders(now=_at(13)) == 1
    assert sweeps.send_referral_reminders(now=_at(13, hour=10)) == 0
    assert len(_reminders()) == 1


def test_an_answered_referral_gets_no_reminder(world):
    referral = world.refer(now=_at(6))
    services.decline_referral(
        actor=world.actor(world.recruiter), referral=referral, reason="De vacature vraagt een BIG-registratie."
    )

    assert sweeps.send_referral_reminders(now=_at(13)) == 0


def test_every_recruiter_of_the_vacancy_is_reminded(world):
    from nagesprek.organisations.constants import Role
    from nagesprek.organisations.tests.factories import member

    world.vacancy.recruiters.add(member(world.organisation, Role.RECRUITER))
    world.refer(now=_at(6))

    sweeps.send_referral_reminders(now=_at(13))

    assert len(set(OutboxMessage.objects.filter(template="referral_reminder").values_list("recipient", flat=True))) == 2


def test_a_withdrawn_consent_withdraws_the_pending_referral(world):
    referral = world.refer()
    consent = consent_selectors.current_consent(candidate=world.candidate, purpose=ConsentPurpose.REFERRAL)
    consent_services.revoke_consent(consent=consent)

    assert sweeps.withdraw_stale_referrals() == 1
    assert sweeps.withdraw_stale_referrals() == 0

    referral.refresh_from_db()
    assert (referral.status, referral.withdrawal_cause) == (ReferralStatus.WITHDRAWN, WithdrawalCause.CONSENT)


def test_a_filled_vacancy_withdraws_the_pending_referral(world):
    referral = world.refer()
    world.vacancy.status = VacancyStatus.FILLED
    world.vacancy.save()

    sweeps.withdraw_stale_referrals()

    referral.refresh_from_db()
    assert referral.withdrawal_cause == WithdrawalCause.VACANCY


@pytest.mark.django_db(transaction=True)  # run_sweeps closes the connection between sweeps, as a worker does
def test_the_housekeeping_runs_the_referral_sweeps(world):
    world.refer()

    assert housekeeping.run_sweeps()["referrals"] == 0
