"""Setting up consultation hours: dates from the recurrence, changes, cancelled dates, reminders, outcomes."""

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from nagesprek.audit.constants import AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.consultations import services
from nagesprek.consultations.constants import BookingStatus, Frequency, Weekday, WeekOfMonth
from nagesprek.consultations.models import ConsultationBooking, ConsultationSession
from nagesprek.consultations.tests.factories import applicant, hour_with_session, recruiters, token_for
from nagesprek.emails.models import OutboxMessage
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import get_actor_for_user
from nagesprek.organisations.tests.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db
TODAY = date(2026, 9, 1)


def actor_with(organisation, *roles):
    return get_actor_for_user(user=member(organisation, *roles), organisation_id=organisation.pk)


def data(hosts, **overrides):
    if "hosts_override" in overrides:
        hosts = overrides.pop("hosts_override")
    fields = {
        "title": "Sollicitatiespreekuur", "frequency": Frequency.MONTHLY, "weekday": Weekday.TUESDAY,
        "week_of_month": WeekOfMonth.FIRST, "start_time": time(16), "end_time": time(17, 30), "starts_on": TODAY,
        "hosts": tuple(hosts), "is_published": True,
    }  # fmt: skip
    return services.HourData(**{**fields, **overrides})


def test_a_monthly_hour_gets_its_dates_for_the_coming_months():
    organisation = OrganisationFactory()
    actor = actor_with(organisation, Role.RECRUITER)

    hour = services.create_hour(actor=actor, data=data(recruiters(organisation, 3)), today=TODAY)

    dates = list(hour.sessions.values_list("date", flat=True))
    assert dates == [date(2026, 9, 1), date(2026, 10, 6), date(2026, 11, 3), date(2026, 12, 1)]
    assert hour.places_per_session == 18  # 6 slots of 15 minutes, 3 recruiters
    assert services.sync_sessions(hour=hour, today=TODAY) == 0  # idempotent
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="consultations.ConsultationHour").exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"end_time": time(16, 10)}, "end_time"),  # shorter than one conversation
        ({"end_time": time(17, 20)}, "end_time"),  # not a whole number of conversations
        ({"week_of_month": None}, "week_of_month"),  # monthly without a week
        ({"hosts_override": ()}, "hosts"),
    ],
)
def test_bad_input_is_refused_with_the_field_named_and_nothing_is_stored(overrides, field):
    organisation = OrganisationFactory()
    actor = actor_with(organisation, Role.RECRUITER)
    hosts = recruiters(organisation, 1)

    with pytest.raises(ValidationError) as refused:
        services.create_hour(actor=actor, data=data(hosts, **overrides), today=TODAY)

    assert field in refused.value.error_dict
    assert not ConsultationSession.objects.exists()


def test_recruiters_of_another_organisation_cannot_host():
    organisation = OrganisationFactory()
    actor = actor_with(organisation, Role.HR_LEAD)

    with pytest.raises(ValidationError):
        services.create_hour(actor=actor, data=data(recruiters(OrganisationFactory(), 1)), today=TODAY)


def test_an_evaluator_cannot_set_up_a_consultation_hour():
    organisation = OrganisationFactory()
    actor = actor_with(organisation, Role.EVALUATOR)

    with pytest.raises(PermissionDenied):
        services.create_hour(actor=actor, data=data(recruiters(organisation, 1)), today=TODAY)


def test_a_change_moves_dates_without_bookings_and_keeps_the_booked_ones():
    organisation = OrganisationFactory()
    actor = actor_with(organisation, Role.RECRUITER)
    hosts = recruiters(organisation, 1)
    today = timezone.localdate()
    weekly = {"frequency": Frequency.WEEKLY, "week_of_month": None, "starts_on": today + timedelta(days=7)}
    hour = services.create_hour(actor=actor, data=data(hosts, **weekly), today=today)
    booked_session, free_session = list(hour.sessions.order_by("date")[:2])
    candidate = applicant(organisation)
    services.book_slot(
        candidate=candidate, session=booked_session, starts_at=booked_session.starts_at, token=token_for(candidate)
    )

    services.update_hour(actor=actor, hour=hour, data=data(hosts, **weekly, start_time=time(15)), today=today)

    booked_session.refresh_from_db()
    free_session.refresh_from_db()
    assert timezone.localtime(booked_session.starts_at).hour == 16  # the candidate was told 16:00
    assert timezone.localtime(free_session.starts_at).hour == 15


def test_cancelling_a_date_cancels_its_bookings_and_tells_each_candidate():
    hour, session = hour_with_session()
    actor = actor_with(hour.organisation, Role.RECRUITER)
    candidate = applicant(hour.organisation)
    services.book_slot(candidate=candidate, session=session, starts_at=session.starts_at, token=token_for(candidate))

    assert services.cancel_session(actor=actor, session=session, note="De recruiters zijn op een beurs.") == 1

    booking = ConsultationBooking.objects.get()
    assert booking.status == BookingStatus.CANCELLED_BY_ORGANISATION
    message = OutboxMessage.objects.get(template="consultation_cancelled")
    assert "De recruiters zijn op een beurs." in message.body_text
    assert services.cancel_session(actor=actor, session=session, note="") == 0  # twice changes nothing
    with pytest.raises(services.BookingRefused):
        services.book_slot(candidate=candidate, session=session, starts_at=session.starts_at, token="x")


def test_the_sweep_adds_dates_as_time_moves_on_and_otherwise_does_nothing(django_assert_max_num_queries):
    organisation = OrganisationFactory()
    actor = actor_with(organisation, Role.RECRUITER)
    hour = services.create_hour(actor=actor, data=data(recruiters(organisation, 1)), today=TODAY)
    with django_assert_max_num_queries(1):
        assert services.extend_sessions(today=TODAY) == 0  # filled to the horizon: one query, nothing to do

    assert services.extend_sessions(today=TODAY + timedelta(days=60)) == 2  # January and February 2027
    assert hour.sessions.filter(date=date(2027, 2, 2)).exists()


def test_a_cancelled_date_is_not_made_again():
    organisation = OrganisationFactory()
    actor = actor_with(organisation, Role.RECRUITER)
    hour = services.create_hour(actor=actor, data=data(recruiters(organisation, 1)), today=TODAY)
    session = hour.sessions.get(date=date(2026, 10, 6))
    services.cancel_session(actor=actor, session=session, note="")

    services.sync_sessions(hour=hour, today=TODAY)

    session.refresh_from_db()
    assert session.is_cancelled
    assert hour.sessions.filter(date=date(2026, 10, 6)).count() == 1


class TestReminders:
    def _booking(self, hours_ahead: float, booked_hours_before: float):
        hour, session = hour_with_session(hosts=1)
        candidate = applicant(hour.organisation)
        booking = services.book_slot(
            candidate=candidate, session=session, starts_at=session.starts_at, token=token_for(candidate)
        )
        # Put the booking where the test needs it in time (the slot itself does not matter here).
        starts_at = timezone.now() + timedelta(hours=hours_ahead)
        ConsultationBooking.objects.filter(pk=booking.pk).update(
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=15),
            created_at=starts_at - timedelta(hours=booked_hours_before),
        )
        return booking

    def test_the_reminder_goes_once_even_when_the_sweep_runs_twice(self):
        booking = self._booking(hours_ahead=20, booked_hours_before=72)

        assert services.send_due_reminders() == 1
        assert services.send_due_reminders() == 0

        [message] = OutboxMessage.objects.filter(template="consultation_reminder")
        assert message.recipient == booking.candidate.email
        booking.refresh_from_db()
        assert booking.reminder_sent_at is not None

    def test_no_reminder_yet_two_days_ahead_nor_for_a_booking_made_the_day_before(self):
        self._booking(hours_ahead=48, booked_hours_before=72)
        self._booking(hours_ahead=10, booked_hours_before=5)

        assert services.send_due_reminders() == 0
        assert not OutboxMessage.objects.filter(template="consultation_reminder").exists()

    def test_no_reminder_for_a_cancelled_booking(self):
        booking = self._booking(hours_ahead=20, booked_hours_before=72)
        ConsultationBooking.objects.filter(pk=booking.pk).update(status=BookingStatus.CANCELLED_BY_CANDIDATE)

        assert services.send_due_reminders() == 0


def test_held_or_did_not_come_is_recorded_only_once_the_conversation_started():
    hour, session = hour_with_session()
    actor = actor_with(hour.organisation, Role.RECRUITER)
    candidate = applicant(hour.organisation)
    booking = services.book_slot(
        candidate=candidate, session=session, starts_at=session.starts_at, token=token_for(candidate)
    )

    with pytest.raises(ValidationError):
        services.record_outcome(actor=actor, booking=booking, status=BookingStatus.HELD)
    ConsultationBooking.objects.filter(pk=booking.pk).update(starts_at=timezone.now() - timedelta(minutes=5))
    assert (
        services.record_outcome(actor=actor, booking=booking, status=BookingStatus.NO_SHOW).status
        == BookingStatus.NO_SHOW
    )
    admin = actor_with(hour.organisation, Role.ORG_ADMIN)
    with pytest.raises(PermissionDenied):
        services.record_outcome(actor=admin, booking=booking, status=BookingStatus.HELD)
