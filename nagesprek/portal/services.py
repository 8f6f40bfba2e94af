"""Writes for the candidate page: issuing and revoking personal links, and recording their use."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.services import record_event
from nagesprek.candidates.models import Candidate
from nagesprek.emails.constants import OutboxStatus
from nagesprek.emails.models import OutboxMessage
from nagesprek.emails.services import queue_email
from nagesprek.portal import selectors, tokens
from nagesprek.portal.constants import DEFAULT_LINK_DAYS, FRESH_LINKS_PER_HOUR, MAX_LINK_DAYS, LinkPurpose
from nagesprek.portal.models import CandidateLink
from nagesprek.rejections.models import Rejection

FRESH_LINK_TEMPLATE = "candidate_link"


@transaction.atomic
def issue_link(
    *,
    candidate: Candidate,
    purpose: str = LinkPurpose.CANDIDATE_PAGE,
    valid_days: int = DEFAULT_LINK_DAYS,
    now: datetime | None = None,
) -> str:
    """Create a personal link for the candidate and return its absolute URL (SITE_URL + path).

    Every call makes a new link (its own row and nonce); earlier links keep working
    until they expire or ``revoke_links`` switches them off. ``valid_days`` is 1 to
    MAX_LINK_DAYS (ValueError otherwise). Audited as a system action.
    """
    _link, url = _create_link(candidate=candidate, purpose=purpose, valid_days=valid_days, now=now)
    return url


def _create_link(
    *, candidate: Candidate, purpose: str, valid_days: int, now: datetime | None
) -> tuple[CandidateLink, str]:
    if not 1 <= valid_days <= MAX_LINK_DAYS:
        raise ValueError(f"a link is valid for 1 to {MAX_LINK_DAYS} days, not {valid_days}")
    now = now or timezone.now()
    link = CandidateLink(
        candidate=candidate,
        purpose=LinkPurpose(purpose),
        nonce=secrets.token_urlsafe(24),
        expires_at=now + timedelta(days=valid_days),
    )
    link.full_clean()
    link.save()
    record_event(
        organisation=candidate.organisation,
        action=AuditAction.CREATE,
        target=link,
        candidate_id=candidate.pk,
        summary=f"Personal link issued ({link.purpose}, valid {valid_days} days)",
    )
    token = tokens.make_token(
        token=tokens.LinkToken(link_id=link.pk, candidate_id=candidate.pk, nonce=link.nonce, valid_days=valid_days),
        purpose=purpose,
        clock=lambda: now.timestamp(),
    )
    return link, settings.SITE_URL + reverse("portal:page", kwargs={"token": token})


@transaction.atomic
def revoke_links(*, candidate: Candidate, purpose: str | None = None) -> int:
    """Switch off every live link of the candidate (of one purpose, or all); returns how many.

    Every copy of a revoked link stops working at once (the page answers 410 and
    offers a fresh link). Idempotent: links already revoked are left as they are.
    """
    links = CandidateLink.objects.filter(candidate=candidate, revoked_at__isnull=True)
    if purpose is not None:
        links = links.filter(purpose=purpose)
    count = links.update(revoked_at=timezone.now())
    if count:
        record_event(
            organisation=candidate.organisation,
            action=AuditAction.UPDATE,
            target=candidate,
            candidate_id=candidate.pk,
            summary=f"{count} personal link(s) revoked",
        )
    return count


@transaction.atomic
def record_page_viewed(*, link: CandidateLink) -> None:
    """The candidate opened their page: an audit event (actor: the candidate) and the link's last use."""
    link.last_used_at = timezone.now()
    link.save(update_fields=["last_used_at"])
    record_event(
        organisation=link.candidate.organisation,
        action=AuditAction.VIEW,
        target=link,
        candidate_id=link.candidate_id,
        actor_kind=ActorKind.CANDIDATE,
        summary="Candidate page opened",
    )


@transaction.atomic
def record_letter_downloaded(*, link: CandidateLink, rejection: Rejection) -> None:
    """The candidate downloaded a letter as PDF from their page: an audit event (actor: the candidate)."""
    link.last_used_at = timezone.now()
    link.save(update_fields=["last_used_at"])
    record_event(
        organisation=link.candidate.organisation,
        action=AuditAction.EXPORT,
        target=rejection,
        candidate_id=link.candidate_id,
        actor_kind=ActorKind.CANDIDATE,
        summary="Letter downloaded as PDF from the candidate page",
    )


def request_fresh_link(*, email: str) -> None:
    """Someone asked for a fresh link for ``email``: hand the work to a task, whoever the address belongs to.

    Deliberately does the same for every address (no lookup here), so neither the
    answer nor its timing tells whether the address is known. The task
    (``tasks.send_fresh_link``) does the lookup and the sending.
    """
    from nagesprek.portal.tasks import send_fresh_link  # tasks imports this module

    transaction.on_commit(partial(send_fresh_link.enqueue, email=email.strip()))


def send_fresh_links(*, email: str, now: datetime | None = None) -> int:
    """Queue the ``candidate_link`` e-mail for every candidate with this address and a sent letter.

    Returns how many e-mails were queued. Nothing happens for an unknown address,
    and at most FRESH_LINKS_PER_HOUR such e-mails go to one address per hour (also
    across organisations); requests beyond that are dropped quietly. Each e-mail
    carries a new link; older links keep working until they expire.
    """
    now = now or timezone.now()
    queued = 0
    for candidate in selectors.candidates_with_sent_letters(email=email):
        if _fresh_links_sent_last_hour(email=candidate.email, now=now) >= FRESH_LINKS_PER_HOUR:
            break
        _send_fresh_link(candidate=candidate, now=now)
        queued += 1
    return queued


def _fresh_links_sent_last_hour(*, email: str, now: datetime) -> int:
    return (
        OutboxMessage.objects.filter(
            template=FRESH_LINK_TEMPLATE, recipient__iexact=email, created_at__gte=now - timedelta(hours=1)
        )
        .exclude(status=OutboxStatus.FAILED)
        .count()
    )


@transaction.atomic
def _send_fresh_link(*, candidate: Candidate, now: datetime) -> None:
    link, url = _create_link(
        candidate=candidate, purpose=LinkPurpose.CANDIDATE_PAGE, valid_days=DEFAULT_LINK_DAYS, now=now
    )
    organisation = candidate.organisation
    queue_email(
        key=f"{FRESH_LINK_TEMPLATE}:{link.pk}",
        to=candidate.email,
        template=FRESH_LINK_TEMPLATE,
        context={
            "candidate_name": candidate.full_name,
            "organisation_name": organisation.name,
            "candidate_url": url,
            "link_valid_until": timezone.localdate(link.expires_at),
            "contact_email": organisation.contact_email,
        },
        language=candidate.language,
        organisation=organisation,
        candidate_id=candidate.pk,
    )
