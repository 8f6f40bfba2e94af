"""Reads for the privacy officer handling a candidate's request. Only inside their own organisation."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from nagesprek.candidates.models import Candidate
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor

REQUEST_ROLES = (Role.PRIVACY_OFFICER,)


def _check(actor: Actor) -> None:
    if not actor.has_role(*REQUEST_ROLES):
        raise Http404


def find_candidates_for_actor(*, actor: Actor, email: str) -> QuerySet[Candidate]:
    """The organisation's candidates with exactly this address (case does not matter); privacy officers only."""
    _check(actor)
    return Candidate.objects.filter(organisation=actor.organisation, email__iexact=email.strip()).order_by("pk")


def get_candidate_for_actor(*, actor: Actor, candidate_id: int) -> Candidate:
    """One candidate of the actor's organisation, for a privacy officer; 404 for anyone else or elsewhere."""
    _check(actor)
    candidate = Candidate.objects.filter(organisation=actor.organisation, pk=candidate_id).first()
    if candidate is None:
        raise Http404
    return candidate
