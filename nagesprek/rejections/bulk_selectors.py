"""Reads for bulk rejection: who may start one, which applications it can take, its progress and exceptions,
and the rejection records of many applications at once.

Access follows ``selectors``: only recruiters of the organisation start a bulk
rejection and work through its exceptions (they decide rejections); HR leads
may watch its progress too. Anything of another organisation is a 404.

**Batched records.** ``load_yardstick`` reads what every application of the
vacancy is measured against (requirements and criteria of the requirements
version, and per criterion the two best mean ratings) once per run;
``load_rejection_records`` then builds the ``RejectionRecord`` of a whole chunk
of applications in five queries, whatever the chunk's size. The records are
the same as ``selectors.load_rejection_record`` builds one at a time (a test
holds the two paths to that), so a letter drafted in bulk says exactly what a
letter drafted by hand would.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db.models import Avg, Count, Exists, OuterRef, Q, QuerySet
from django.db.models.query import prefetch_related_objects
from django.http import Http404

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.candidates.selectors import PROFILE_PREFETCHES
from nagesprek.evaluations.models import CriterionRating
from nagesprek.matching.vocabulary import OrganisationMatcher
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor
from nagesprek.rejections import assessment, selectors
from nagesprek.rejections.constants import RejectionStatus
from nagesprek.rejections.drafting import CriterionRecord, RatingRecord, RejectionRecord
from nagesprek.rejections.models import BulkRejection, Rejection
from nagesprek.vacancies.models import Criterion, Stage, Vacancy

START_ROLES = selectors.DECIDER_ROLES
PROGRESS_ROLES = (Role.RECRUITER, Role.HR_LEAD)


# --- Access ---


def get_vacancy_for_bulk(*, actor: Actor, vacancy_id: int) -> Vacancy:
    """A vacancy of the actor's organisation whose applications the actor may reject in bulk; 404 otherwise."""
    if not actor.has_role(*START_ROLES):
        raise Http404
    vacancy = Vacancy.objects.filter(organisation=actor.organisation, pk=vacancy_id).first()
    if vacancy is None:
        raise Http404
    return vacancy


def get_bulk_for_actor(*, actor: Actor, bulk_id: int) -> BulkRejection:
    """One bulk rejection with its vacancy; 404 outside the actor's organisation or for roles that may not see it."""
    if not actor.has_role(*PROGRESS_ROLES):
        raise Http404
    bulk = (
        BulkRejection.objects.filter(organisation=actor.organisation, pk=bulk_id)
        .select_related("vacancy", "created_by")
        .first()
    )
    if bulk is None:
        raise Http404
    return bulk


def list_bulk_rejections_for_vacancy(*, vacancy: Vacancy, limit: int = 5) -> list[BulkRejection]:
    """The vacancy's most recent bulk rejections, newest first (for links back to their progress)."""
    return list(vacancy.bulk_rejections.select_related("created_by").order_by("-created_at", "-id")[:limit])


# --- The selection ---


def _rejectable(vacancy: Vacancy) -> QuerySet[Application]:
    """Applications of the vacancy still in procedure and without any rejection (not even a draft)."""
    has_rejection = Exists(Rejection.objects.filter(application=OuterRef("pk")))
    return Application.objects.filter(vacancy=vacancy, status=ApplicationStatus.ACTIVE).filter(~has_rejection)


def list_applications_for_bulk(*, vacancy: Vacancy, stage: Stage | None = None) -> QuerySet[Application]:
    """The applications a bulk rejection can take, optionally only those in one stage; oldest first."""
    applications = _rejectable(vacancy)
    if stage is not None:
        applications = applications.filter(stage=stage)
    return applications.select_related("candidate", "stage").order_by("applied_at", "id")


def rejectable_ids(*, vacancy: Vacancy, application_ids: Sequence[int]) -> list[int]:
    """Of the given ids, those a bulk rejection of this vacancy can take, in ascending order (one query)."""
    return sorted(_rejectable(vacancy).filter(pk__in=list(application_ids)).values_list("pk", flat=True))


def count_rejectable(*, vacancy: Vacancy) -> int:
    """How many applications of the vacancy a bulk rejection can take (one query)."""
    return _rejectable(vacancy).count()


def count_rejectable_by_stage(*, vacancy: Vacancy) -> list[tuple[Stage, int]]:
    """Each stage of the vacancy with how many applications in it a bulk rejection can take (two queries)."""
    counts = dict(_rejectable(vacancy).values_list("stage_id").annotate(n=Count("id")).order_by())
    return [(stage, counts.get(stage.pk, 0)) for stage in vacancy.stages.order_by("position")]


# --- Progress and exceptions ---


@dataclass(frozen=True)
class Progress:
    total: int
    processed: int
    scheduled: int  # waiting for their send time
    in_review: int  # waiting for a second person (four-eyes)
    sent: int
    needing_attention: int  # drafts still waiting for the recruiter
    created: int  # rejections this run made

    @property
    def skipped(self) -> int:
        """Applications that were closed or got a rejection another way before the run reached them."""
        return max(self.processed - self.created, 0)

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.processed / self.total)


def bulk_progress(*, bulk: BulkRejection) -> Progress:
    """The bulk's counters and its rejections counted by state (one query)."""
    counts = Rejection.objects.filter(bulk=bulk).aggregate(
        created=Count("id"),
        scheduled=Count("id", filter=Q(status=RejectionStatus.SCHEDULED)),
        in_review=Count("id", filter=Q(status=RejectionStatus.IN_REVIEW)),
        sent=Count("id", filter=Q(status=RejectionStatus.SENT)),
        attention=Count("id", filter=Q(status=RejectionStatus.DRAFT, needs_attention=True)),
    )
    return Progress(
        total=bulk.total,
        processed=bulk.processed,
        scheduled=counts["scheduled"],
        in_review=counts["in_review"],
        sent=counts["sent"],
        needing_attention=counts["attention"],
        created=counts["created"],
    )


def list_exceptions(*, bulk: BulkRejection) -> QuerySet[Rejection]:
    """The bulk's letters that still wait for the recruiter, with their drafted reasons (paginate it)."""
    return (
        Rejection.objects.filter(bulk=bulk, status=RejectionStatus.DRAFT, needs_attention=True)
        .select_related("application__candidate", "application__stage", "organisation")
        .prefetch_related("reasons__requirement", "reasons__criterion__requirement", "reasons__criterion__stage")
        .order_by("application__candidate__full_name", "pk")
    )


# --- Records of many applications at once ---


@dataclass(frozen=True)
class Yardstick:
    """What every application of one vacancy (in one requirements version) is measured against.

    ``best_means`` holds per criterion the two highest mean ratings of any
    application, as (mean, application id), so "the best of any *other*
    application" is a lookup, not a query per application.
    """

    vacancy_id: int
    version: int
    requirements: tuple[assessment.RequirementSpec, ...]
    criteria: tuple[Criterion, ...]
    best_means: dict[int, tuple[tuple[float, int], ...]]

    def best_other_mean(self, criterion_id: int, application_id: int) -> float | None:
        for mean, other_id in self.best_means.get(criterion_id, ()):
            if other_id != application_id:
                return mean
        return None

    def target_label(self, *, requirement_id: int | None, criterion_id: int | None) -> str:
        """The label of what a reason points at (for the gate's "name the criterion" check)."""
        if criterion_id is not None:
            return next((c.label for c in self.criteria if c.pk == criterion_id), "")
        return next((r.label for r in self.requirements if r.id == requirement_id), "")


def load_yardstick(*, vacancy: Vacancy, version: int) -> Yardstick:
    """The vacancy's requirements and criteria of ``version`` and the best mean per criterion (three queries)."""
    requirements = selectors.requirements_in_version(vacancy_id=vacancy.pk, version=version)
    criteria = tuple(selectors.criteria_in_version(vacancy_id=vacancy.pk, version=version))
    return Yardstick(
        vacancy_id=vacancy.pk,
        version=version,
        requirements=tuple(selectors.requirement_spec(r) for r in requirements),
        criteria=criteria,
        best_means=_two_best_means(vacancy.pk, [c.pk for c in criteria]),
    )


def _two_best_means(vacancy_id: int, criterion_ids: list[int]) -> dict[int, tuple[tuple[float, int], ...]]:
    rows = (
        CriterionRating.objects.filter(
            criterion_id__in=criterion_ids,
            scorecard__submitted_at__isnull=False,
            scorecard__application__vacancy_id=vacancy_id,
        )
        .values_list("criterion_id", "scorecard__application_id")
        .annotate(mean=Avg("rating"))
        .order_by()
    )
    best: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for criterion_id, application_id, mean in rows:
        top = best[criterion_id]
        top.append((float(mean), application_id))
        if len(top) > 2:
            top.sort(reverse=True)
            del top[2:]
    return {criterion_id: tuple(sorted(top, reverse=True)) for criterion_id, top in best.items()}


def load_rejection_records(
    *, applications: Sequence[Application], yardstick: Yardstick, today: date
) -> dict[int, RejectionRecord]:
    """The drafting record of each application (by id), in its candidate's language; five queries in all.

    ``applications`` must have ``candidate`` loaded (select_related). Reads the
    four profile tables for all candidates at once and the submitted ratings of
    all applications at once.
    """
    candidates = [application.candidate for application in applications]
    prefetch_related_objects(candidates, *PROFILE_PREFETCHES)
    ratings = _ratings_by_application([a.pk for a in applications], [c.pk for c in yardstick.criteria])
    matchers: dict[int, OrganisationMatcher] = {}  # one per organisation: it reads the vocabulary once per chunk
    return {
        application.pk: RejectionRecord(
            language=application.candidate.language,
            today=today,
            requirements=yardstick.requirements,
            profile=selectors.candidate_profile(application.candidate),
            matcher=matchers.setdefault(
                application.candidate.organisation_id, OrganisationMatcher(application.candidate.organisation_id)
            ),
            criteria=tuple(
                CriterionRecord(
                    c.pk,
                    c.label,
                    c.stage.name,
                    c.requirement_id,
                    tuple(ratings[application.pk][c.pk]),
                    yardstick.best_other_mean(c.pk, application.pk),
                )
                for c in yardstick.criteria
            ),
        )
        for application in applications
    }


def _ratings_by_application(
    application_ids: list[int], criterion_ids: list[int]
) -> dict[int, dict[int, list[RatingRecord]]]:
    rows = (
        CriterionRating.objects.filter(
            scorecard__application_id__in=application_ids,
            scorecard__submitted_at__isnull=False,
            criterion_id__in=criterion_ids,
        )
        .order_by("scorecard__submitted_at", "pk")
        .values_list(
            "scorecard__application_id", "criterion_id", "rating", "evidence", "scorecard__evaluator__full_name"
        )
    )
    ratings: dict[int, dict[int, list[RatingRecord]]] = defaultdict(lambda: defaultdict(list))
    for application_id, criterion_id, rating, evidence, evaluator in rows:
        ratings[application_id][criterion_id].append(RatingRecord(rating, evidence, evaluator))
    return ratings
