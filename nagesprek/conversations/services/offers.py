"""Offering a nagesprek with a rejection letter, as the organisation's (or the vacancy's) policy says."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.conversations import selectors
from nagesprek.conversations.models import ConversationOffer
from nagesprek.rejections.models import Rejection
from nagesprek.scheduling.holidays import add_working_days


@transaction.atomic
def offer_conversation(*, rejection: Rejection, now: datetime | None = None) -> ConversationOffer | None:
    """Record the offer of a conversation for a rejection being sent, when the policy names this candidate.

    Called by ``rejections.services.send_rejection`` just before the letter is rendered, so the letter
    carries the offer. The deadline is the policy's number of working days (Dutch public holidays
    excluded) after today. Idempotent: an application has at most one offer; a second call returns it.
    None when the policy offers nothing here (see ``selectors.offer_applies``). Audited as a system action.
    """
    application = rejection.application
    existing = ConversationOffer.objects.filter(application=application).first()
    if existing is not None:
        return existing
    policy = selectors.effective_policy(organisation=rejection.organisation_id, vacancy=application.vacancy)
    if not selectors.offer_applies(rejection=rejection, policy=policy):
        return None
    now = now or timezone.now()
    offer = ConversationOffer(
        organisation_id=rejection.organisation_id,
        application=application,
        candidate_id=application.candidate_id,
        deadline=add_working_days(timezone.localdate(now), policy.deadline_working_days),
        modes=list(policy.modes),
        offered_at=now,
    )
    offer.full_clean()
    offer.save()
    record_event(
        organisation=rejection.organisation,
        action=AuditAction.CREATE,
        target=offer,
        candidate_id=application.candidate_id,
        summary=f"Conversation offered until {offer.deadline:%Y-%m-%d} ({policy.source} policy)",
    )
    return offer
