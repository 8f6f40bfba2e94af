"""Everything the organisation holds about one candidate, as plain data (AVG art. 15 and 20).

The records are found the way an erasure finds them: Django's deletion collector gathers every row that
hangs off the candidate (profile, applications, scorecards, rejections, advice, consents, links,
conversations, notes, referrals — whatever app adds a model with a cascading foreign key to the
candidate or their applications is included without changes here). Rows that keep the candidate as a
plain id (audit log, outbox, suggestion log) are added by id. Secrets (link nonces, idempotency keys)
are left out: they are not information about the person, and they would open their page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import models, router
from django.db.models.deletion import Collector
from django.utils import timezone

from nagesprek.audit.models import AuditEvent
from nagesprek.candidates.models import Candidate
from nagesprek.emails.models import OutboxMessage
from nagesprek.matching.models_log import SuggestionLog

# Field names that hold secrets or machinery, never shown in an export.
SECRET_FIELDS = frozenset({"nonce", "key", "token", "token_hash", "secret", "password", "uid"})


def _value(instance: models.Model, field: models.Field) -> Any:
    if field.choices:
        return str(getattr(instance, f"get_{field.name}_display")())
    value = getattr(instance, field.attname)
    if isinstance(field, models.ForeignKey):
        related = getattr(instance, field.name, None)
        return str(related) if related is not None else None
    if isinstance(field, models.FileField):
        return value or None  # the stored file's name; the file itself comes separately on request
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool, list, dict)) or value is None:
        return value
    return str(value)


def _row(instance: models.Model, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    row: dict[str, Any] = {"id": instance.pk}
    for field in instance._meta.concrete_fields:
        if field.primary_key or field.name in SECRET_FIELDS or field.name in skip:
            continue
        row[str(field.verbose_name)] = _value(instance, field)
    return row


def _collected(candidate: Candidate) -> Iterable[models.Model]:
    collector = Collector(using=router.db_for_write(Candidate))
    collector.collect([candidate])
    for instances in collector.data.values():
        yield from instances
    for queryset in collector.fast_deletes:
        yield from queryset


def collect_personal_data(candidate: Candidate) -> dict[str, Any]:
    """A JSON-ready dict: one list of records per kind of record, labelled in the active language."""
    sections: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for instance in _collected(candidate):
        sections[str(instance._meta.verbose_name_plural)].append(_row(instance))
    by_id = {
        OutboxMessage: OutboxMessage.objects.filter(candidate_id=candidate.pk),
        AuditEvent: AuditEvent.objects.filter(candidate_id=candidate.pk),
        SuggestionLog: SuggestionLog.objects.filter(candidate_id=candidate.pk),
    }
    for model, queryset in by_id.items():
        for instance in queryset.order_by("pk"):
            sections[str(model._meta.verbose_name_plural)].append(_row(instance, skip=frozenset({"body_html"})))
    for rows in sections.values():
        rows.sort(key=lambda row: row["id"])
    return {
        "organisation": candidate.organisation.name,
        "candidate": candidate.full_name,
        "exported_at": timezone.now().isoformat(),
        "records": dict(sorted(sections.items())),
    }


def record_counts(candidate: Candidate) -> list[tuple[str, int]]:
    """How many records of each kind the export holds, for the page before the download."""
    data = collect_personal_data(candidate)["records"]
    return [(name, len(rows)) for name, rows in data.items()]
