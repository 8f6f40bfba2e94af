"""Granting and withdrawing consent. Every change is audited; the candidate acts without an account."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import partial

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.services import record_event
from nagesprek.candidates.models import Candidate
from nagesprek.consents import selectors
from nagesprek.consents.constants import CONSENT_VALIDITY, ConsentPurpose, ConsentSource
from nagesprek.consents.models import Consent
from nagesprek.consents.wording import consent_wording
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor


def _refresh_matching(candidate_id: int) -> None:
    # The matching index keeps the talent pool in memory; after commit it re-reads this one candidate.
    from nagesprek.matching import index

    transaction.on_commit(partial(index.refresh_candidate, candidate_id))


def _audit(*, consent: Consent, action: AuditAction, actor: Actor | None, summary: str) -> None:
    record_event(
        organisation=consent.organisation,
        action=action,
        target=consent,
        candidate_id=consent.candidate_id,
        user=actor.user if actor else None,
        actor_kind=ActorKind.STAFF if actor else ActorKind.CANDIDATE,
        summary=summary,
    )


@transaction.atomic
def grant_consent(
    *,
    candidate: Candidate,
    purpose: ConsentPurpose,
    source: ConsentSource,
    language: str | None = None,
    actor: Actor | None = None,
    now: datetime | None = None,
) -> Consent:
    """Record the candidate's consent for ``purpose``, with the wording shown, valid for at most 12 months.

    ``actor`` is None when the candidate gives it themselves (their page); a member of staff records
    one given in a conversation. Idempotent: while a valid consent exists it is returned unchanged,
    so a double click does not extend it. Locks the candidate row so two requests cannot both create one.
    """
    now = now or timezone.now()
    Candidate.objects.select_for_update().filter(pk=candidate.pk).first()
    existing = selectors.current_consent(candidate=candidate, purpose=purpose, now=now)
    if existing is not None:
        return existing
    language = language or candidate.language
    consent = Consent(
        organisation=candidate.organisation,
        candidate=candidate,
        purpose=purpose,
        wording=consent_wording(purpose=purpose, organisation_name=candidate.organisation.name, language=language),
        language=language,
        source=source,
        granted_at=now,
        expires_at=now + CONSENT_VALIDITY[ConsentPurpose(purpose)],
    )
    consent.full_clean()
    consent.save()
    _audit(consent=consent, action=AuditAction.CREATE, actor=actor, summary=f"Consent given: {purpose}")
    _refresh_matching(consent.candidate_id)
    return consent


@transaction.atomic
def revoke_consent(*, consent: Consent, actor: Actor | None = None, now: datetime | None = None) -> Consent:
    """Withdraw a consent from now on. Idempotent: an already withdrawn consent keeps its first date.

    ``actor`` is None when the candidate withdraws it themselves. The talent pool reads consents at
    query time, so the candidate drops out of it with the next suggestion shown.
    """
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.revoked_at is not None:
        return consent
    consent.revoked_at = now or timezone.now()
    consent.save(update_fields=["revoked_at"])
    _audit(consent=consent, action=AuditAction.UPDATE, actor=actor, summary=f"Consent withdrawn: {consent.purpose}")
    _refresh_matching(consent.candidate_id)
    return consent


# Staff who may record what a candidate answered in a conversation: the advisor in a nagesprek, the
# recruiter in a sollicitatiespreekuur.
RECORDING_ROLES = (Role.ADVISOR, Role.RECRUITER)


@transaction.atomic
def record_consent_answers(
    *,
    actor: Actor,
    candidate: Candidate,
    answers: Mapping[str, bool | None],
    source: ConsentSource = ConsentSource.CONVERSATION,
    language: str | None = None,
) -> dict[str, Consent | None]:
    """Record what the candidate answered when asked, per purpose: True grants, False withdraws, None: not asked.

    Each purpose stands alone (asking for one never implies the other), and a "no" changes nothing but
    that purpose's consent: a valid one is withdrawn, otherwise nothing is written. A "yes" records the
    wording in ``language`` (default: the candidate's), as the advisor read it out. Preconditions: the
    actor is an advisor or recruiter of the candidate's organisation (PermissionDenied otherwise).
    Returns each asked purpose's current consent afterwards (None after a "no").
    """
    if not actor.has_role(*RECORDING_ROLES) or actor.organisation.pk != candidate.organisation_id:
        raise PermissionDenied
    result: dict[str, Consent | None] = {}
    for purpose, answer in answers.items():
        if answer is None:
            continue
        purpose = ConsentPurpose(purpose)
        if answer:
            result[purpose] = grant_consent(
                candidate=candidate, purpose=purpose, source=source, language=language, actor=actor
            )
            continue
        current = selectors.current_consent(candidate=candidate, purpose=purpose)
        if current is not None:
            revoke_consent(consent=current, actor=actor)
        result[purpose] = None
    return result
