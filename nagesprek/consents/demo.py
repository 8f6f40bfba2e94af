"""Demo consents: about half of the candidates who got a letter asked to be kept for other vacancies.

So the demo's vacancy pages have a talent pool, and its retention page shows files kept longer by consent.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from nagesprek.consents import selectors, services
from nagesprek.consents.constants import ConsentPurpose, ConsentSource
from nagesprek.organisations.models import Organisation
from nagesprek.rejections.constants import Outcome, RejectionStatus
from nagesprek.rejections.models import Rejection

SHARE = 0.5


def add_demo_consents(organisation: Organisation, rng: random.Random) -> int:
    """Talent-pool consent, given on their page a day after the letter, from about half the rejected; idempotent.

    Returns how many consents were added. A candidate who already consented is left alone.
    """
    sent = (
        Rejection.objects.filter(organisation=organisation, status=RejectionStatus.SENT, outcome=Outcome.REJECTED)
        .select_related("application__candidate__organisation")
        .order_by("pk")
    )
    added = 0
    for rejection in sent:
        candidate = rejection.application.candidate
        if rng.random() >= SHARE or rejection.sent_at is None:
            continue
        if selectors.latest_consent(candidate=candidate, purpose=ConsentPurpose.TALENT_POOL) is not None:
            continue
        services.grant_consent(
            candidate=candidate,
            purpose=ConsentPurpose.TALENT_POOL,
            source=ConsentSource.CANDIDATE_PAGE,
            now=min(rejection.sent_at + timedelta(days=1), timezone.now()),
        )
        added += 1
    return added
