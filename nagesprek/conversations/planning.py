"""The wave planner, from the database to ``scheduling.planner`` and back: which offers, which times, and why.

Reads a fixed number of queries for any number of offers (the offers with candidate and vacancy; the
advisors' profiles, hours and job families; their exceptions and bookings in the period) and hands plain
values to the pure core: ``free_slot_arrays`` gives every free time as arrays (never a candidates x
slots matrix), ``planner.plan_wave`` plans it three ways, ``planner.replan`` re-plans the rest of a wave.

Two hard requirements meet in one key for the core: the candidate's language and the ways to talk their
offer allows. The core treats "language" as a must, so a candidate's key is e.g. ``nl/phone+video`` and
an advisor serves every key whose language they speak and of whose ways they offer at least one. The
stored reasons carry the candidate's plain language again.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

import numpy as np
from django.utils import timezone

from nagesprek.conversations.calendars import active_profiles, host_calendars
from nagesprek.conversations.constants import (
    MIN_NOTICE,
    PROPOSAL_LEAD_WORKING_DAYS,
)
from nagesprek.conversations.models import AdvisorProfile, ConversationOffer
from nagesprek.scheduling import planner
from nagesprek.scheduling import wave as wave_arrays
from nagesprek.scheduling.availability import EPOCH, HostCalendar, SlotArrays, free_slot_arrays
from nagesprek.scheduling.holidays import add_working_days, dutch_public_holidays
from nagesprek.scheduling.routing import SPEAKS_LANGUAGE, Reason

METHODS = (planner.OPTIMAL, planner.FIRST_COME_FIRST_SERVED, planner.ROUND_ROBIN)


@dataclass(frozen=True)
class PlannedTime:
    """One proposed time: the offer, the advisor (user id), when, how, and the planner's reasons as data."""

    offer: ConversationOffer
    advisor_id: int
    starts_at: datetime
    ends_at: datetime
    mode: str
    reasons: tuple[dict, ...]


@dataclass(frozen=True)
class MethodFigures:
    """How one method did on these offers, for the side-by-side comparison."""

    method: str
    planned: int
    coverage: float  # share of the offers with a time within their deadline
    language_match: float  # share of the planned ones whose advisor speaks their language
    expertise_match: float  # share of the planned ones whose advisor knows the vacancy's job family
    mean_wait: float  # working days from today to the proposed time
    load: dict[int, int]  # conversations per advisor (user id)
    load_spread: float  # coefficient of variation of load per unit of capacity (0 = even)
    milliseconds: int

    def as_dict(self) -> dict:
        return {**self.__dict__, "load": {str(k): v for k, v in self.load.items()}}


@dataclass
class WavePlan:
    """The product's plan (``proposals``) for ``offers``, what could not be planned, and the methods compared."""

    offers: list[ConversationOffer]
    proposals: list[PlannedTime]
    unplanned: list[ConversationOffer]
    advisors: list[AdvisorProfile]
    methods: list[MethodFigures] = field(default_factory=list)
    kept: int = 0  # re-planning: proposals of the wave that stay as they are
    parent_id: int | None = None

    @property
    def fingerprint(self) -> str:
        """What the person saw, as a key: the same offers, times, advisors and ways give the same fingerprint."""
        data = {
            "parent": self.parent_id,
            "offers": sorted(o.pk for o in self.offers),
            "times": sorted((p.offer.pk, p.starts_at.isoformat(), p.advisor_id, p.mode) for p in self.proposals),
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()

    @property
    def optimal(self) -> MethodFigures | None:
        return next((m for m in self.methods if m.method == planner.OPTIMAL), None)


def requirement(language: str, modes: Sequence[str]) -> str:
    """The hard requirement of an offer for the core: its candidate's language and the ways it allows."""
    return f"{language}/{'+'.join(sorted(modes))}"


def earliest_date(offer: ConversationOffer, today: date) -> date:
    """The first date to propose: some working days ahead (time to answer), never after the offer's deadline."""
    return min(add_working_days(today, PROPOSAL_LEAD_WORKING_DAYS), offer.deadline)


@dataclass
class Inputs:
    """What the core plans with: candidates, hosts (with their keys), free slots, and the profiles behind them."""

    candidates: list[planner.WaveCandidate]
    hosts: list[HostCalendar]
    slots: SlotArrays
    profiles: dict[int, AdvisorProfile]  # by user id
    today: date


def inputs_for(
    offers: Sequence[ConversationOffer], *, organisation_id: int, now: datetime, ignore: Sequence[int] = ()
) -> Inputs:
    today = timezone.localdate(now)
    profiles = {p.user_id: p for p in active_profiles(organisation=organisation_id)}
    end = max((o.deadline for o in offers), default=today)
    calendars = host_calendars(list(profiles.values()), start=today, end=end, ignore_conversation_ids=ignore)
    keys = {requirement(o.candidate.language, o.modes) for o in offers}
    hosts = [replace(c, languages=frozenset(k for k in keys if _serves(profiles[c.host_id], k))) for c in calendars]
    slots = free_slot_arrays(hosts, start=today, end=end, now=now, min_notice=MIN_NOTICE)
    candidates = [
        planner.WaveCandidate(
            candidate_id=o.pk,  # the offer: a candidate with two offers would be two rows
            language=requirement(o.candidate.language, o.modes),
            job_family=str(o.application.vacancy.job_family_id),
            earliest=earliest_date(o, today),
            deadline=o.deadline,
        )
        for o in offers
    ]
    return Inputs(candidates, hosts, slots, profiles, today)


def _serves(profile: AdvisorProfile, key: str) -> bool:
    language, modes = key.split("/")
    return language in profile.languages and bool(set(modes.split("+")) & set(profile.modes))


def plan_offers(
    offers: Sequence[ConversationOffer], *, organisation_id: int, now: datetime, compare: bool = True
) -> WavePlan:
    """Plan ``offers`` (in arrival order) with the product's planner and, with ``compare``, the two baselines.

    Reads the advisors' calendars now: call it after taking the locks when the plan is to be kept.
    """
    offers = list(offers)
    inputs = inputs_for(offers, organisation_id=organisation_id, now=now)
    profiles = list(inputs.profiles.values())
    if not offers:
        return WavePlan(offers, [], [], profiles)
    results = {}
    for method in METHODS if compare else (planner.OPTIMAL,):
        started = time.perf_counter()
        plan = _plan(inputs, method)
        results[method] = (plan, round((time.perf_counter() - started) * 1000))
    best = results[planner.OPTIMAL][0]
    by_id = {o.pk: o for o in offers}
    return WavePlan(
        offers=offers,
        proposals=planned_times(best.proposals, by_id, inputs.profiles),
        unplanned=[by_id[i] for i in best.unplanned],
        advisors=profiles,
        methods=[figures(plan, ms, offers, inputs) for plan, ms in results.values()],
    )


def _plan(inputs: Inputs, method: str) -> planner.Plan:
    if len(inputs.slots) == 0:
        nothing = np.full(len(inputs.candidates), -1, dtype=np.int64)
        return planner.Plan(method, (), tuple(c.candidate_id for c in inputs.candidates), nothing)
    return planner.plan_wave(inputs.candidates, inputs.slots, inputs.hosts, method=method)


def planned_times(
    proposals: Sequence[planner.Proposal], offers: dict[int, ConversationOffer], profiles: dict[int, AdvisorProfile]
) -> list[PlannedTime]:
    planned = []
    for proposal in proposals:
        offer = offers[proposal.candidate_id]
        profile = profiles[proposal.slot.host_id]
        mode = next(m for m in offer.modes if m in profile.modes)  # the key guarantees one, in the policy's order
        planned.append(
            PlannedTime(
                offer=offer,
                advisor_id=profile.user_id,
                starts_at=proposal.slot.starts_at,
                ends_at=proposal.slot.ends_at,
                mode=mode,
                reasons=tuple(_stored(r, offer.candidate.language) for r in proposal.reasons),
            )
        )
    planned.sort(key=lambda p: (p.starts_at, p.advisor_id))
    return planned


def _stored(reason: Reason, language: str) -> dict:
    params = dict(reason.params)
    if reason.code == SPEAKS_LANGUAGE:
        params["language"] = language  # the key also held the ways to talk; the reader wants the language
    return {"code": reason.code, "params": params}


def figures(plan: planner.Plan, milliseconds: int, offers: list[ConversationOffer], inputs: Inputs) -> MethodFigures:
    by_offer = {o.pk: o for o in offers}
    hosts = {h.host_id: inputs.profiles[h.host_id] for h in inputs.hosts}
    chosen = [(by_offer[p.candidate_id], hosts[p.slot.host_id], p.slot) for p in plan.proposals]
    planned = len(chosen)
    speaks = sum(o.candidate.language in prof.languages for o, prof, _slot in chosen)
    expert = sum(o.application.vacancy.job_family_id in _families(prof) for o, prof, _slot in chosen)
    load = {h.host_id: 0 for h in inputs.hosts}
    for _offer, prof, _slot in chosen:
        load[prof.user_id] += 1
    return MethodFigures(
        method=plan.method,
        planned=planned,
        coverage=planned / len(offers),
        language_match=speaks / planned if planned else 0.0,
        expertise_match=expert / planned if planned else 0.0,
        mean_wait=_mean_wait([slot.starts_at for _o, _p, slot in chosen], inputs.today),
        load=load,
        load_spread=_spread(load, inputs),
        milliseconds=milliseconds,
    )


def _families(profile: AdvisorProfile) -> set[int]:
    return {family.pk for family in profile.job_families.all()}  # prefetched by active_profiles


def _mean_wait(starts: list[datetime], today: date) -> float:
    if not starts:
        return 0.0
    days = np.array([timezone.localdate(s) for s in starts], dtype="datetime64[D]")
    holidays = np.array(sorted(dutch_public_holidays({today.year, today.year + 1})), dtype="datetime64[D]")
    return float(np.busday_count(np.datetime64(today, "D"), days, holidays=holidays).mean())


def _spread(load: dict[int, int], inputs: Inputs) -> float:
    """Coefficient of variation of each advisor's conversations per unit of their capacity in the period."""
    if len(inputs.slots) == 0:
        return 0.0
    capacity = wave_arrays.Wave([], inputs.slots, inputs.hosts).capacity.astype(float)
    counts = np.array([load[h.host_id] for h in inputs.hosts], dtype=float)
    active = capacity > 0
    utilisation = counts[active] / capacity[active]
    mean = utilisation.mean() if active.any() else 0.0
    return float(utilisation.std() / mean) if mean > 0 else 0.0


def minute(value: datetime) -> int:
    """Whole minutes since the epoch, as the core counts them."""
    return int((value - EPOCH).total_seconds() // 60)
