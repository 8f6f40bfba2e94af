"""Reads of conversations with the access rules: advisors see their own agenda; HR leads and org admins all of it.

Everything is scoped to the actor's organisation; anything outside it, or outside the role, is a 404.
Recruiters, evaluators and privacy officers do not read advisors' agendas.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from nagesprek.accounts.models import User
from nagesprek.conversations.constants import (
    ACTIVE_STATUSES,
    DEFAULT_DEADLINE_WORKING_DAYS,
    ConversationMode,
    ConversationStatus,
    OfferScope,
    WaveScope,
)
from nagesprek.conversations.models import AdvisorProfile, Conversation, ConversationOffer, ConversationPolicy, Wave
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Organisation
from nagesprek.organisations.selectors import Actor
from nagesprek.rejections.constants import Outcome
from nagesprek.rejections.models import BulkRejection, Rejection
from nagesprek.vacancies.constants import StageKind
from nagesprek.vacancies.models import Vacancy

AGENDA_ROLES = (Role.ADVISOR, Role.HR_LEAD, Role.ORG_ADMIN)
# Who sees every advisor's agenda of the organisation (load, cover for a colleague), not only their own.
OVERSEER_ROLES = (Role.HR_LEAD, Role.ORG_ADMIN)


def _visible_conversations(actor: Actor) -> QuerySet[Conversation]:
    conversations = Conversation.objects.filter(organisation=actor.organisation)
    if actor.has_role(*OVERSEER_ROLES):
        return conversations
    if actor.has_role(Role.ADVISOR):
        return conversations.filter(advisor=actor.user)
    raise Http404


def list_conversations_for_actor(
    *,
    actor: Actor,
    advisor_id: int | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    statuses: Iterable[str] | None = None,
) -> QuerySet[Conversation]:
    """The conversations the actor may see, by start time, optionally of one advisor, a period, some statuses.

    Advisors see their own only; HR leads and organisation admins see every advisor's. 404 for other roles.
    Candidate, application, vacancy and advisor come along (select_related), so a list page is one query.
    """
    conversations = _visible_conversations(actor).select_related(
        "candidate", "application__vacancy", "advisor", "offer"
    )
    if advisor_id is not None:
        conversations = conversations.filter(advisor_id=advisor_id)
    if start is not None:
        conversations = conversations.filter(starts_at__gte=start)
    if end is not None:
        conversations = conversations.filter(starts_at__lt=end)
    if statuses is not None:
        conversations = conversations.filter(status__in=list(statuses))
    return conversations.order_by("starts_at", "pk")


def get_conversation_for_actor(*, actor: Actor, conversation_id: int) -> Conversation:
    """One conversation the actor may see (see ``list_conversations_for_actor``); 404 otherwise. Callers audit."""
    conversation = (
        _visible_conversations(actor)
        .select_related(
            "candidate", "application__vacancy__job_family", "application__rejection", "advisor", "offer", "proposal"
        )
        .filter(pk=conversation_id)
        .first()
    )
    if conversation is None:
        raise Http404
    return conversation


# --- Policy ---


@dataclass(frozen=True)
class PolicyValues:
    """The policy that applies, wherever it comes from (vacancy, organisation or the built-in default)."""

    offer_to: str
    deadline_working_days: int
    modes: tuple[str, ...]
    source: str  # "vacancy", "organisation" or "default"

    @property
    def is_default(self) -> bool:
        return self.source == "default"


DEFAULT_POLICY = PolicyValues(
    offer_to=OfferScope.AFTER_INTERVIEW,
    deadline_working_days=DEFAULT_DEADLINE_WORKING_DAYS,
    modes=tuple(ConversationMode.values),
    source="default",
)
POLICY_ROLES = (Role.HR_LEAD, Role.ORG_ADMIN)
VACANCY_POLICY_ROLES = (Role.RECRUITER, Role.HR_LEAD, Role.ORG_ADMIN)


def _values(policy: ConversationPolicy, source: str) -> PolicyValues:
    return PolicyValues(policy.offer_to, policy.deadline_working_days, tuple(policy.modes), source)


def effective_policy(*, organisation: Organisation | int, vacancy: Vacancy | None = None) -> PolicyValues:
    """The vacancy's own policy, else the organisation's, else the default (one query)."""
    organisation_id = organisation if isinstance(organisation, int) else organisation.pk
    rows = ConversationPolicy.objects.filter(organisation_id=organisation_id).filter(
        Q(vacancy__isnull=True) | Q(vacancy=vacancy) if vacancy is not None else Q(vacancy__isnull=True)
    )
    found = {row.vacancy_id: row for row in rows}
    if vacancy is not None and vacancy.pk in found:
        return _values(found[vacancy.pk], "vacancy")
    if None in found:
        return _values(found[None], "organisation")
    return DEFAULT_POLICY


def get_policy_for_actor(*, actor: Actor) -> ConversationPolicy | None:
    """The organisation's own policy row (None: the default applies), for HR leads and org admins; else 404."""
    if not actor.has_role(*POLICY_ROLES):
        raise Http404
    return ConversationPolicy.objects.filter(organisation=actor.organisation, vacancy__isnull=True).first()


def get_vacancy_for_policy(*, actor: Actor, vacancy_id: int) -> Vacancy:
    """A vacancy whose conversation policy the actor may override: its recruiters, HR leads, org admins; else 404."""
    vacancies = Vacancy.objects.filter(organisation=actor.organisation, pk=vacancy_id)
    if actor.has_role(Role.HR_LEAD, Role.ORG_ADMIN):
        vacancy = vacancies.first()
    elif actor.has_role(Role.RECRUITER):
        vacancy = vacancies.filter(recruiters=actor.user).first()
    else:
        vacancy = None
    if vacancy is None:
        raise Http404
    return vacancy


def get_vacancy_policy(*, vacancy: Vacancy) -> ConversationPolicy | None:
    """The vacancy's own policy row, or None when the organisation's applies."""
    return ConversationPolicy.objects.filter(vacancy=vacancy).first()


# --- Advisor profiles ---


def can_manage_advisors(actor: Actor) -> bool:
    """Organisation admins set up every advisor; an advisor manages their own profile."""
    return actor.has_role(Role.ORG_ADMIN)


def list_advisor_profiles_for_actor(*, actor: Actor) -> QuerySet[AdvisorProfile]:
    """The organisation's advisor profiles for org admins (all) and advisors (their own); 404 for others."""
    profiles = AdvisorProfile.objects.filter(organisation=actor.organisation).select_related("user")
    if actor.has_role(Role.ORG_ADMIN):
        return profiles.prefetch_related("job_families", "working_hours").order_by("user__full_name", "pk")
    if actor.has_role(Role.ADVISOR):
        return profiles.filter(user=actor.user).prefetch_related("job_families", "working_hours")
    raise Http404


def get_advisor_profile_for_actor(*, actor: Actor, profile_id: int) -> AdvisorProfile:
    """One advisor profile: any of the organisation's for an org admin, one's own for an advisor; else 404."""
    profile = list_advisor_profiles_for_actor(actor=actor).prefetch_related("absences").filter(pk=profile_id).first()
    if profile is None:
        raise Http404
    return profile


def list_advisor_candidates_for_actor(*, actor: Actor) -> QuerySet[User]:
    """Members with the advisor role who have no profile yet (org admins set one up); 404 for others."""
    if not can_manage_advisors(actor):
        raise Http404
    return (
        User.objects.filter(memberships__organisation=actor.organisation, memberships__role=Role.ADVISOR)
        .exclude(advisor_profiles__organisation=actor.organisation)
        .distinct()
        .order_by("full_name")
    )


def list_advisors_for_agenda(*, actor: Actor) -> list[User]:
    """Whose agenda the actor may open: everyone with a profile for overseers, oneself for an advisor."""
    if actor.has_role(*OVERSEER_ROLES):
        return [p.user for p in AdvisorProfile.objects.filter(organisation=actor.organisation).select_related("user")]
    if actor.has_role(Role.ADVISOR):
        return [actor.user]
    raise Http404


# Rejected at or after one of these stages counts as "after an interview".
INTERVIEW_STAGE_KINDS = (StageKind.INTERVIEW, StageKind.ASSESSMENT, StageKind.OFFER)


def offer_applies(*, rejection: Rejection, policy: PolicyValues) -> bool:
    """Whether ``policy`` offers a conversation with this rejection (and an advisor takes conversations).

    Only a rejection by the employer: a withdrawal or a cancelled vacancy gets no offer.
    """
    if rejection.outcome != Outcome.REJECTED or policy.offer_to == OfferScope.NOBODY:
        return False
    if policy.offer_to == OfferScope.AFTER_INTERVIEW and rejection.stage.kind not in INTERVIEW_STAGE_KINDS:
        return False
    return AdvisorProfile.objects.filter(organisation_id=rejection.organisation_id, is_active=True).exists()


# --- The wave planner ---

# Who plans waves: a wave hands conversations to every advisor, so those who oversee all agendas.
# An advisor sees the proposals given to them in their own agenda, and nothing of the plan.
WAVE_ROLES = OVERSEER_ROLES
# After one of these the candidate is not proposed a time again: it is planned, done, or their own choice.
_SETTLED = (
    ConversationStatus.PROPOSED,
    ConversationStatus.BOOKED,
    ConversationStatus.HELD,
    ConversationStatus.NO_SHOW,
    ConversationStatus.CANCELLED_BY_CANDIDATE,
    ConversationStatus.DECLINED,
)


def _require_planner(actor: Actor) -> None:
    if not actor.has_role(*WAVE_ROLES):
        raise Http404


def _open_offers(actor: Actor, today: date) -> QuerySet[ConversationOffer]:
    settled = Conversation.objects.filter(offer=OuterRef("pk"), status__in=_SETTLED)
    busy = Conversation.objects.filter(candidate=OuterRef("candidate"), status__in=ACTIVE_STATUSES)
    return ConversationOffer.objects.filter(organisation=actor.organisation, deadline__gte=today).exclude(
        Q(Exists(settled)) | Q(Exists(busy))
    )


def list_plannable_offers_for_actor(
    *, actor: Actor, scope: str, vacancy_id: int | None = None, bulk_id: int | None = None, today: date
) -> list[ConversationOffer]:
    """The open offers a wave may propose a time for, in the order the letters went out (one query).

    Open: the deadline is today or later, and no conversation is proposed, booked, held or missed, nor
    cancelled or declined by the candidate (they choose for themselves); an advisor's cancellation or an
    expired proposal leaves it open. Candidates with an active conversation on another offer are left
    out, and a candidate with several open offers gets one (the one with the latest deadline). ``scope``
    narrows it to one bulk rejection or one vacancy of the organisation. HR leads and org admins; 404
    for others, or for a vacancy or bulk rejection of another organisation.
    """
    _require_planner(actor)
    offers = _open_offers(actor, today).select_related("candidate", "application__vacancy__job_family")
    if scope == WaveScope.VACANCY:
        offers = offers.filter(application__vacancy=_vacancy(actor, vacancy_id))
    elif scope == WaveScope.BULK:
        offers = offers.filter(application__rejection__bulk=_bulk(actor, bulk_id))
    elif scope != WaveScope.ALL:
        raise Http404
    chosen: dict[int, ConversationOffer] = {}
    for offer in offers.order_by("deadline", "pk"):
        chosen[offer.candidate_id] = offer  # the latest deadline wins
    return sorted(chosen.values(), key=lambda o: (o.offered_at, o.pk))


def _vacancy(actor: Actor, vacancy_id: int | None) -> Vacancy:
    vacancy = Vacancy.objects.filter(organisation=actor.organisation, pk=vacancy_id or 0).first()
    if vacancy is None:
        raise Http404
    return vacancy


def _bulk(actor: Actor, bulk_id: int | None) -> BulkRejection:
    bulk = (
        BulkRejection.objects.filter(organisation=actor.organisation, pk=bulk_id or 0).select_related("vacancy").first()
    )
    if bulk is None:
        raise Http404
    return bulk


def list_wave_choices_for_actor(*, actor: Actor, today: date) -> tuple[list[BulkRejection], list[Vacancy]]:
    """The bulk rejections and the vacancies that have open offers to plan (two queries); 404 outside WAVE_ROLES."""
    _require_planner(actor)
    open_offers = _open_offers(actor, today)
    bulks = BulkRejection.objects.filter(
        organisation=actor.organisation, pk__in=open_offers.values("application__rejection__bulk")
    ).select_related("vacancy")
    vacancies = Vacancy.objects.filter(
        organisation=actor.organisation, pk__in=open_offers.values("application__vacancy")
    )
    return list(bulks.order_by("-created_at", "-pk")[:50]), list(vacancies.order_by("title", "pk"))


def list_waves_for_actor(*, actor: Actor) -> QuerySet[Wave]:
    """The organisation's first waves (re-plans belong to them), newest first; 404 outside WAVE_ROLES."""
    _require_planner(actor)
    return (
        Wave.objects.filter(organisation=actor.organisation, parent__isnull=True)
        .select_related("confirmed_by", "vacancy", "bulk__vacancy")
        .order_by("-confirmed_at", "-pk")
    )


def get_wave_for_actor(*, actor: Actor, wave_id: int) -> Wave:
    """One first wave of the organisation (see ``list_waves_for_actor``); 404 otherwise."""
    wave = list_waves_for_actor(actor=actor).filter(pk=wave_id).first()
    if wave is None:
        raise Http404
    return wave


@dataclass(frozen=True)
class WaveMember:
    """One offer of a wave and its newest conversation (None: no time yet)."""

    offer: ConversationOffer
    conversation: Conversation | None


def list_wave_members(*, wave: Wave) -> list[WaveMember]:
    """Every offer of ``wave`` (take it from ``get_wave_for_actor``) with its newest conversation; two queries."""
    offers = list(
        ConversationOffer.objects.filter(organisation_id=wave.organisation_id, pk__in=wave.offer_ids)
        .select_related("candidate", "application__vacancy__job_family")
        .order_by("offered_at", "pk")
    )
    newest: dict[int, Conversation] = {}
    rows = (
        Conversation.objects.filter(offer__in=[o.pk for o in offers])
        .select_related("advisor", "proposal")
        .order_by("offer_id", "-created_at", "-pk")
    )
    for conversation in rows:
        newest.setdefault(conversation.offer_id or 0, conversation)
    return [WaveMember(offer, newest.get(offer.pk)) for offer in offers]
