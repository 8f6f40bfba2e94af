"""What the candidate page needs from this app: each consent (talent pool, referral), current and latest."""

from __future__ import annotations

from nagesprek.candidates.models import Candidate
from nagesprek.consents import selectors
from nagesprek.consents.constants import ConsentPurpose


def consent_context(*, candidate: Candidate) -> dict:
    """Template context for ``consents/_candidate_section.html``."""
    return {
        "talent_pool_consent": selectors.current_consent(candidate=candidate, purpose=ConsentPurpose.TALENT_POOL),
        "talent_pool_latest": selectors.latest_consent(candidate=candidate, purpose=ConsentPurpose.TALENT_POOL),
        "referral_consent": selectors.current_consent(candidate=candidate, purpose=ConsentPurpose.REFERRAL),
        "referral_latest": selectors.latest_consent(candidate=candidate, purpose=ConsentPurpose.REFERRAL),
    }
