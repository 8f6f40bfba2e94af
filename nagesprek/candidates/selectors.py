"""Reads of candidates (the person behind applications) with their access rules."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from nagesprek.applications import selectors as application_selectors
from nagesprek.applications.models import Application
from nagesprek.candidates.models import Candidate
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor

# Roles that enter applications by hand and keep candidate profiles up to date.
CANDIDATE_EDIT_ROLES = (Role.RECRUITER,)

PROFILE_PREFETCHES = ("qualifications", "skills", "languages", "experiences")


def with_profile(candidates: QuerySet[Candidate]) -> QuerySet[Candidate]:
    """Candidates with their qualifications, skills, languages and experience: four queries in all."""
    return candidates.prefetch_related(*PROFILE_PREFETCHES)


def get_candidate_for_editor(*, actor: Actor, candidate_id: int) -> Candidate:
    """A candidate of the actor's organisation with their profile and applications; recruiters only, else 404."""
    if not actor.has_role(*CANDIDATE_EDIT_ROLES):
        raise Http404
    applications = Application.objects.select_related("vacancy", "stage").order_by("-applied_at")
    candidate = (
        with_profile(Candidate.objects.filter(organisation=actor.organisation, pk=candidate_id))
        .prefetch_related(Prefetch("applications", queryset=applications))
        .first()
    )
    if candidate is None:
        raise Http404
    return candidate


def get_candidate_for_actor(*, actor: Actor, candidate_id: int) -> Candidate:
    """A candidate whose file the actor may open: someone with at least one application they can see; else 404."""
    visible = application_selectors.list_applications_for_actor(actor=actor).filter(candidate_id=candidate_id)
    candidate = Candidate.objects.filter(organisation=actor.organisation, pk=candidate_id).first()
    if candidate is None or not visible.exists():
        raise Http404
    return candidate


def get_profile(*, candidate: Candidate) -> Candidate:
    """The candidate again, with the profile lists loaded (for a page that shows them)."""
    return with_profile(Candidate.objects.filter(pk=candidate.pk)).get()
