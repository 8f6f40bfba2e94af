"""Reads of scorecards with their access rules.

Anchoring is avoided: an evaluator sees other evaluators' scorecards for a stage only after
submitting their own for that stage. Recruiters, HR leads and privacy officers see every
submitted scorecard. Drafts are seen by their author only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from nagesprek.accounts.models import User
from nagesprek.applications import selectors as application_selectors
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.evaluations.constants import LOW_RATINGS, Rating
from nagesprek.evaluations.models import CriterionRating, Scorecard
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor
from nagesprek.vacancies.models import Criterion, Stage, Vacancy

# Roles that may fill in a scorecard, when also assigned to the vacancy (evaluators or its recruiters).
SCORING_ROLES = (Role.RECRUITER, Role.EVALUATOR)
# Roles that see every submitted scorecard of the files they can open.
SEE_ALL_ROLES = (Role.RECRUITER, Role.HR_LEAD, Role.PRIVACY_OFFICER)


@dataclass(frozen=True)
class RatingEntry:
    evaluator: User
    rating: int
    evidence: str

    @property
    def rating_label(self) -> str:
        return str(Rating(self.rating).label)

    @property
    def is_low(self) -> bool:
        return self.rating in LOW_RATINGS


@dataclass(frozen=True)
class CriterionOverview:
    criterion: Criterion
    ratings: list[RatingEntry]

    @property
    def average(self) -> float | None:
        if not self.ratings:
            return None
        return round(sum(r.rating for r in self.ratings) / len(self.ratings), 1)

    @property
    def is_low(self) -> bool:
        return self.average is not None and self.average < Rating.MET


@dataclass(frozen=True)
class StageOverview:
    stage: Stage
    criteria: list[CriterionOverview]
    scorecards: list[Scorecard]  # submitted, with their overall remarks
    hidden: bool = False  # the actor must submit their own scorecard for this stage first
    hidden_count: int = 0  # how many submitted scorecards that hides
    evaluators: list[User] = field(default_factory=list)


def may_score(*, actor: Actor, vacancy: Vacancy) -> bool:
    """Evaluators assigned to the vacancy, and its recruiters, may fill in scorecards."""
    if vacancy.organisation_id != actor.organisation.pk:
        return False
    user_id = actor.user.pk
    if actor.has_role(Role.EVALUATOR) and any(u.pk == user_id for u in vacancy.evaluators.all()):
        return True
    return actor.has_role(*SCORING_ROLES) and any(u.pk == user_id for u in vacancy.recruiters.all())


def get_application_for_scorer(*, actor: Actor, application_id: int) -> Application:
    """An application the actor may score: 404 when they cannot see it, 403 when they may see but not score."""
    application = (
        application_selectors.list_applications_for_actor(actor=actor)
        .select_related("vacancy__organisation", "candidate")
        .prefetch_related("vacancy__evaluators", "vacancy__recruiters")
        .filter(pk=application_id)
        .first()
    )
    if application is None:
        raise Http404
    if not may_score(actor=actor, vacancy=application.vacancy):
        raise PermissionDenied
    return application


def get_stage_for_scoring(*, application: Application, stage_id: int) -> Stage:
    """A stage of the application's vacancy with its criteria (and their requirements); 404 otherwise."""
    criteria = Criterion.objects.select_related("requirement").order_by("position", "pk")
    stage = (
        Stage.objects.filter(vacancy_id=application.vacancy_id, pk=stage_id)
        .prefetch_related(Prefetch("criteria", queryset=criteria))
        .first()
    )
    if stage is None:
        raise Http404
    return stage


def get_own_scorecard(*, actor: Actor, application: Application, stage: Stage) -> Scorecard | None:
    """The actor's own scorecard (draft or submitted) for this application and stage, with its ratings."""
    return (
        Scorecard.objects.filter(application=application, stage=stage, evaluator=actor.user)
        .prefetch_related("ratings")
        .first()
    )


def list_scoring_stages(*, actor: Actor, application: Application) -> list[tuple[Stage, Scorecard | None]]:
    """Stages the actor can score for this application now (up to its current stage, with criteria).

    Each with the actor's own scorecard or None. Empty when the actor may not score or the file is closed.
    """
    if application.status != ApplicationStatus.ACTIVE or not may_score(actor=actor, vacancy=application.vacancy):
        return []
    stages = (
        Stage.objects.filter(vacancy_id=application.vacancy_id, position__lte=application.stage.position)
        .filter(criteria__isnull=False)
        .distinct()
        .order_by("position")
    )
    own = {s.stage_id: s for s in Scorecard.objects.filter(application=application, evaluator=actor.user)}
    return [(stage, own.get(stage.pk)) for stage in stages]


def _submitted_scorecards(application: Application) -> QuerySet[Scorecard]:
    ratings = CriterionRating.objects.select_related("criterion").order_by("criterion__position", "criterion_id")
    return (
        Scorecard.objects.filter(application=application, submitted_at__isnull=False)
        .select_related("evaluator", "stage")
        .prefetch_related(Prefetch("ratings", queryset=ratings))
        .order_by("stage__position", "evaluator__full_name")
    )


def scorecard_overview_for_application(*, application: Application) -> list[StageOverview]:
    """Per stage, per criterion: every submitted rating with its evaluator and evidence, and the average.

    No access rules: for services (drafting rejection reasons) and for callers that checked access.
    Stages without submitted scorecards are left out. Four queries whatever the size.
    """
    scorecards = list(_submitted_scorecards(application))
    if not scorecards:
        return []
    grouped: dict[int, list[Scorecard]] = {}
    for card in scorecards:  # ordered by stage position, and dicts keep that order
        grouped.setdefault(card.stage_id, []).append(card)
    criteria_by_stage: dict[int, list[Criterion]] = {}
    for criterion in (
        Criterion.objects.filter(stage_id__in=grouped).select_related("requirement").order_by("position", "pk")
    ):
        criteria_by_stage.setdefault(criterion.stage_id, []).append(criterion)
    return [
        _stage_overview(cards[0].stage, criteria_by_stage.get(stage_id, []), cards)
        for stage_id, cards in grouped.items()
    ]


def _stage_overview(stage: Stage, criteria: list[Criterion], cards: list[Scorecard]) -> StageOverview:
    entries: dict[int, list[RatingEntry]] = {}
    for card in cards:
        for rating in card.ratings.all():
            entries.setdefault(rating.criterion_id, []).append(
                RatingEntry(evaluator=card.evaluator, rating=rating.rating, evidence=rating.evidence)
            )
    rows = [CriterionOverview(criterion=c, ratings=entries.get(c.pk, [])) for c in criteria]
    return StageOverview(stage=stage, criteria=rows, scorecards=cards, evaluators=[c.evaluator for c in cards])


def scorecard_overview_for_actor(*, actor: Actor, application: Application) -> list[StageOverview]:
    """The overview as this actor may see it: per stage hidden from an evaluator who has not submitted yet.

    The caller has checked that the actor may open the application.
    """
    overview = scorecard_overview_for_application(application=application)
    if actor.has_role(*SEE_ALL_ROLES):
        return overview
    submitted_stages = set(
        Scorecard.objects.filter(application=application, evaluator=actor.user, submitted_at__isnull=False).values_list(
            "stage_id", flat=True
        )
    )
    result = []
    for stage_overview in overview:
        if stage_overview.stage.pk in submitted_stages:
            result.append(stage_overview)
        else:
            result.append(
                StageOverview(
                    stage=stage_overview.stage,
                    criteria=[],
                    scorecards=[],
                    hidden=True,
                    hidden_count=len(stage_overview.scorecards),
                )
            )
    return result
