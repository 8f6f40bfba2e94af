"""What the candidate page needs from this app: their referrals and talent-pool invitations, with the status."""

from __future__ import annotations

from nagesprek.candidates.models import Candidate
from nagesprek.referrals import selectors
from nagesprek.referrals.constants import InvitationStatus, ReferralStatus


def referral_context(*, candidate: Candidate) -> dict:
    """Template context for ``referrals/_candidate_section.html`` (two queries)."""
    return {
        "referrals": list(selectors.list_referrals_for_candidate(candidate=candidate)),
        "invitations": list(selectors.list_invitations_for_candidate(candidate=candidate)),
        "ReferralStatus": ReferralStatus,
        "InvitationStatus": InvitationStatus,
    }
