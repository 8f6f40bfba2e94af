"""The wave planner's writes: propose times to many candidates at once, re-plan the rest, and the answers.

A person confirms the plan they saw; nothing is proposed or sent before that. Confirming locks the
offers of the selection (primary-key order) and then every active advisor's profile, exactly as
``booking.book_slot`` locks an offer and then its advisors: one lock order everywhere, so a candidate
booking a time while a wave is being confirmed waits or is waited for, never both. After the locks the
plan is made again on what the database holds now; if it differs from the plan the person saw (someone
booked meanwhile), nothing is proposed and ``PlanChanged`` asks them to look again. Behind that, the
double-booking constraint refuses any overlap, which also becomes ``PlanChanged``.

A proposal is a conversation in status PROPOSED: it holds the time in the advisor's agenda. The
candidate accepts it (BOOKED, with the normal confirmation and .ics to both), wants another time
(DECLINED: the time is released and they pick one themselves), or lets it pass (EXPIRED, by the sweep).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.services import record_event, record_events
from nagesprek.conversations import planning, replanning, selectors
from nagesprek.conversations.constants import (
    MIN_NOTICE,
    PROPOSAL_ANSWER_WORKING_DAYS,
    ConversationMode,
    ConversationStatus,
    WaveScope,
)
from nagesprek.conversations.invitations import Event, send_conversation_emails
from nagesprek.conversations.models import AdvisorProfile, Conversation, ConversationOffer, Proposal, Wave
from nagesprek.conversations.services.booking import BookingError, _lock_conversation, _lock_offer
from nagesprek.organisations.selectors import Actor
from nagesprek.scheduling.holidays import add_working_days


class PlanChanged(BookingError):
    """The plan made now differs from the one the person saw and confirmed: nothing was proposed."""


def _lock(offer_ids: list[int], organisation_id: int) -> None:
    """Lock the offers, then every active advisor of the organisation (primary-key order, as book_slot does)."""
    list(ConversationOffer.objects.select_for_update(of=("self",)).filter(pk__in=offer_ids).order_by("pk"))
    profiles = AdvisorProfile.objects.select_for_update(of=("self",)).filter(
        organisation_id=organisation_id, is_active=True
    )
    list(profiles.order_by("pk"))


def _answer_by(now: datetime, starts_at: datetime) -> datetime:
    """Held for the candidate a few working days, and never closer than the minimum notice to the time itself."""
    local = timezone.localtime(now)
    later = datetime.combine(
        add_working_days(local.date(), PROPOSAL_ANSWER_WORKING_DAYS), local.time(), tzinfo=local.tzinfo
    )
    return min(later, starts_at - MIN_NOTICE)


def _create_proposals(wave: Wave, plan: planning.WavePlan, *, now: datetime) -> list[Conversation]:
    profiles = {p.user_id: p for p in plan.advisors}
    conversations = []
    for planned in plan.proposals:
        offer, profile = planned.offer, profiles[planned.advisor_id]
        conversation = Conversation(
            organisation_id=wave.organisation_id, offer=offer, candidate_id=offer.candidate_id,
            application_id=offer.application_id, advisor_id=planned.advisor_id, starts_at=planned.starts_at,
            ends_at=planned.ends_at, mode=planned.mode, language=offer.candidate.language,
            location=profile.location if planned.mode == ConversationMode.ON_SITE else "",
            status=ConversationStatus.PROPOSED, uid=f"{uuid.uuid4()}@nagesprek", sequence=0,
        )  # fmt: skip
        # The related rows come from the locked, validated selection; checking each one again would be a
        # query per field and row. The database's constraints stand behind the rest.
        conversation.full_clean(
            exclude=["organisation", "offer", "candidate", "application", "advisor"],
            validate_unique=False,
            validate_constraints=False,
        )
        conversations.append(conversation)
    try:
        with transaction.atomic():
            Conversation.objects.bulk_create(conversations)
    except IntegrityError:
        raise PlanChanged(_("A time in the plan was just taken. Look at the new plan and confirm again.")) from None
    Proposal.objects.bulk_create(
        Proposal(
            conversation=conversation,
            wave=wave,
            reasons=list(planned.reasons),
            expires_at=_answer_by(now, planned.starts_at),
        )
        for conversation, planned in zip(conversations, plan.proposals, strict=True)
    )
    return conversations


def _record(wave: Wave, plan: planning.WavePlan, actor: Actor, conversations: list[Conversation], *, what: str) -> None:
    record_event(
        organisation=actor.organisation,
        action=AuditAction.CREATE,
        target=wave,
        candidate_id=None,
        user=actor.user,
        summary=f"{what}: {len(plan.proposals)} times proposed to {len(plan.offers)} offers (optimal plan)",
    )
    if conversations:
        record_events(
            organisation=actor.organisation,
            action=AuditAction.CREATE,
            targets=[(c, c.candidate_id) for c in conversations],
            user=actor.user,
            summary=f"Time proposed by the wave planner (wave {wave.pk})",
        )


def _save_wave(
    actor: Actor, plan: planning.WavePlan, *, key: str, now: datetime, parent: Wave | None = None, **scope
) -> Wave:
    wave = Wave(
        organisation=actor.organisation,
        parent=parent,
        offer_ids=[o.pk for o in plan.offers],
        key=key,
        method=planning.planner.OPTIMAL,
        proposed=len(plan.proposals),
        unplanned=len(plan.unplanned),
        figures={"methods": [m.as_dict() for m in plan.methods], "kept": plan.kept},
        confirmed_by=actor.user,
        confirmed_at=now,
        **scope,
    )
    wave.full_clean(validate_unique=False, exclude=["organisation", "parent", "vacancy", "bulk", "confirmed_by"])
    wave.save()
    conversations = _create_proposals(wave, plan, now=now)
    _record(wave, plan, actor, conversations, what="Re-plan confirmed" if parent else "Wave confirmed")
    transaction.on_commit(partial(_enqueue_emails, wave.pk))
    return wave


@transaction.atomic
def propose_wave(
    *,
    actor: Actor,
    scope: str,
    vacancy_id: int | None = None,
    bulk_id: int | None = None,
    expected: str,
    now: datetime | None = None,
) -> Wave:
    """Propose the planned times of the selection to its candidates, as the plan ``expected`` (a fingerprint).

    For HR leads and org admins (404 otherwise, or for a vacancy or bulk rejection of another organisation).
    Locks as the module docstring says, plans again after the locks and raises ``PlanChanged`` (nothing
    proposed) when the plan differs from ``expected``. Idempotent: confirming the same plan again returns
    the wave it made. Creates the conversations (PROPOSED) with their reasons and deadlines to answer,
    one audit row for the wave and one per proposal; the e-mails go out after commit (a task, and the
    housekeeping sweep for any the task missed).
    """
    now = now or timezone.now()
    today = timezone.localdate(now)

    def selection() -> list[ConversationOffer]:
        return selectors.list_plannable_offers_for_actor(
            actor=actor, scope=scope, vacancy_id=vacancy_id, bulk_id=bulk_id, today=today
        )

    offer_ids = [o.pk for o in selection()]  # also the access check: 404 for anyone but a planner
    existing = Wave.objects.filter(organisation=actor.organisation, key=expected).first()
    if existing is not None:
        return existing
    _lock(offer_ids, actor.organisation.pk)
    existing = Wave.objects.filter(organisation=actor.organisation, key=expected).first()
    if existing is not None:  # the same plan was confirmed while this request waited for the locks
        return existing
    offers = selection()  # read again after the locks: what the plan must be made of
    plan = planning.plan_offers(offers, organisation_id=actor.organisation.pk, now=now)
    if plan.fingerprint != expected:
        raise PlanChanged(_("Something changed since you looked (a candidate booked, say). Check the new plan."))
    if not plan.proposals:
        raise PlanChanged(_("There is no time to propose. Nothing was sent."))
    return _save_wave(
        actor, plan, key=expected, now=now, scope=scope,
        vacancy_id=vacancy_id if scope == WaveScope.VACANCY else None,
        bulk_id=bulk_id if scope == WaveScope.BULK else None,
    )  # fmt: skip


@transaction.atomic
def replan_wave(*, actor: Actor, wave: Wave, expected: str, now: datetime | None = None) -> Wave:
    """Propose new times to the rest of ``wave`` (``replanning.plan_rest``: ``scheduling.planner.replan``).

    The rest: members whose proposal the advisor cancelled or that expired, and those without a time
    before. Accepted bookings and open proposals stay exactly as they are. Same locks, checks and
    idempotency as ``propose_wave``; the result is a wave of its own with ``wave`` as its parent.
    """
    now = now or timezone.now()
    wave = selectors.get_wave_for_actor(actor=actor, wave_id=wave.pk)
    existing = Wave.objects.filter(organisation=actor.organisation, key=expected).first()
    if existing is not None:
        return existing
    _lock(list(wave.offer_ids), actor.organisation.pk)
    existing = Wave.objects.filter(organisation=actor.organisation, key=expected).first()
    if existing is not None:
        return existing
    plan = replanning.plan_rest(wave, now=now)
    if plan.fingerprint != expected:
        raise PlanChanged(_("Something changed since you looked (a candidate booked, say). Check the new plan."))
    if not plan.proposals:
        raise PlanChanged(_("There is no time to propose. Nothing was sent."))
    return _save_wave(actor, plan, key=expected, now=now, parent=wave, scope=WaveScope.REPLAN)


def _enqueue_emails(wave_id: int) -> None:
    from nagesprek.conversations.tasks import send_wave_proposals_task  # tasks import the services

    send_wave_proposals_task.enqueue(wave_id)


# --- The candidate's answer ---


def _audit_candidate(conversation: Conversation, summary: str) -> None:
    record_event(
        organisation=conversation.organisation,
        action=AuditAction.UPDATE,
        target=conversation,
        candidate_id=conversation.candidate_id,
        actor_kind=ActorKind.CANDIDATE,
        summary=summary,
    )


def _lock_proposal(conversation: Conversation) -> Conversation:
    if conversation.offer is not None:
        _lock_offer(conversation.offer)  # the offer first, as everywhere
    return _lock_conversation(conversation)


@transaction.atomic
def accept_proposal(*, conversation: Conversation, now: datetime | None = None) -> Conversation:
    """The candidate accepts the proposed time: it becomes a booking, confirmed as ``book_slot`` confirms one.

    Queues the confirmation with a METHOD:REQUEST invitation to the candidate and the advisor. Idempotent:
    accepting again returns the booking unchanged. Raises BookingError when the proposal is no longer
    open (declined, expired, withdrawn, or its time to answer has passed).
    """
    now = now or timezone.now()
    conversation = _lock_proposal(conversation)
    if conversation.status == ConversationStatus.BOOKED and hasattr(conversation, "proposal"):
        return conversation
    expired = not hasattr(conversation, "proposal") or conversation.proposal.expires_at <= now
    if conversation.status != ConversationStatus.PROPOSED or expired:
        raise BookingError(_("This proposal is no longer available. Choose a time yourself."))
    conversation.status = ConversationStatus.BOOKED
    conversation.booked_at = now
    conversation.save(update_fields=["status", "booked_at", "updated_at"])
    _audit_candidate(
        conversation, f"Proposed time accepted by the candidate ({conversation.starts_at:%Y-%m-%d %H:%M}Z)"
    )
    send_conversation_emails(conversation, event=Event.BOOKED)
    return conversation


@transaction.atomic
def decline_proposal(*, conversation: Conversation, now: datetime | None = None) -> Conversation:
    """The candidate wants another time: the proposal is released (DECLINED) and they pick a time themselves.

    No e-mail: the candidate is on the page, and the advisor was never sent the proposal. Idempotent.
    Raises BookingError when it is not an open proposal (accepted, expired or withdrawn).
    """
    now = now or timezone.now()
    conversation = _lock_proposal(conversation)
    if conversation.status == ConversationStatus.DECLINED:
        return conversation
    if conversation.status != ConversationStatus.PROPOSED:
        raise BookingError(_("This proposal is no longer open."))
    conversation.status = ConversationStatus.DECLINED
    conversation.cancelled_at = now
    conversation.save(update_fields=["status", "cancelled_at", "updated_at"])
    _audit_candidate(conversation, "Proposed time declined by the candidate: another time wanted")
    return conversation
