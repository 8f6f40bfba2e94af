"""Reads for the candidate page. The candidate has no account: a valid link is the access rule."""

from __future__ import annotations

import time
from datetime import datetime
from urllib.parse import urlsplit

from django.db.models import QuerySet
from django.urls import Resolver404, resolve
from django.utils import timezone

from nagesprek.candidates.models import Candidate
from nagesprek.portal import tokens
from nagesprek.portal.constants import LinkPurpose
from nagesprek.portal.models import CandidateLink
from nagesprek.rejections.constants import RejectionStatus
from nagesprek.rejections.models import Rejection


class LinkError(Exception):
    """A link that does not open the page; the subclass says why, so the page can say it kindly."""


class LinkInvalid(LinkError):
    """Not a link we know: mistyped, tampered with, meant for another purpose, or replaced."""


class LinkExpired(LinkError):
    """A real link whose time is up."""


class LinkRevoked(LinkError):
    """A real link that was switched off (for instance after the candidate's data was erased)."""


def resolve_link(
    *, token: str, purpose: str = LinkPurpose.CANDIDATE_PAGE, now: datetime | None = None
) -> CandidateLink:
    """The CandidateLink a token opens, with its candidate and organisation; raises a LinkError subclass.

    Checks, in order: the signature and the purpose (salt), the token's age against
    its own validity, the row (exists, same candidate, same nonce, same purpose),
    then revocation and the row's expiry. ``now`` is for tests; it drives both clocks.
    """
    clock = (lambda: now.timestamp()) if now is not None else time.time
    try:
        data = tokens.read_token(token, purpose=purpose, clock=clock)
    except tokens.TokenExpired as error:
        raise LinkExpired from error
    except tokens.TokenInvalid as error:
        raise LinkInvalid from error
    link = (
        CandidateLink.objects.select_related("candidate", "candidate__organisation")
        .filter(pk=data.link_id, candidate_id=data.candidate_id, purpose=purpose, nonce=data.nonce)
        .first()
    )
    if link is None:
        raise LinkInvalid
    if link.revoked_at is not None:
        raise LinkRevoked
    if link.expires_at <= (now or timezone.now()):
        raise LinkExpired
    return link


def link_for_url(url: str) -> CandidateLink | None:
    """The link behind a candidate-page URL we issued, or None (any other URL, or an invalid link)."""
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    if match.view_name != "portal:page":
        return None
    try:
        return resolve_link(token=match.kwargs["token"])
    except LinkError:
        return None


def list_sent_rejections_for_candidate(*, candidate: Candidate) -> QuerySet[Rejection]:
    """The candidate's sent letters, newest first, with everything the page and the letter show.

    Only SENT rejections: a draft or a letter waiting for approval is not the candidate's to read yet.
    """
    return (
        Rejection.objects.filter(application__candidate=candidate, status=RejectionStatus.SENT)
        .select_related("application__vacancy", "application__candidate", "organisation", "stage")
        .prefetch_related(
            "reasons__requirement",
            "reasons__criterion__requirement",
            "reasons__criterion__stage",
        )
        .order_by("-sent_at", "-id")
    )


def get_sent_rejection_for_candidate(*, candidate: Candidate, rejection_id: int) -> Rejection | None:
    """One of the candidate's sent letters, or None when it is not theirs (or not sent)."""
    return list_sent_rejections_for_candidate(candidate=candidate).filter(pk=rejection_id).first()


def candidates_with_sent_letters(*, email: str) -> QuerySet[Candidate]:
    """Candidates (one per organisation) with this address who have received at least one letter."""
    return (
        Candidate.objects.filter(email__iexact=email.strip(), applications__rejection__status=RejectionStatus.SENT)
        .select_related("organisation")
        .distinct()
        .order_by("pk")
    )
