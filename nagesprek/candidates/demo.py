"""Demo profiles: what a recruiter records from each CV, with dates on the documents.

Two steps, both idempotent:
- a candidate without any profile rows gets them read from the CV text (work experience, documents,
  skills, languages), in the layout the demo CVs use, Dutch or English;
- every qualification without dates gets an issue date and, for documents that lapse (certificates,
  licences, registrations), an expiry date. Some of those of candidates who were not hired lie in the
  past or in the coming weeks: expired and expiring documents are what a substantiated rejection and
  the advice after it must be able to point at.
"""

from __future__ import annotations

import datetime
import random
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.candidates.constants import QualificationKind
from nagesprek.candidates.models import Candidate, Experience, LanguageSkill, Qualification, Skill
from nagesprek.organisations.models import Organisation
from nagesprek.vacancies.constants import LanguageLevel

EXPIRED_SHARE = 0.15
EXPIRING_SHARE = 0.08
# How long a document stays valid, in years; None: it does not lapse.
VALIDITY = {
    QualificationKind.DIPLOMA: None,
    QualificationKind.REGISTRATION: 5,
    QualificationKind.LICENCE: 10,
    QualificationKind.CERTIFICATE: 3,
}

SECTIONS = {
    "werkervaring": "experience",
    "work experience": "experience",
    "certificaten en registraties": "documents",
    "certificates and registrations": "documents",
    "vaardigheden": "skills",
    "skills": "skills",
    "talen": "languages",
    "languages": "languages",
}
LANGUAGE_NAMES_NL = {
    "dutch": "Nederlands",
    "english": "Engels",
    "german": "Duits",
    "french": "Frans",
    "spanish": "Spaans",
}
JOB_LINE = re.compile(r"^(?P<role>.+?) (?:bij|at) (?P<employer>.+?) \((?P<years>\d+(?:[.,]\d)?) (?:jaar|years?)\)$")
INTERNSHIP_LINE = re.compile(r"^(?:Stage|Internship): (?P<role>.+?) (?:bij|at) ")
LANGUAGE_ITEM = re.compile(r"(?P<name>[^,()]+?) \((?P<level>[ABC][12])\)")


@dataclass
class ParsedCv:
    experiences: list[tuple[str, Decimal]] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    languages: list[tuple[str, str]] = field(default_factory=list)


def parse_cv(text: str) -> ParsedCv:
    """Read the profile from a CV in the demo layout: a heading line, then its lines; "- " marks an item."""
    parsed = ParsedCv()
    section = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.lower() in SECTIONS:
            section = SECTIONS[line.lower()]
            continue
        item = line[2:].strip() if line.startswith("- ") else ""
        if section == "experience" and not item:
            _read_job(parsed, line)
        elif section == "documents" and item:
            parsed.documents.append(item[:200])
        elif section == "skills" and item:
            parsed.skills.append(item[:200])
        elif section == "languages":
            parsed.languages += _read_languages(line)
    return parsed


def _read_job(parsed: ParsedCv, line: str) -> None:
    if match := JOB_LINE.match(line):
        years = Decimal(match["years"].replace(",", "."))
        parsed.experiences.append((match["role"][:200], years))
    elif match := INTERNSHIP_LINE.match(line):
        parsed.experiences.append((match["role"][:200].capitalize(), Decimal("0.5")))


def _read_languages(line: str) -> list[tuple[str, str]]:
    found = []
    for match in LANGUAGE_ITEM.finditer(line):
        name = match["name"].strip()
        if match["level"] in LanguageLevel.values:
            found.append((LANGUAGE_NAMES_NL.get(name.lower(), name), match["level"]))
    return found


def qualification_kind(name: str) -> str:
    lowered = name.lower()
    if "registratie" in lowered or "registration" in lowered:
        return QualificationKind.REGISTRATION
    if lowered.startswith(("diploma", "masterdiploma", "artsdiploma")):
        return QualificationKind.DIPLOMA
    if lowered.startswith(("rijbewijs", "vca", "driving licence")):
        return QualificationKind.LICENCE
    return QualificationKind.CERTIFICATE


@transaction.atomic
def add_demo_profiles(organisation: Organisation, rng: random.Random) -> int:
    """Fill in missing profiles from the CVs and date the documents; returns how many rows changed.

    Deterministic for the data and the seed; a second run changes nothing.
    """
    created = _profiles_from_cvs(organisation)
    dated = _date_qualifications(organisation, rng)
    if created or dated:
        record_event(
            organisation=organisation,
            action=AuditAction.UPDATE,
            target=organisation,
            candidate_id=None,
            summary=f"Demo profiles: {created} rows read from CVs, {dated} documents dated",
        )
    return created + dated


def _profiles_from_cvs(organisation: Organisation) -> int:
    has_profile = Q(qualifications__isnull=False) | Q(skills__isnull=False) | Q(experiences__isnull=False)
    has_profile |= Q(languages__isnull=False)
    bare = Candidate.objects.filter(organisation=organisation).exclude(has_profile).exclude(cv_text="").order_by("pk")
    rows: list[Qualification | Skill | LanguageSkill | Experience] = []
    for candidate in bare:
        parsed = parse_cv(candidate.cv_text)
        rows += [Experience(candidate=candidate, role=role, years=years) for role, years in parsed.experiences]
        rows += [Qualification(candidate=candidate, name=n, kind=qualification_kind(n)) for n in parsed.documents]
        rows += [Skill(candidate=candidate, name=name) for name in dict.fromkeys(parsed.skills)]
        languages = dict(parsed.languages)
        rows += [LanguageSkill(candidate=candidate, language=name, level=level) for name, level in languages.items()]
    Experience.objects.bulk_create([row for row in rows if isinstance(row, Experience)])
    Qualification.objects.bulk_create([row for row in rows if isinstance(row, Qualification)])
    Skill.objects.bulk_create([row for row in rows if isinstance(row, Skill)])
    LanguageSkill.objects.bulk_create([row for row in rows if isinstance(row, LanguageSkill)])
    return len(rows)


def _date_qualifications(organisation: Organisation, rng: random.Random) -> int:
    today = timezone.localdate()
    hired = Application.objects.filter(candidate=OuterRef("candidate"), status=ApplicationStatus.HIRED)
    undated = (
        Qualification.objects.filter(candidate__organisation=organisation, issued_on__isnull=True)
        .annotate(was_hired=Exists(hired))
        .order_by("candidate_id", "pk")
    )
    changed = []
    for qualification in undated:
        _date(qualification, today=today, may_lapse=not qualification.was_hired, rng=rng)
        changed.append(qualification)
    Qualification.objects.bulk_update(changed, ["issued_on", "expires_on"], batch_size=500)
    return len(changed)


def _date(qualification: Qualification, *, today: datetime.date, may_lapse: bool, rng: random.Random) -> None:
    validity = VALIDITY.get(QualificationKind(qualification.kind))
    if validity is None:
        qualification.issued_on = today - datetime.timedelta(days=rng.randint(2 * 365, 20 * 365))
        return
    draw = rng.random()
    if may_lapse and draw < EXPIRED_SHARE:
        expires = today - datetime.timedelta(days=rng.randint(20, 400))
    elif may_lapse and draw < EXPIRED_SHARE + EXPIRING_SHARE:
        expires = today + datetime.timedelta(days=rng.randint(10, 60))
    else:
        expires = today + datetime.timedelta(days=rng.randint(90, validity * 365 - 30))
    qualification.expires_on = expires
    qualification.issued_on = expires - datetime.timedelta(days=validity * 365)
