"""Reads of advice with the access rules, and the advice as the letter and the candidate page show it."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from nagesprek.advice.constants import AdviceKind, AdviceStatus
from nagesprek.advice.models import AdviceItem
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor
from nagesprek.rejections.constants import RejectionStatus
from nagesprek.rejections.models import Rejection

# Career advisors read advice now; issue 6 lets them edit it.
VIEW_ROLES = (Role.RECRUITER, Role.HR_LEAD, Role.ADVISOR, Role.PRIVACY_OFFICER)
EDIT_ROLES = (Role.RECRUITER, Role.HR_LEAD)
# Once a reviewer approved the letter or it went out, its advice is what they approved or what was sent.
EDITABLE_STATUSES = (RejectionStatus.DRAFT, RejectionStatus.IN_REVIEW)


def get_rejection_for_advice(*, actor: Actor, rejection_id: int) -> Rejection:
    """A rejection (outcome: rejected or not) of the actor's organisation whose advice they may read; 404 otherwise."""
    if not actor.has_role(*VIEW_ROLES):
        raise Http404
    try:
        return Rejection.objects.select_related(
            "application__candidate", "application__vacancy", "organisation", "stage"
        ).get(pk=rejection_id, organisation=actor.organisation)
    except Rejection.DoesNotExist:
        raise Http404 from None


def can_edit_advice(*, actor: Actor, rejection: Rejection) -> bool:
    """Recruiters and HR leads, while the rejection is a draft or in review."""
    return actor.has_role(*EDIT_ROLES) and rejection.status in EDITABLE_STATUSES


def list_advice_items(*, rejection: Rejection, include_removed: bool = True) -> QuerySet[AdviceItem]:
    """The rejection's advice items in letter order, with their route and what they address."""
    items = AdviceItem.objects.filter(rejection=rejection).select_related(
        "route", "requirement", "criterion__requirement"
    )
    if not include_removed:
        items = items.exclude(status=AdviceStatus.REMOVED)
    return items


def get_advice_item(*, rejection: Rejection, item_id: int) -> AdviceItem:
    """One advice item of this rejection; 404 for an item of another rejection."""
    try:
        return list_advice_items(rejection=rejection).get(pk=item_id)
    except AdviceItem.DoesNotExist:
        raise Http404 from None


def letter_advice(rejection: Rejection) -> list[dict[str, Any]]:
    """The advice as the letter and the candidate page show it: drafted and approved items, not removed ones.

    Each item is ``{"title", "text"}`` (``letters.context``'s ``advice`` key) plus the route's
    provider, duration, cost and link for the candidate page. The title is the route's, or the
    requirement or criterion it is about, or the kind of advice (translated when rendered).
    """
    return [_letter_item(item) for item in list_advice_items(rejection=rejection, include_removed=False)]


def _subject(item: AdviceItem):
    # Without a route, the item is headed by what it is about; CV and direction advice by their kind.
    if item.requirement is not None:
        return item.requirement.label
    if item.criterion is not None:
        return item.criterion.label
    return AdviceKind(item.kind).label


def _letter_item(item: AdviceItem) -> dict[str, Any]:
    route = item.route
    return {
        "title": route.title if route is not None else _subject(item),
        "text": item.text.strip(),
        "provider": route.provider if route is not None else "",
        "link": route.link if route is not None else "",
        "duration_weeks": route.duration_weeks if route is not None else None,
        "duration_text": route.duration_text if route is not None else "",
        "cost_eur": route.cost_eur if route is not None else None,
    }
