"""Demo consultation hour: the hospital's monthly sollicitatiespreekuur with three recruiters, and a few bookings.

Like the Reinier de Graaf hospital in the article: once a month, an hour and a half, 15-minute slots,
three recruiters talking with candidates at the same time, open to everyone who applied. Run from the
demo loader (``nagesprek.demo.services._later_steps``) after the rejections and before the letters, so
the letters already invite to it.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from nagesprek.accounts.models import User
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.consultations import recurrence, services
from nagesprek.consultations.constants import BookingStatus, ConsultationMode, Frequency, Weekday, WeekOfMonth
from nagesprek.consultations.models import ConsultationBooking, ConsultationHour, ConsultationSession
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Organisation
from nagesprek.rejections.constants import RejectionStatus

HOSPITAL = "ziekenhuis-delftland"
TITLE = "Sollicitatiespreekuur"
LOCATION = "Locatie Delft. Meld je bij de balie van Werving en selectie, naast de hoofdingang."
DESCRIPTION = (
    "Twijfel je of je bij ons past, of wil je weten waarom het deze keer niet lukte? Praat een kwartier met een "
    "van onze recruiters. Neem gerust je cv mee."
)
QUESTIONS = (
    "Welke opleiding heb ik nog nodig om als anesthesiemedewerker te kunnen werken?",
    "Kan ik ook in deeltijd werken op de verpleegafdeling?",
    "Ik wil graag weten wat ik aan mijn cv kan verbeteren.",
    "Zijn er functies waarin ik eerst kan leren en dan pas het diploma haal?",
    "",
)
UPCOMING_BOOKINGS = 5
PAST_BOOKINGS = 4


def add_demo_consultation_hour(organisation: Organisation, rng: random.Random) -> int:
    """The hospital's published monthly consultation hour, its dates, and bookings; returns how many bookings.

    Other organisations get none. Safe to run twice: an existing hour is left as it is.
    """
    if organisation.slug != HOSPITAL or ConsultationHour.objects.filter(organisation=organisation).exists():
        return 0
    hosts = list(
        User.objects.filter(memberships__organisation=organisation, memberships__role=Role.RECRUITER)
        .distinct()
        .order_by("full_name")
    )
    today = timezone.localdate()
    hour = ConsultationHour.objects.create(
        organisation=organisation, title=TITLE, frequency=Frequency.MONTHLY, weekday=Weekday.TUESDAY,
        week_of_month=WeekOfMonth.FIRST, start_time=time(16), end_time=time(17, 30), slot_minutes=15,
        mode=ConsultationMode.ON_SITE, location=LOCATION, description=DESCRIPTION, is_published=True,
        starts_on=today - timedelta(days=62),
    )  # fmt: skip
    hour.hosts.set(hosts)
    services.sync_sessions(hour=hour, today=today)
    applications = _booking_candidates(organisation, rng)
    past = _past_session(hour, today)
    made = _book(past, applications[:PAST_BOOKINGS], rng, past=True) if past else 0
    upcoming = hour.sessions.filter(starts_at__gt=timezone.now() + timedelta(days=1)).order_by("starts_at").first()
    if upcoming is not None:
        made += _book(upcoming, applications[PAST_BOOKINGS : PAST_BOOKINGS + UPCOMING_BOOKINGS], rng, past=False)
    return made


def _booking_candidates(organisation: Organisation, rng: random.Random) -> list[Application]:
    """Rejected candidates with a letter, some rejected after an interview and some at CV screening."""
    applications = list(
        Application.objects.filter(
            organisation=organisation, status=ApplicationStatus.REJECTED, rejection__status=RejectionStatus.SENT
        )
        .select_related("candidate")
        .order_by("pk")
    )
    rng.shuffle(applications)
    one_each: dict[int, Application] = {}
    for application in applications:
        one_each.setdefault(application.candidate_id, application)
    return list(one_each.values())[: PAST_BOOKINGS + UPCOMING_BOOKINGS]


def _past_session(hour: ConsultationHour, today: date) -> ConsultationSession | None:
    """Last month's date, held already (made directly: the recurrence only plans ahead)."""
    first_of_month = today.replace(day=1)
    previous = (first_of_month - timedelta(days=1)).replace(day=1)
    rule = services.rule_of(hour)
    dates = recurrence.occurrences(rule, start=previous, end=first_of_month - timedelta(days=1))
    if not dates:
        return None
    starts_at, ends_at = recurrence.session_bounds(dates[0], hour.start_time, hour.end_time)
    session, _created = ConsultationSession.objects.get_or_create(
        hour=hour, date=dates[0],
        defaults={"organisation": hour.organisation, "starts_at": starts_at, "ends_at": ends_at},
    )  # fmt: skip
    return session


def _book(session: ConsultationSession, applications: list[Application], rng: random.Random, *, past: bool) -> int:
    hosts = [host.pk for host in session.hour.hosts.all()]
    starts = recurrence.slot_starts(session.starts_at, session.ends_at, session.hour.slot_minutes)
    rows = []
    for index, application in enumerate(applications):
        starts_at: datetime = starts[index // len(hosts) * 2 % len(starts)]
        status = BookingStatus.BOOKED
        if past:
            status = BookingStatus.NO_SHOW if index == len(applications) - 1 else BookingStatus.HELD
        rows.append(
            ConsultationBooking(
                organisation=session.organisation, session=session, candidate=application.candidate,
                application=application, host_id=hosts[index % len(hosts)], starts_at=starts_at,
                ends_at=starts_at + timedelta(minutes=session.hour.slot_minutes), status=status,
                question=rng.choice(QUESTIONS), uid=f"consultation-{uuid.UUID(int=rng.getrandbits(128))}@nagesprek",
                reminder_sent_at=session.starts_at - timedelta(days=1) if past else None,
            )
        )  # fmt: skip
    ConsultationBooking.objects.bulk_create(rows)
    return len(rows)
