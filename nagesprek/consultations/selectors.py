"""Reads of consultation hours, their sessions and bookings, with the access rules.

Staff: recruiters, HR leads and organisation admins manage the hours; only recruiters and HR leads see
who booked (candidate data). Candidates read through their personal link: the link is the access rule,
and the organisation's policy says whether they may book.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from nagesprek.accounts.models import User
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.candidates.models import Candidate
from nagesprek.consultations import recurrence
from nagesprek.consultations.constants import (
    BOOKING_WINDOW_DAYS,
    MIN_NOTICE,
    TAKEN_STATUSES,
    BookingStatus,
    ConsultationAudience,
)
from nagesprek.consultations.models import (
    ConsultationBooking,
    ConsultationHour,
    ConsultationPolicy,
    ConsultationSession,
)
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Organisation
from nagesprek.organisations.selectors import Actor

MANAGE_ROLES = (Role.RECRUITER, Role.HR_LEAD, Role.ORG_ADMIN)
BOOKING_ROLES = (Role.RECRUITER, Role.HR_LEAD)  # may see who booked, and record held / did not come
POLICY_ROLES = (Role.HR_LEAD, Role.ORG_ADMIN)
HOST_ROLES = (Role.RECRUITER, Role.HR_LEAD)


def _require(actor: Actor, roles: tuple[str, ...]) -> None:
    if not actor.has_role(*roles):
        raise Http404


def can_see_bookings(actor: Actor) -> bool:
    """Whether the actor may see who booked (names, vacancies, questions): recruiters and HR leads."""
    return actor.has_role(*BOOKING_ROLES)


def list_hours_for_actor(*, actor: Actor) -> QuerySet[ConsultationHour]:
    """The organisation's consultation hours with their hosts; 404 for roles that do not manage them."""
    _require(actor, MANAGE_ROLES)
    return (
        ConsultationHour.objects.filter(organisation=actor.organisation)
        .prefetch_related(Prefetch("hosts", queryset=User.objects.order_by("full_name")))
        .order_by("title", "pk")
    )


def list_hours_with_next_dates(*, actor: Actor, limit: int = 3) -> list[ConsultationHour]:
    """The organisation's hours, each with ``next_sessions``: its next ``limit`` dates with places taken.

    Three queries however many hours (a sliced prefetch); 404 for roles that do not manage them.
    """
    upcoming = (
        ConsultationSession.objects.filter(ends_at__gt=timezone.now())
        .annotate(taken=Count("bookings", filter=Q(bookings__status__in=TAKEN_STATUSES)))
        .order_by("starts_at")[:limit]
    )
    return list(list_hours_for_actor(actor=actor).prefetch_related(Prefetch("sessions", upcoming, "next_sessions")))


def get_hour_for_actor(*, actor: Actor, hour_id: int) -> ConsultationHour:
    """One consultation hour of the actor's organisation; 404 otherwise (other organisation, other role)."""
    hour = list_hours_for_actor(actor=actor).filter(pk=hour_id).first()
    if hour is None:
        raise Http404
    return hour


def list_sessions_of_hour(
    *, hour: ConsultationHour, since: datetime | None = None, limit: int = 12
) -> list[ConsultationSession]:
    """The hour's sessions from ``since`` (default: now) on, with how many places are taken (one query)."""
    since = since or timezone.now()
    return list(
        hour.sessions.filter(ends_at__gt=since)
        .annotate(taken=Count("bookings", filter=Q(bookings__status__in=TAKEN_STATUSES)))
        .order_by("starts_at")[:limit]
    )


def get_session_for_actor(*, actor: Actor, session_id: int) -> ConsultationSession:
    """One session of the actor's organisation, with its hour and hosts; 404 otherwise."""
    _require(actor, MANAGE_ROLES)
    session = (
        ConsultationSession.objects.filter(organisation=actor.organisation, pk=session_id)
        .select_related("hour")
        .prefetch_related(Prefetch("hour__hosts", queryset=User.objects.order_by("full_name")))
        .first()
    )
    if session is None:
        raise Http404
    return session


def list_bookings_for_session(*, actor: Actor, session: ConsultationSession) -> list[ConsultationBooking]:
    """The session's taken bookings with candidate, vacancy and host (one query); recruiters and HR leads only."""
    _require(actor, BOOKING_ROLES)
    if session.organisation_id != actor.organisation.pk:
        raise Http404
    return list(
        session.bookings.filter(status__in=TAKEN_STATUSES)
        .select_related("candidate", "application__vacancy", "host")
        .order_by("starts_at", "host__full_name")
    )


def get_booking_for_actor(*, actor: Actor, booking_id: int) -> ConsultationBooking:
    """One booking of the actor's organisation for a recruiter or HR lead; 404 otherwise."""
    _require(actor, BOOKING_ROLES)
    booking = (
        ConsultationBooking.objects.filter(organisation=actor.organisation, pk=booking_id)
        .select_related("session__hour", "candidate", "host")
        .first()
    )
    if booking is None:
        raise Http404
    return booking


def list_host_choices(*, actor: Actor) -> QuerySet[User]:
    """The organisation's recruiters and HR leads: who can host a consultation hour."""
    return (
        User.objects.filter(
            memberships__organisation=actor.organisation, memberships__role__in=HOST_ROLES, is_active=True
        )
        .distinct()
        .order_by("full_name")
    )


def policy_audience(*, organisation: Organisation) -> str:
    """Who may book in this organisation (a ``ConsultationAudience`` value); every applicant by default."""
    policy = ConsultationPolicy.objects.filter(organisation=organisation).first()
    return policy.audience if policy is not None else ConsultationAudience.EVERY_APPLICANT


def get_policy_for_actor(*, actor: Actor) -> ConsultationPolicy:
    """The organisation's policy (unsaved default when there is none); HR leads and org admins, else 404."""
    _require(actor, POLICY_ROLES)
    policy = ConsultationPolicy.objects.filter(organisation=actor.organisation).first()
    return policy or ConsultationPolicy(organisation=actor.organisation)


_AUDIENCE_STATUSES = {
    ConsultationAudience.EVERY_APPLICANT: None,  # any application counts
    ConsultationAudience.REJECTED: (ApplicationStatus.REJECTED,),
    ConsultationAudience.IN_PROCEDURE: (ApplicationStatus.ACTIVE,),
}


def candidate_may_book(*, candidate: Candidate) -> bool:
    """Whether the organisation's policy lets this candidate book (at least one application that counts)."""
    statuses = _AUDIENCE_STATUSES[ConsultationAudience(policy_audience(organisation=candidate.organisation))]
    applications = Application.objects.filter(candidate=candidate)
    if statuses is not None:
        applications = applications.filter(status__in=statuses)
    return applications.exists()


def latest_application(*, candidate: Candidate) -> Application | None:
    """The application a booking is about: the candidate's most recent one."""
    return candidate.applications.select_related("vacancy").order_by("-applied_at", "-pk").first()


@dataclass(frozen=True)
class SessionOption:
    """A session a candidate may book, with its free slots (each with at least one free host)."""

    session: ConsultationSession
    slots: list[recurrence.SlotPlaces]

    @property
    def hour(self) -> ConsultationHour:
        return self.session.hour


def bookable_sessions(*, organisation: Organisation, now: datetime | None = None) -> list[SessionOption]:
    """Published, not cancelled sessions in the booking window, with their free slots (three queries).

    A slot is free when one of the hour's hosts has no taken booking in it, and it starts at least
    MIN_NOTICE from now. Sessions without a free slot are left out.
    """
    now = now or timezone.now()
    sessions = list(
        ConsultationSession.objects.filter(
            organisation=organisation,
            hour__is_published=True,
            cancelled_at__isnull=True,
            starts_at__lte=now + timedelta(days=BOOKING_WINDOW_DAYS),
            ends_at__gt=now + MIN_NOTICE,
        )
        .select_related("hour")
        .prefetch_related(Prefetch("hour__hosts", queryset=User.objects.only("pk")))
        .order_by("starts_at", "pk")
    )
    taken = _taken_by_session([s.pk for s in sessions])
    options = []
    for session in sessions:
        slots = [
            slot
            for slot in session_slots(session=session, taken=taken.get(session.pk, []))
            if slot.places and slot.starts_at >= now + MIN_NOTICE
        ]
        if slots:
            options.append(SessionOption(session=session, slots=slots))
    return options


def _taken_by_session(session_ids: list[int]) -> dict[int, list[tuple[datetime, int]]]:
    taken: dict[int, list[tuple[datetime, int]]] = defaultdict(list)
    rows = ConsultationBooking.objects.filter(session_id__in=session_ids, status__in=TAKEN_STATUSES).values_list(
        "session_id", "starts_at", "host_id"
    )
    for session_id, starts_at, host_id in rows:
        taken[session_id].append((starts_at, host_id))
    return taken


def session_slots(*, session: ConsultationSession, taken: list[tuple[datetime, int]]) -> list[recurrence.SlotPlaces]:
    """Every slot of the session with its free hosts (``session.hour.hosts`` prefetched)."""
    hour = session.hour
    return recurrence.slot_places(
        starts=recurrence.slot_starts(session.starts_at, session.ends_at, hour.slot_minutes),
        minutes=hour.slot_minutes,
        hosts=[host.pk for host in hour.hosts.all()],
        taken=taken,
    )


def list_bookings_for_candidate(*, candidate: Candidate, now: datetime | None = None) -> list[ConsultationBooking]:
    """The candidate's booked slots that have not ended yet, soonest first, with session, hour and host."""
    now = now or timezone.now()
    return list(
        candidate.consultation_bookings.filter(status=BookingStatus.BOOKED, ends_at__gt=now)
        .select_related("session__hour", "host")
        .order_by("starts_at")
    )


def get_booking_for_candidate(*, candidate: Candidate, booking_id: int) -> ConsultationBooking | None:
    """One of the candidate's own bookings (any status), or None when it is not theirs."""
    return candidate.consultation_bookings.filter(pk=booking_id).select_related("session__hour", "host").first()


def next_session(*, organisation: Organisation, now: datetime | None = None) -> ConsultationSession | None:
    """The organisation's next published, not cancelled session that can still be booked, with its hour."""
    now = now or timezone.now()
    return (
        ConsultationSession.objects.filter(
            organisation=organisation,
            hour__is_published=True,
            cancelled_at__isnull=True,
            ends_at__gt=now + MIN_NOTICE,
        )
        .select_related("hour")
        .order_by("starts_at", "pk")
        .first()
    )
