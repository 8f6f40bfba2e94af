"""Writes of advice: drafting it from the rejection record, and a person's edits (text, route, remove, add)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from nagesprek.advice import planning, selectors, wording
from nagesprek.advice.constants import AdviceKind, AdviceStatus
from nagesprek.advice.models import AdviceItem
from nagesprek.applications.models import Application
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.organisations.selectors import Actor
from nagesprek.rejections import assessment, gate
from nagesprek.rejections import selectors as rejection_selectors
from nagesprek.rejections.constants import Outcome, RejectionStatus
from nagesprek.rejections.drafting import RejectionRecord
from nagesprek.rejections.models import Rejection
from nagesprek.routes import selectors as route_selectors
from nagesprek.routes.constants import RouteKind
from nagesprek.routes.models import Route
from nagesprek.vacancies.constants import RequirementKind, VacancyStatus
from nagesprek.vacancies.models import Requirement, Vacancy

GAP_STATUSES = (assessment.Status.UNMET, assessment.Status.EXPIRED, assessment.Status.EXPIRING)
MAX_TEXT = 2000


def route_option(route: Route) -> planning.RouteOption:
    """A catalogue row as planning reads it (``route.targets`` prefetched)."""
    return planning.RouteOption(
        id=route.pk, kind=route.kind, title=route.title, provider=route.provider, weeks=route.duration_weeks,
        cost=route.cost_eur, targets=tuple(planning.Target(t.kind, t.name, t.level) for t in route.targets.all()),
    )  # fmt: skip


def gaps_from_record(record: RejectionRecord) -> list[planning.Gap]:
    """Unmet, expired and expiring requirements (must-haves first), then low-rated criteria not already covered."""
    # The organisation's vocabulary-aware matcher, when the record carries one (the matching app's), else
    # assessment's own: advice judges a gap exactly as the reasons do.
    matcher = getattr(record, "matcher", None)
    extra = {"matcher": matcher} if matcher is not None else {}
    assessed = assessment.assess_requirements(record.requirements, record.profile, record.today, **extra)
    found = [a for a in assessed if a.status in GAP_STATUSES and a.requirement.kind != RequirementKind.COMPETENCY]
    found.sort(key=lambda a: not a.requirement.is_must_have)
    gaps = [
        planning.Gap(
            key=f"r{a.requirement.id}",
            kind=a.requirement.kind,
            name=a.requirement.label,
            level=a.requirement.level,
            status=str(a.status),
            is_must_have=a.requirement.is_must_have,
            requirement_id=a.requirement.id,
        )
        for a in found
    ]
    covered = {g.requirement_id for g in gaps}
    gaps += [
        planning.Gap(key=f"c{c.id}", kind=planning.CRITERION, name=c.label, status="low", criterion_id=c.id)
        for c in record.criteria
        if c.is_low and (c.requirement_id is None or c.requirement_id not in covered)
    ]
    return gaps


def _family_titles(organisation_id: int, vacancy_id: int) -> tuple[str, dict[str, list[planning.FamilyVacancy]]]:
    """The vacancy's own job family, and the organisation's other open vacancies per family (2 queries).

    Each with the names of its must-have qualifications and skills, for direction advice.
    """
    families: dict[str, list[tuple[int, str]]] = {}
    own = ""
    rows = Vacancy.objects.filter(
        Q(organisation_id=organisation_id, status=VacancyStatus.OPEN) | Q(pk=vacancy_id)
    ).values_list("pk", "job_family__name", "title")
    for pk, name, title in rows:
        if pk == vacancy_id:
            own = name
        else:
            families.setdefault(name, []).append((pk, title))
    needs: dict[int, list[str]] = {}
    named = Requirement.current.filter(
        vacancy_id__in=[pk for listed in families.values() for pk, _title in listed],
        is_must_have=True,
        kind__in=[*planning.QUALIFICATION_KINDS, RequirementKind.SKILL],
    ).order_by("vacancy_id", "position", "pk")
    for pk, label in named.values_list("vacancy_id", "label"):
        needs.setdefault(pk, []).append(label)
    return own, {
        name: [planning.FamilyVacancy(title, tuple(needs.get(pk, ()))) for pk, title in listed]
        for name, listed in families.items()
    }


def _best(routes: Iterable[planning.RouteOption], kind: str) -> planning.RouteOption | None:
    fitting = [r for r in routes if r.kind == kind]
    return min(fitting, key=lambda r: planning._sort_key(r, 1)) if fitting else None


def _planned_rows(rejection: Rejection, application: Application) -> list[AdviceItem]:
    record = rejection_selectors.load_rejection_record(
        application=application, requirements_version=rejection.requirements_version, language=rejection.language
    )
    options = [route_option(r) for r in route_selectors.list_active_routes(organisation=rejection.organisation)]
    family, families = _family_titles(application.organisation_id, application.vacancy_id)
    return _rows_for_record(rejection, record, application.candidate.cv_text, options, family, families)


def _rows_for_record(
    rejection: Rejection,
    record: RejectionRecord,
    cv_text: str,
    options: list[planning.RouteOption],
    family: str,
    families: dict[str, list[planning.FamilyVacancy]],
) -> list[AdviceItem]:
    """The advice items for one record (no queries: routes and the other vacancies come in as data)."""
    language = rejection.language
    rows = [
        AdviceItem(
            rejection=rejection,
            kind=_kind_for(item),
            requirement_id=item.gaps[0].requirement_id,
            criterion_id=item.gaps[0].criterion_id,
            route_id=item.route.id if item.route else None,
            text=wording.planned_text(item, language),
        )
        for item in planning.plan_advice(gaps_from_record(record), options, getattr(record, "matcher", None))
    ]
    held = [q.name for q in record.profile.qualifications] + list(record.profile.skills)
    missing = planning.missing_from_cv(held, cv_text)
    if missing:
        route = _best(options, RouteKind.CV_ADVICE)
        text = wording.cv_text(missing[:3], route, language)
        rows.append(
            AdviceItem(rejection=rejection, kind=AdviceKind.CV, route_id=route.id if route else None, text=text)
        )
    # Roles against titles and what the candidate holds against what vacancies ask, through the vocabulary.
    hint = planning.direction_hint(
        record.profile.experiences, family, families, holds=held, match=getattr(record, "matcher", None)
    )
    if hint is not None:
        rows.append(
            AdviceItem(rejection=rejection, kind=AdviceKind.DIRECTION, text=wording.direction_text(hint, language))
        )
    return rows


def draft_advice_in_bulk(*, rejections: Sequence[Rejection], records: Mapping[int, RejectionRecord]) -> int:
    """Draft advice for many new rejections of one vacancy at once (the bulk rejection path).

    ``records`` maps application id to the record drafting read (bulk_selectors); rejections
    without a record (or not of outcome "rejected") get none. Five queries whatever the number:
    routes, their targets, the open vacancies and their must-haves (for direction advice), one insert.
    Runs in the caller's transaction; the rejections are new, so there is nothing to keep.
    """
    rejections = [r for r in rejections if r.application_id in records and r.outcome == Outcome.REJECTED]
    if not rejections:
        return 0
    first = rejections[0]
    routes = route_selectors.list_active_routes(organisation=first.organisation_id)
    options = [route_option(r) for r in routes]
    family, families = _family_titles(first.organisation_id, first.application.vacancy_id)
    rows = []
    for rejection in rejections:
        record = records[rejection.application_id]
        cv_text = rejection.application.candidate.cv_text
        planned = _rows_for_record(rejection, record, cv_text, options, family, families)
        for position, row in enumerate(planned):
            row.position = position
        rows += planned
    AdviceItem.objects.bulk_create(rows)
    return len(rows)


def _kind_for(item: planning.PlannedItem) -> str:
    route_kind = item.route.kind if item.route else ""
    if route_kind == RouteKind.INTERVIEW_PRACTICE or (not item.route and item.gaps[0].kind == planning.CRITERION):
        return AdviceKind.INTERVIEW_PRACTICE
    if route_kind == RouteKind.WORK_EXPERIENCE or (not item.route and item.gaps[0].kind == "experience"):
        return AdviceKind.EXPERIENCE
    if route_kind == RouteKind.CV_ADVICE:
        return AdviceKind.CV
    return AdviceKind.ROUTE


def _kept_keys(kept: Iterable[AdviceItem]) -> set[tuple]:
    keys: set[tuple] = set()
    for item in kept:
        keys.add(("r", item.requirement_id) if item.requirement_id else ("c", item.criterion_id))
        if item.kind in (AdviceKind.CV, AdviceKind.DIRECTION):
            keys.add((item.kind,))
    return keys


def _key(row: AdviceItem) -> tuple[tuple, ...]:
    own = ("r", row.requirement_id) if row.requirement_id else ("c", row.criterion_id)
    return (own, (row.kind,)) if row.kind in (AdviceKind.CV, AdviceKind.DIRECTION) else (own,)


def replace_drafted_items(
    *, rejection: Rejection, application: Application, status: AdviceStatus = AdviceStatus.DRAFTED
) -> tuple[list[AdviceItem], list[AdviceItem]]:
    """Replace the drafted items with a fresh plan, keeping what a person saved or removed: (new, kept).

    No checks, no audit: callers (draft_advice, the demo) own those. ``application`` has its candidate
    and vacancy's job family loaded.
    """
    kept = list(AdviceItem.objects.filter(rejection=rejection).exclude(status=AdviceStatus.DRAFTED))
    AdviceItem.objects.filter(rejection=rejection, status=AdviceStatus.DRAFTED).delete()
    kept_keys = _kept_keys(kept)
    rows = [row for row in _planned_rows(rejection, application) if not any(k in kept_keys for k in _key(row))]
    start = max((i.position for i in kept), default=-1) + 1
    for offset, row in enumerate(rows):
        row.position = start + offset
        row.status = status
    AdviceItem.objects.bulk_create(rows)
    return rows, kept


@transaction.atomic
def draft_advice(*, rejection: Rejection) -> list[AdviceItem]:
    """Draft advice for a rejection from its record and the organisation's active routes.

    Idempotent: drafted items are replaced; items a person saved (approved) or removed are kept,
    and nothing is drafted again for the gap they address. Does nothing for a rejection that is
    not a draft or not of outcome "rejected" (returns the items as they are). Audited as a system action.
    """
    rejection = Rejection.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=rejection.pk)
    if rejection.status != RejectionStatus.DRAFT or rejection.outcome != Outcome.REJECTED:
        return list(selectors.list_advice_items(rejection=rejection, include_removed=False))
    application = Application.objects.select_related("candidate", "vacancy__job_family").get(
        pk=rejection.application_id
    )
    rows, kept = replace_drafted_items(rejection=rejection, application=application)
    record_event(
        organisation=rejection.organisation, action=AuditAction.UPDATE, target=rejection,
        candidate_id=application.candidate_id, summary=f"Advice drafted: {len(rows)} items ({len(kept)} kept)",
    )  # fmt: skip
    return list(selectors.list_advice_items(rejection=rejection, include_removed=False))


def record_advice_viewed(*, actor: Actor, rejection: Rejection) -> None:
    """Log that the actor opened the rejection's advice (it is part of the candidate file)."""
    record_event(
        organisation=actor.organisation, action=AuditAction.VIEW, target=rejection, user=actor.user,
        candidate_id=rejection.application.candidate_id, summary="Advice viewed",
    )  # fmt: skip


def _require_editor(actor: Actor, rejection: Rejection) -> None:
    if rejection.organisation_id != actor.organisation.pk or not actor.has_role(*selectors.EDIT_ROLES):
        raise PermissionDenied
    if not selectors.can_edit_advice(actor=actor, rejection=rejection):
        raise ValidationError(_("This letter has been approved or sent: its advice can no longer be changed."))


def _checked_text(text: str, rejection: Rejection) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the advice for the candidate.")})
    if len(text) > MAX_TEXT:
        raise ValidationError({"text": _("Keep the advice under %(max)s characters.") % {"max": MAX_TEXT}})
    rules = rejection_selectors.load_gate_rules(organisation=rejection.organisation)
    problems = gate.check([], rules, rejection.language, reasons_required=False, personal_note=text)
    labels = {rule.ground: rule for rule in rules.grounds}
    messages = [
        (
            _("The advice mentions “%(term)s”, which touches on a protected ground (%(ground)s).")
            % {"term": p.term, "ground": labels[p.ground].label}
            + " "
            + labels[p.ground].explanation(rejection.language)
        ).strip()
        for p in problems
        if p.code == gate.ProblemCode.PROTECTED_GROUND
    ]
    if messages:
        raise ValidationError({"text": messages})
    return text


def _checked_route(route: Route | None, rejection: Rejection, current: Route | None = None) -> Route | None:
    if route is None:
        return None
    if route.organisation_id != rejection.organisation_id:
        raise ValidationError({"route": _("Choose a route from your organisation's catalogue.")})
    if not route.is_active and (current is None or route.pk != current.pk):
        raise ValidationError({"route": _("This route is inactive. Choose an active route.")})
    return route


def _audit(actor: Actor, rejection: Rejection, action: AuditAction, summary: str) -> None:
    record_event(
        organisation=actor.organisation, action=action, target=rejection, user=actor.user,
        candidate_id=rejection.application.candidate_id, summary=summary,
    )  # fmt: skip


@transaction.atomic
def save_advice_item(*, actor: Actor, item: AdviceItem, text: str, route: Route | None) -> AdviceItem:
    """A person's version of an item (text and route): it becomes approved and survives re-drafting.

    The text is checked for protected grounds like the letter's reasons. Raises ValidationError.
    """
    item = (
        AdviceItem.objects.select_for_update(of=("self",))
        .select_related("rejection__application", "route")
        .get(pk=item.pk)
    )
    _require_editor(actor, item.rejection)
    item.text = _checked_text(text, item.rejection)
    item.route = _checked_route(route, item.rejection, item.route)
    item.status = AdviceStatus.APPROVED
    item.full_clean()
    item.save()
    _audit(actor, item.rejection, AuditAction.UPDATE, f"Advice item {item.pk} saved")
    return item


@transaction.atomic
def remove_advice_item(*, actor: Actor, item: AdviceItem) -> AdviceItem:
    """Take an item out of the letter. It is kept as removed, so re-drafting does not bring it back."""
    item = AdviceItem.objects.select_for_update(of=("self",)).select_related("rejection__application").get(pk=item.pk)
    _require_editor(actor, item.rejection)
    item.status = AdviceStatus.REMOVED
    item.save(update_fields=["status", "updated_at"])
    _audit(actor, item.rejection, AuditAction.UPDATE, f"Advice item {item.pk} removed")
    return item


@transaction.atomic
def add_advice_item(
    *, actor: Actor, rejection: Rejection, kind: AdviceKind | str, text: str, route: Route | None = None
) -> AdviceItem:
    """Add a person's own advice item at the end (approved). Raises ValidationError for bad text or route."""
    rejection = Rejection.objects.select_for_update(of=("self",)).select_related("application").get(pk=rejection.pk)
    _require_editor(actor, rejection)
    position = (
        AdviceItem.objects.filter(rejection=rejection).order_by("-position").values_list("position", flat=True).first()
        or 0
    ) + 1
    item = AdviceItem(
        rejection=rejection, kind=AdviceKind(kind), text=_checked_text(text, rejection),
        route=_checked_route(route, rejection), status=AdviceStatus.APPROVED, position=position,
    )  # fmt: skip
    item.full_clean()
    item.save()
    _audit(actor, rejection, AuditAction.CREATE, f"Advice item {item.pk} added")
    return item


@transaction.atomic
def redraft_advice(*, actor: Actor, rejection: Rejection) -> list[AdviceItem]:
    """A person asks for a fresh draft (e.g. after the catalogue changed): see draft_advice. Keeps their items."""
    rejection = Rejection.objects.select_related("application").get(pk=rejection.pk)
    _require_editor(actor, rejection)
    items = draft_advice(rejection=rejection)
    _audit(actor, rejection, AuditAction.UPDATE, "Advice drafted again")
    return items
