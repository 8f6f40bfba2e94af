"""Writes to applications, and the audited opening of a candidate file.

The stage history (StageChange) is append-only: these services add a row for every move and
every closing, and nothing here ever updates or deletes one.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nagesprek.accounts.models import User
from nagesprek.applications.constants import CLOSED_STATUSES, ApplicationStatus
from nagesprek.applications.models import Application, StageChange
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.candidates.models import Candidate
from nagesprek.organisations.selectors import Actor
from nagesprek.vacancies import selectors as vacancy_selectors
from nagesprek.vacancies.models import Stage, Vacancy


def record_application_viewed(*, actor: Actor, application: Application) -> None:
    """Log that the actor opened this candidate file (AVG: every access is accountable)."""
    record_event(
        organisation=actor.organisation,
        action=AuditAction.VIEW,
        target=application,
        candidate_id=application.candidate_id,
        user=actor.user,
        summary=f"{application.vacancy.reference}",
    )


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update()
        .select_related("stage", "vacancy", "organisation")
        .get(pk=application.pk)
    )


@transaction.atomic
def start_application(
    *, candidate: Candidate, vacancy: Vacancy, stage: Stage | None = None, by: User | None, note: str
) -> Application:
    """A new application of a candidate the organisation knows: their profile (the candidate row) carries over.

    Starts in ``stage`` (default: the vacancy's first) with one StageChange carrying ``note``. For a
    referral or an invitation from the talent pool; a new person applying goes through
    ``candidates.services.register_application``. Raises ValidationError (nothing saved) for a vacancy of
    another organisation, a stage of another vacancy, a vacancy without stages, or a second application
    to the same vacancy. ``by`` is the member of staff (None: the candidate themselves).
    """
    if vacancy.organisation_id != candidate.organisation_id:
        raise ValidationError(_("That vacancy belongs to another organisation."))
    stage = stage or vacancy.stages.order_by("position").first()
    if stage is None:
        raise ValidationError(_("This vacancy has no stages yet; add them before registering applications."))
    if stage.vacancy_id != vacancy.pk:
        raise ValidationError(_("That stage belongs to another vacancy."))
    if Application.objects.filter(candidate=candidate, vacancy=vacancy).exists():
        raise ValidationError(
            _("%(name)s (%(email)s) has already applied for this vacancy."),
            params={"name": candidate.full_name, "email": candidate.email},
        )
    application = Application(
        organisation_id=vacancy.organisation_id,
        candidate=candidate,
        vacancy=vacancy,
        stage=stage,
        applied_at=timezone.now(),
    )
    application.full_clean(validate_constraints=False)
    application.save()
    _append_history(application, by=by, note=note)
    record_event(
        organisation=vacancy.organisation,
        action=AuditAction.CREATE,
        target=application,
        candidate_id=candidate.pk,
        user=by,
        summary=_("Applied again, for %(vacancy)s") % {"vacancy": vacancy.reference},
    )
    return application


@transaction.atomic
def move_to_stage(*, application: Application, stage: Stage, by: User | None, note: str = "") -> Application:
    """Move an application in procedure to another stage of its vacancy; appends a StageChange.

    Raises ValidationError (nothing changed) when the application is closed, the stage belongs to
    another vacancy, or it is already in that stage. Locks the application row.
    """
    application = _locked(application)
    if application.status != ApplicationStatus.ACTIVE:
        raise ValidationError(_("This application is closed; it cannot move to another stage."))
    if stage.vacancy_id != application.vacancy_id:
        raise ValidationError(_("That stage belongs to another vacancy."))
    if stage.pk == application.stage_id:
        raise ValidationError(_("The application is already in this stage."))
    application.stage = stage
    application.save(update_fields=["stage"])
    _append_history(application, by=by, note=note)
    _audit(application, by=by, summary=_("Moved to stage %(stage)s") % {"stage": stage.name})
    return application


@transaction.atomic
def move_to_next_stage(*, actor: Actor, application: Application, note: str = "") -> Application:
    """Move the application to the stage after its current one. Raises ValidationError at the last stage."""
    current = Application.objects.select_related("stage").get(pk=application.pk, organisation=actor.organisation)
    following = vacancy_selectors.get_next_stage(stage=current.stage)
    if following is None:
        raise ValidationError(_("The application is already in the last stage."))
    return move_to_stage(application=current, stage=following, by=actor.user, note=note)


@transaction.atomic
def close_application(*, application: Application, status: str, by: User | None, note: str = "") -> Application:
    """Close an application: rejected, withdrawn, vacancy cancelled or hired. Appends a StageChange.

    Raises ValidationError (nothing changed) for a status that does not close, or an application
    that is already closed. Locks the application row.
    """
    if status not in CLOSED_STATUSES:
        raise ValidationError(_("Choose how the application ends: rejected, withdrawn, cancelled or hired."))
    application = _locked(application)
    if application.status != ApplicationStatus.ACTIVE:
        raise ValidationError(
            _("This application was closed already (%(status)s)."), params={"status": application.get_status_display()}
        )
    application.status = ApplicationStatus(status)
    application.closed_at = timezone.now()
    application.save(update_fields=["status", "closed_at"])
    _append_history(application, by=by, note=note)
    _audit(application, by=by, summary=str(application.get_status_display()))
    return application


def _append_history(application: Application, *, by: User | None, note: str) -> StageChange:
    return StageChange.objects.create(
        application=application,
        stage=application.stage,
        status=application.status,
        changed_by=by,
        changed_at=timezone.now(),
        note=note.strip()[:500],
    )


def _audit(application: Application, *, by: User | None, summary: str) -> None:
    record_event(
        organisation=application.organisation,
        action=AuditAction.UPDATE,
        target=application,
        candidate_id=application.candidate_id,
        user=by,
        summary=summary,
    )
