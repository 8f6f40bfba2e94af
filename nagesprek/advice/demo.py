"""Demo advice: the advice a recruiter approved with each letter the demo has sent."""

from __future__ import annotations

import random

from nagesprek.advice.constants import AdviceStatus
from nagesprek.advice.services import replace_drafted_items
from nagesprek.organisations.models import Organisation
from nagesprek.rejections.constants import Outcome
from nagesprek.rejections.models import Rejection


def add_demo_advice(organisation: Organisation, rng: random.Random) -> int:
    """Advice for every demo rejection of outcome "rejected": approved for letters already sent, else drafted.

    Run after the routes (routes.demo.add_demo_routes) and the rejections. Returns the number of items.
    Safe to run twice: drafted items are replaced, approved ones kept. ``rng`` is not needed (the
    advice follows from the record) but keeps the demo steps' signature.
    """
    rejections = Rejection.objects.filter(organisation=organisation, outcome=Outcome.REJECTED).select_related(
        "organisation", "application__candidate", "application__vacancy__job_family"
    )
    created = 0
    for rejection in rejections.order_by("pk"):
        status = AdviceStatus.APPROVED if rejection.is_sent else AdviceStatus.DRAFTED
        if status == AdviceStatus.APPROVED and rejection.advice_items.exists():
            continue
        rows, _kept = replace_drafted_items(rejection=rejection, application=rejection.application, status=status)
        created += len(rows)
    return created
