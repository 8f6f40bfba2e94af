"""Demo conversations: each organisation's policy, its advisors' profiles and hours, the offers its letters made,
and conversations already held, missed, cancelled or booked.

Runs after the rejections and the advice and before the letters (``demo.services._later_steps``), so the
letters carry the offer exactly as the product writes it. The two stories from the article (Joyce van
Leeuwen, Marja de Groot) are offered a conversation and have not booked yet: the browser test books one.

For the wave planner, the recent rejections of the vacancy with the most open offers (decided on one
day) are recorded as one bulk rejection, the way the recruiter would have sent them; their offers stay
open and without a time, so the planner has a wave to plan. The story candidates are never in it.
"""

from __future__ import annotations

import datetime
import random
import uuid
from dataclasses import dataclass

from django.utils import timezone

from nagesprek.accounts.models import User
from nagesprek.conversations import selectors, slots
from nagesprek.conversations.constants import (
    ConversationMode,
    ConversationStatus,
    OfferScope,
)
from nagesprek.conversations.models import (
    AdvisorAbsence,
    AdvisorProfile,
    Conversation,
    ConversationOffer,
    ConversationPolicy,
    WorkingHours,
)
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Membership, Organisation
from nagesprek.rejections.constants import BulkStatus, Outcome, RejectionStatus
from nagesprek.rejections.models import BulkRejection, Rejection
from nagesprek.scheduling.holidays import add_working_days
from nagesprek.vacancies.models import JobFamily

STORY_CANDIDATES = ("Joyce van Leeuwen", "Marja de Groot")
ALL_MODES = list(ConversationMode.values)


@dataclass(frozen=True)
class AdvisorPlan:
    languages: tuple[str, ...]
    modes: tuple[str, ...]
    hours: tuple[tuple[int, str, str], ...]  # (weekday, from, until), local time
    families: tuple[str, ...]  # job family names: their expertise
    max_per_day: int | None
    minutes: int = 45


def _week(days: tuple[int, ...], *periods: tuple[str, str]) -> tuple[tuple[int, str, str], ...]:
    return tuple((day, start, end) for day in days for start, end in periods)


# Realistic part-time patterns: mornings and afternoons around a lunch break, one language specialist.
PLANS: dict[str, dict[str, AdvisorPlan]] = {
    "uitvoeringsdienst": {
        "Ingrid Bakker": AdvisorPlan(
            ("nl",), tuple(ALL_MODES), _week((0, 1, 2, 3), ("09:00", "12:30"), ("13:30", "17:00")),
            ("Klantcontact", "Financiën", "Juridisch"), 6,
        ),
        "Grace Mensah": AdvisorPlan(
            ("nl", "en"), ("video", "phone"), _week((1, 2, 4), ("09:00", "15:00")), ("ICT", "HR"), 5,
        ),
    },
    "ziekenhuis-delftland": {
        "Marieke van Dijk": AdvisorPlan(
            ("nl",), tuple(ALL_MODES), _week((0, 1, 2, 3, 4), ("08:30", "12:00"), ("13:00", "16:30")),
            ("Anesthesie en OK", "Verpleging", "Oncologie"), 6,
        ),
        "Sophie Laurent": AdvisorPlan(
            ("nl", "en"), ("video", "phone", "on_site"), _week((0, 2, 3), ("10:00", "16:00")),
            ("Medisch secretariaat", "Facilitair"), 4, 30,
        ),
    },
}  # fmt: skip
DEFAULT_PLAN = AdvisorPlan(("nl",), ("video", "phone"), _week((1, 3), ("09:00", "16:00")), (), 5)
LOCATIONS = {
    "uitvoeringsdienst": "Kantoor Amsterdam, Wibautstraat, 4e verdieping, spreekkamer 4.12",
    "ziekenhuis-delftland": "Ziekenhuis Delftland, hoofdingang, route 52 (HR-loket)",
}
# The agency offers a conversation to everyone interviewed (as SVB does); the hospital to every rejected
# applicant, with a little more time: December holidays come between the letter and the conversation.
POLICIES = {
    "uitvoeringsdienst": (OfferScope.AFTER_INTERVIEW, 10),
    "ziekenhuis-delftland": (OfferScope.EVERYONE, 15),
}


def add_demo_conversations(organisation: Organisation, rng: random.Random) -> int:
    """Policy, advisor profiles, offers for the letters sent, and some conversations; returns how many conversations.

    Safe to run twice: existing rows are kept and nothing is added twice.
    """
    _policy(organisation)
    _profiles(organisation)
    offers = _offers(organisation)
    if Conversation.objects.filter(organisation=organisation).exists():
        return 0
    created = _conversations(organisation, offers, rng)
    _a_bulk_rejection(organisation)
    return created


def _policy(organisation: Organisation) -> None:
    scope, days = POLICIES.get(organisation.slug, (OfferScope.AFTER_INTERVIEW, 10))
    ConversationPolicy.objects.get_or_create(
        organisation=organisation,
        vacancy=None,
        defaults={"offer_to": scope, "deadline_working_days": days, "modes": ALL_MODES},
    )


def _profiles(organisation: Organisation) -> None:
    plans = PLANS.get(organisation.slug, {})
    families = {f.name: f for f in JobFamily.objects.filter(organisation=organisation)}
    advisors = Membership.objects.filter(organisation=organisation, role=Role.ADVISOR).select_related("user")
    for membership in advisors.order_by("user__full_name"):
        user = membership.user
        if AdvisorProfile.objects.filter(organisation=organisation, user=user).exists():
            continue
        plan = plans.get(user.full_name) or AdvisorPlan(
            ("nl",), ("video", "phone"), _week((1, 3), ("09:00", "16:00")), (), 5
        )
        profile = AdvisorProfile.objects.create(
            organisation=organisation, user=user, languages=list(plan.languages), modes=list(plan.modes),
            location=LOCATIONS.get(organisation.slug, ""), max_per_day=plan.max_per_day,
            conversation_minutes=plan.minutes,
        )  # fmt: skip
        profile.job_families.set([families[name] for name in plan.families if name in families])
        WorkingHours.objects.bulk_create(
            WorkingHours(profile=profile, weekday=day, start=datetime.time.fromisoformat(start),
                         end=datetime.time.fromisoformat(end))
            for day, start, end in plan.hours
        )  # fmt: skip
    _a_day_off(organisation)


def _a_day_off(organisation: Organisation) -> None:
    """The second advisor has a training day next Thursday: no conversations then."""
    profile = AdvisorProfile.objects.filter(organisation=organisation).order_by("user__full_name").last()
    if profile is None or profile.absences.exists():
        return
    today = timezone.localdate()
    thursday = today + datetime.timedelta(days=(3 - today.weekday()) % 7 or 7)
    zone = timezone.get_current_timezone()
    AdvisorAbsence.objects.create(
        profile=profile,
        starts_at=datetime.datetime.combine(thursday, datetime.time(0, 0), tzinfo=zone),
        ends_at=datetime.datetime.combine(thursday, datetime.time(23, 59), tzinfo=zone),
        note="Training",
    )


def _offers(organisation: Organisation) -> list[ConversationOffer]:
    """The offer each sent letter made under the policy, dated on the day the letter went out."""
    rejections = Rejection.objects.filter(
        organisation=organisation,
        status=RejectionStatus.SENT,
        outcome=Outcome.REJECTED,
        application__conversation_offer__isnull=True,
    ).select_related("stage", "application__vacancy")
    offers = []
    for rejection in rejections.order_by("sent_at", "pk"):
        policy = selectors.effective_policy(organisation=organisation, vacancy=rejection.application.vacancy)
        if not selectors.offer_applies(rejection=rejection, policy=policy):
            continue
        sent_at = rejection.sent_at or timezone.now()
        offers.append(
            ConversationOffer.objects.create(
                organisation=organisation,
                application=rejection.application,
                candidate_id=rejection.application.candidate_id,
                deadline=add_working_days(timezone.localdate(sent_at), policy.deadline_working_days),
                modes=list(policy.modes),
                offered_at=sent_at,
            )
        )
    return offers


def _conversations(organisation: Organisation, offers: list[ConversationOffer], rng: random.Random) -> int:
    """Past offers: most held, some missed or cancelled. Open offers: some booked in free advisor time."""
    today = timezone.localdate()
    profiles = list(
        AdvisorProfile.objects.filter(organisation=organisation).select_related("user").prefetch_related("job_families")
    )
    if not profiles:
        return 0
    created = 0
    for offer in offers:
        if offer.candidate.full_name in STORY_CANDIDATES:
            continue
        if offer.deadline < today:
            created += _past(offer, profiles, rng)
        elif rng.random() < 0.3:
            created += _upcoming(offer, rng)
    return created


def _past(offer: ConversationOffer, profiles: list[AdvisorProfile], rng: random.Random) -> int:
    draw = rng.random()
    if draw < 0.35:
        return 0  # never booked
    status = (
        ConversationStatus.HELD if draw < 0.8
        else ConversationStatus.NO_SHOW if draw < 0.9
        else ConversationStatus.CANCELLED_BY_CANDIDATE
    )  # fmt: skip
    profile = _expert(offer, profiles) or rng.choice(profiles)
    day = add_working_days(timezone.localdate(offer.offered_at), rng.randint(2, 6))
    start = datetime.datetime.combine(
        day, datetime.time(rng.choice((9, 10, 11, 13, 14, 15)), 0), tzinfo=timezone.get_current_timezone()
    )
    _create(offer, profile.user, start, start + datetime.timedelta(minutes=profile.conversation_minutes), status,
            mode=rng.choice([m for m in offer.modes if m in profile.modes]), booked_at=offer.offered_at)  # fmt: skip
    return 1


def _expert(offer: ConversationOffer, profiles: list[AdvisorProfile]) -> AdvisorProfile | None:
    """The advisor with expertise in the vacancy's job family, as routing would have chosen."""
    family_id = offer.application.vacancy.job_family_id
    return next((p for p in profiles if family_id in {f.pk for f in p.job_families.all()}), None)


def _upcoming(offer: ConversationOffer, rng: random.Random) -> int:
    mode = rng.choice(offer.modes)
    options = slots.available_slots(offer=offer, mode=mode)
    if not options:
        return 0
    option = rng.choice(options[: max(1, len(options) // 2)])  # sooner rather than later
    advisor = User.objects.get(pk=option.advisor_ids[0])
    booked_at = timezone.now() - datetime.timedelta(days=rng.randint(1, 3))
    _create(offer, advisor, option.starts_at, option.ends_at, ConversationStatus.BOOKED, mode=mode, booked_at=booked_at)
    return 1


def _create(offer, advisor, starts_at, ends_at, status, *, mode: str, booked_at) -> None:
    profile = AdvisorProfile.objects.get(organisation=offer.organisation, user=advisor)
    language = offer.candidate.language if offer.candidate.language in profile.languages else profile.languages[0]
    Conversation.objects.create(
        organisation=offer.organisation, offer=offer, candidate=offer.candidate, application=offer.application,
        advisor=advisor, starts_at=starts_at, ends_at=ends_at, mode=mode, language=language,
        location=profile.location if mode == ConversationMode.ON_SITE else "", status=status,
        uid=f"{uuid.UUID(int=random.Random(offer.pk).getrandbits(128))}@nagesprek", booked_at=booked_at,
        outcome_recorded_at=ends_at if status in (ConversationStatus.HELD, ConversationStatus.NO_SHOW) else None,
        cancelled_at=booked_at if status == ConversationStatus.CANCELLED_BY_CANDIDATE else None,
    )  # fmt: skip


BULK_AT_LEAST = 4  # open offers from one day's rejections of one vacancy: enough to make a wave


def _a_bulk_rejection(organisation: Organisation) -> None:
    """Record the largest group of one vacancy's same-day rejections with open, unbooked offers as a bulk."""
    today = timezone.localdate()
    open_offers = (
        ConversationOffer.objects.filter(organisation=organisation, deadline__gte=today, conversations__isnull=True)
        .exclude(candidate__full_name__in=STORY_CANDIDATES)
        .select_related("application__rejection", "application__vacancy")
    )
    groups: dict[tuple[int, datetime.date], list[Rejection]] = {}
    for offer in open_offers:
        rejection = offer.application.rejection
        if rejection.sent_at is not None and rejection.bulk_id is None:
            key = (offer.application.vacancy_id, timezone.localdate(rejection.sent_at))
            groups.setdefault(key, []).append(rejection)
    if not groups:
        return
    (vacancy_id, _day), rejections = max(groups.items(), key=lambda item: (len(item[1]), item[0][1]))
    if len(rejections) < BULK_AT_LEAST:
        return
    recruiter = next(iter(rejections[0].application.vacancy.recruiters.all()), None)
    ids = [r.application_id for r in rejections]
    bulk = BulkRejection.objects.create(
        organisation=organisation, vacancy_id=vacancy_id, created_by=recruiter, status=BulkStatus.DONE,
        application_ids=ids, total=len(ids), processed=len(ids), finished_at=rejections[0].sent_at,
    )  # fmt: skip
    BulkRejection.objects.filter(pk=bulk.pk).update(
        created_at=min(r.sent_at for r in rejections if r.sent_at is not None)
    )
    Rejection.objects.filter(pk__in=[r.pk for r in rejections]).update(bulk=bulk)
