"""Recording access to personal data. Every view or change of a candidate file calls record_event."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import models

from nagesprek.accounts.models import User
from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.organisations.models import Organisation


def record_event(
    *,
    organisation: Organisation,
    action: AuditAction,
    target: models.Model,
    candidate_id: int | None,
    user: User | None = None,
    actor_kind: ActorKind | None = None,
    summary: str = "",
    actor_label: str = "",
) -> AuditEvent:
    """Append one audit event. Never raises for a missing user: system actions have none.

    ``actor_label`` names a system actor the log should show (an external system's API key, say);
    by default the user, or the kind of actor.

    Not wrapped in its own transaction: it joins the caller's, so a change and
    its audit row are committed (or rolled back) together.
    """
    kind = actor_kind or (ActorKind.STAFF if user is not None else ActorKind.SYSTEM)
    label = actor_label or (str(user) if user is not None else kind.label)
    return AuditEvent.objects.create(
        organisation=organisation,
        actor_kind=kind,
        actor=user,
        actor_label=str(label)[:200],
        action=action,
        object_type=target._meta.label,
        object_id=str(target.pk),
        candidate_id=candidate_id,
        summary=summary[:500],
    )


def record_events(
    *,
    organisation: Organisation,
    action: AuditAction,
    targets: Sequence[tuple[models.Model, int | None]],
    user: User | None = None,
    actor_kind: ActorKind | None = None,
    summary: str = "",
) -> list[AuditEvent]:
    """Append one audit event per (target, candidate id) in one insert: a list page showing many candidates.

    The same rules as ``record_event``; joins the caller's transaction.
    """
    kind = actor_kind or (ActorKind.STAFF if user is not None else ActorKind.SYSTEM)
    label = str(user) if user is not None else kind.label
    return AuditEvent.objects.bulk_create(
        AuditEvent(
            organisation=organisation,
            actor_kind=kind,
            actor=user,
            actor_label=str(label)[:200],
            action=action,
            object_type=target._meta.label,
            object_id=str(target.pk),
            candidate_id=candidate_id,
            summary=summary[:500],
        )
        for target, candidate_id in targets
    )
