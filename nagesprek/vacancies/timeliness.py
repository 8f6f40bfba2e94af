"""Timeliness: how many candidates have not heard anything N days after a vacancy's closing date.

The NVP Sollicitatiecode asks that candidates hear within about two weeks after
the closing date; ``Organisation.feedback_deadline_days`` (default 14) is that N.

A candidate **has not heard** when their application

* is still in procedure (no decision: not rejected, withdrawn, cancelled or hired),
* has no rejection letter that was sent, and
* is still in the vacancy's first stage: being invited to a later stage (an
  interview, say) is news too, and the code asks candidates to hear whether
  they go on, not how the procedure ends.

A vacancy is **overdue** when its closing date lies more than N days back.
Every function answers in one aggregate query for any number of vacancies,
so a list page never asks per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils import timezone

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.organisations.models import Organisation
from nagesprek.rejections.constants import RejectionStatus
from nagesprek.rejections.models import Rejection
from nagesprek.vacancies.models import Stage, Vacancy


@dataclass(frozen=True)
class VacancyTimeliness:
    """One vacancy's figure: who is still waiting, and whether its deadline has passed."""

    waiting: int  # candidates who have not heard anything yet
    deadline: date  # the closing date + N days: by then everyone should have heard
    days: int  # N

    def overdue_on(self, today: date) -> bool:
        return today > self.deadline

    def late(self, today: date) -> int:
        """Candidates who have not heard anything N days after the closing date (0 before the deadline)."""
        return self.waiting if self.overdue_on(today) else 0


def deadline_days(organisation: Organisation) -> int:
    return organisation.feedback_deadline_days


def _not_heard(applications: QuerySet[Application]) -> QuerySet[Application]:
    earlier_stage = Stage.objects.filter(vacancy_id=OuterRef("vacancy_id"), position__lt=OuterRef("stage__position"))
    sent = Rejection.objects.filter(application=OuterRef("pk"), status=RejectionStatus.SENT)
    return applications.filter(status=ApplicationStatus.ACTIVE).filter(~Exists(earlier_stage)).filter(~Exists(sent))


def _late(organisation: Organisation, today: date | None) -> QuerySet[Application]:
    cutoff = (today or timezone.localdate()) - timedelta(days=deadline_days(organisation))
    return _not_heard(Application.objects.filter(organisation=organisation, vacancy__closing_date__lt=cutoff))


def late_counts(
    *, organisation: Organisation, vacancy_ids: Iterable[int] | None = None, today: date | None = None
) -> dict[int, int]:
    """Per vacancy (by id), the candidates who have not heard anything N days after its closing date.

    Only vacancies past their deadline with at least one such candidate appear. One query.
    """
    applications = _late(organisation, today)
    if vacancy_ids is not None:
        applications = applications.filter(vacancy_id__in=list(vacancy_ids))
    rows = applications.values_list("vacancy_id").annotate(n=Count("id")).order_by()
    return dict(rows)


def vacancy_timeliness(*, vacancy: Vacancy) -> VacancyTimeliness:
    """The vacancy's waiting candidates and its deadline (one query; ``vacancy.organisation`` loaded)."""
    days = deadline_days(vacancy.organisation)
    waiting = _not_heard(Application.objects.filter(vacancy=vacancy)).count()
    return VacancyTimeliness(waiting=waiting, deadline=vacancy.closing_date + timedelta(days=days), days=days)


@dataclass(frozen=True)
class LateSummary:
    candidates: int
    vacancies: int
    days: int


def late_summary(*, organisation: Organisation, recruiter=None, today: date | None = None) -> LateSummary:
    """How many candidates, in how many vacancies, have not heard N days after closing (one query).

    With ``recruiter``: only the vacancies that user recruits for.
    """
    applications = _late(organisation, today)
    if recruiter is not None:
        applications = applications.filter(vacancy__recruiters=recruiter)
    counts = applications.aggregate(candidates=Count("id", distinct=True), vacancies=Count("vacancy", distinct=True))
    return LateSummary(counts["candidates"] or 0, counts["vacancies"] or 0, deadline_days(organisation))


def list_late_vacancies(
    *, organisation: Organisation, recruiter=None, today: date | None = None
) -> list[tuple[Vacancy, int]]:
    """The vacancies with candidates who have not heard N days after closing, longest overdue first (two queries)."""
    applications = _late(organisation, today)
    if recruiter is not None:
        applications = applications.filter(vacancy__recruiters=recruiter)
    counts = dict(applications.values_list("vacancy_id").annotate(n=Count("id", distinct=True)).order_by())
    vacancies = Vacancy.objects.filter(pk__in=counts).select_related("department").order_by("closing_date", "title")
    return [(vacancy, counts[vacancy.pk]) for vacancy in vacancies]
