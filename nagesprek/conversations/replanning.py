"""Re-planning the rest of a wave with ``scheduling.planner.replan``: new times for whoever lost theirs.

The rest: members whose proposed time the advisor withdrew (that time is not proposed again) or that
expired, and those who got no time before. Open proposals stay exactly as they are (the core keeps
them and counts their load); accepted bookings, declined proposals and everything else are left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np
from django.utils import timezone

from nagesprek.conversations import planning
from nagesprek.conversations.constants import ACTIVE_STATUSES, ConversationStatus
from nagesprek.conversations.models import Conversation, ConversationOffer, Wave
from nagesprek.scheduling import planner
from nagesprek.scheduling.availability import EPOCH, Slot, SlotArrays


@dataclass
class Rest:
    """A wave's members by what re-planning does with them; everyone else (booked, declined, …) is left alone."""

    kept: list[tuple[ConversationOffer, Conversation]]  # an open proposal: stays exactly as it is
    cancelled: list[tuple[ConversationOffer, Conversation]]  # the advisor cancelled the proposed time
    retry: list[ConversationOffer]  # the proposal expired, or there was no time for them before

    @property
    def to_plan(self) -> int:
        return len(self.cancelled) + len(self.retry)


def rest_of(wave: Wave, *, today: date) -> Rest:
    """Classify the members of ``wave`` (a first wave) by their newest conversation; three queries."""
    offers = list(
        ConversationOffer.objects.filter(pk__in=wave.offer_ids, organisation_id=wave.organisation_id)
        .select_related("candidate", "application__vacancy__job_family")
        .order_by("offered_at", "pk")
    )
    newest: dict[int, Conversation] = {}
    rows = Conversation.objects.filter(offer__in=[o.pk for o in offers]).order_by("offer_id", "-created_at", "-pk")
    for conversation in rows:
        newest.setdefault(conversation.offer_id or 0, conversation)
    busy = set(
        Conversation.objects.filter(candidate__in={o.candidate_id for o in offers}, status__in=ACTIVE_STATUSES)
        .exclude(status=ConversationStatus.PROPOSED, offer__in=[o.pk for o in offers])
        .values_list("candidate_id", flat=True)
    )
    rest = Rest([], [], [])
    for offer in offers:
        latest = newest.get(offer.pk)
        if latest is not None and latest.status == ConversationStatus.PROPOSED:
            rest.kept.append((offer, latest))
        elif offer.deadline < today or offer.candidate_id in busy:
            continue
        elif latest is not None and latest.status == ConversationStatus.CANCELLED_BY_ADVISOR:
            rest.cancelled.append((offer, latest))
        elif latest is None or latest.status == ConversationStatus.EXPIRED:
            rest.retry.append(offer)
    return rest


def plan_rest(wave: Wave, *, now: datetime) -> planning.WavePlan:
    """New proposals for the rest of ``wave`` with ``scheduling.planner.replan``; every open proposal stays.

    The cancelled times are not proposed again; the kept proposals count towards each advisor's load and
    daily maximum. Read after taking the locks when the plan is to be kept.
    """
    rest = rest_of(wave, today=timezone.localdate(now))
    redo = [offer for offer, _c in rest.cancelled] + rest.retry
    if not redo:
        return planning.WavePlan([], [], [], [], kept=len(rest.kept), parent_id=wave.pk)
    inputs, kept = _rest_inputs(wave, redo, rest.kept, now=now)
    offers = [*redo, *(o for o, _c in kept)]
    previous = _previous_plan(offers, {o.pk: c for o, c in [*rest.cancelled, *kept]}, inputs.slots)
    if len(inputs.slots):
        cancelled = {o.pk for o, _c in rest.cancelled}
        result = planner.replan(previous, inputs.candidates, inputs.slots, inputs.hosts, cancelled=cancelled)
    else:
        result = planner.Plan(planner.OPTIMAL, (), tuple(o.pk for o in redo), np.full(len(offers), -1))
    redo_ids = {o.pk for o in redo}
    new = planner.Plan(
        planner.OPTIMAL,
        tuple(p for p in result.proposals if p.candidate_id in redo_ids),
        tuple(i for i in result.unplanned if i in redo_ids),
        result.assignment,
    )
    by_id = {o.pk: o for o in redo}
    return planning.WavePlan(
        offers=redo,
        proposals=planning.planned_times(new.proposals, by_id, inputs.profiles),
        unplanned=[by_id[i] for i in new.unplanned],
        advisors=list(inputs.profiles.values()),
        methods=[planning.figures(new, 0, redo, inputs)],
        kept=len(kept),
        parent_id=wave.pk,
    )


Kept = list[tuple[ConversationOffer, Conversation]]


def _rest_inputs(
    wave: Wave, redo: list[ConversationOffer], kept: Kept, *, now: datetime
) -> tuple[planning.Inputs, Kept]:
    """The core's inputs with the kept proposals' times as free slots (so the plan can hold them).

    A kept proposal whose time is no longer a free time on the grid (too soon now, hours changed) stays
    booked instead, and out of the plan.
    """

    def inputs_for(kept: Kept) -> planning.Inputs:
        offers = [*redo, *(o for o, _c in kept)]
        return planning.inputs_for(
            offers, organisation_id=wave.organisation_id, now=now, ignore=[c.pk for _o, c in kept]
        )

    inputs = inputs_for(kept)
    index = _slot_index(inputs.slots)
    on_grid = [(o, c) for o, c in kept if (planning.minute(c.starts_at), c.advisor_id) in index]
    if len(on_grid) < len(kept):
        inputs = inputs_for(on_grid)
    return inputs, on_grid


def _previous_plan(offers: list[ConversationOffer], held: dict[int, Conversation], slots: SlotArrays) -> planner.Plan:
    """The wave as it stands, as the core's Plan: each kept or cancelled time as a slot index, else -1."""
    index = _slot_index(slots)
    assignment = np.array(
        [
            index.get((planning.minute(held[o.pk].starts_at), held[o.pk].advisor_id), -1) if o.pk in held else -1
            for o in offers
        ],
        dtype=np.int64,
    )
    pairs = list(zip(offers, assignment.tolist(), strict=True))
    return planner.Plan(
        planner.OPTIMAL,
        tuple(planner.Proposal(o.pk, _slot(slots, s), ()) for o, s in pairs if s >= 0),
        tuple(o.pk for o, s in pairs if s < 0),
        assignment,
    )


def _slot_index(slots: SlotArrays) -> dict[tuple[int, int], int]:
    return {(s, h): i for i, (s, h) in enumerate(zip(slots.starts.tolist(), slots.host_ids.tolist(), strict=True))}


def _slot(slots: SlotArrays, index: int) -> Slot:
    return Slot(
        EPOCH + timedelta(minutes=int(slots.starts[index])),
        EPOCH + timedelta(minutes=int(slots.ends[index])),
        int(slots.host_ids[index]),
    )
