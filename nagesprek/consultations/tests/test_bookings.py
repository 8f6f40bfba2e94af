"""Booking a consultation-hour slot: places, host spread, refusals, e-mails with calendar files, cancelling."""

from datetime import timedelta

import icalendar
import pytest
import vobject
from django.utils import timezone

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.consultations import services
from nagesprek.consultations.constants import BookingStatus, ConsultationAudience
from nagesprek.consultations.models import ConsultationBooking, ConsultationPolicy
from nagesprek.consultations.tests.factories import applicant, hour_with_session, token_for
from nagesprek.emails.models import OutboxMessage

pytestmark = pytest.mark.django_db


def book(candidate, session, starts_at=None, **kwargs):
    return services.book_slot(
        candidate=candidate, session=session, starts_at=starts_at or session.starts_at, token=token_for(candidate),
        **kwargs,
    )  # fmt: skip


def invitation_of(message: OutboxMessage) -> bytes:
    [attachment] = message.attachments.all()
    assert attachment.filename.endswith(".ics")
    return bytes(attachment.content)


def test_a_candidate_rejected_at_cv_screening_books_a_fifteen_minute_slot():
    hour, session = hour_with_session()
    candidate = applicant(hour.organisation)  # rejected in the first stage, never interviewed

    booking = book(candidate, session, question="Wat mis ik nog voor deze functie?")

    assert booking.status == BookingStatus.BOOKED
    assert booking.ends_at - booking.starts_at == timedelta(minutes=15)
    assert booking.host in hour.hosts.all()
    assert booking.application.candidate == candidate
    assert booking.question == "Wat mis ik nog voor deze functie?"


def test_each_slot_has_one_place_per_recruiter_and_bookings_spread_over_them():
    hour, session = hour_with_session(hosts=2)
    first, second, third = (applicant(hour.organisation) for _ in range(3))

    bookings = [book(first, session), book(second, session)]

    assert {b.host_id for b in bookings} == set(hour.hosts.values_list("pk", flat=True))
    with pytest.raises(services.SlotTaken):
        book(third, session)
    later = book(third, session, starts_at=session.starts_at + timedelta(minutes=15))
    assert later.host_id == min(hour.hosts.values_list("pk", flat=True))  # both have one: the stable tie-break


def test_the_least_busy_recruiter_of_the_session_gets_the_next_booking():
    hour, session = hour_with_session(hosts=2)
    a, b, c = (applicant(hour.organisation) for _ in range(3))
    first = book(a, session)  # 16:00, host 1
    book(b, session, starts_at=session.starts_at + timedelta(minutes=15))  # 16:15, host 2 (host 1 has one)

    third = book(c, session, starts_at=session.starts_at + timedelta(minutes=30))

    assert third.host_id == first.host_id  # both have one now: the lowest id, so the load stays even


def test_one_booking_per_candidate_per_date():
    hour, session = hour_with_session()
    candidate = applicant(hour.organisation)
    book(candidate, session)

    with pytest.raises(services.BookingRefused, match="already have an appointment"):
        book(candidate, session, starts_at=session.starts_at + timedelta(minutes=30))
    assert ConsultationBooking.objects.count() == 1


def test_the_policy_decides_who_may_book():
    hour, session = hour_with_session()
    ConsultationPolicy.objects.create(organisation=hour.organisation, audience=ConsultationAudience.IN_PROCEDURE)
    rejected = applicant(hour.organisation)

    with pytest.raises(services.BookingRefused, match="not open to you"):
        book(rejected, session)
    assert book(applicant(hour.organisation, status=ApplicationStatus.ACTIVE), session)


@pytest.mark.parametrize("problem", ["cancelled", "unpublished", "past", "unknown_time", "other_organisation"])
def test_a_date_or_time_that_cannot_be_booked_is_refused_and_nothing_is_stored(problem):
    hour, session = hour_with_session()
    candidate = applicant(hour.organisation)
    starts_at = session.starts_at
    if problem == "cancelled":
        session.cancelled_at = timezone.now()
        session.save()
    elif problem == "unpublished":
        hour.is_published = False
        hour.save()
    elif problem == "past":
        _hour, session = hour_with_session(organisation=hour.organisation, days_ahead=-1)
        starts_at = session.starts_at
    elif problem == "unknown_time":
        starts_at = session.starts_at + timedelta(minutes=7)
    else:
        candidate = applicant(hour_with_session()[0].organisation)

    with pytest.raises(services.BookingRefused):
        book(candidate, session, starts_at=starts_at)
    assert not ConsultationBooking.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_the_confirmation_carries_a_request_invitation_that_two_parsers_accept():
    hour, session = hour_with_session()
    candidate = applicant(hour.organisation)

    booking = book(candidate, session)

    message = OutboxMessage.objects.get(template="consultation_booked", candidate_id=candidate.pk)
    assert message.recipient == candidate.email
    assert booking.host.full_name in message.body_text
    assert "/consultations/c/" in message.body_text and f"/{booking.pk}/" in message.body_text
    content = invitation_of(message)
    calendar = icalendar.Calendar.from_ical(content)
    assert calendar["METHOD"] == "REQUEST"
    [event] = calendar.walk("VEVENT")
    assert event["UID"] == booking.uid
    assert event.decoded("DTSTART") == booking.starts_at
    assert event.decoded("DTEND") == booking.ends_at
    parsed = vobject.readOne(content.decode())
    assert parsed.vevent.uid.value == booking.uid
    assert parsed.vevent.dtstart.value == booking.starts_at


def test_cancelling_frees_the_place_and_sends_a_cancel_for_the_same_event():
    hour, session = hour_with_session(hosts=1)
    candidate, other = applicant(hour.organisation), applicant(hour.organisation)
    booking = book(candidate, session)

    cancelled = services.cancel_booking(candidate=candidate, booking=booking, token=token_for(candidate))

    assert cancelled.status == BookingStatus.CANCELLED_BY_CANDIDATE
    assert book(other, session).starts_at == booking.starts_at  # the place is free again
    message = OutboxMessage.objects.get(template="consultation_cancelled")
    calendar = icalendar.Calendar.from_ical(invitation_of(message))
    [event] = calendar.walk("VEVENT")
    assert calendar["METHOD"] == "CANCEL"
    assert event["UID"] == booking.uid
    assert event["SEQUENCE"] > 0
    assert vobject.readOne(invitation_of(message).decode()).vevent.status.value == "CANCELLED"
    with pytest.raises(services.BookingRefused):
        services.cancel_booking(candidate=candidate, booking=booking, token=token_for(candidate))


def test_booking_and_cancelling_are_audited_as_the_candidates_own_actions():
    hour, session = hour_with_session()
    candidate = applicant(hour.organisation)
    booking = book(candidate, session)
    services.cancel_booking(candidate=candidate, booking=booking, token=token_for(candidate))

    events = AuditEvent.objects.filter(object_type="consultations.ConsultationBooking", candidate_id=candidate.pk)
    assert sorted(events.values_list("action", flat=True)) == sorted([AuditAction.CREATE, AuditAction.UPDATE])
    assert set(events.values_list("actor_kind", flat=True)) == {ActorKind.CANDIDATE}
