"""Demo referrals and talent-pool invitations, in every state, and a hire after an earlier rejection.

Run from the demo loader (``demo.services._later_steps``) after the letters: the candidates here are
people the demo rejected with a letter. Rows are written with dates in the past (as the other demo
steps do), so nothing is e-mailed; consents go through ``consents.services.grant_consent`` with the
date they were given. The article's two scripted candidates are left alone (their pages are the
matching demo). Per organisation, in the order tried:

- a referral accepted and hired: a rejected candidate who holds every must-have of an open vacancy
  (the hire is in a vacancy with several posts, so it stays open);
- a referral accepted, the application now in its second stage; one declined with a reason;
- two referrals waiting for the recruiter who logs in (one due in a day);
- a talent-pool invitation waiting for an answer, and one the candidate said yes to.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Prefetch
from django.utils import timezone

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application, StageChange
from nagesprek.consents.constants import ConsentPurpose, ConsentSource
from nagesprek.consents.services import grant_consent
from nagesprek.demo.catalogue import ORGANISATIONS
from nagesprek.matching import services as matching_services
from nagesprek.matching.models_log import Audience, SuggestionKind
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Organisation
from nagesprek.organisations.selectors import Actor
from nagesprek.referrals import deadlines, explanations
from nagesprek.referrals.constants import InvitationStatus, ReferralStatus
from nagesprek.referrals.models import Invitation, Referral
from nagesprek.rejections.constants import RejectionStatus
from nagesprek.vacancies.constants import RequirementKind, VacancyStatus
from nagesprek.vacancies.models import Requirement, Vacancy

NAMED = (
    RequirementKind.CERTIFICATE,
    RequirementKind.DIPLOMA,
    RequirementKind.LICENCE,
    RequirementKind.REGISTRATION,
    RequirementKind.SKILL,
)
NOTES = (
    "In ons gesprek bleek dat {name} vooral goed is in plannen en contact met mensen. Dat past bij deze "
    "vacature. {name} wil graag kennismaken.",
    "{name} heeft de ervaring die deze vacature vraagt. Bij de vorige sollicitatie ging het om iets anders. "
    "Ik denk dat een gesprek de moeite waard is.",
    "{name} vertelde in het gesprek over het werk van de afgelopen jaren. Dat sluit goed aan bij dit team.",
)
DECLINE_REASON = (
    "We hebben voor deze vacature al kandidaten in de laatste ronde die net iets meer ervaring hebben met "
    "dit soort werk. Voor een volgende vacature in dit team denken we graag aan {name}."
)


@dataclass
class _Org:
    organisation: Organisation
    advisor: Actor
    now: datetime
    used: set[int]  # candidates already given a part in the demo


def add_demo_referrals(organisation: Organisation, rng: random.Random) -> int:
    """Referrals and invitations in every state for one demo organisation; returns how many were made.

    Safe to run twice: an organisation that has referrals already is left as it is.
    """
    if Referral.objects.filter(organisation=organisation).exists():
        return 0
    advisor_user = organisation.memberships.filter(role=Role.ADVISOR).order_by("pk").first()
    if advisor_user is None:
        return 0
    advisor = Actor(user=advisor_user.user, organisation=organisation, roles=frozenset({Role.ADVISOR}))
    org = _Org(organisation, advisor, timezone.now().replace(microsecond=0), set())
    made = 0
    made += _hired_referral(org, rng)
    made += _accepted_referral(org, rng)
    made += _declined_referral(org, rng)
    made += _pending_referrals(org, rng)
    made += _invitations(org, rng)
    return made


def _scripted_names(organisation: Organisation) -> set[str]:
    return {c.full_name for spec in ORGANISATIONS if spec.slug == organisation.slug for c in spec.scripted}


def _rejected(org: _Org, *, older_than_days: int) -> list[Application]:
    """Rejected applications with a sent letter, oldest decisions last, without the scripted candidates."""
    cutoff = org.now - timedelta(days=older_than_days)
    rows = (
        Application.objects.filter(
            organisation=org.organisation,
            status=ApplicationStatus.REJECTED,
            rejection__status=RejectionStatus.SENT,
            rejection__sent_at__lte=cutoff,
        )
        .exclude(candidate__full_name__in=_scripted_names(org.organisation))
        .exclude(candidate_id__in=org.used)
        .select_related("candidate", "vacancy", "rejection")
        .prefetch_related("candidate__qualifications", "candidate__skills", "candidate__applications")
        .order_by("-rejection__sent_at", "pk")
    )
    return list(rows)


def _open_vacancies(org: _Org) -> list[Vacancy]:
    musts = Requirement.current.filter(is_must_have=True, kind__in=NAMED)
    return list(
        Vacancy.objects.filter(organisation=org.organisation, status=VacancyStatus.OPEN, recruiters__isnull=False)
        .distinct()
        .prefetch_related("recruiters", Prefetch("requirements", queryset=musts, to_attr="musts"))
        .order_by("pk")
    )


def _holds_all(application: Application, vacancy: Vacancy) -> bool:
    candidate = application.candidate
    held = {q.name.casefold() for q in candidate.qualifications.all()} | {
        s.name.casefold() for s in candidate.skills.all()
    }
    return {r.label.casefold() for r in vacancy.musts} <= held  # type: ignore[attr-defined]


def _applied_to(application: Application, vacancy: Vacancy) -> bool:
    return any(a.vacancy_id == vacancy.pk for a in application.candidate.applications.all())


def _pair(
    org: _Org, rng: random.Random, *, older_than_days: int, fits: bool, vacancy: Vacancy | None = None
) -> tuple[Application, Vacancy] | None:
    """A rejected application and an open vacancy to refer it to: the same job family, published before the
    rejection letter went out; with ``fits``, a candidate who holds every must-have the vacancy names."""
    vacancies = [vacancy] if vacancy else _open_vacancies(org)
    rejected = _rejected(org, older_than_days=older_than_days)
    options = [
        (a, v)
        for v in vacancies
        for a in rejected
        if not _applied_to(a, v)
        and a.vacancy.job_family_id == v.job_family_id
        and (not fits or _holds_all(a, v))
        and v.published_at is not None
        and v.published_at < (_sent(a))
    ]
    if not options:
        return None
    application, target = options[rng.randrange(min(len(options), 3))]
    org.used.add(application.candidate_id)
    return application, target


def _sent(application: Application) -> datetime:
    """When the rejection letter went out (the demo's rejections here all have one)."""
    return application.rejection.sent_at or application.closed_at or timezone.now()


def _working_hours(moment: datetime, rng: random.Random) -> datetime:
    local = timezone.localtime(moment)
    return local.replace(hour=rng.randint(9, 16), minute=rng.choice((0, 15, 30, 45)), second=0)


def _referral(org: _Org, rng: random.Random, application: Application, vacancy: Vacancy, at: datetime) -> Referral:
    candidate = application.candidate
    grant_consent(
        candidate=candidate,
        purpose=ConsentPurpose.REFERRAL,
        source=ConsentSource.CONVERSATION,
        actor=org.advisor,
        now=at - timedelta(hours=1),
    )
    shown = matching_services.suggest_vacancies_for_application(
        actor=org.advisor, application=application, audience=Audience.STAFF, k=50
    )
    log, explanation = explanations.from_log(
        organisation=org.organisation,
        log_id=shown.log.pk,
        kind=SuggestionKind.VACANCIES_FOR_CANDIDATE,
        subject_id=application.pk,
        target_id=vacancy.pk,
    )
    return Referral.objects.create(
        organisation=org.organisation,
        candidate=candidate,
        vacancy=vacancy,
        origin_application=application,
        advisor=org.advisor.user,
        note=rng.choice(NOTES).format(name=candidate.full_name.split()[0]),
        explanation=explanation,
        suggestion_log=log if explanation else None,
        created_at=at,
        respond_by=deadlines.respond_by(timezone.localdate(at)),
    )


def _start(referral: Referral, recruiter, at: datetime, stages: int, days_apart: int = 4) -> Application:
    """The application an accepted referral started, moved through ``stages`` stages a few days apart."""
    pipeline = list(referral.vacancy.stages.order_by("position"))
    application = Application.objects.create(
        organisation=referral.organisation,
        candidate=referral.candidate,
        vacancy=referral.vacancy,
        stage=pipeline[0],
        applied_at=at,
    )
    note = f"Doorverwezen door {referral.advisor.full_name}" if referral.advisor else ""
    changes = [
        StageChange(
            application=application,
            stage=pipeline[0],
            status=ApplicationStatus.ACTIVE,
            changed_by=recruiter,
            changed_at=at,
            note=note,
        )
    ]
    for step, stage in enumerate(pipeline[1:stages], start=1):
        changes.append(
            StageChange(
                application=application,
                stage=stage,
                status=ApplicationStatus.ACTIVE,
                changed_by=recruiter,
                changed_at=at + timedelta(days=days_apart * step),
            )
        )
    StageChange.objects.bulk_create(changes)
    application.stage = pipeline[stages - 1]
    application.save(update_fields=["stage"])
    return application


def _answer(referral: Referral, recruiter, at: datetime, **fields: object) -> None:
    for name, value in {"responded_at": at, "responded_by": recruiter, **fields}.items():
        setattr(referral, name, value)
    referral.save()


def _hired_referral(org: _Org, rng: random.Random) -> int:
    pair = _pair(org, rng, older_than_days=14, fits=True)
    if pair is None:
        return 0
    application, vacancy = pair
    referred = _working_hours(_sent(application) + timedelta(days=2), rng)
    referral = _referral(org, rng, application, vacancy, referred)
    recruiter = vacancy.recruiters.order_by("pk").first()
    accepted = referred + timedelta(days=1, hours=1)
    pipeline = list(vacancy.stages.order_by("position"))
    hired_app = _start(referral, recruiter, accepted, stages=len(pipeline), days_apart=2)
    hired_at = min(accepted + timedelta(days=2 * len(pipeline)), org.now - timedelta(hours=20))
    StageChange.objects.create(
        application=hired_app,
        stage=pipeline[-1],
        status=ApplicationStatus.HIRED,
        changed_by=recruiter,
        changed_at=hired_at,
        note="Contract getekend",
    )
    Application.objects.filter(pk=hired_app.pk).update(status=ApplicationStatus.HIRED, closed_at=hired_at)
    _answer(referral, recruiter, accepted, status=ReferralStatus.ACCEPTED, application=hired_app)
    return 1


def _accepted_referral(org: _Org, rng: random.Random) -> int:
    pair = _pair(org, rng, older_than_days=12, fits=False)
    if pair is None:
        return 0
    application, vacancy = pair
    referred = _working_hours(org.now - timedelta(days=10), rng)
    referral = _referral(org, rng, application, vacancy, referred)
    recruiter = vacancy.recruiters.order_by("pk").first()
    accepted = referred + timedelta(days=1)
    _answer(
        referral,
        recruiter,
        accepted,
        status=ReferralStatus.ACCEPTED,
        application=_start(referral, recruiter, accepted, stages=2),
    )
    return 1


def _declined_referral(org: _Org, rng: random.Random) -> int:
    pair = _pair(org, rng, older_than_days=10, fits=False)
    if pair is None:
        return 0
    application, vacancy = pair
    referral = _referral(org, rng, application, vacancy, _working_hours(org.now - timedelta(days=8), rng))
    reason = DECLINE_REASON.format(name=application.candidate.full_name.split()[0])
    recruiter = vacancy.recruiters.order_by("pk").first()
    _answer(
        referral,
        recruiter,
        referral.created_at + timedelta(days=2),
        status=ReferralStatus.DECLINED,
        decline_reason=reason,
    )
    return 1


def _login_recruiters_vacancies(org: _Org) -> list[Vacancy]:
    """Open vacancies of the recruiter the demo prints a login for (their first recruiter by account)."""
    first = org.organisation.memberships.filter(role=Role.RECRUITER).order_by("pk").first()
    return [v for v in _open_vacancies(org) if first and any(u.pk == first.user_id for u in v.recruiters.all())]


def _pending_referrals(org: _Org, rng: random.Random) -> int:
    made = 0
    today = timezone.localdate(org.now)
    for working_days_ago in (1, 4):
        for vacancy in _login_recruiters_vacancies(org):
            pair = _pair(org, rng, older_than_days=6, fits=False, vacancy=vacancy)
            if pair is None:
                continue
            application, target = pair
            day = deadlines.add_working_days(today, -working_days_ago)
            at = _working_hours(timezone.make_aware(datetime.combine(day, datetime.min.time())), rng)
            _referral(org, rng, application, target, min(at, org.now - timedelta(hours=1)))
            made += 1
            break
    return made


def _invitations(org: _Org, rng: random.Random) -> int:
    made = 0
    for answered in (False, True):
        pair = _pair(org, rng, older_than_days=5, fits=False)
        if pair is None:
            continue
        application, vacancy = pair
        candidate = application.candidate
        grant_consent(
            candidate=candidate,
            purpose=ConsentPurpose.TALENT_POOL,
            source=ConsentSource.REJECTION,
            now=_sent(application) + timedelta(hours=20),
        )
        recruiter = vacancy.recruiters.order_by("pk").first()
        invited = _working_hours(org.now - timedelta(days=4 if answered else 2), rng)
        invitation = Invitation.objects.create(
            organisation=org.organisation,
            candidate=candidate,
            vacancy=vacancy,
            invited_by=recruiter,
            message="Je profiel past goed bij deze vacature. We zien je sollicitatie graag tegemoet.",
            created_at=invited,
        )
        if answered:
            _apply_after_invitation(invitation, invited + timedelta(days=1))
        made += 1
    return made


def _apply_after_invitation(invitation: Invitation, at: datetime) -> None:
    first = invitation.vacancy.stages.order_by("position")[0]
    started = Application.objects.create(
        organisation=invitation.organisation,
        candidate=invitation.candidate,
        vacancy=invitation.vacancy,
        stage=first,
        applied_at=at,
    )
    note = "Gesolliciteerd na een uitnodiging uit de talentpool"
    StageChange.objects.create(
        application=started, stage=first, status=ApplicationStatus.ACTIVE, changed_at=at, note=note
    )
    invitation.status, invitation.answered_at, invitation.application = InvitationStatus.APPLIED, at, started
    invitation.save()
