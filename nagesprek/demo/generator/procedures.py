"""Plan the path of every application through a vacancy's stages, in days relative to today.

Plain Python (no database): a vacancy's applicants are ranked by how well they fit plus
some luck; the best few go on at each stage, the rest are rejected when that stage's
decision day has passed. Closed procedures have reached the stage the catalogue names;
open ones screen CVs as they come in. A few candidates withdraw; a cancelled vacancy
cancels whoever is still in procedure; a filled one hires its best candidate.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from nagesprek.applications.constants import ApplicationStatus as A
from nagesprek.vacancies.constants import VacancyStatus as V

WITHDRAW_CHANCE = 0.08


@dataclass(frozen=True)
class Applicant:
    candidate: int  # index into the organisation's candidate list
    fit: float  # higher is better
    forced: tuple[int, str] | None = None  # (stage index, final status) for scripted stories


@dataclass(frozen=True)
class Step:
    stage: int
    status: str
    day: int
    note: str
    by_staff: bool = True


@dataclass
class Path:
    candidate: int
    steps: list[Step] = field(default_factory=list)

    @property
    def applied_day(self) -> int:
        return self.steps[0].day

    @property
    def last(self) -> Step:
        return self.steps[-1]


@dataclass(frozen=True)
class Procedure:
    """One vacancy's timeline: when it was published and when each stage's decisions fall."""

    status: str
    stage_names: tuple[str, ...]
    closes: int
    published: int
    decisions: tuple[int, ...]  # the day each stage is decided (for open vacancies: unused)
    cancelled_on: int | None = None

    @property
    def last_stage(self) -> int:
        return len(self.stage_names) - 1

    @property
    def horizon(self) -> int:
        """The first day on which nothing more happens: today, or the day the vacancy was cancelled."""
        return 0 if self.cancelled_on is None else self.cancelled_on


def plan_timeline(
    *, status: str, stage_names: tuple[str, ...], closes: int, at_stage: int, rng: random.Random
) -> Procedure:
    """The publication day, decision days and (if cancelled) cancellation day of a vacancy."""
    if status == V.OPEN:
        return Procedure(status, stage_names, closes, -rng.randint(8, 24), ())
    published = closes - rng.randint(21, 35)
    if status == V.FILLED:
        decisions = [closes + rng.randint(3, 6)]
        for _ in stage_names[1:]:
            decisions.append(decisions[-1] + rng.randint(5, 10))
        if decisions[-1] >= -1:
            raise ValueError(f"a filled vacancy closing on day {closes} cannot finish {len(stage_names)} stages")
        return Procedure(status, stage_names, closes, published, tuple(decisions))
    decisions = _spread(closes + 2, -2, at_stage, rng) + _future(len(stage_names) - at_stage, rng)
    cancelled_on = None
    if status == V.CANCELLED:
        cancelled_on = rng.randint((decisions[at_stage - 1] if at_stage else closes) + 1, -1)
    return Procedure(status, stage_names, closes, published, tuple(decisions), cancelled_on)


def _spread(first: int, last: int, count: int, rng: random.Random) -> list[int]:
    """`count` strictly increasing days between first and last, one in each equal slice."""
    if count == 0:
        return []
    width = (last - first + 1) // count
    if width < 1:
        raise ValueError(f"no room for {count} decisions between day {first} and day {last}")
    return [first + i * width + rng.randrange(width) for i in range(count)]


def _future(count: int, rng: random.Random) -> list[int]:
    days = [rng.randint(1, 5)]
    while len(days) < count:
        days.append(days[-1] + rng.randint(5, 10))
    return days[:count]


def capacities(applicants: int, stages: int) -> list[int]:
    """How many candidates may reach each stage: all may apply, a shortlist is invited, one gets the offer."""
    caps = [applicants]
    if stages > 1:
        caps.append(min(max(round(applicants * 0.45), 2), 6))
    while len(caps) < stages:
        caps.append(max(1, math.ceil(caps[-1] / 2)))
    caps[-1] = 1 if stages > 1 else caps[-1]
    return caps


def plan_applications(procedure: Procedure, applicants: list[Applicant], rng: random.Random) -> list[Path]:
    """The stage history of every applicant, ending in the state each one is in today."""
    reach = _reach_by_rank(procedure, applicants, rng)
    paths = []
    for applicant in applicants:
        applied = rng.randint(procedure.published + 1, min(procedure.closes, -1))  # the day after publication
        path = Path(applicant.candidate, [Step(0, A.ACTIVE, applied, "Sollicitatie ontvangen", by_staff=False)])
        target, final = applicant.forced or (reach[applicant.candidate], A.HIRED)
        hired = procedure.status == V.FILLED and target == procedure.last_stage
        may_withdraw = applicant.forced is None and not hired
        withdraw_at = rng.randint(0, target) if may_withdraw and rng.random() < WITHDRAW_CHANCE else None
        if procedure.status == V.OPEN:
            _walk_open(procedure, path, target, withdraw_at, rng)
        else:
            _walk(procedure, path, target, final, withdraw_at, rng)
        if procedure.cancelled_on is not None and path.last.status == A.ACTIVE:
            path.steps.append(Step(path.last.stage, A.CANCELLED, procedure.cancelled_on, "Vacature ingetrokken"))
        paths.append(path)
    return paths


def _reach_by_rank(procedure: Procedure, applicants: list[Applicant], rng: random.Random) -> dict[int, int]:
    # Luck below 1 keeps the fit bands apart: a better fit always ranks higher; luck orders equals.
    ranked = sorted((a for a in applicants if a.forced is None), key=lambda a: a.fit + rng.random() * 0.9, reverse=True)
    caps = capacities(len(ranked), len(procedure.stage_names))
    return {a.candidate: max(i for i, cap in enumerate(caps) if rank < cap) for rank, a in enumerate(ranked)}


def _walk(
    procedure: Procedure, path: Path, target: int, final: str, withdraw_at: int | None, rng: random.Random
) -> None:
    entered = path.applied_day
    for stage, decided in enumerate(procedure.decisions):
        if stage == withdraw_at and _withdraw(path, stage, entered, min(decided, procedure.horizon), rng):
            return
        if decided >= procedure.horizon:
            return  # this stage's decision is still to come: the application is in procedure here
        if stage < target:
            path.steps.append(Step(stage + 1, A.ACTIVE, decided, _advance_note(procedure, stage + 1)))
            entered = decided
            continue
        if stage == procedure.last_stage and final == A.HIRED:
            path.steps.append(Step(stage, A.HIRED, decided, "Aanbod geaccepteerd"))
        else:
            note = f"Afgewezen na {procedure.stage_names[stage].lower()}"
            path.steps.append(Step(stage, A.REJECTED if final == A.HIRED else final, decided, note))
        return


def _walk_open(procedure: Procedure, path: Path, target: int, withdraw_at: int | None, rng: random.Random) -> None:
    """Open vacancies screen CVs on a rolling basis; interviews come after the closing date."""
    screened = path.applied_day + rng.randint(2, 6)
    if withdraw_at is not None and _withdraw(path, 0, path.applied_day, min(screened, 0), rng):
        return
    if screened >= 0:
        return
    if target >= 1:
        path.steps.append(Step(1, A.ACTIVE, screened, _advance_note(procedure, 1)))
    else:
        path.steps.append(Step(0, A.REJECTED, screened, f"Afgewezen na {procedure.stage_names[0].lower()}"))


def _withdraw(path: Path, stage: int, entered: int, before: int, rng: random.Random) -> bool:
    if before - entered < 2:
        return False
    path.steps.append(Step(stage, A.WITHDRAWN, rng.randint(entered + 1, before - 1), "Sollicitant trekt zich terug"))
    return True


def _advance_note(procedure: Procedure, stage: int) -> str:
    if stage == procedure.last_stage:
        return "Aanbod gedaan"
    return f"Uitgenodigd voor {procedure.stage_names[stage].lower()}"
