"""Writes to scorecards: save a draft, submit. Submitting the first scorecard freezes the requirements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.evaluations.constants import LOW_RATINGS, Rating
from nagesprek.evaluations.models import CriterionRating, Scorecard
from nagesprek.evaluations.selectors import may_score
from nagesprek.organisations.selectors import Actor
from nagesprek.vacancies import services as vacancy_services
from nagesprek.vacancies.models import Criterion, Stage

# (criterion, rating or None in a draft, evidence)
RatingInput = tuple[Criterion, int | None, str]


@transaction.atomic
def save_scorecard_draft(
    *, actor: Actor, application: Application, stage: Stage, ratings: Sequence[RatingInput], summary: str = ""
) -> Scorecard:
    """Store the actor's unfinished scorecard; only they see it. Criteria without a rating are left out.

    Raises ValidationError (nothing saved) for evidence without a rating, or when scoring is not
    possible (see submit_scorecard); PermissionDenied when the actor may not score this vacancy.
    """
    scorecard = _open_scorecard(actor=actor, application=application, stage=stage)
    for criterion, rating, evidence in ratings:
        if rating is None and evidence.strip():
            raise ValidationError(
                _("“%(criterion)s”: choose a rating as well, or the evidence cannot be saved."),
                params={"criterion": criterion.label},
            )
    _store(scorecard, stage=stage, ratings=[r for r in ratings if r[1] is not None], summary=summary)
    _audit(actor, scorecard, action=AuditAction.UPDATE, summary=_("Scorecard draft saved: %(stage)s"))
    return scorecard


@transaction.atomic
def submit_scorecard(
    *, actor: Actor, application: Application, stage: Stage, ratings: Sequence[RatingInput], summary: str = ""
) -> Scorecard:
    """Submit the actor's scorecard for one application and stage: final, visible to the other evaluators.

    Every criterion of the stage needs a rating on the 4-point scale; ratings 1 and 2 need evidence.
    The first submission for a vacancy freezes its requirements. Raises ValidationError (nothing
    saved) when the application is closed, the stage is not reached yet or has no criteria, the
    scorecard was submitted before, or a rating is missing; PermissionDenied when the actor is not an
    evaluator or recruiter of the vacancy. Locks the scorecard row.
    """
    scorecard = _open_scorecard(actor=actor, application=application, stage=stage)
    criteria = list(stage.criteria.all())
    if not criteria:
        raise ValidationError(_("This stage has no criteria yet; ask the recruiter to add them."))
    given = {criterion.pk for criterion, rating, _evidence in ratings if rating is not None}
    missing = [c.label for c in criteria if c.pk not in given]
    if missing:
        raise ValidationError(
            _("Rate every criterion before submitting. Missing: %(criteria)s."), params={"criteria": ", ".join(missing)}
        )
    for criterion, rating, evidence in ratings:
        if rating in LOW_RATINGS and not evidence.strip():
            raise ValidationError(
                _("“%(criterion)s”: a rating of 1 or 2 needs evidence: what did the candidate show or not show?"),
                params={"criterion": criterion.label},
            )
    _store(scorecard, stage=stage, ratings=ratings, summary=summary)
    scorecard.submitted_at = timezone.now()
    scorecard.save(update_fields=["submitted_at"])
    vacancy_services.freeze_requirements(vacancy=application.vacancy)
    _audit(actor, scorecard, action=AuditAction.CREATE, summary=_("Scorecard submitted: %(stage)s"))
    return scorecard


def _open_scorecard(*, actor: Actor, application: Application, stage: Stage) -> Scorecard:
    application = Application.objects.select_related("stage", "vacancy").get(
        pk=application.pk, organisation=actor.organisation
    )
    if not may_score(actor=actor, vacancy=application.vacancy):
        raise PermissionDenied
    if stage.vacancy_id != application.vacancy_id:
        raise ValidationError(_("That stage belongs to another vacancy."))
    if application.status != ApplicationStatus.ACTIVE:
        raise ValidationError(_("This application is closed; it can no longer be scored."))
    if stage.position > application.stage.position:
        raise ValidationError(
            _("The candidate has not reached the stage “%(stage)s” yet."), params={"stage": stage.name}
        )
    scorecard, _created = Scorecard.objects.get_or_create(application=application, stage=stage, evaluator=actor.user)
    scorecard = Scorecard.objects.select_for_update().get(pk=scorecard.pk)
    if scorecard.submitted_at is not None:
        raise ValidationError(_("You submitted this scorecard already; it can no longer be changed."))
    return scorecard


def _store(scorecard: Scorecard, *, stage: Stage, ratings: Sequence[RatingInput], summary: str) -> None:
    stage_criteria = {c.pk for c in stage.criteria.all()}
    rows = []
    for criterion, rating, evidence in ratings:
        if criterion.pk not in stage_criteria:
            raise ValidationError(_("A criterion does not belong to this stage. Reload the page."))
        if rating not in Rating.values:
            raise ValidationError(_("Choose a rating from 1 to 4."))
        rows.append(CriterionRating(scorecard=scorecard, criterion=criterion, rating=rating, evidence=evidence.strip()))
    if len({row.criterion_id for row in rows}) != len(rows):
        raise ValidationError(_("A criterion was rated twice. Reload the page."))
    scorecard.summary = summary.strip()
    scorecard.save(update_fields=["summary", "updated_at"])
    scorecard.ratings.all().delete()
    CriterionRating.objects.bulk_create(rows)


def _audit(actor: Actor, scorecard: Scorecard, *, action: AuditAction, summary: str) -> None:
    params: dict[str, Any] = {"stage": scorecard.stage.name}
    record_event(
        organisation=actor.organisation,
        action=action,
        target=scorecard,
        candidate_id=scorecard.application.candidate_id,
        user=actor.user,
        summary=summary % params,
    )
