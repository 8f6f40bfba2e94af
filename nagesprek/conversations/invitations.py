"""The e-mails about a conversation, each with its calendar invitation (.ics), to the candidate and the advisor.

One conversation is one calendar event for everyone: the same UID in every invitation, the organiser
being the organisation's sending address and both people attendees. A booking is METHOD:REQUEST; a move
is the same UID with a higher SEQUENCE; a cancellation is METHOD:CANCEL. Queued inside the caller's
transaction (``emails.services.queue_email``), under keys that include the sequence, so a retried
request queues nothing twice.
"""

from __future__ import annotations

from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import resolve, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from nagesprek.conversations import explanations
from nagesprek.conversations.constants import ConversationMode
from nagesprek.conversations.models import Conversation
from nagesprek.emails.services import Attachment, queue_email
from nagesprek.scheduling.ics import calendar_invitation

CANDIDATE_TEMPLATE = "conversation_candidate"
ADVISOR_TEMPLATE = "conversation_advisor"
PROPOSAL_TEMPLATE = "conversation_proposal"


class Event:
    """What happened, as the e-mail templates name it."""

    BOOKED = "booked"
    MOVED = "moved"
    CANCELLED_BY_CANDIDATE = "cancelled_by_candidate"
    CANCELLED_BY_ADVISOR = "cancelled_by_advisor"
    REMINDER = "reminder"
    REASSIGNED = "reassigned"  # moved to another advisor: the first one's calendar drops it


CANCELLATIONS = (Event.CANCELLED_BY_CANDIDATE, Event.CANCELLED_BY_ADVISOR)


def candidate_token(conversation: Conversation) -> str:
    """A fresh personal link's token for the candidate (portal), for the links in an e-mail."""
    from nagesprek.portal.services import issue_link  # portal reads rejections, which read this app

    return resolve(urlsplit(issue_link(candidate=conversation.candidate)).path).kwargs["token"]


def conversation_url(token: str, conversation: Conversation) -> str:
    return settings.SITE_URL + reverse("conversations:mine", args=[token, conversation.pk])


def booking_url(token: str, conversation: Conversation) -> str:
    return settings.SITE_URL + reverse("conversations:book", args=[token, conversation.offer_id])


def invitation_ics(conversation: Conversation, *, method: str, language: str) -> bytes:
    """The conversation as an iCalendar invitation (REQUEST or CANCEL) in ``language``."""
    organiser = parseaddr(str(settings.DEFAULT_FROM_EMAIL))[1]
    with translation.override(language):
        summary = gettext("Conversation with %(organisation)s about your application") % {
            "organisation": conversation.organisation.name
        }
        description = _description(conversation)
    return calendar_invitation(
        uid=conversation.uid,
        sequence=conversation.sequence,
        method=method,
        starts_at=conversation.starts_at,
        ends_at=conversation.ends_at,
        summary=summary,
        description=description,
        location=_location(conversation),
        organizer=(organiser, conversation.organisation.name),
        attendees=[
            (conversation.candidate.email, conversation.candidate.full_name),
            (conversation.advisor.email, conversation.advisor.full_name),
        ],
        stamp=timezone.now(),
    )


def _description(conversation: Conversation) -> str:
    mode = ConversationMode(conversation.mode)
    lines = [
        gettext("Career advisor: %(name)s") % {"name": conversation.advisor.full_name},
        gettext("Vacancy: %(title)s") % {"title": conversation.application.vacancy.title},
        gettext("How: %(mode)s") % {"mode": mode.label},
    ]
    if mode == ConversationMode.PHONE:
        lines.append(gettext("The advisor calls you on the number you gave us."))
    elif mode == ConversationMode.VIDEO:
        lines.append(gettext("You will get the link for the video call from the advisor."))
    return "\n".join(lines)


def _location(conversation: Conversation) -> str:
    if conversation.mode == ConversationMode.ON_SITE:
        return conversation.location
    return str(ConversationMode(conversation.mode).label)


def _context(conversation: Conversation, *, event: str, token: str, reason: str) -> dict:
    return {
        "event": event,
        "candidate_name": conversation.candidate.full_name,
        "advisor_name": conversation.advisor.full_name,
        "organisation_name": conversation.organisation.name,
        "vacancy_title": conversation.application.vacancy.title,
        "starts_at": conversation.starts_at,
        "ends_at": conversation.ends_at,
        "mode_label": ConversationMode(conversation.mode).label,  # lazy: rendered in the recipient's language
        "is_video": conversation.mode == ConversationMode.VIDEO,
        "is_phone": conversation.mode == ConversationMode.PHONE,
        "is_on_site": conversation.mode == ConversationMode.ON_SITE,
        "location": conversation.location,
        "reason": reason,
        "conversation_url": conversation_url(token, conversation) if token else "",
        "booking_url": booking_url(token, conversation) if token and conversation.offer_id else "",
        "agenda_url": settings.SITE_URL + reverse("conversations:detail", args=[conversation.pk]),
        "contact_email": conversation.organisation.contact_email,
    }


def send_conversation_emails(conversation: Conversation, *, event: str, reason: str = "") -> None:
    """Queue the candidate's and the advisor's e-mail for ``event``, each with the invitation in their language."""
    token = candidate_token(conversation)
    method = "CANCEL" if event in CANCELLATIONS else "REQUEST"
    for template, recipient, language, candidate_id in (
        (CANDIDATE_TEMPLATE, conversation.candidate.email, conversation.candidate.language, conversation.candidate_id),
        (ADVISOR_TEMPLATE, conversation.advisor.email, conversation.advisor.language, conversation.candidate_id),
    ):
        queue_email(
            key=f"conversation:{conversation.pk}:{conversation.sequence}:{event}:{template}",
            to=recipient,
            template=template,
            context=_context(
                conversation, event=event, token=token if template == CANDIDATE_TEMPLATE else "", reason=reason
            ),
            language=language,
            organisation=conversation.organisation,
            candidate_id=candidate_id,
            attachments=[_attachment(conversation, method=method, language=language)],
        )


def send_advisor_release(conversation: Conversation) -> None:
    """Tell the advisor who had the conversation before a move that another advisor takes it (METHOD:CANCEL).

    ``conversation`` is the state before the move, with the new sequence.
    """
    advisor = conversation.advisor
    queue_email(
        key=f"conversation:{conversation.pk}:{conversation.sequence}:{Event.REASSIGNED}:{advisor.pk}",
        to=advisor.email,
        template=ADVISOR_TEMPLATE,
        context=_context(conversation, event=Event.REASSIGNED, token="", reason=""),
        language=advisor.language,
        organisation=conversation.organisation,
        candidate_id=conversation.candidate_id,
        attachments=[_attachment(conversation, method="CANCEL", language=advisor.language)],
    )


def send_reminder_email(conversation: Conversation) -> None:
    """Queue the candidate's reminder (no invitation: their calendar has it). Idempotent on the start time."""
    token = candidate_token(conversation)
    queue_email(
        key=f"conversation:{conversation.pk}:reminder:{conversation.starts_at:%Y%m%dT%H%MZ}",
        to=conversation.candidate.email,
        template=CANDIDATE_TEMPLATE,
        context=_context(conversation, event=Event.REMINDER, token=token, reason=""),
        language=conversation.candidate.language,
        organisation=conversation.organisation,
        candidate_id=conversation.candidate_id,
    )


def _attachment(conversation: Conversation, *, method: str, language: str) -> Attachment:
    return Attachment(
        filename="uitnodiging.ics" if language == "nl" else "invitation.ics",
        content=invitation_ics(conversation, method=method, language=language),
        mimetype=f"text/calendar; method={method}; charset=UTF-8",
    )


class ProposalEvent:
    """What happened to a proposed time, as the proposal e-mail names it."""

    PROPOSED = "proposed"
    EXPIRED = "expired"  # not answered in time: the time is released, the candidate may still pick one
    WITHDRAWN = "withdrawn"  # the advisor cannot make it after all


def send_proposal_email(conversation: Conversation, *, event: str, reason: str = "") -> None:
    """Queue the candidate's e-mail about a proposed time (no calendar file: it is not an appointment yet).

    ``proposed`` carries the time, the advisor, the way, why (in the candidate's words) and two links:
    accept it, or choose another time. Idempotent on the conversation and the event.
    """
    token = candidate_token(conversation)
    language = conversation.candidate.language
    proposal = conversation.proposal
    family = conversation.application.vacancy.job_family
    with translation.override(language):
        reasons = explanations.for_candidate(
            proposal.reasons, advisor=conversation.advisor.full_name, job_family=family.name if family else ""
        )
    queue_email(
        key=f"conversation:{conversation.pk}:proposal:{event}",
        to=conversation.candidate.email,
        template=PROPOSAL_TEMPLATE,
        context={
            **_context(conversation, event=event, token=token, reason=reason),
            "reasons": reasons,
            "expires_at": proposal.expires_at,
            "deadline": conversation.offer.deadline if conversation.offer else None,
            "accept_url": settings.SITE_URL + reverse("conversations:accept", args=[token, conversation.pk]),
            "other_url": settings.SITE_URL + reverse("conversations:other_time", args=[token, conversation.pk]),
        },
        language=language,
        organisation=conversation.organisation,
        candidate_id=conversation.candidate_id,
    )
