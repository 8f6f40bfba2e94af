"""Booking, moving and cancelling a nagesprek, and recording whether it was held. No double booking, ever.

How double booking is prevented: every booking or move locks the offer's row and then the profile
rows of the advisors it may go to (``SELECT ... FOR UPDATE``, in primary-key order so two requests
never wait on each other in a circle), and only then reads the advisors' bookings and checks that
the time is still free. A second request for the same advisors waits for the first to commit and
then sees its booking. Behind that, the database refuses two active conversations of one advisor
starting at the same time (``conversation_no_double_booking``); that error becomes ``SlotTaken`` too.
"""

from __future__ import annotations

import copy
import uuid
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.services import record_event
from nagesprek.conversations import selectors
from nagesprek.conversations.calendars import host_calendars
from nagesprek.conversations.constants import MIN_NOTICE, ConversationStatus
from nagesprek.conversations.invitations import (
    Event,
    ProposalEvent,
    send_advisor_release,
    send_conversation_emails,
    send_proposal_email,
)
from nagesprek.conversations.models import AdvisorProfile, Conversation, ConversationOffer
from nagesprek.conversations.slots import active_conversation, advisor_loads, eligible_profiles, routing_order
from nagesprek.organisations.selectors import Actor
from nagesprek.scheduling.availability import Slot, free_slots
from nagesprek.scheduling.holidays import add_working_days


class BookingError(Exception):
    """A booking request that cannot be carried out; ``str(error)`` says why, for the candidate."""


class SlotTaken(BookingError):
    """The time was free when the page was shown, but someone else has just booked it."""


def _lock_offer(offer: ConversationOffer) -> ConversationOffer:
    return (
        ConversationOffer.objects.select_for_update(of=("self",))
        .select_related("organisation", "candidate", "application__vacancy")
        .get(pk=offer.pk)
    )


def _lock_conversation(conversation: Conversation) -> Conversation:
    return (
        Conversation.objects.select_for_update(of=("self",))
        .select_related("organisation", "candidate", "advisor", "application__vacancy", "offer")
        .get(pk=conversation.pk)
    )


def _check_request(offer: ConversationOffer, *, starts_at: datetime, mode: str, now: datetime) -> None:
    if mode not in offer.modes:
        raise BookingError(_("Choose one of the ways to talk that we offer."))
    if timezone.localdate(starts_at) > offer.deadline or timezone.localdate(now) > offer.deadline:
        raise BookingError(_("You can no longer book a time for this conversation."))
    if starts_at < now + MIN_NOTICE:
        raise SlotTaken(_("This time is too soon. Choose a later time."))


def _claim_time(
    *,
    offer: ConversationOffer,
    starts_at: datetime,
    mode: str,
    advisor_id: int | None,
    now: datetime,
    ignore: int | None,
) -> tuple[AdvisorProfile, Slot]:
    """Lock the advisors who could take ``starts_at``, re-read their bookings, and pick the best one free then."""
    profiles = eligible_profiles(offer=offer, mode=mode, advisor_id=advisor_id)
    list(AdvisorProfile.objects.select_for_update(of=("self",)).filter(pk__in=[p.pk for p in profiles]).order_by("pk"))
    day = timezone.localdate(starts_at)
    calendars = host_calendars(profiles, start=day, end=day, ignore_conversation_id=ignore)  # read after the locks
    free = [
        s for s in free_slots(calendars, start=day, end=day, now=now, min_notice=MIN_NOTICE) if s.starts_at == starts_at
    ]
    if not free:
        raise SlotTaken(_("This time was just taken. Choose another time."))
    free_ids = {s.host_id for s in free}
    ranked = routing_order(
        [c for c in calendars if c.host_id in free_ids],
        offer=offer,
        loads=advisor_loads(list(free_ids), around=starts_at),
    )
    slot = next(s for s in free if s.host_id == ranked[0])
    return next(p for p in profiles if p.user_id == slot.host_id), slot


def _save(conversation: Conversation) -> None:
    """Save inside a savepoint: the database's no-double-booking constraint becomes SlotTaken."""
    conversation.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            conversation.save()
    except IntegrityError:
        raise SlotTaken(_("This time was just taken. Choose another time.")) from None


def _language(profile: AdvisorProfile, wanted: str) -> str:
    return wanted if wanted in profile.languages else profile.languages[0]


def _audit(conversation: Conversation, action: AuditAction, summary: str, actor: Actor | None = None) -> None:
    record_event(
        organisation=conversation.organisation,
        action=action,
        target=conversation,
        candidate_id=conversation.candidate_id,
        user=actor.user if actor else None,
        actor_kind=ActorKind.STAFF if actor else ActorKind.CANDIDATE,
        summary=summary,
    )


@transaction.atomic
def book_slot(
    *,
    offer: ConversationOffer,
    starts_at: datetime,
    mode: str,
    advisor_id: int | None = None,
    now: datetime | None = None,
) -> Conversation:
    """Book the candidate's conversation at ``starts_at`` (aware), with ``advisor_id`` or the best advisor free then.

    The candidate acts (through their personal link). Raises SlotTaken when the time is no longer free
    (someone else was first, or it is too soon), BookingError for anything else the candidate must change
    (a mode not offered, the offer closed, already booked). Locks the offer and the advisors' profiles
    (see the module docstring). Queues the confirmation with a METHOD:REQUEST invitation to the candidate
    and the advisor. Not idempotent by itself: a second call for the same offer refuses (already booked).
    """
    now = now or timezone.now()
    offer = _lock_offer(offer)
    if active_conversation(offer) is not None:
        raise BookingError(_("You already have an appointment for this conversation. You can move it."))
    _check_request(offer, starts_at=starts_at, mode=mode, now=now)
    profile, slot = _claim_time(
        offer=offer, starts_at=starts_at, mode=mode, advisor_id=advisor_id, now=now, ignore=None
    )
    conversation = Conversation(
        organisation=offer.organisation,
        offer=offer,
        candidate=offer.candidate,
        application=offer.application,
        advisor=profile.user,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        mode=mode,
        language=_language(profile, offer.candidate.language),
        location=profile.location if mode == "on_site" else "",
        status=ConversationStatus.BOOKED,
        uid=f"{uuid.uuid4()}@nagesprek",
        sequence=0,
        booked_at=now,
    )
    _save(conversation)
    _audit(
        conversation, AuditAction.CREATE, f"Conversation booked by the candidate for {slot.starts_at:%Y-%m-%d %H:%M}Z"
    )
    send_conversation_emails(conversation, event=Event.BOOKED)
    return conversation


@transaction.atomic
def move_conversation(
    *,
    conversation: Conversation,
    starts_at: datetime,
    mode: str | None = None,
    advisor_id: int | None = None,
    now: datetime | None = None,
) -> Conversation:
    """Move a booked conversation to another time (and perhaps another way or advisor); the candidate acts.

    Same locking and errors as ``book_slot``. The calendar event keeps its UID and gets a higher
    SEQUENCE: the candidate and the advisor receive an updated METHOD:REQUEST invitation; when another
    advisor takes over, the first one receives a METHOD:CANCEL. A reminder is sent again for the new time.
    """
    now = now or timezone.now()
    if conversation.offer is None:
        raise BookingError(_("This conversation cannot be moved here. Please contact us."))
    offer = _lock_offer(conversation.offer)  # the offer first, as book_slot does: one lock order everywhere
    conversation = _lock_conversation(conversation)
    if conversation.status != ConversationStatus.BOOKED or conversation.starts_at <= now:
        raise BookingError(_("This appointment can no longer be moved."))
    mode = mode or conversation.mode
    _check_request(offer, starts_at=starts_at, mode=mode, now=now)
    before = copy.copy(conversation)
    profile, slot = _claim_time(
        offer=offer, starts_at=starts_at, mode=mode, advisor_id=advisor_id, now=now, ignore=conversation.pk
    )
    conversation.advisor = profile.user
    conversation.starts_at, conversation.ends_at = slot.starts_at, slot.ends_at
    conversation.mode = mode
    conversation.language = _language(profile, offer.candidate.language)
    conversation.location = profile.location if mode == "on_site" else ""
    conversation.sequence += 1
    conversation.booked_at = now
    conversation.reminder_sent_at = None
    _save(conversation)
    _audit(conversation, AuditAction.UPDATE, f"Conversation moved by the candidate to {slot.starts_at:%Y-%m-%d %H:%M}")
    send_conversation_emails(conversation, event=Event.MOVED)
    if before.advisor_id != conversation.advisor_id:
        before.sequence = conversation.sequence
        send_advisor_release(before)
    return conversation


@transaction.atomic
def cancel_conversation(
    *,
    conversation: Conversation,
    actor: Actor | None = None,
    reason: str = "",
    now: datetime | None = None,
) -> Conversation:
    """Cancel a booked conversation: by the candidate (``actor`` None) or by the advisor (an actor, with a reason).

    Both get a METHOD:CANCEL (same UID, higher SEQUENCE). When the advisor cancels, the candidate is
    offered new times: the offer stays open at least the policy's number of working days from today.
    The advisor may also withdraw a time the wave planner proposed (PROPOSED): the candidate then gets the
    proposal e-mail's "withdrawn" version, without a calendar file (their calendar never had it).
    Idempotent: cancelling a conversation already cancelled the same way returns it unchanged.
    Raises BookingError when it is no longer booked (held, or past) or a reason is missing.
    """
    now = now or timezone.now()
    conversation = _lock_conversation(conversation)
    status = ConversationStatus.CANCELLED_BY_ADVISOR if actor else ConversationStatus.CANCELLED_BY_CANDIDATE
    if conversation.status == status:
        return conversation
    proposed = conversation.status == ConversationStatus.PROPOSED and actor is not None
    if (conversation.status != ConversationStatus.BOOKED and not proposed) or (
        actor is None and conversation.starts_at <= now
    ):
        raise BookingError(_("This appointment can no longer be cancelled."))
    if actor is not None and not reason.strip():
        raise ValidationError({"reason": _("Say why the conversation is cancelled; the candidate reads it.")})
    conversation.status = status
    conversation.cancelled_at = now
    conversation.cancel_reason = reason.strip()
    conversation.sequence += 1
    conversation.save(update_fields=["status", "cancelled_at", "cancel_reason", "sequence", "updated_at"])
    if actor is not None and conversation.offer is not None:
        _reopen_offer(conversation.offer, now=now)
    who = "the advisor" if actor else "the candidate"
    _audit(
        conversation,
        AuditAction.UPDATE,
        f"{'Proposal withdrawn' if proposed else 'Conversation cancelled'} by {who}",
        actor,
    )
    if proposed:
        send_proposal_email(conversation, event=ProposalEvent.WITHDRAWN, reason=conversation.cancel_reason)
        return conversation
    event = Event.CANCELLED_BY_ADVISOR if actor else Event.CANCELLED_BY_CANDIDATE
    send_conversation_emails(conversation, event=event, reason=conversation.cancel_reason)
    return conversation


def _reopen_offer(offer: ConversationOffer, *, now: datetime) -> None:
    """After the advisor cancelled, the candidate gets as long to book again as the policy gives after a letter."""
    policy = selectors.effective_policy(organisation=offer.organisation_id, vacancy=offer.application.vacancy)
    deadline = add_working_days(timezone.localdate(now), policy.deadline_working_days)
    if deadline > offer.deadline:
        offer.deadline = deadline
        offer.save(update_fields=["deadline"])


def _record_outcome(*, actor: Actor, conversation: Conversation, status: str, now: datetime | None) -> Conversation:
    now = now or timezone.now()
    conversation = _lock_conversation(conversation)
    if conversation.status == status:
        return conversation
    allowed = (ConversationStatus.BOOKED, ConversationStatus.HELD, ConversationStatus.NO_SHOW)
    if conversation.status not in allowed:
        raise BookingError(_("A cancelled conversation cannot be marked as held or as a no-show."))
    if conversation.starts_at > now:
        raise BookingError(_("This conversation has not started yet."))
    conversation.status = status
    conversation.outcome_recorded_at = now
    conversation.save(update_fields=["status", "outcome_recorded_at", "updated_at"])
    _audit(conversation, AuditAction.UPDATE, f"Conversation marked {status}", actor)
    return conversation


@transaction.atomic
def mark_held(*, actor: Actor, conversation: Conversation, now: datetime | None = None) -> Conversation:
    """Record that the conversation took place. Only once it has started; a no-show may be corrected. Idempotent."""
    return _record_outcome(actor=actor, conversation=conversation, status=ConversationStatus.HELD, now=now)


@transaction.atomic
def mark_no_show(*, actor: Actor, conversation: Conversation, now: datetime | None = None) -> Conversation:
    """Record that the candidate did not come. Only once it has started; "held" may be corrected. Idempotent."""
    return _record_outcome(actor=actor, conversation=conversation, status=ConversationStatus.NO_SHOW, now=now)
