"""Planning: free slots per candidate, and a wave planned three ways (optimal flow, FCFS, round robin).

PERFORMANCE.md §2. A generator builds a wave after a mass rejection: rejections over one week (from
Monday 20 April 2026, so Koningsdag falls in the horizon), each candidate to be seen within 10 working
days; advisors speaking Dutch (35% English too), with one or two job families of expertise, full-time
and part-time patterns (four days, three days, mornings only), out-of-office weeks, meetings and
earlier conversations in their calendars; candidates with a language (15% English), a job family and
day-part availability (any time, mornings, afternoons, or three weekdays). Each advisor's maximum
conversations per day is set so that the wave's capacity is 0.9, 1.1 or 1.5 times the wave.

Figures:

* free slots for one candidate over 10 working days (`routing.candidate_slots`: language routing,
  availability, one advisor per distinct time), 50 and 500 advisors, p50/p95 over many candidates, wall
  clock (the target) and CPU time (what the work costs when the shared machine does not preempt it);
* per capacity ratio and method, side by side in one run: plan time, coverage within the deadline,
  mean waiting (working days), language match, expertise match, and the advisor-load coefficient of
  variation (load = conversations per unit of the advisor's capacity in the wave, so part-timers
  count part; the raw-count CV is in the details);
  All three methods keep language as a must (the booking page only offers advisors who speak the
  candidate's language), so language match is 100% for each by construction; the planner differs in
  coverage, expertise and spread;
* re-plan after 1% of the planned conversations are cancelled by the advisor: time and the share of
  other proposals that moved;
* peak RSS of the process (an upper bound for the planner's own memory).

Sizes: S = 300 candidates x ~1,500 slots (CI, seconds); M = 1,000 x ~5,000; L = 10,000 x ~50,000.
"""

from __future__ import annotations

import dataclasses
import math
import random
import resource
import statistics
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from zoneinfo import ZoneInfo

import numpy as np

from bench.report import Report
from nagesprek.scheduling import planner
from nagesprek.scheduling.availability import HostCalendar, SlotArrays, WorkingPeriod, free_slot_arrays
from nagesprek.scheduling.holidays import add_working_days, dutch_public_holidays, is_working_day
from nagesprek.scheduling.routing import candidate_slots
from nagesprek.scheduling.wave import Wave, WaveCandidate

AMS = ZoneInfo("Europe/Amsterdam")
# size: (candidates, slots, free-slot queries per advisor count)
SIZES = {"S": (300, 1_500, 40), "M": (1_000, 5_000, 200), "L": (10_000, 50_000, 200)}
QUERY_ADVISORS = (50, 500)
RATIOS = (0.9, 1.1, 1.5)
WAVE_START = date(2026, 4, 20)
REJECTION_DAYS = 5
DEADLINE_WORKING_DAYS = 10
CANCELLED_SHARE = 0.01
ENGLISH_SHARE = 0.35
METHOD_NAMES = {planner.OPTIMAL: "optimal", planner.FIRST_COME_FIRST_SERVED: "fcfs", planner.ROUND_ROBIN: "round_robin"}
FAMILIES = {
    "zorg": 25,
    "logistiek": 20,
    "techniek": 15,
    "ict": 10,
    "onderwijs": 10,
    "administratie": 8,
    "horeca": 7,
    "overheid": 5,
}
HOLIDAYS = dutch_public_holidays([2026])


def _pick_family(rng: random.Random) -> str:
    return rng.choices(list(FAMILIES), weights=list(FAMILIES.values()))[0]


def _pattern(rng: random.Random) -> tuple[WorkingPeriod, ...]:
    """Full-time, four days, three days or mornings only; start 8:30, 9:00 or 9:30, lunch of an hour."""
    begin = rng.choice([8 * 60 + 30, 9 * 60, 9 * 60 + 30])
    kind = rng.choices(["full", "four", "three", "mornings"], weights=[50, 20, 15, 15])[0]
    weekdays = list(range(5))
    if kind == "four":
        weekdays.remove(rng.randrange(5))
    elif kind == "three":
        weekdays = sorted(rng.sample(weekdays, 3))

    def at(minutes: int) -> clock:
        return clock(minutes // 60, minutes % 60)

    periods = []
    for day in weekdays:
        if kind == "mornings":
            periods.append(WorkingPeriod(day, at(begin), at(begin + 4 * 60)))
        else:
            periods.append(WorkingPeriod(day, at(begin), at(begin + 210)))
            periods.append(WorkingPeriod(day, at(begin + 270), at(begin + 480)))
    return tuple(periods)


def _horizon(first: date, working_days: int) -> list[date]:
    days: list[date] = []
    day = first
    while len(days) < working_days:
        if is_working_day(day, HOLIDAYS):
            days.append(day)
        day += timedelta(days=1)
    return days


def gen_advisor(host_id: int, rng: random.Random, days: list[date]) -> HostCalendar:
    """An advisor with a working pattern, meetings, earlier conversations and sometimes a week off."""
    hours = _pattern(rng)
    blocked, booked = [], []
    if rng.random() < 0.2:  # out of office for one to five working days
        first = rng.randrange(len(days))
        last = min(first + rng.randint(1, 5), len(days)) - 1
        blocked.append((_utc(days[first], 0), _utc(days[last] + timedelta(days=1), 0)))
    for day in days:
        for period in hours:
            if period.weekday != day.weekday():
                continue
            start = period.start.hour * 60 + period.start.minute
            end = period.end.hour * 60 + period.end.minute
            if rng.random() < 0.25:  # a meeting of 60 or 90 minutes
                length = rng.choice([60, 90])
                at = start + 15 * rng.randrange(max((end - start - length) // 15, 1))
                blocked.append((_utc(day, at), _utc(day, at + length)))
            if rng.random() < 0.15:  # an earlier conversation on the grid
                at = start + 45 * rng.randrange(max((end - start) // 45, 1))
                booked.append((_utc(day, at), _utc(day, at + 45)))
    # Exactly 35% of any run of advisors speak English too (a stratified share, stable at small sizes).
    english = math.floor((host_id + 1) * ENGLISH_SHARE) > math.floor(host_id * ENGLISH_SHARE)
    languages = frozenset({"nl", "en"}) if english else frozenset({"nl"})
    expertise = frozenset(_pick_family(rng) for _ in range(rng.choice([1, 2])))
    return HostCalendar(
        host_id, hours, blocked=tuple(blocked), booked=tuple(booked), languages=languages, expertise=expertise
    )


def _utc(day: date, minutes: int) -> datetime:
    """Local wall-clock minutes on a date, as the UTC datetime a database returns."""
    return datetime.combine(day, clock(0), tzinfo=AMS).astimezone(UTC) + timedelta(minutes=minutes)


def gen_candidate(candidate_id: int, rng: random.Random) -> WaveCandidate:
    rejected = _horizon(WAVE_START, REJECTION_DAYS)[rng.randrange(REJECTION_DAYS)]
    kind = rng.choices(["any", "mornings", "afternoons", "days"], weights=[40, 20, 15, 25])[0]
    day_parts: frozenset[tuple[int, str]] | None = None
    if kind == "mornings":
        day_parts = frozenset((d, "morning") for d in range(5))
    elif kind == "afternoons":
        day_parts = frozenset((d, "afternoon") for d in range(5))
    elif kind == "days":
        day_parts = frozenset((d, part) for d in rng.sample(range(5), 3) for part in ("morning", "afternoon"))
    return WaveCandidate(
        candidate_id,
        "en" if rng.random() < 0.15 else "nl",
        _pick_family(rng),
        add_working_days(rejected, 1, HOLIDAYS),
        add_working_days(rejected, DEADLINE_WORKING_DAYS, HOLIDAYS),
        day_parts,
    )


def gen_wave(n_candidates: int, n_slots: int, seed: int) -> tuple[list[WaveCandidate], list[HostCalendar], list[date]]:
    """Candidates and just enough advisors for about ``n_slots`` free slots over the planning horizon."""
    rng = random.Random(seed)
    candidates = [gen_candidate(i + 1, rng) for i in range(n_candidates)]
    candidates.sort(key=lambda c: c.earliest)  # arrival order: by rejection date, random within a day
    horizon = _horizon(add_working_days(WAVE_START, 1, HOLIDAYS), REJECTION_DAYS + DEADLINE_WORKING_DAYS - 1)
    advisors: list[HostCalendar] = []
    total = 0
    while total < n_slots:
        batch = [gen_advisor(1000 + len(advisors) + i, rng, horizon) for i in range(20)]
        counts = np.bincount(_free(batch, horizon).host_ids - 1000 - len(advisors), minlength=len(batch))
        for advisor, count in zip(batch, counts.tolist(), strict=True):
            if total < n_slots:
                advisors.append(advisor)
                total += count
    return candidates, advisors, horizon


def _free(hosts: list[HostCalendar], horizon: list[date]) -> SlotArrays:
    now = datetime.combine(WAVE_START, clock(17), tzinfo=AMS)
    return free_slot_arrays(hosts, start=horizon[0], end=horizon[-1], now=now, holidays=HOLIDAYS)


def with_capacity(advisors: list[HostCalendar], horizon: list[date], target: float, seed: int) -> list[HostCalendar]:
    """Set each advisor's maximum per day so the wave's capacity is about ``target`` conversations."""
    free = _free(advisors, horizon)
    index = {a.host_id: i for i, a in enumerate(advisors)}
    n_days = len(free.days)
    host = np.array([index[h] for h in free.host_ids.tolist()], dtype=np.int64)
    per_day = np.bincount(host * n_days + free.day, minlength=len(advisors) * n_days).reshape(len(advisors), n_days)
    booked = np.zeros_like(per_day)
    day_of = {d: i for i, d in enumerate(free.days)}
    for i, advisor in enumerate(advisors):
        for start, _end in advisor.booked:
            booked[i, day_of[start.astimezone(AMS).date()]] += 1
    dither = np.random.default_rng(seed).random(len(advisors))

    def limits(mean: float) -> np.ndarray:
        return np.floor(mean + dither).astype(np.int64)

    def capacity(mean: float) -> int:
        room = np.maximum(limits(mean)[:, None] - booked, 0)
        return int(np.minimum(room, per_day).sum())

    low, high = 0.0, 20.0
    for _ in range(40):
        mid = (low + high) / 2
        low, high = (mid, high) if capacity(mid) < target else (low, mid)
    chosen = limits(high)
    return [dataclasses.replace(a, max_per_day=int(m)) for a, m in zip(advisors, chosen.tolist(), strict=True)]


def quality(plan: planner.Plan, candidates: list[WaveCandidate], hosts: list[HostCalendar], slots: SlotArrays) -> dict:
    """Coverage, waiting, language and expertise match, and load spread of one plan."""
    by_id = {h.host_id: h for h in hosts}
    planned = plan.assignment >= 0
    chosen = plan.assignment[planned]
    host_ids = slots.host_ids[chosen].tolist()
    cands = [c for c, ok in zip(candidates, planned.tolist(), strict=True) if ok]
    language = [c.language in by_id[h].languages for c, h in zip(cands, host_ids, strict=True)]
    expertise = [c.job_family in by_id[h].expertise for c, h in zip(cands, host_ids, strict=True)]
    slot_days = [slots.days[d] for d in slots.day[chosen].tolist()]
    holidays = np.array(sorted(HOLIDAYS), dtype="datetime64[D]")
    waiting = np.busday_count(
        np.array([c.earliest for c in cands], dtype="datetime64[D]"),
        np.array(slot_days, dtype="datetime64[D]"),
        holidays=holidays,
    )
    late = sum(d > c.deadline or d < c.earliest for c, d in zip(cands, slot_days, strict=True))
    load = _loads(hosts, host_ids, slots)
    return {
        "coverage": (len(cands) - late) / max(len(candidates), 1),
        "waiting": float(waiting.mean()) if len(cands) else 0.0,
        "language": sum(language) / max(len(cands), 1),
        "expertise": sum(expertise) / max(len(cands), 1),
        **load,
    }


def _loads(hosts: list[HostCalendar], host_ids: list[int], slots: SlotArrays) -> dict:
    # Capacity as the planner sees it: per day the advisor's free slots, up to the daily maximum minus bookings.
    wave = Wave([], slots, hosts, holidays=HOLIDAYS)
    index = {h.host_id: i for i, h in enumerate(hosts)}
    counts = np.bincount([index[h] for h in host_ids], minlength=len(hosts)).astype(float)
    capacity = wave.capacity.astype(float)
    active = capacity > 0
    utilisation = counts[active] / capacity[active]
    return {
        "load_cv": float(utilisation.std() / utilisation.mean()) if utilisation.mean() > 0 else 0.0,
        "count_cv": float(counts[active].std() / counts[active].mean()) if counts[active].mean() > 0 else 0.0,
    }


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1)]


def free_slot_queries(n_advisors: int, n_queries: int, seed: int) -> tuple[list[float], list[float]]:
    """Milliseconds per candidate for `candidate_slots` over the next 10 working days: wall clock and CPU.

    The CPU time (this thread's) leaves out the time the shared machine gave to other processes.
    """
    rng = random.Random(seed)
    horizon = _horizon(WAVE_START, 11)
    advisors = [
        dataclasses.replace(gen_advisor(i, rng, horizon), max_per_day=rng.choice([2, 3, 4])) for i in range(n_advisors)
    ]
    now = datetime.combine(WAVE_START, clock(10), tzinfo=AMS)
    queries = [gen_candidate(i, rng) for i in range(n_queries + 1)]
    times, cpu = [], []
    for i, query in enumerate(queries):
        started, started_cpu = time.perf_counter(), time.thread_time()
        candidate_slots(
            advisors,
            language=query.language,
            job_family=query.job_family,
            start=horizon[1],
            end=horizon[-1],
            now=now,
            day_parts=query.day_parts,
            holidays=HOLIDAYS,
        )
        if i:  # the first is the warm-up
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.thread_time() - started_cpu) * 1000)
    return times, cpu


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(size: str, seed: int, *, sizes: tuple[int, int, int] | None = None) -> Report:
    """Run at ``size`` (or explicit ``sizes``: candidates, slots, free-slot queries)."""
    n_candidates, n_slots, n_queries = sizes or SIZES[size]
    report = Report(benchmark="planning", size=size, seed=seed)
    details: dict = {"candidates": n_candidates, "ratios": {}}

    for n_advisors in QUERY_ADVISORS:
        times, cpu = free_slot_queries(n_advisors, n_queries, seed)
        target = 10 if n_advisors == 50 else 50
        report.add(f"free_slots_{n_advisors}_advisors_p50_ms", statistics.median(times), "ms")
        report.add(f"free_slots_{n_advisors}_advisors_p95_ms", _pct(times, 95), "ms", target)
        report.add(f"free_slots_{n_advisors}_advisors_cpu_p95_ms", _pct(cpu, 95), "ms")

    started = time.perf_counter()
    candidates, advisors, horizon = gen_wave(n_candidates, n_slots, seed)
    details["generate_s"] = round(time.perf_counter() - started, 2)
    details["advisors"] = len(advisors)
    time_target = {1_000: 1.0, 10_000: 15.0}.get(n_candidates)
    plan_times: list[float] = []
    replan_figures: dict = {}
    for ratio in RATIOS:
        hosts = with_capacity(advisors, horizon, ratio * n_candidates, seed)
        slots = _free(hosts, horizon)
        results: dict = {}
        row: dict = {"slots": len(slots)}
        for method in (planner.FIRST_COME_FIRST_SERVED, planner.ROUND_ROBIN, planner.OPTIMAL):
            started = time.perf_counter()
            plan = planner.plan_wave(candidates, slots, hosts, method=method, holidays=HOLIDAYS)
            elapsed = time.perf_counter() - started
            results[method] = (plan, elapsed, quality(plan, candidates, hosts, slots))
            row[METHOD_NAMES[method]] = {
                "plan_s": round(elapsed, 3),
                **{k: round(v, 4) for k, v in results[method][2].items()},
            }
            if method == planner.OPTIMAL:
                row["optimal"]["solver"] = dict(plan.stats)
        plan_times.append(results[planner.OPTIMAL][1])
        _add_ratio(report, ratio, results, time_target)
        if ratio == 1.1:
            replan_figures = _replan(results[planner.OPTIMAL][0], candidates, slots, hosts, seed)
        details["ratios"][str(ratio)] = row

    report.add("batch_plan_s_worst_ratio", max(plan_times), "s", time_target)
    report.add("replan_s", replan_figures["seconds"], "s", 1.0 if n_candidates >= 10_000 else None)
    report.add("replan_other_proposals_moved_share", replan_figures["moved"], "", 0.02)
    report.add("replan_cancelled_replaced_share", replan_figures["replaced"], "", better="higher")
    report.add("peak_rss_mb", _peak_rss_mb(), "MB", 4096 if n_candidates >= 10_000 else None)
    details["replan"] = replan_figures
    report.details = details
    return report


def _add_ratio(report: Report, ratio: float, results: dict, time_target: float | None) -> None:
    fcfs = results[planner.FIRST_COME_FIRST_SERVED][2]
    for method in (planner.OPTIMAL, planner.FIRST_COME_FIRST_SERVED, planner.ROUND_ROBIN):
        name = METHOD_NAMES[method]
        _plan, elapsed, q = results[method]
        optimal = method == planner.OPTIMAL
        prefix = f"r{ratio}_{name}"
        report.add(f"{prefix}_plan_s", elapsed, "s", time_target if optimal else None)
        report.add(f"{prefix}_coverage", q["coverage"], "", fcfs["coverage"] if optimal else None, "higher")
        report.add(f"{prefix}_mean_wait_working_days", q["waiting"], "d")
        report.add(f"{prefix}_language_match", q["language"], "", 1.0 if optimal else None, "higher")
        report.add(f"{prefix}_expertise_match", q["expertise"], "", fcfs["expertise"] if optimal else None, "higher")
        report.add(f"{prefix}_load_cv", q["load_cv"], "", 0.05 if optimal else None)


def _replan(
    plan: planner.Plan, candidates: list[WaveCandidate], slots: SlotArrays, hosts: list[HostCalendar], seed: int
) -> dict:
    """Cancel 1% of the planned conversations (the advisor cancels) and re-plan; others must stay."""
    rng = random.Random(seed + 7)
    planned = [c.candidate_id for c, s in zip(candidates, plan.assignment.tolist(), strict=True) if s >= 0]
    cancelled = set(rng.sample(planned, max(1, round(CANCELLED_SHARE * len(planned)))))
    started = time.perf_counter()
    new = planner.replan(plan, candidates, slots, hosts, cancelled=cancelled, holidays=HOLIDAYS)
    seconds = time.perf_counter() - started
    ids = np.array([c.candidate_id for c in candidates])
    is_cancelled = np.isin(ids, list(cancelled))
    others = (plan.assignment >= 0) & ~is_cancelled
    moved = int((new.assignment[others] != plan.assignment[others]).sum())
    replaced = int((new.assignment[is_cancelled] >= 0).sum())
    return {
        "seconds": seconds,
        "cancelled": len(cancelled),
        "moved": moved / max(int(others.sum()), 1),
        "replaced": replaced / max(len(cancelled), 1),
        "previously_unplanned_now_planned": int(((plan.assignment < 0) & (new.assignment >= 0)).sum()),
    }
