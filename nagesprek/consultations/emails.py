"""The candidate's e-mails about a consultation-hour booking: confirmation, cancellation and reminder.

Each goes through the outbox (``emails.services.queue_email``) with a key per booking and event, so a
retry never sends twice. Confirmation and cancellation carry a calendar file (METHOD:REQUEST or
METHOD:CANCEL, the booking's ``uid`` and ``sequence``), so the candidate's calendar follows.
"""

from __future__ import annotations

from email.utils import parseaddr
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import resolve, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from nagesprek.consultations.constants import HOW_SENTENCES, BookingStatus, ConsultationMode
from nagesprek.consultations.models import ConsultationBooking
from nagesprek.emails.services import Attachment, queue_email
from nagesprek.scheduling.ics import calendar_invitation

CONFIRMATION = "consultation_booked"
CANCELLATION = "consultation_cancelled"
REMINDER = "consultation_reminder"


def candidate_token(booking: ConsultationBooking) -> str:
    """A fresh personal link's token for the candidate (for e-mails the candidate did not start)."""
    from nagesprek.portal.services import issue_link  # portal reads many apps; import late to keep them apart

    return resolve(urlsplit(issue_link(candidate=booking.candidate)).path).kwargs["token"]


def booking_url(token: str, booking: ConsultationBooking) -> str:
    return settings.SITE_URL + reverse("consultations:booking", args=[token, booking.pk])


def book_url(token: str) -> str:
    return settings.SITE_URL + reverse("consultations:book", args=[token])


def _organizer(booking: ConsultationBooking) -> tuple[str, str]:
    organisation = booking.candidate.organisation
    address = organisation.contact_email or parseaddr(str(settings.DEFAULT_FROM_EMAIL))[1]
    return address, organisation.name


def place_text(booking: ConsultationBooking) -> str:
    """Where the conversation is, in the active language: the hour's own words, else its mode."""
    hour = booking.session.hour
    return hour.location or str(ConsultationMode(hour.mode).label)


def _context(booking: ConsultationBooking, token: str) -> dict[str, Any]:
    hour = booking.session.hour
    organisation = booking.candidate.organisation
    return {
        "candidate_name": booking.candidate.full_name,
        "organisation_name": organisation.name,
        "contact_email": organisation.contact_email,
        "starts_at": booking.starts_at,
        "ends_at": booking.ends_at,
        "minutes": hour.slot_minutes,
        "host_name": booking.host.full_name,
        "how": HOW_SENTENCES[ConsultationMode(hour.mode)],
        "location": hour.location,
        "question": booking.question,
        "cancel_note": booking.session.cancel_note,
        "by_organisation": booking.status == BookingStatus.CANCELLED_BY_ORGANISATION,
        "booking_url": booking_url(token, booking),
        "book_url": book_url(token),
    }


def invitation(booking: ConsultationBooking, *, method: str, url: str) -> bytes:
    """The booking as a calendar file (METHOD ``REQUEST`` or ``CANCEL``), worded in the active language."""
    organisation = booking.candidate.organisation
    hour = booking.session.hour
    description = _(
        "A conversation of %(minutes)s minutes with %(host)s, recruiter at %(organisation)s. "
        "See or cancel your appointment: %(url)s"
    ) % {"minutes": hour.slot_minutes, "host": booking.host.full_name, "organisation": organisation.name, "url": url}
    return calendar_invitation(
        uid=booking.uid,
        sequence=booking.sequence,
        method=method,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        summary=_("Consultation hour at %(organisation)s") % {"organisation": organisation.name},
        description=description,
        location=place_text(booking),
        organizer=_organizer(booking),
        attendees=[(booking.candidate.email, booking.candidate.full_name)],
        url=url,
        stamp=timezone.now(),
    )


def _attachment(booking: ConsultationBooking, method: str, url: str) -> Attachment:
    with translation.override(booking.candidate.language):
        content = invitation(booking, method=method, url=url)
    return Attachment(
        filename="invitation.ics", content=content, mimetype=f"text/calendar; method={method}; charset=utf-8"
    )


def _queue(booking: ConsultationBooking, *, template: str, key: str, token: str, method: str | None) -> None:
    context = _context(booking, token)
    attachments = [_attachment(booking, method, context["booking_url"])] if method else []
    queue_email(
        key=key,
        to=booking.candidate.email,
        template=template,
        context=context,
        language=booking.candidate.language,
        organisation=booking.candidate.organisation,
        candidate_id=booking.candidate_id,
        attachments=attachments,
    )


def queue_confirmation(*, booking: ConsultationBooking, token: str) -> None:
    """The booking confirmation with a METHOD:REQUEST invitation; ``token`` is the link the candidate used."""
    _queue(booking, template=CONFIRMATION, key=f"{CONFIRMATION}:{booking.pk}", token=token, method="REQUEST")


def queue_cancellation(*, booking: ConsultationBooking, token: str | None) -> None:
    """The cancellation with a METHOD:CANCEL; without ``token`` (we cancelled) the candidate gets a fresh link."""
    token = token or candidate_token(booking)
    key = f"{CANCELLATION}:{booking.pk}:{booking.sequence}"
    _queue(booking, template=CANCELLATION, key=key, token=token, method="CANCEL")


def queue_reminder(*, booking: ConsultationBooking) -> None:
    """The reminder the day before, with a fresh link to see or cancel the appointment."""
    _queue(booking, template=REMINDER, key=f"{REMINDER}:{booking.pk}", token=candidate_token(booking), method=None)
