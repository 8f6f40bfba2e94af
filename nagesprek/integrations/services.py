"""Writes for the integrations: make and revoke API keys (org admins), note when a key is used."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.integrations import keys
from nagesprek.integrations.models import ApiKey
from nagesprek.integrations.selectors import KEY_ROLES
from nagesprek.organisations.selectors import Actor

LAST_USED_PRECISION = timedelta(minutes=1)  # one write a minute per key at most, however busy the API is


def _require_admin(actor: Actor) -> None:
    if not actor.has_role(*KEY_ROLES):
        raise PermissionDenied


@transaction.atomic
def create_api_key(*, actor: Actor, name: str) -> tuple[ApiKey, str]:
    """Make an API key for the actor's organisation (org admins); returns it with the key, shown only now.

    Raises PermissionDenied for other roles and ValidationError for an empty or too long name. Audited.
    """
    _require_admin(actor)
    fresh = keys.new_key()
    api_key = ApiKey(
        organisation=actor.organisation,
        name=name.strip(),
        prefix=fresh.prefix,
        key_hash=fresh.key_hash,
        created_by=actor.user,
    )
    api_key.full_clean()
    api_key.save()
    record_event(
        organisation=actor.organisation,
        action=AuditAction.CREATE,
        target=api_key,
        candidate_id=None,
        user=actor.user,
        summary=f"API key {api_key.name} ({api_key.prefix}) made",
    )
    return api_key, fresh.key


@transaction.atomic
def revoke_api_key(*, actor: Actor, api_key: ApiKey) -> ApiKey:
    """Switch a key off at once and for good (org admins). Idempotent: a revoked key keeps its first date."""
    _require_admin(actor)
    api_key = ApiKey.objects.select_for_update().get(pk=api_key.pk, organisation=actor.organisation)
    if api_key.revoked_at is not None:
        return api_key
    api_key.revoked_at = timezone.now()
    api_key.revoked_by = actor.user
    api_key.save(update_fields=["revoked_at", "revoked_by"])
    record_event(
        organisation=actor.organisation,
        action=AuditAction.UPDATE,
        target=api_key,
        candidate_id=None,
        user=actor.user,
        summary=f"API key {api_key.name} ({api_key.prefix}) revoked",
    )
    return api_key


def record_key_used(*, api_key: ApiKey) -> None:
    """Note that the key was used (shown on the keys page); at most one write a minute per key."""
    now = timezone.now()
    if api_key.last_used_at is not None and now - api_key.last_used_at < LAST_USED_PRECISION:
        return
    ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
    api_key.last_used_at = now
