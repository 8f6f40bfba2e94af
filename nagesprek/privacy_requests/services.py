"""Handling a candidate's access and erasure requests (AVG art. 15, 17 and 20); a person acts, every step audited."""

from __future__ import annotations

import json

from django.db import transaction

from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.candidates.models import Candidate
from nagesprek.organisations.selectors import Actor
from nagesprek.privacy_requests.personal_data import collect_personal_data
from nagesprek.retention.models import Erasure
from nagesprek.retention.services import erase_candidate_on_request


@transaction.atomic
def export_personal_data(*, actor: Actor, candidate: Candidate) -> bytes:
    """The candidate's data as UTF-8 JSON, for the privacy officer to hand over. Audited as an export.

    Precondition: ``candidate`` came from ``privacy_requests.selectors`` for this actor.
    """
    data = collect_personal_data(candidate)
    record_event(
        organisation=candidate.organisation,
        action=AuditAction.EXPORT,
        target=candidate,
        candidate_id=candidate.pk,
        user=actor.user,
        summary="Access request: all personal data exported",
    )
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


def erase_on_request(*, actor: Actor, candidate: Candidate) -> Erasure:
    """Erase the candidate's file now, at their request. The erasure itself is audited by retention."""
    return erase_candidate_on_request(candidate=candidate, user=actor.user)
