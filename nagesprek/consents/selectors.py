"""Reads of consents. A consent counts only while it is granted, not withdrawn and not expired."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from nagesprek.candidates.models import Candidate
from nagesprek.consents.models import Consent
from nagesprek.organisations.models import Organisation


def _valid(now: datetime) -> Q:
    return Q(revoked_at__isnull=True, granted_at__lte=now, expires_at__gt=now)


def current_consent(*, candidate: Candidate, purpose: str, now: datetime | None = None) -> Consent | None:
    """The candidate's valid consent for ``purpose``, or None (never given, withdrawn or expired)."""
    now = now or timezone.now()
    return candidate.consents.filter(_valid(now), purpose=purpose).order_by("-granted_at", "-id").first()


def has_valid_consent(*, candidate: Candidate, purpose: str, now: datetime | None = None) -> bool:
    """Whether the candidate's data may be used for ``purpose`` right now."""
    return current_consent(candidate=candidate, purpose=purpose, now=now) is not None


def latest_consent(*, candidate: Candidate, purpose: str) -> Consent | None:
    """The candidate's most recent consent for ``purpose``, valid or not (to show its dates)."""
    return candidate.consents.filter(purpose=purpose).order_by("-granted_at", "-id").first()


def list_consented_candidates(
    *, organisation: Organisation, purpose: str, now: datetime | None = None, among: Iterable[int] | None = None
) -> QuerySet[Candidate]:
    """The organisation's candidates with a valid consent for ``purpose`` (the talent pool, for one).

    Evaluated at query time: a withdrawal or expiry takes effect on the next read, with no index to update.
    ``among`` limits it to those candidate ids, and the consents are then looked up by candidate, so
    checking a page of suggestions costs the same whatever the size of the pool.
    """
    now = now or timezone.now()
    consents = Consent.objects.filter(_valid(now), organisation=organisation, purpose=purpose)
    candidates = Candidate.objects.filter(organisation=organisation)
    if among is None:
        return candidates.filter(pk__in=consents.values("candidate_id")).order_by("pk")
    # A few candidates: look each one's consents up by candidate (its index), not the whole pool's. The
    # candidate is the organisation's already; naming the organisation again would lead SQLite to the
    # (organisation, purpose) index, which walks the whole pool for every candidate.
    mine = Consent.objects.filter(_valid(now), purpose=purpose, candidate_id=OuterRef("pk"))
    return candidates.filter(Exists(mine), pk__in=list(among)).order_by("pk")
