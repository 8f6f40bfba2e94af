"""Hired after all (*alsnog aangenomen*): hires of candidates the organisation rejected earlier, with the path.

Computed from the data, never stored: an application with status HIRED whose candidate had an
application rejected (closed) before this one started. The original rejection is the one the referral
came from, else the latest rejection before the new application. The path between them is read from
the letter and its advice, the conversations held, and the referral or talent-pool invitation that
started the new application (neither: the candidate applied again by themselves).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from nagesprek.advice.constants import AdviceStatus
from nagesprek.advice.models import AdviceItem
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.conversations.constants import ConversationStatus
from nagesprek.conversations.models import Conversation
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor
from nagesprek.referrals.constants import OVERSEEING_ROLES, REFERRING_ROLES
from nagesprek.referrals.models import Invitation, Referral

HIRE_ROLES = (*OVERSEEING_ROLES, Role.RECRUITER, *REFERRING_ROLES)


class Way:
    """How the candidate came back (values for templates; the words are in ``WAY_LABELS``)."""

    REFERRAL = "referral"
    TALENT_POOL = "talent_pool"
    APPLIED_AGAIN = "applied_again"


WAY_LABELS = {
    Way.REFERRAL: _("Referred by a career advisor"),
    Way.TALENT_POOL: _("Invited from the talent pool"),
    Way.APPLIED_AGAIN: _("Applied again"),
}


@dataclass(frozen=True)
class Step:
    """One step of the path. ``kind``: rejected, letter, conversation, referral, invitation, applied, hired."""

    kind: str
    at: datetime | None
    data: dict = field(default_factory=dict)


@dataclass(frozen=True)
class HireAfterRejection:
    hire: Application
    rejection: Application
    way: str
    steps: tuple[Step, ...]

    @property
    def way_label(self):
        return WAY_LABELS[self.way]


def _earlier_rejection() -> Exists:
    return Exists(
        Application.objects.filter(
            candidate=OuterRef("candidate"), status=ApplicationStatus.REJECTED, closed_at__lt=OuterRef("applied_at")
        )
    )


def _visible(actor: Actor) -> Q | None:
    if actor.has_role(*OVERSEEING_ROLES):
        return Q()
    conditions = Q(pk__in=[])
    if actor.has_role(Role.RECRUITER):
        conditions |= Q(vacancy__recruiters=actor.user)
    if actor.has_role(*REFERRING_ROLES):
        conditions |= Q(referral__advisor=actor.user)
    return conditions if actor.has_role(*HIRE_ROLES) else None


def list_hires_after_rejection_for_actor(*, actor: Actor, mine_only: bool = False) -> QuerySet[Application]:
    """Hires after an earlier rejection the actor may see, newest first; 404 for roles outside HIRE_ROLES.

    HR leads see the organisation's; recruiters the hires in their vacancies; advisors those that came
    from their referrals (``mine_only`` gives an HR lead who also holds those roles their own view).
    Turn a page of them into paths with ``paths_for``.
    """
    condition = _visible(actor)
    if condition is None:
        raise Http404
    if mine_only and actor.has_role(Role.RECRUITER, *REFERRING_ROLES):
        condition = Q(vacancy__recruiters=actor.user) | Q(referral__advisor=actor.user)
    hires = Application.objects.filter(condition, organisation=actor.organisation, status=ApplicationStatus.HIRED)
    hires = Application.objects.filter(pk__in=hires.values("pk")).filter(_earlier_rejection())
    return hires.select_related("candidate", "vacancy", "stage").order_by("-closed_at", "-pk")


def count_hires_after_rejection_for_actor(*, actor: Actor, mine_only: bool = False) -> int:
    """How many hires ``list_hires_after_rejection_for_actor`` holds (one query)."""
    return list_hires_after_rejection_for_actor(actor=actor, mine_only=mine_only).count()


def paths_for(hires: Iterable[Application]) -> list[HireAfterRejection]:
    """The original rejection and the path of each hire, in six queries whatever the number of hires.

    ``hires`` come from ``list_hires_after_rejection_for_actor`` (candidate and vacancy loaded).
    """
    hires = list(hires)
    candidate_ids = {h.candidate_id for h in hires}
    rejected = defaultdict(list)
    for application in (
        Application.objects.filter(candidate_id__in=candidate_ids, status=ApplicationStatus.REJECTED)
        .select_related("vacancy", "stage", "rejection")
        .order_by("closed_at", "pk")
    ):
        rejected[application.candidate_id].append(application)
    advice = dict(
        AdviceItem.objects.filter(rejection__application__candidate_id__in=candidate_ids)
        .exclude(status=AdviceStatus.REMOVED)
        .values_list("rejection__application_id")
        .annotate(n=Count("pk"))
    )
    hire_ids = [h.pk for h in hires]
    referrals = {
        r.application_id: r
        for r in Referral.objects.filter(application_id__in=hire_ids).select_related("advisor", "responded_by")
    }
    invitations = {
        i.application_id: i for i in Invitation.objects.filter(application_id__in=hire_ids).select_related("invited_by")
    }
    conversations = defaultdict(list)
    held = Conversation.objects.filter(candidate_id__in=candidate_ids, status=ConversationStatus.HELD)
    for conversation in held.select_related("advisor").order_by("starts_at", "pk"):
        conversations[conversation.candidate_id].append(conversation)
    result = []
    for hire in hires:
        referral, invitation = referrals.get(hire.pk), invitations.get(hire.pk)
        rejection = _original_rejection(hire, rejected[hire.candidate_id], referral)
        if rejection is None:
            continue
        talks = [c for c in conversations[hire.candidate_id] if _between(c.starts_at, rejection, hire)]
        result.append(_path(hire, rejection, referral, invitation, advice.get(rejection.pk, 0), talks))
    return result


def _between(moment: datetime, rejection: Application, hire: Application) -> bool:
    """A conversation belongs to the path when it was held after the rejection and before the new application."""
    return (rejection.closed_at is None or moment >= rejection.closed_at) and moment <= hire.applied_at


def _original_rejection(
    hire: Application, rejected: list[Application], referral: Referral | None
) -> Application | None:
    if referral is not None and referral.origin_application_id is not None:
        origin = next((a for a in rejected if a.pk == referral.origin_application_id), None)
        if origin is not None:
            return origin
    before = [a for a in rejected if a.closed_at is not None and a.closed_at < hire.applied_at]
    return before[-1] if before else None


def _path(
    hire: Application,
    rejection: Application,
    referral: Referral | None,
    invitation: Invitation | None,
    advice_count: int,
    conversations: list[Conversation],
) -> HireAfterRejection:
    steps = [Step("rejected", rejection.closed_at, {"vacancy": rejection.vacancy.title, "stage": rejection.stage.name})]
    letter = getattr(rejection, "rejection", None)
    if letter is not None and letter.sent_at is not None:
        steps.append(Step("letter", letter.sent_at, {"advice_count": advice_count}))
    for conversation in conversations:
        steps.append(Step("conversation", conversation.starts_at, {"advisor": conversation.advisor.full_name}))
    if referral is not None:
        way = Way.REFERRAL
        advisor = referral.advisor.full_name if referral.advisor else ""
        recruiter = referral.responded_by.full_name if referral.responded_by else ""
        steps.append(Step("referral", referral.created_at, {"advisor": advisor, "vacancy": hire.vacancy.title}))
        steps.append(Step("accepted", referral.responded_at, {"recruiter": recruiter}))
    elif invitation is not None:
        way = Way.TALENT_POOL
        recruiter = invitation.invited_by.full_name if invitation.invited_by else ""
        steps.append(Step("invitation", invitation.created_at, {"recruiter": recruiter, "vacancy": hire.vacancy.title}))
        steps.append(Step("applied", invitation.answered_at, {"vacancy": hire.vacancy.title}))
    else:
        way = Way.APPLIED_AGAIN
        steps.append(Step("applied", hire.applied_at, {"vacancy": hire.vacancy.title}))
    steps.append(Step("hired", hire.closed_at, {"vacancy": hire.vacancy.title}))
    return HireAfterRejection(hire=hire, rejection=rejection, way=way, steps=tuple(steps))
