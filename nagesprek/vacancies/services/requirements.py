"""Requirements: edited freely until frozen, then changed only as a new, logged version."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from nagesprek.organisations.selectors import Actor
from nagesprek.vacancies.constants import RequirementKind
from nagesprek.vacancies.models import Criterion, Requirement, RequirementChange, Vacancy
from nagesprek.vacancies.requirement_rules import check_requirement_fields, describe_requirement


@dataclass(frozen=True)
class RequirementData:
    """One requirement as it should be. ``replaces`` is the current row it edits; None for a new one."""

    kind: str
    label: str
    description: str = ""
    is_must_have: bool = True
    level: str = ""
    years: int | None = None
    replaces: Requirement | None = None

    def differs_from(self, requirement: Requirement) -> bool:
        return (self.kind, self.label, self.description, self.is_must_have, self.level, self.years) != (
            requirement.kind,
            requirement.label,
            requirement.description,
            requirement.is_must_have,
            requirement.level,
            requirement.years,
        )


# --- requirements ----------------------------------------------------------------------------------


def freeze_requirements(*, vacancy: Vacancy) -> Vacancy:
    """Freeze the vacancy's requirements: from now on a change makes a new, logged version.

    Idempotent and safe under concurrency: only the first call sets ``requirements_frozen_at``.
    Called when the first scorecard of the vacancy is submitted.
    """
    Vacancy.objects.filter(pk=vacancy.pk, requirements_frozen_at__isnull=True).update(
        requirements_frozen_at=timezone.now()
    )
    vacancy.refresh_from_db(fields=["requirements_frozen_at"])
    return vacancy


@transaction.atomic
def change_requirements(
    *, actor: Actor, vacancy: Vacancy, requirements: Sequence[RequirementData], reason: str = ""
) -> Vacancy:
    """Make the vacancy's current requirements exactly ``requirements``, in that order.

    Before the freeze rows are edited in place. After it, every changed or removed requirement is
    retired (``retired_in_version``), changed and new ones are added in the next version, the version
    is bumped and a RequirementChange records who, when, why and what; criteria follow a changed
    requirement to its successor, and stay (flagged) on a removed one. ``reason`` is required then.
    Raises ValidationError and changes nothing on bad input. Locks the vacancy row.
    """
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk, organisation=actor.organisation)
    current = {r.pk: r for r in Requirement.current.filter(vacancy=vacancy)}
    _validate_requirement_data(requirements, current)
    if vacancy.requirements_frozen_at is None:
        _edit_requirements_in_place(vacancy, requirements, current)
    else:
        _version_requirements(vacancy, requirements, current, actor=actor, reason=reason)
    from nagesprek.matching.index import refresh_vacancy_on_commit  # matching reads vacancies; import late

    refresh_vacancy_on_commit(vacancy.pk)
    return vacancy


def _validate_requirement_data(requirements: Sequence[RequirementData], current: dict[int, Requirement]) -> None:
    seen: set[int] = set()
    for data in requirements:
        if data.replaces is not None:
            if data.replaces.pk not in current or data.replaces.pk in seen:
                raise ValidationError(_("A requirement was changed by someone else meanwhile. Reload the page."))
            seen.add(data.replaces.pk)
        if data.kind not in RequirementKind.values:
            raise ValidationError(_("Choose a kind for every requirement."))
        if not data.label.strip():
            raise ValidationError(_("Every requirement needs a name."))
        problems = check_requirement_fields(kind=data.kind, level=data.level, years=data.years)
        if problems:
            raise ValidationError(
                _("%(requirement)s: %(problem)s"),
                params={"requirement": data.label, "problem": next(iter(problems.values()))},
            )


def _edit_requirements_in_place(
    vacancy: Vacancy, requirements: Sequence[RequirementData], current: dict[int, Requirement]
) -> None:
    kept = {data.replaces.pk for data in requirements if data.replaces is not None}
    for requirement in current.values():
        if requirement.pk not in kept:
            _delete_unused_requirement(requirement)
    for position, data in enumerate(requirements):
        requirement = data.replaces or Requirement(vacancy=vacancy, introduced_in_version=vacancy.requirements_version)
        _fill_requirement(requirement, data, position)


def _delete_unused_requirement(requirement: Requirement) -> None:
    criterion = requirement.criteria.select_related("stage").first()
    if criterion is not None:
        raise ValidationError(
            _(
                "“%(requirement)s” cannot be removed: the stage “%(stage)s” uses it as a criterion. "
                "Remove or change that criterion first."
            ),
            params={"requirement": requirement.label, "stage": criterion.stage.name},
        )
    try:
        with transaction.atomic():
            requirement.delete()
    except ProtectedError as error:
        raise ValidationError(
            _("“%(requirement)s” cannot be removed: a rejection reason refers to it."),
            params={"requirement": requirement.label},
        ) from error


def _fill_requirement(requirement: Requirement, data: RequirementData, position: int) -> Requirement:
    requirement.kind = data.kind
    requirement.label = data.label.strip()
    requirement.description = data.description.strip()
    requirement.is_must_have = data.is_must_have
    requirement.level = data.level
    requirement.years = data.years
    requirement.position = position
    requirement.full_clean()
    requirement.save()
    return requirement


def _version_requirements(
    vacancy: Vacancy,
    requirements: Sequence[RequirementData],
    current: dict[int, Requirement],
    *,
    actor: Actor,
    reason: str,
) -> None:
    version = vacancy.requirements_version + 1
    kept = {data.replaces.pk for data in requirements if data.replaces is not None}
    removed = [r for r in current.values() if r.pk not in kept]
    changed = [d for d in requirements if d.replaces is not None and d.differs_from(d.replaces)]
    added = [d for d in requirements if d.replaces is None]
    changed_ids = {id(d) for d in changed}
    if not (removed or changed or added):
        _reorder_only(requirements)
        return
    if not reason.strip():
        raise ValidationError({"reason": _("The requirements are frozen: explain why they change.")})
    summary = _change_summary(removed=removed, changed=changed, added=added)
    for requirement in removed:
        requirement.retired_in_version = version
        requirement.save(update_fields=["retired_in_version"])
    for position, data in enumerate(requirements):
        if data.replaces is not None and id(data) not in changed_ids:
            data.replaces.position = position
            data.replaces.save(update_fields=["position"])
            continue
        successor = _fill_requirement(Requirement(vacancy=vacancy, introduced_in_version=version), data, position)
        if data.replaces is not None:
            data.replaces.retired_in_version = version
            data.replaces.save(update_fields=["retired_in_version"])
            # The criterion measures the same thing under the new wording; its earlier ratings stay.
            Criterion.objects.filter(requirement=data.replaces).update(requirement=successor)
    vacancy.requirements_version = version
    vacancy.save(update_fields=["requirements_version"])
    RequirementChange.objects.create(
        vacancy=vacancy, version=version, changed_by=actor.user, reason=reason.strip(), summary=summary
    )


def _reorder_only(requirements: Sequence[RequirementData]) -> None:
    for position, data in enumerate(requirements):
        assert data.replaces is not None
        if data.replaces.position != position:
            data.replaces.position = position
            data.replaces.save(update_fields=["position"])


def _change_summary(
    *, removed: Sequence[Requirement], changed: Sequence[RequirementData], added: Sequence[RequirementData]
) -> str:
    lines = []
    for data in changed:
        assert data.replaces is not None
        before, after = describe_requirement(data.replaces), describe_requirement(data)
        lines.append(_("Changed: %(before)s → %(after)s") % {"before": before, "after": after})
        if data.description.strip() != data.replaces.description:
            lines.append(
                _("New description of %(requirement)s: %(description)s")
                % {"requirement": after, "description": data.description.strip() or "–"}  # noqa: RUF001 - typographic dash
            )
    lines += [_("Added: %(after)s") % {"after": describe_requirement(data)} for data in added]
    lines += [_("Removed: %(before)s") % {"before": describe_requirement(r)} for r in removed]
    return "\n".join(lines)
