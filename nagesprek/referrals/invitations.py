"""Talent-pool invitations: a recruiter invites a consenting earlier candidate to apply; the candidate answers.

Who can be invited is decided by one read, ``invitable_candidates``: candidates with a valid
TALENT_POOL consent who have not applied to the vacancy (the same pool the talent-pool suggestions
rank). A candidate without that consent can never be invited, whatever id a form sends.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from nagesprek.applications import services as application_services
from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.services import record_event
from nagesprek.candidates.models import Candidate
from nagesprek.consents import selectors as consent_selectors
from nagesprek.consents.constants import ConsentPurpose
from nagesprek.matching.models_log import SuggestionLog
from nagesprek.organisations.selectors import Actor
from nagesprek.referrals import emails
from nagesprek.referrals.constants import RECEIVING_ROLES, InvitationStatus
from nagesprek.referrals.models import Invitation
from nagesprek.vacancies.constants import VacancyStatus
from nagesprek.vacancies.models import Vacancy


def invitable_candidates(*, vacancy: Vacancy) -> QuerySet[Candidate]:
    """The vacancy's talent pool now: a valid TALENT_POOL consent, and no application to this vacancy."""
    consented = consent_selectors.list_consented_candidates(
        organisation=vacancy.organisation, purpose=ConsentPurpose.TALENT_POOL
    )
    return consented.exclude(applications__vacancy=vacancy)


def get_invitable_candidate(*, actor: Actor, vacancy: Vacancy, candidate_id: int) -> Candidate:
    """A candidate a recruiter of the organisation may invite to ``vacancy``; 404 for anyone else."""
    if not actor.has_role(*RECEIVING_ROLES) or vacancy.organisation_id != actor.organisation.pk:
        raise Http404
    candidate = invitable_candidates(vacancy=vacancy).filter(pk=candidate_id).first()
    if candidate is None:
        raise Http404
    return candidate


def list_invitations_for_vacancy(*, actor: Actor, vacancy: Vacancy) -> QuerySet[Invitation]:
    """The vacancy's invitations with their answers, newest first; recruiters and HR leads of its organisation."""
    if vacancy.organisation_id != actor.organisation.pk:
        raise Http404
    return vacancy.invitations.select_related("candidate", "invited_by", "application").order_by("-created_at", "-pk")


@transaction.atomic
def invite_candidate(
    *,
    actor: Actor,
    vacancy: Vacancy,
    candidate: Candidate,
    message: str = "",
    explanation: str = "",
    suggestion_log: SuggestionLog | None = None,
    now: datetime | None = None,
) -> Invitation:
    """Invite a talent-pool candidate to apply for ``vacancy``: an e-mail with a link to their page.

    Preconditions: ``actor`` is a recruiter of the vacancy's organisation (PermissionDenied otherwise).
    Raises ValidationError (nothing sent) when the vacancy is not open or the candidate is not in its
    talent pool (no valid TALENT_POOL consent, or applied already). Idempotent: a candidate is invited
    to a vacancy once; a second call returns the first invitation and sends nothing.
    """
    if not actor.has_role(*RECEIVING_ROLES) or vacancy.organisation_id != actor.organisation.pk:
        raise PermissionDenied
    Candidate.objects.select_for_update().filter(pk=candidate.pk).first()
    existing = Invitation.objects.filter(candidate=candidate, vacancy=vacancy).first()
    if existing is not None:
        return existing
    if vacancy.status != VacancyStatus.OPEN:
        raise ValidationError(_("You can only invite candidates to an open vacancy."))
    if not invitable_candidates(vacancy=vacancy).filter(pk=candidate.pk).exists():
        raise ValidationError(
            _("%(name)s is not in the talent pool for this vacancy."), params={"name": candidate.full_name}
        )
    invitation = Invitation(
        organisation=vacancy.organisation,
        candidate=candidate,
        vacancy=vacancy,
        invited_by=actor.user,
        message=message.strip(),
        explanation=explanation.strip(),
        suggestion_log=suggestion_log,
        created_at=now or timezone.now(),
    )
    invitation.full_clean(validate_constraints=False)
    invitation.save()
    record_event(
        organisation=invitation.organisation,
        action=AuditAction.CREATE,
        target=invitation,
        candidate_id=candidate.pk,
        user=actor.user,
        summary=f"Invited from the talent pool to vacancy {vacancy.reference}",
    )
    emails.invitation_sent(invitation)
    return invitation


@transaction.atomic
def answer_invitation(*, invitation: Invitation, apply: bool) -> Invitation:
    """The candidate answers from their page: apply (a new application starts) or not interested.

    No actor: the candidate acts through their personal link. Applying needs the vacancy still open
    (ValidationError otherwise); the application starts in the first stage with the profile the
    organisation holds. Idempotent: an invitation answered already is returned unchanged.
    """
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("organisation", "candidate", "vacancy")
        .get(pk=invitation.pk)
    )
    if invitation.status != InvitationStatus.SENT:
        return invitation
    if apply:
        if invitation.vacancy.status != VacancyStatus.OPEN:
            raise ValidationError(_("This vacancy is no longer open, so you can no longer apply."))
        invitation.application = application_services.start_application(
            candidate=invitation.candidate,
            vacancy=invitation.vacancy,
            by=None,
            note=_("Applied after an invitation from the talent pool"),
        )
    invitation.status = InvitationStatus.APPLIED if apply else InvitationStatus.DECLINED
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["status", "answered_at", "application"])
    record_event(
        organisation=invitation.organisation,
        action=AuditAction.UPDATE,
        target=invitation,
        candidate_id=invitation.candidate_id,
        actor_kind=ActorKind.CANDIDATE,
        summary=f"Invitation answered: {invitation.status}",
    )
    return invitation
