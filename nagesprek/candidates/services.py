"""Writes to candidates: registering an application (one person, recognised by e-mail) and the profile."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nagesprek.accounts.constants import Language
from nagesprek.accounts.models import User
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application, StageChange
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.candidates.models import Candidate, Experience, LanguageSkill, Qualification, Skill
from nagesprek.candidates.validators import validate_cv_file
from nagesprek.organisations.models import Organisation
from nagesprek.organisations.selectors import Actor
from nagesprek.vacancies.models import Vacancy


def normalise_email(email: str) -> str:
    """Addresses are compared case-insensitively; storing them lower-case lets the unique constraint hold."""
    return email.strip().lower()


@transaction.atomic
def register_application(
    *,
    organisation: Organisation,
    vacancy: Vacancy,
    email: str,
    full_name: str,
    language: str = Language.DUTCH,
    phone: str = "",
    city: str = "",
    education_level: str = "",
    cv_text: str = "",
    cv_file: UploadedFile | None = None,
    applied_at: datetime.datetime | None = None,
    by: User | None = None,
) -> Application:
    """Record an application; the same e-mail address (any case) in the organisation is the same person.

    A returning candidate keeps their profile; details given now (name, language, CV) replace the old
    ones, blanks leave them. The application starts in the vacancy's first stage with one StageChange.
    Raises ValidationError (nothing saved) for a second application to the same vacancy, a vacancy of
    another organisation or without stages, or a bad e-mail address or CV file. ``by`` is the member of
    staff who entered it (None for the candidate or an integration).
    """
    if vacancy.organisation_id != organisation.pk:
        raise ValidationError(_("That vacancy belongs to another organisation."))
    first_stage = vacancy.stages.order_by("position").first()
    if first_stage is None:
        raise ValidationError(_("This vacancy has no stages yet; add them before registering applications."))
    if cv_file is not None:
        validate_cv_file(cv_file)
    candidate, created = _find_or_create_candidate(
        organisation=organisation,
        email=email,
        details={
            "full_name": full_name,
            "language": language,
            "phone": phone,
            "city": city,
            "education_level": education_level,
            "cv_text": cv_text,
        },
        cv_file=cv_file,
    )
    if Application.objects.filter(candidate=candidate, vacancy=vacancy).exists():
        raise ValidationError(
            _("%(name)s (%(email)s) has already applied for this vacancy."),
            params={"name": candidate.full_name, "email": candidate.email},
        )
    applied_at = applied_at or timezone.now()
    application = Application.objects.create(
        organisation=organisation, candidate=candidate, vacancy=vacancy, stage=first_stage, applied_at=applied_at
    )
    StageChange.objects.create(
        application=application,
        stage=first_stage,
        status=ApplicationStatus.ACTIVE,
        changed_by=by,
        changed_at=applied_at,
        note=_("Application received"),
    )
    record_event(
        organisation=organisation,
        action=AuditAction.CREATE,
        target=application,
        candidate_id=candidate.pk,
        user=by,
        summary=(_("New candidate, applied for %(vacancy)s") if created else _("Applied again, for %(vacancy)s"))
        % {"vacancy": vacancy.reference},
    )
    return application


def _find_or_create_candidate(
    *, organisation: Organisation, email: str, details: dict[str, str], cv_file: UploadedFile | None
) -> tuple[Candidate, bool]:
    email = normalise_email(email)
    candidate = Candidate.objects.select_for_update().filter(organisation=organisation, email__iexact=email).first()
    created = candidate is None
    if candidate is None:
        candidate = Candidate(organisation=organisation, email=email)
    for field, value in details.items():
        if value and value.strip():
            setattr(candidate, field, value.strip())
    if cv_file is not None:
        candidate.cv_file = cv_file  # type: ignore[assignment]
    candidate.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            candidate.save()
    except IntegrityError:
        # Another request registered the same address a moment ago: use that person.
        candidate = Candidate.objects.get(organisation=organisation, email__iexact=email)
        created = False
    return candidate, created


@dataclass(frozen=True)
class CandidateDetails:
    full_name: str
    email: str
    phone: str
    city: str
    language: str
    education_level: str
    cv_text: str


@dataclass(frozen=True)
class QualificationData:
    kind: str
    name: str
    issuer: str = ""
    issued_on: datetime.date | None = None
    expires_on: datetime.date | None = None


@dataclass(frozen=True)
class LanguageData:
    language: str
    level: str


@dataclass(frozen=True)
class ExperienceData:
    role: str
    years: Decimal
    sector: str = ""


@dataclass(frozen=True)
class Profile:
    qualifications: Sequence[QualificationData]
    skills: Sequence[str]
    languages: Sequence[LanguageData]
    experiences: Sequence[ExperienceData]


@transaction.atomic
def update_candidate_profile(
    *,
    actor: Actor,
    candidate: Candidate,
    details: CandidateDetails,
    profile: Profile,
    cv_file: UploadedFile | None = None,
) -> Candidate:
    """Replace the candidate's details and profile (qualifications, skills, languages, experience).

    The lists are replaced as a whole: what the form shows is what is stored. Raises ValidationError
    (nothing changed) for an address another candidate of the organisation has, a duplicate skill or
    language, an expiry date before the issue date, or a bad CV file. Audited as a change.
    """
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk, organisation=actor.organisation)
    email = normalise_email(details.email)
    if Candidate.objects.filter(organisation=actor.organisation, email__iexact=email).exclude(pk=candidate.pk).exists():
        raise ValidationError({"email": _("Another candidate in your organisation has this e-mail address.")})
    for field in ("full_name", "phone", "city", "language", "education_level", "cv_text"):
        setattr(candidate, field, getattr(details, field).strip())
    candidate.email = email
    if cv_file is not None:
        validate_cv_file(cv_file)
        candidate.cv_file = cv_file  # type: ignore[assignment]
    candidate.full_clean()
    candidate.save()
    _replace_profile(candidate, profile)
    record_event(
        organisation=actor.organisation,
        action=AuditAction.UPDATE,
        target=candidate,
        candidate_id=candidate.pk,
        user=actor.user,
        summary=_("Profile changed"),
    )
    from nagesprek.matching.index import refresh_candidate_on_commit  # matching reads candidates; import late

    refresh_candidate_on_commit(candidate.pk)
    return candidate


def _replace_profile(candidate: Candidate, profile: Profile) -> None:
    _check_unique([s.strip().lower() for s in profile.skills], _("The skill “%(value)s” is listed twice."))
    _check_unique(
        [la.language.strip().lower() for la in profile.languages], _("The language “%(value)s” is listed twice.")
    )
    rows: list[Qualification | Skill | LanguageSkill | Experience] = []
    for q in profile.qualifications:
        if q.issued_on and q.expires_on and q.expires_on < q.issued_on:
            raise ValidationError(_("“%(name)s” expires before it was issued."), params={"name": q.name})
        rows.append(
            Qualification(
                candidate=candidate,
                kind=q.kind,
                name=q.name.strip(),
                issuer=q.issuer.strip(),
                issued_on=q.issued_on,
                expires_on=q.expires_on,
            )
        )
    rows += [Skill(candidate=candidate, name=name.strip()) for name in profile.skills]
    rows += [
        LanguageSkill(candidate=candidate, language=la.language.strip(), level=la.level) for la in profile.languages
    ]
    rows += [
        Experience(candidate=candidate, role=e.role.strip(), sector=e.sector.strip(), years=e.years)
        for e in profile.experiences
    ]
    for row in rows:
        row.full_clean(exclude=["candidate"], validate_constraints=False)
    _store_rows(rows, replace_for=candidate)


def _store_rows(rows: Sequence[Qualification | Skill | LanguageSkill | Experience], *, replace_for: Candidate) -> None:
    for model in (Qualification, Skill, LanguageSkill, Experience):
        model._default_manager.filter(candidate=replace_for).delete()
    Qualification.objects.bulk_create([row for row in rows if isinstance(row, Qualification)])
    Skill.objects.bulk_create([row for row in rows if isinstance(row, Skill)])
    LanguageSkill.objects.bulk_create([row for row in rows if isinstance(row, LanguageSkill)])
    Experience.objects.bulk_create([row for row in rows if isinstance(row, Experience)])


def _check_unique(values: list[str], message: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValidationError(message, params={"value": value})
        seen.add(value)


def record_candidate_viewed(*, actor: Actor, candidate: Candidate, what: str = "") -> None:
    """Log that the actor opened this candidate's profile or CV (AVG: every access is accountable)."""
    record_event(
        organisation=actor.organisation,
        action=AuditAction.VIEW,
        target=candidate,
        candidate_id=candidate.pk,
        user=actor.user,
        summary=what,
    )
