"""Setting up conversations: the policy (organisation and vacancy) and the advisors' profiles, hours and exceptions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from nagesprek.accounts.models import User
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.conversations.models import AdvisorAbsence, AdvisorProfile, ConversationPolicy, WorkingHours
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Membership
from nagesprek.organisations.selectors import Actor
from nagesprek.vacancies.models import JobFamily, Vacancy


def _audit(actor: Actor, target: Model, action: AuditAction, summary: str) -> None:
    record_event(
        organisation=actor.organisation,
        action=action,
        target=target,
        candidate_id=None,
        user=actor.user,
        summary=summary,
    )


@transaction.atomic
def save_policy(
    *,
    actor: Actor,
    offer_to: str,
    deadline_working_days: int,
    modes: Sequence[str],
    vacancy: Vacancy | None = None,
) -> ConversationPolicy:
    """Set the organisation's conversation policy, or (with ``vacancy``) that vacancy's own.

    The caller has checked access (``selectors.get_policy_for_actor`` / ``get_vacancy_for_policy``).
    Applies to letters sent from now on; offers already made keep their deadline. Raises
    ValidationError for impossible values. Audited.
    """
    policy = ConversationPolicy.objects.select_for_update().filter(
        organisation=actor.organisation, vacancy=vacancy
    ).first() or ConversationPolicy(organisation=actor.organisation, vacancy=vacancy)
    policy.offer_to = offer_to
    policy.deadline_working_days = deadline_working_days
    policy.modes = list(modes)
    policy.updated_by = actor.user
    policy.full_clean(validate_constraints=False)
    policy.save()
    where = f"vacancy {vacancy.reference}" if vacancy else "the organisation"
    _audit(
        actor, policy, AuditAction.UPDATE, f"Conversation policy of {where}: {offer_to}, {deadline_working_days} days"
    )
    return policy


@transaction.atomic
def clear_vacancy_policy(*, actor: Actor, vacancy: Vacancy) -> None:
    """Drop the vacancy's own policy: the organisation's applies again. Idempotent. Audited."""
    deleted, _rows = ConversationPolicy.objects.filter(organisation=actor.organisation, vacancy=vacancy).delete()
    if deleted:
        _audit(actor, vacancy, AuditAction.UPDATE, f"Conversation policy of vacancy {vacancy.reference} removed")


@dataclass(frozen=True)
class ProfileData:
    job_families: Sequence[JobFamily]
    languages: Sequence[str]
    modes: Sequence[str]
    location: str
    max_per_day: int | None
    conversation_minutes: int
    is_active: bool = True


@transaction.atomic
def save_advisor_profile(
    *, actor: Actor, data: ProfileData, profile: AdvisorProfile | None = None, user: User | None = None
) -> AdvisorProfile:
    """Create a profile for ``user`` (an advisor of the organisation; org admins) or change ``profile``.

    The caller has checked access (an org admin, or the advisor for their own profile). Raises
    ValidationError when ``user`` is no advisor here, has a profile already, or a value is impossible
    (a job family of another organisation included). Audited.
    """
    if profile is None:
        if user is None or not _is_advisor(actor, user):
            raise ValidationError({"user": _("Choose a career advisor of your organisation.")})
        if AdvisorProfile.objects.filter(organisation=actor.organisation, user=user).exists():
            raise ValidationError({"user": _("This advisor has a profile already.")})
        profile = AdvisorProfile(organisation=actor.organisation, user=user)
    if any(family.organisation_id != actor.organisation.pk for family in data.job_families):
        raise ValidationError({"job_families": _("Choose job families of your organisation.")})
    profile.languages, profile.modes = list(data.languages), list(data.modes)
    profile.location = data.location.strip()
    profile.max_per_day, profile.conversation_minutes = data.max_per_day, data.conversation_minutes
    profile.is_active = data.is_active
    profile.full_clean(validate_constraints=False)
    profile.save()
    profile.job_families.set(data.job_families)
    _audit(actor, profile, AuditAction.UPDATE, f"Advisor profile of {profile.user} saved")
    return profile


def _is_advisor(actor: Actor, user: User) -> bool:
    return Membership.objects.filter(organisation=actor.organisation, user=user, role=Role.ADVISOR).exists()


@transaction.atomic
def set_working_hours(
    *, actor: Actor, profile: AdvisorProfile, periods: Sequence[tuple[int, time, time]]
) -> list[WorkingHours]:
    """Replace the advisor's weekly hours with ``periods`` (weekday 0 = Monday, start, end; local time).

    Raises ValidationError for a period that ends before it starts or overlaps another on the same day.
    Existing bookings stay (a person cancels them if needed). Audited.
    """
    ordered = sorted(periods)
    for (day, start, end), following in zip(ordered, [*ordered[1:], None], strict=True):
        if end <= start:
            raise ValidationError(_("A period must end after it starts."))
        if following is not None and following[0] == day and following[1] < end:
            raise ValidationError(_("Two periods on the same day overlap."))
    AdvisorProfile.objects.select_for_update(of=("self",)).filter(pk=profile.pk).first()
    profile.working_hours.all().delete()
    rows = [WorkingHours(profile=profile, weekday=day, start=start, end=end) for day, start, end in ordered]
    for row in rows:
        row.full_clean(exclude=["profile"])
    created = WorkingHours.objects.bulk_create(rows)
    _audit(actor, profile, AuditAction.UPDATE, f"Working hours of {profile.user} set ({len(rows)} periods)")
    return created


@transaction.atomic
def add_absence(
    *, actor: Actor, profile: AdvisorProfile, kind: str, starts_at: datetime, ends_at: datetime, note: str = ""
) -> AdvisorAbsence:
    """Add time off (out of office) or extra time to the advisor's agenda. Bookings already made stay. Audited."""
    absence = AdvisorAbsence(profile=profile, kind=kind, starts_at=starts_at, ends_at=ends_at, note=note.strip())
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The end must be after the start.")})
    absence.full_clean()
    absence.save()
    _audit(actor, profile, AuditAction.UPDATE, f"Exception added to the hours of {profile.user} ({kind})")
    return absence


@transaction.atomic
def remove_absence(*, actor: Actor, absence: AdvisorAbsence) -> None:
    """Remove an exception from the advisor's agenda. Audited."""
    profile = absence.profile
    absence.delete()
    _audit(actor, profile, AuditAction.UPDATE, f"Exception removed from the hours of {profile.user}")
