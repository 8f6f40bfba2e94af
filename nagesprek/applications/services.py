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
from nagesprek.organisations.selectors import Actor
from nagesprek.vacancies import selectors as vacancy_selectors
from nagesprek.vacancies.models import Stage


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
