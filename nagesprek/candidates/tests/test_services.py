"""Registering applications (one person per e-mail address) and keeping the profile."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application, StageChange
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.candidates import services
from nagesprek.candidates.constants import QualificationKind
from nagesprek.candidates.models import Candidate
from nagesprek.candidates.services import (
    CandidateDetails,
    ExperienceData,
    LanguageData,
    Profile,
    QualificationData,
)
from nagesprek.candidates.tests.factories import CandidateFactory, QualificationFactory, SkillFactory
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import get_actor_for_user
from nagesprek.organisations.tests.factories import member
from nagesprek.vacancies.tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def vacancy():
    return VacancyFactory()


def register(vacancy, email="anna.de.wit@example.net", **extra):
    return services.register_application(
        organisation=vacancy.organisation, vacancy=vacancy, email=email, full_name="Anna de Wit", **extra
    )


def test_register_creates_person_application_history_and_audit(vacancy):
    recruiter = member(vacancy.organisation, Role.RECRUITER)
    applied_at = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)
    application = register(vacancy, language="en", cv_text="Tien jaar ervaring.", applied_at=applied_at, by=recruiter)
    assert application.stage == vacancy.stages.order_by("position").first()
    assert application.status == ApplicationStatus.ACTIVE
    assert application.applied_at == applied_at
    candidate = application.candidate
    assert (candidate.full_name, candidate.language, candidate.cv_text) == ("Anna de Wit", "en", "Tien jaar ervaring.")
    change = StageChange.objects.get(application=application)
    assert (change.stage, change.changed_by, change.changed_at) == (application.stage, recruiter, applied_at)
    event = AuditEvent.objects.get()
    assert (event.action, event.candidate_id, event.actor) == (AuditAction.CREATE, candidate.pk, recruiter)


def test_the_same_address_in_any_case_is_the_same_person(vacancy):
    first = register(vacancy, email="Anna.de.Wit@Example.net")
    other_vacancy = VacancyFactory(organisation=vacancy.organisation)
    second = register(other_vacancy, email="  anna.DE.wit@example.NET ")
    assert first.candidate_id == second.candidate_id
    assert Candidate.objects.count() == 1
    assert Candidate.objects.get().email == "anna.de.wit@example.net"


def test_a_returning_candidate_keeps_the_profile_and_gets_the_new_cv(vacancy):
    first = register(vacancy, cv_text="Oud cv", city="Delft")
    SkillFactory(candidate=first.candidate, name="Excel")
    register(VacancyFactory(organisation=vacancy.organisation), cv_text="Nieuw cv")
    candidate = Candidate.objects.get()
    assert candidate.cv_text == "Nieuw cv"
    assert candidate.city == "Delft"  # a blank does not wipe what was known
    assert list(candidate.skills.values_list("name", flat=True)) == ["Excel"]


def test_a_second_application_to_the_same_vacancy_is_refused_and_changes_nothing(vacancy):
    register(vacancy, cv_text="Origineel")
    with pytest.raises(ValidationError) as error:
        register(vacancy, email="ANNA.DE.WIT@example.net", cv_text="Overschreven?")
    assert "already applied" in error.value.messages[0]
    assert Application.objects.count() == 1
    assert Candidate.objects.get().cv_text == "Origineel"


def test_the_same_address_in_another_organisation_is_another_person(vacancy):
    register(vacancy)
    register(VacancyFactory())
    assert Candidate.objects.count() == 2


def test_vacancy_of_another_organisation_is_refused(vacancy):
    with pytest.raises(ValidationError):
        services.register_application(
            organisation=VacancyFactory().organisation, vacancy=vacancy, email="a@example.net", full_name="A"
        )
    assert not Application.objects.exists()


def test_vacancy_without_stages_is_refused():
    with pytest.raises(ValidationError):
        register(VacancyFactory(with_stages=False))
    assert not Candidate.objects.exists()


def test_invalid_email_is_refused(vacancy):
    with pytest.raises(ValidationError) as error:
        register(vacancy, email="geen-adres")
    assert "email" in error.value.message_dict


def test_cv_file_is_stored_and_checked(vacancy):
    pdf = SimpleUploadedFile("cv.pdf", b"%PDF-1.7\n...", content_type="application/pdf")
    application = register(vacancy, cv_file=pdf)
    assert application.candidate.cv_file.name.endswith(".pdf")
    fake = SimpleUploadedFile("cv.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError):
        register(VacancyFactory(organisation=vacancy.organisation), email="b@example.net", cv_file=fake)


# --- profile ---


@pytest.fixture
def actor(vacancy):
    return get_actor_for_user(user=member(vacancy.organisation, Role.RECRUITER))


def person(candidate, **changes):
    values = {
        "full_name": candidate.full_name,
        "email": candidate.email,
        "phone": "",
        "city": "Utrecht",
        "language": "nl",
        "education_level": "mbo4",
        "cv_text": candidate.cv_text,
    }
    return CandidateDetails(**(values | changes))


def full_profile():
    return Profile(
        qualifications=[
            QualificationData(
                kind=QualificationKind.REGISTRATION,
                name="BIG-registratie verpleegkundige",
                issuer="CIBG",
                issued_on=datetime.date(2019, 5, 1),
                expires_on=datetime.date(2024, 5, 1),
            )
        ],
        skills=["Excel", "Plannen"],
        languages=[LanguageData(language="Nederlands", level="C2"), LanguageData(language="Engels", level="B1")],
        experiences=[ExperienceData(role="Verpleegkundige", sector="Zorg", years=Decimal("6.5"))],
    )


def test_update_profile_replaces_the_lists_and_is_audited(vacancy, actor):
    candidate = CandidateFactory(organisation=vacancy.organisation)
    QualificationFactory(candidate=candidate, name="Oud certificaat")
    services.update_candidate_profile(
        actor=actor, candidate=candidate, details=person(candidate), profile=full_profile()
    )
    candidate.refresh_from_db()
    assert (candidate.city, candidate.education_level) == ("Utrecht", "mbo4")
    qualification = candidate.qualifications.get()
    assert (qualification.name, qualification.expires_on) == (
        "BIG-registratie verpleegkundige",
        datetime.date(2024, 5, 1),
    )
    assert sorted(candidate.skills.values_list("name", flat=True)) == ["Excel", "Plannen"]
    assert sorted(candidate.languages.values_list("language", "level")) == [("Engels", "B1"), ("Nederlands", "C2")]
    assert candidate.experiences.get().years == Decimal("6.5")
    event = AuditEvent.objects.get()
    assert (event.action, event.candidate_id) == (AuditAction.UPDATE, candidate.pk)


def test_update_profile_refuses_another_candidates_address(vacancy, actor):
    candidate = CandidateFactory(organisation=vacancy.organisation)
    other = CandidateFactory(organisation=vacancy.organisation, email="bezet@example.net")
    with pytest.raises(ValidationError) as error:
        services.update_candidate_profile(
            actor=actor,
            candidate=candidate,
            details=person(candidate, email="BEZET@example.net"),
            profile=full_profile(),
        )
    assert "email" in error.value.message_dict
    assert Candidate.objects.get(pk=candidate.pk).email != other.email


@pytest.mark.parametrize(
    "profile",
    [
        Profile(qualifications=[], skills=["Excel", "excel"], languages=[], experiences=[]),
        Profile(
            qualifications=[],
            skills=[],
            languages=[LanguageData(language="Engels", level="B1"), LanguageData(language="engels", level="C1")],
            experiences=[],
        ),
        Profile(
            qualifications=[
                QualificationData(
                    kind=QualificationKind.CERTIFICATE,
                    name="VCA",
                    issued_on=datetime.date(2024, 1, 1),
                    expires_on=datetime.date(2023, 1, 1),
                )
            ],
            skills=[],
            languages=[],
            experiences=[],
        ),
        Profile(qualifications=[], skills=[], languages=[LanguageData(language="Engels", level="X9")], experiences=[]),
    ],
    ids=["duplicate skill", "duplicate language", "expires before issued", "unknown level"],
)
def test_bad_profile_changes_nothing(vacancy, actor, profile):
    candidate = CandidateFactory(organisation=vacancy.organisation)
    SkillFactory(candidate=candidate, name="Bestaand")
    with pytest.raises(ValidationError):
        services.update_candidate_profile(actor=actor, candidate=candidate, details=person(candidate), profile=profile)
    assert list(candidate.skills.values_list("name", flat=True)) == ["Bestaand"]
    assert not AuditEvent.objects.exists()


def test_update_profile_of_another_organisation_is_out_of_reach(actor):
    foreign = CandidateFactory()
    with pytest.raises(Candidate.DoesNotExist):
        services.update_candidate_profile(
            actor=actor, candidate=foreign, details=person(foreign), profile=full_profile()
        )
