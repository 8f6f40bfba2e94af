"""The sweeps behind the wave planner: send each proposal's e-mail once, and release proposals not answered in time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.conversations.constants import ConversationStatus
from nagesprek.conversations.invitations import ProposalEvent, send_proposal_email
from nagesprek.conversations.models import Conversation, Proposal

_RELATED = ("organisation", "candidate", "advisor", "application__vacancy__job_family", "offer", "proposal")


CHUNK = 50  # proposals e-mailed per transaction: one commit per chunk, not per e-mail


def send_proposal_emails(*, wave_id: int | None = None, now: datetime | None = None, limit: int = 2000) -> int:
    """Queue the e-mail of every open proposal not yet e-mailed (of one wave, or of any); returns how many.

    Run by the task a confirmed wave enqueues, and by the housekeeping sweep every minute for any a lost
    task left. Safe to run twice or at once: each e-mail is claimed first (see ``send_proposals``).
    """
    now = now or timezone.now()
    due = Proposal.objects.filter(emailed_at__isnull=True, conversation__status=ConversationStatus.PROPOSED)
    if wave_id is not None:
        due = due.filter(wave_id=wave_id)
    ids = list(due.order_by("pk").values_list("pk", flat=True)[:limit])
    return sum(send_proposals(proposal_ids=ids[i : i + CHUNK], now=now) for i in range(0, len(ids), CHUNK))


@transaction.atomic
def send_proposals(*, proposal_ids: Sequence[int], now: datetime | None = None) -> int:
    """Claim these proposals' e-mails and queue them, in one transaction; returns how many it claimed.

    The claim locks the rows still to be e-mailed (``FOR UPDATE SKIP LOCKED``: a concurrent run takes the
    others) and sets ``emailed_at``; answered proposals are skipped. The e-mail's idempotency key guards
    the same once more (SQLite has no row locks). A run that stops half-way keeps the chunks it committed.
    """
    now = now or timezone.now()
    claimable = Proposal.objects.filter(
        pk__in=list(proposal_ids), emailed_at__isnull=True, conversation__status=ConversationStatus.PROPOSED
    )
    claimed = list(claimable.select_for_update(skip_locked=True, of=("self",)).values_list("pk", flat=True))
    Proposal.objects.filter(pk__in=claimed).update(emailed_at=now)
    for conversation in Conversation.objects.select_related(*_RELATED).filter(proposal__pk__in=claimed):
        send_proposal_email(conversation, event=ProposalEvent.PROPOSED)
    return len(claimed)


def release_expired_proposals(*, now: datetime | None = None, limit: int = 500) -> int:
    """Release every proposal whose time to answer has passed (EXPIRED); returns how many.

    The time is free again for anyone, and the candidate can still pick a time until the offer's
    deadline (they get an e-mail saying so, if they were told about the proposal). Run by the housekeeping
    sweep every minute; idempotent and safe from several workers at once (see ``release_proposal``).
    """
    now = now or timezone.now()
    due = Proposal.objects.filter(expires_at__lte=now, conversation__status=ConversationStatus.PROPOSED)
    ids = list(due.order_by("expires_at").values_list("conversation_id", flat=True)[:limit])
    return sum(release_proposal(conversation_id=pk, now=now) for pk in ids)


@transaction.atomic
def release_proposal(*, conversation_id: int, now: datetime | None = None) -> bool:
    """Claim one expired proposal with a conditional UPDATE (PROPOSED -> EXPIRED); False when another run did,
    or the candidate answered first. Audited as a system action."""
    now = now or timezone.now()
    claimed = Conversation.objects.filter(
        pk=conversation_id, status=ConversationStatus.PROPOSED, proposal__expires_at__lte=now
    ).update(status=ConversationStatus.EXPIRED, cancelled_at=now, updated_at=now)
    if not claimed:
        return False
    conversation = Conversation.objects.select_related(*_RELATED).get(pk=conversation_id)
    record_event(
        organisation=conversation.organisation,
        action=AuditAction.UPDATE,
        target=conversation,
        candidate_id=conversation.candidate_id,
        summary="Proposed time released: not answered in time",
    )
    if conversation.proposal.emailed_at is not None:
        send_proposal_email(conversation, event=ProposalEvent.EXPIRED)
    return True
