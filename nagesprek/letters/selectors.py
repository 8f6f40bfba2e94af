"""Reads for the staff side of letters: who may preview a rejection letter."""

from __future__ import annotations

from django.http import Http404

from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor
from nagesprek.rejections.models import Rejection

# The people who decide and send rejections (the same as for the rejection itself).
LETTER_ROLES = (Role.RECRUITER, Role.HR_LEAD)


def get_rejection_for_letter(*, actor: Actor, rejection_id: int) -> Rejection:
    """A rejection of the actor's organisation, with all the letter reads; 404 when it is not theirs.

    Mirrors the rejection's own access rule (recruiters and HR leads of the
    organisation); callers audit the view.
    """
    if not actor.has_role(*LETTER_ROLES):
        raise Http404
    rejection = (
        Rejection.objects.filter(organisation=actor.organisation, pk=rejection_id)
        .select_related("application__vacancy", "application__candidate", "organisation", "stage")
        .prefetch_related("reasons__requirement", "reasons__criterion__requirement", "reasons__criterion__stage")
        .first()
    )
    if rejection is None:
        raise Http404
    return rejection
