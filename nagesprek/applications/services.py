"""Writes to applications, and the audited opening of a candidate file."""

from __future__ import annotations

from nagesprek.applications.models import Application
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.organisations.selectors import Actor


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
