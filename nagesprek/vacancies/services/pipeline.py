"""The pipeline: stages in order, and the criteria evaluators score in each."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, ProtectedError
from django.utils.translation import gettext as _

from nagesprek.applications.models import StageChange
from nagesprek.organisations.selectors import Actor
from nagesprek.vacancies.models import Criterion, Requirement, Stage, Vacancy

# Positions are unique per vacancy, so a swap parks one stage here for a moment.
_PARKING_POSITION = 32000


# --- stages ----------------------------------------------------------------------------------------


@transaction.atomic
def add_stage(*, actor: Actor, vacancy: Vacancy, kind: str, name: str) -> Stage:
    """Append a stage at the end of the vacancy's pipeline."""
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk, organisation=actor.organisation)
    last = vacancy.stages.aggregate(last=Max("position"))["last"]
    stage = Stage(vacancy=vacancy, kind=kind, name=name.strip(), position=0 if last is None else last + 1)
    stage.full_clean()
    stage.save()
    return stage


@transaction.atomic
def update_stage(*, actor: Actor, stage: Stage, kind: str, name: str) -> Stage:
    """Rename a stage or change its kind; applications in it stay where they are."""
    stage = Stage.objects.select_for_update().get(pk=stage.pk, vacancy__organisation=actor.organisation)
    stage.kind, stage.name = kind, name.strip()
    stage.full_clean()
    stage.save(update_fields=["kind", "name"])
    return stage


@transaction.atomic
def move_stage(*, actor: Actor, stage: Stage, up: bool) -> Stage:
    """Swap a stage with its neighbour before (``up``) or after it. Raises ValidationError at the edge."""
    Vacancy.objects.select_for_update().get(pk=stage.vacancy_id, organisation=actor.organisation)
    stage = Stage.objects.get(pk=stage.pk)
    siblings = Stage.objects.filter(vacancy_id=stage.vacancy_id)
    if up:
        neighbour = siblings.filter(position__lt=stage.position).order_by("-position").first()
    else:
        neighbour = siblings.filter(position__gt=stage.position).order_by("position").first()
    if neighbour is None:
        raise ValidationError(_("This stage cannot move further in that direction."))
    mine, theirs = stage.position, neighbour.position
    Stage.objects.filter(pk=stage.pk).update(position=_PARKING_POSITION)
    Stage.objects.filter(pk=neighbour.pk).update(position=mine)
    Stage.objects.filter(pk=stage.pk).update(position=theirs)
    stage.position = theirs
    return stage


@transaction.atomic
def remove_stage(*, actor: Actor, stage: Stage) -> None:
    """Remove a stage (and its criteria) that no application, history row or scorecard has used.

    Raises ValidationError when it is in use or is the vacancy's only stage.
    """
    Vacancy.objects.select_for_update().get(pk=stage.vacancy_id, organisation=actor.organisation)
    if Stage.objects.filter(vacancy_id=stage.vacancy_id).count() == 1:
        raise ValidationError(_("A vacancy needs at least one stage."))
    in_use = (
        stage.applications.exists() or StageChange.objects.filter(stage=stage).exists() or stage.scorecards.exists()
    )
    if in_use:
        raise ValidationError(
            _("“%(stage)s” has been used by applications, so it stays. You can still rename it."),
            params={"stage": stage.name},
        )
    try:
        with transaction.atomic():
            stage.delete()
    except ProtectedError as error:
        raise ValidationError(
            _("“%(stage)s” has been used by applications, so it stays. You can still rename it."),
            params={"stage": stage.name},
        ) from error


# --- criteria --------------------------------------------------------------------------------------


@transaction.atomic
def add_criterion(
    *, actor: Actor, stage: Stage, requirement: Requirement | None, competency: str = "", description: str = ""
) -> Criterion:
    """Add what evaluators score in a stage: a current requirement of the vacancy, or a named competency."""
    stage = Stage.objects.select_related("vacancy").get(pk=stage.pk, vacancy__organisation=actor.organisation)
    last = stage.criteria.aggregate(last=Max("position"))["last"]
    criterion = Criterion(stage=stage, position=0 if last is None else last + 1)
    return _fill_criterion(criterion, requirement=requirement, competency=competency, description=description)


@transaction.atomic
def update_criterion(
    *, actor: Actor, criterion: Criterion, requirement: Requirement | None, competency: str = "", description: str = ""
) -> Criterion:
    """Change a criterion; the way to re-link one that points at a removed requirement."""
    criterion = Criterion.objects.select_related("stage__vacancy").get(
        pk=criterion.pk, stage__vacancy__organisation=actor.organisation
    )
    return _fill_criterion(criterion, requirement=requirement, competency=competency, description=description)


def _fill_criterion(
    criterion: Criterion, *, requirement: Requirement | None, competency: str, description: str
) -> Criterion:
    competency = competency.strip()
    if (requirement is None) == (not competency):
        raise ValidationError(_("Choose a requirement or name a competency, not both."))
    if requirement is not None:
        is_current = Requirement.current.filter(pk=requirement.pk, vacancy_id=criterion.stage.vacancy_id).exists()
        if not is_current:
            raise ValidationError({"requirement": _("Choose one of the vacancy's current requirements.")})
    criterion.requirement = requirement
    criterion.competency = "" if requirement is not None else competency
    criterion.description = description.strip()
    criterion.full_clean()
    criterion.save()
    return criterion


@transaction.atomic
def remove_criterion(*, actor: Actor, criterion: Criterion) -> None:
    """Remove a criterion nobody has rated yet (drafts count). Raises ValidationError otherwise."""
    criterion = Criterion.objects.get(pk=criterion.pk, stage__vacancy__organisation=actor.organisation)
    if criterion.ratings.exists():
        raise ValidationError(
            _("“%(criterion)s” has been rated already, so it stays."), params={"criterion": criterion.label}
        )
    try:
        with transaction.atomic():
            criterion.delete()
    except ProtectedError as error:
        raise ValidationError(
            _("“%(criterion)s” is referred to by a rejection reason, so it stays."),
            params={"criterion": criterion.label},
        ) from error
