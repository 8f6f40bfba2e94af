"""What a candidate may book: their offers, the advisors who fit, and the free times (reads, no actor).

The candidate has no account: the signed personal link (``portal.selectors.resolve_link``) is the access
rule, and every read here takes the candidate that link opened. Free times come from the scheduling
core (``scheduling.availability.free_slots``); which advisor takes a time the candidate picks with
"any advisor" is decided by ``routing_order`` (``scheduling.routing``: language, expertise, load).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from django.db.models import Count, QuerySet
from django.utils import timezone

from nagesprek.candidates.models import Candidate
from nagesprek.conversations.calendars import active_profiles, host_calendars
from nagesprek.conversations.constants import ACTIVE_STATUSES, MIN_NOTICE, ConversationStatus
from nagesprek.conversations.models import AdvisorProfile, Conversation, ConversationOffer
from nagesprek.scheduling.availability import HostCalendar, Slot, free_slots
from nagesprek.scheduling.routing import rank_hosts

# How far around a time the advisors' load is counted when spreading conversations over them.
LOAD_WINDOW = timedelta(days=14)


@dataclass(frozen=True)
class SlotOption:
    """A start time the candidate can choose, with the advisors free then (user ids, best fit first)."""

    starts_at: datetime
    ends_at: datetime
    advisor_ids: tuple[int, ...]

    @property
    def value(self) -> str:
        """The form value for this time: compact UTC, e.g. ``20261201T0900Z``."""
        return encode_time(self.starts_at)


def encode_time(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%MZ")


def decode_time(value: str) -> datetime | None:
    """The aware UTC datetime of a form value from ``encode_time``; None for anything else."""
    try:
        return datetime.strptime(value, "%Y%m%dT%H%MZ").replace(tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def list_offers_for_candidate(*, candidate: Candidate) -> QuerySet[ConversationOffer]:
    """The candidate's offers, newest first, with the vacancy (for the candidate page)."""
    return candidate.conversation_offers.select_related("application__vacancy").order_by("-offered_at", "-pk")


def get_offer_for_candidate(*, candidate: Candidate, offer_id: int) -> ConversationOffer | None:
    """One of the candidate's offers, or None when it is not theirs."""
    return (
        candidate.conversation_offers.select_related("application__vacancy", "organisation").filter(pk=offer_id).first()
    )


def active_conversation(offer: ConversationOffer) -> Conversation | None:
    """The offer's booked (or proposed) conversation, if there is one."""
    return offer.conversations.filter(status__in=ACTIVE_STATUSES).select_related("advisor").first()


def get_conversation_for_candidate(*, candidate: Candidate, conversation_id: int) -> Conversation | None:
    """One of the candidate's conversations (any status), or None when it is not theirs."""
    return (
        candidate.conversations.select_related(
            "advisor", "offer", "application__vacancy__job_family", "organisation", "proposal"
        )
        .filter(pk=conversation_id)
        .first()
    )


def is_open(offer: ConversationOffer, *, today: date | None = None) -> bool:
    """Whether times can still be booked for the offer (its last day has not passed)."""
    return (today or timezone.localdate()) <= offer.deadline


def eligible_profiles(*, offer: ConversationOffer, mode: str, advisor_id: int | None = None) -> list[AdvisorProfile]:
    """Active advisors of the offer's organisation who talk in ``mode`` and speak the candidate's language.

    When nobody speaks the candidate's language, every advisor offering ``mode`` is eligible (a
    conversation in another language beats none). ``advisor_id`` narrows it to one advisor (a user id).
    """
    profiles = [p for p in active_profiles(organisation=offer.organisation_id) if mode in p.modes]
    language = offer.candidate.language
    speaking = [p for p in profiles if language in p.languages]
    profiles = speaking or profiles
    if advisor_id is not None:
        profiles = [p for p in profiles if p.user_id == advisor_id]
    return profiles


def available_slots(
    *,
    offer: ConversationOffer,
    mode: str,
    advisor_id: int | None = None,
    now: datetime | None = None,
    ignore_conversation_id: int | None = None,
) -> list[SlotOption]:
    """The times the candidate can choose now, up to the offer's deadline, one option per start time.

    With ``advisor_id`` only that advisor's times; else every eligible advisor's, each option listing
    the advisors free then, best fit first (``routing_order``). Empty when the offer has closed or
    ``mode`` is not offered.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    if mode not in offer.modes or not is_open(offer, today=today):
        return []
    profiles = eligible_profiles(offer=offer, mode=mode, advisor_id=advisor_id)
    calendars = host_calendars(profiles, start=today, end=offer.deadline, ignore_conversation_id=ignore_conversation_id)
    slots = free_slots(calendars, start=today, end=offer.deadline, now=now, min_notice=MIN_NOTICE)
    order = routing_order(calendars, offer=offer, loads=advisor_loads([p.user_id for p in profiles], around=now))
    return _options(slots, order)


def _options(slots: Sequence[Slot], order: list[int]) -> list[SlotOption]:
    """One option per start time; its advisors in routing order (the ranking is the same at every time)."""
    position = {advisor_id: index for index, advisor_id in enumerate(order)}
    by_start: dict[datetime, list[Slot]] = defaultdict(list)
    for slot in slots:
        by_start[slot.starts_at].append(slot)
    options = []
    for starts_at, free in sorted(by_start.items()):
        free.sort(key=lambda s: position.get(s.host_id, len(position)))
        options.append(SlotOption(starts_at, free[0].ends_at, tuple(s.host_id for s in free)))
    return options


def advisor_loads(advisor_ids: Sequence[int], *, around: datetime) -> dict[int, int]:
    """Booked and held conversations per advisor within LOAD_WINDOW of ``around`` (one query)."""
    rows = (
        Conversation.objects.filter(
            advisor_id__in=advisor_ids,
            status__in=[*ACTIVE_STATUSES, ConversationStatus.HELD],
            starts_at__gte=around - LOAD_WINDOW,
            starts_at__lt=around + LOAD_WINDOW,
        )
        .values("advisor_id")
        .annotate(n=Count("pk"))
    )
    return {row["advisor_id"]: row["n"] for row in rows}


def routing_order(calendars: Sequence[HostCalendar], *, offer: ConversationOffer, loads: dict[int, int]) -> list[int]:
    """Advisor (user) ids in the order routing prefers them, by ``scheduling.routing.rank_hosts``.

    The candidate's language is a must, then expertise in the vacancy's job family, then the lightest load
    per working hour (``loads``: conversations around the time). When none of them speaks the candidate's
    language (``eligible_profiles`` then offers everyone), they are ranked as if they all did.
    """
    language, job_family = offer.candidate.language, str(offer.application.vacancy.job_family_id)
    ranked = rank_hosts(calendars, language=language, job_family=job_family, load=loads)
    if not ranked and calendars:
        speaking = [replace(c, languages=c.languages | {language}) for c in calendars]
        ranked = rank_hosts(speaking, language=language, job_family=job_family, load=loads)
    return [host.host_id for host in ranked]
