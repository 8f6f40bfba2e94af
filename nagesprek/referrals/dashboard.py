"""What the dashboards show of referrals and hires after rejection, per role, as plain data (few queries)."""

from __future__ import annotations

from django.db.models import Count, Q

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.organisations.selectors import Actor
from nagesprek.referrals import hires, selectors
from nagesprek.referrals.constants import ReferralStatus
from nagesprek.referrals.models import Referral

LATEST = 5


def advisor_referral_counts(*, actor: Actor) -> dict[str, int]:
    """The actor's own referrals by outcome (one query): pending, accepted, declined, hired."""
    rows = Referral.objects.filter(organisation=actor.organisation, advisor=actor.user).aggregate(
        pending=Count("pk", filter=Q(status=ReferralStatus.PENDING)),
        accepted=Count("pk", filter=Q(status=ReferralStatus.ACCEPTED)),
        declined=Count("pk", filter=Q(status=ReferralStatus.DECLINED)),
        hired=Count("pk", filter=Q(application__status=ApplicationStatus.HIRED)),
    )
    return {key: value or 0 for key, value in rows.items()}


def latest_referrals_of_advisor(*, actor: Actor) -> list[Referral]:
    """The advisor's latest referrals with their outcome (one query)."""
    mine = selectors.list_referrals_for_actor(actor=actor).filter(advisor=actor.user)
    return list(mine.order_by("-created_at", "-pk")[:LATEST])


def latest_hires(*, actor: Actor, mine_only: bool = False) -> list[hires.HireAfterRejection]:
    """The latest hires after rejection the actor may see, each with its path (six queries)."""
    found = hires.list_hires_after_rejection_for_actor(actor=actor, mine_only=mine_only)[:LATEST]
    return hires.paths_for(found)
