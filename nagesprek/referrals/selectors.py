"""Reads of referrals with their access rules.

Recruiters see the referrals to vacancies they recruit for (their inbox); advisors see the referrals
they made; HR leads see all of their organisation's. Anything else is a 404, never a 403.
"""

from __future__ import annotations

from django.db.models import Case, Exists, F, OuterRef, Q, QuerySet, When
from django.http import Http404
from django.utils import timezone

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.candidates.models import Candidate
from nagesprek.consents.constants import ConsentPurpose
from nagesprek.consents.models import Consent
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor
from nagesprek.referrals.constants import OVERSEEING_ROLES, REFERRING_ROLES, ReferralStatus
from nagesprek.referrals.models import Invitation, Referral
from nagesprek.vacancies.constants import VacancyStatus
from nagesprek.vacancies.models import Stage, Vacancy


def _visible(actor: Actor) -> Q | None:
    """Which referrals of the organisation this actor sees, as one condition; None for none."""
    if actor.has_role(*OVERSEEING_ROLES):
        return Q()
    conditions = []
    if actor.has_role(Role.RECRUITER):
        conditions.append(Q(vacancy__recruiters=actor.user))
    if actor.has_role(*REFERRING_ROLES):
        conditions.append(Q(advisor=actor.user))
    if not conditions:
        return None
    combined = conditions[0]
    for condition in conditions[1:]:
        combined |= condition
    return combined


def _referrals(actor: Actor) -> QuerySet[Referral]:
    condition = _visible(actor)
    if condition is None:
        return Referral.objects.none()
    visible = Referral.objects.filter(condition, organisation=actor.organisation)
    # The recruiters join may repeat a row; select the ids first so ordering and slicing stay simple.
    return Referral.objects.filter(pk__in=visible.values("pk"))


def list_referrals_for_actor(*, actor: Actor, status: str = "", mine_only: bool = False) -> QuerySet[Referral]:
    """The referrals the actor may see, pending ones by deadline first, then newest; optionally of one status.

    ``mine_only`` narrows an HR lead's (or a recruiter-advisor's) view to their own inbox and referrals.
    """
    referrals = _referrals(actor)
    if mine_only:
        referrals = referrals.filter(Q(vacancy__recruiters=actor.user) | Q(advisor=actor.user))
    if status:
        referrals = referrals.filter(status=status)
    deadline_if_pending = Case(When(status=ReferralStatus.PENDING, then=F("respond_by")), default=None)
    return referrals.select_related("candidate", "vacancy", "advisor", "application").order_by(
        deadline_if_pending.asc(nulls_last=True),
        "-created_at",
        "-pk",
    )


def get_referral_for_actor(*, actor: Actor, referral_id: int) -> Referral:
    """One referral the actor may see (see the module's rule), with what its page shows; 404 otherwise."""
    referral = (
        _referrals(actor)
        .select_related(
            "organisation",
            "candidate",
            "vacancy",
            "vacancy__department",
            "advisor",
            "responded_by",
            "origin_application__vacancy",
            "origin_application__stage",
            "application__stage",
        )
        .filter(pk=referral_id)
        .first()
    )
    if referral is None:
        raise Http404
    return referral


def can_answer(*, actor: Actor, referral: Referral) -> bool:
    """Whether the actor may accept or decline: a recruiter of the vacancy, while the referral is pending."""
    if referral.status != ReferralStatus.PENDING or not actor.has_role(Role.RECRUITER):
        return False
    return referral.vacancy.recruiters.filter(pk=actor.user.pk).exists()


def count_waiting_for_recruiter(*, actor: Actor) -> int:
    """Pending referrals to the actor's vacancies (their inbox)."""
    return Referral.objects.filter(
        organisation=actor.organisation, status=ReferralStatus.PENDING, vacancy__recruiters=actor.user
    ).count()


def list_stages_for_acceptance(*, referral: Referral) -> QuerySet[Stage]:
    """The stages a recruiter may start the new application in: the vacancy's pipeline."""
    return referral.vacancy.stages.order_by("position", "pk")


def _referral_consent(now) -> Exists:
    return Exists(
        Consent.objects.filter(
            candidate=OuterRef("candidate"),
            purpose=ConsentPurpose.REFERRAL,
            revoked_at__isnull=True,
            granted_at__lte=now,
            expires_at__gt=now,
        )
    )


def list_rejected_applications_for_advisor(*, actor: Actor, query: str = "") -> QuerySet[Application]:
    """Rejected applications of the organisation, newest first, each with ``may_refer`` (a valid REFERRAL consent).

    For career advisors only (404 otherwise): the candidates they may talk with and, with consent, refer.
    """
    if not actor.has_role(*REFERRING_ROLES):
        raise Http404
    applications = Application.objects.filter(organisation=actor.organisation, status=ApplicationStatus.REJECTED)
    if query:
        applications = applications.filter(
            Q(candidate__full_name__icontains=query) | Q(vacancy__title__icontains=query)
        )
    return (
        applications.annotate(may_refer=_referral_consent(timezone.now()))
        .select_related("candidate", "vacancy", "stage")
        .order_by("-closed_at", "-pk")
    )


def get_rejected_application_for_advisor(*, actor: Actor, application_id: int) -> Application:
    """A rejected application of the organisation, for a career advisor to refer from; 404 otherwise."""
    application = (
        list_rejected_applications_for_advisor(actor=actor)
        .select_related("candidate__organisation", "organisation", "vacancy__department")
        .filter(pk=application_id)
        .first()
    )
    if application is None:
        raise Http404
    return application


def list_vacancies_to_refer_to(*, candidate: Candidate) -> QuerySet[Vacancy]:
    """Open vacancies of the candidate's organisation with a recruiter, which the candidate has not applied to."""
    return (
        Vacancy.objects.filter(organisation_id=candidate.organisation_id, status=VacancyStatus.OPEN)
        .filter(Exists(Vacancy.recruiters.through.objects.filter(vacancy=OuterRef("pk"))))
        .exclude(applications__candidate=candidate)
        .select_related("department")
        .order_by("title", "pk")
    )


def get_vacancy_to_refer_to(*, candidate: Candidate, vacancy_id: int) -> Vacancy:
    """One vacancy of ``list_vacancies_to_refer_to``; 404 for any other (another organisation's included)."""
    vacancy = list_vacancies_to_refer_to(candidate=candidate).filter(pk=vacancy_id).first()
    if vacancy is None:
        raise Http404
    return vacancy


def list_referrals_for_candidate(*, candidate: Candidate) -> QuerySet[Referral]:
    """The candidate's referrals, newest first, as their own page shows them."""
    return candidate.referrals.select_related("vacancy", "application").order_by("-created_at", "-pk")


def list_invitations_for_candidate(*, candidate: Candidate) -> QuerySet[Invitation]:
    """The candidate's invitations from the talent pool, newest first."""
    return candidate.invitations.select_related("vacancy").order_by("-created_at", "-pk")


def get_invitation_for_candidate(*, candidate: Candidate, invitation_id: int) -> Invitation | None:
    """One of the candidate's own invitations, or None (another candidate's is never found)."""
    return (
        Invitation.objects.select_related("vacancy", "organisation")
        .filter(pk=invitation_id, candidate=candidate)
        .first()
    )
