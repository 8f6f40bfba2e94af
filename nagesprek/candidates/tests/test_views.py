"""Adding an application by hand, editing the profile and downloading the CV, per role."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nagesprek.applications.models import Application
from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.candidates.models import Candidate
from nagesprek.candidates.tests.factories import QualificationFactory, SkillFactory
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.vacancies.tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db

NOT_RECRUITERS = [Role.EVALUATOR, Role.ADVISOR, Role.HR_LEAD, Role.PRIVACY_OFFICER, Role.ORG_ADMIN]


@pytest.fixture
def vacancy():
    return VacancyFactory()


def login(client, organisation, *roles):
    user = member(organisation, *roles)
    client.force_login(user)
    return user


def entry(**overrides):
    data = {
        "full_name": "Sevda Kaya",
        "email": "Sevda.Kaya@example.net",
        "language": "en",
        "phone": "",
        "city": "Rotterdam",
        "education_level": "hbo",
        "cv_text": "Acht jaar ervaring als secretaresse.",
    }
    return data | overrides


# --- adding an application ---


def test_a_recruiter_adds_an_application_with_a_cv(client, vacancy):
    login(client, vacancy.organisation, Role.RECRUITER)
    cv = SimpleUploadedFile("cv.pdf", b"%PDF-1.7\n...", content_type="application/pdf")
    response = client.post(reverse("candidates:add_application", args=[vacancy.pk]), entry(cv_file=cv))
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("applications:detail", args=[application.pk])
    assert application.candidate.email == "sevda.kaya@example.net"
    assert application.candidate.cv_file


def test_adding_the_same_person_twice_to_a_vacancy_says_so(client, vacancy):
    login(client, vacancy.organisation, Role.RECRUITER)
    client.post(reverse("candidates:add_application", args=[vacancy.pk]), entry())
    response = client.post(
        reverse("candidates:add_application", args=[vacancy.pk]), entry(email="SEVDA.KAYA@EXAMPLE.NET")
    )
    assert response.status_code == 200
    assert "has already applied for this vacancy" in response.content.decode()
    assert Application.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "geen adres"}, "valid email"),
        ({"cv_file": SimpleUploadedFile("cv.exe", b"MZ")}, "Upload the CV as a PDF"),
        ({"cv_file": SimpleUploadedFile("cv.pdf", b"MZ not a pdf")}, "does not match its name"),
        ({"full_name": ""}, "required"),
    ],
)
def test_bad_entries_are_explained_and_store_nothing(client, vacancy, overrides, message):
    login(client, vacancy.organisation, Role.RECRUITER)
    response = client.post(reverse("candidates:add_application", args=[vacancy.pk]), entry(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Candidate.objects.exists()


@pytest.mark.parametrize("role", NOT_RECRUITERS)
def test_only_recruiters_add_applications(client, vacancy, role):
    user = login(client, vacancy.organisation, role)
    vacancy.evaluators.add(user)
    assert client.get(reverse("candidates:add_application", args=[vacancy.pk])).status_code == 403
    assert client.post(reverse("candidates:add_application", args=[vacancy.pk]), entry()).status_code == 403
    assert not Candidate.objects.exists()


def test_adding_to_a_vacancy_of_another_organisation_is_404(client, vacancy):
    login(client, OrganisationFactory(), Role.RECRUITER)
    assert client.post(reverse("candidates:add_application", args=[vacancy.pk]), entry()).status_code == 404
    assert not Candidate.objects.exists()


# --- the profile ---


@pytest.fixture
def application():
    return ApplicationFactory()


def profile_post(candidate, **overrides):
    data = {
        "full_name": candidate.full_name,
        "email": candidate.email,
        "language": "nl",
        "phone": "",
        "city": "Delft",
        "education_level": "mbo4",
        "cv_text": "Cv",
        "skills": "Plannen\nExcel\n\nplannen",
        "qualification-TOTAL_FORMS": "2",
        "qualification-INITIAL_FORMS": "0",
        "qualification-0-kind": "certificate",
        "qualification-0-name": "Deelcertificaat anesthesie",
        "qualification-0-issued_on": "2020-01-01",
        "qualification-0-expires_on": "2023-01-01",
        "qualification-1-kind": "certificate",
        "language-TOTAL_FORMS": "1",
        "language-INITIAL_FORMS": "0",
        "language-0-language": "Engels",
        "language-0-level": "B2",
        "experience-TOTAL_FORMS": "1",
        "experience-INITIAL_FORMS": "0",
        "experience-0-role": "Anesthesiemedewerker dierenkliniek",
        "experience-0-sector": "Diergeneeskunde",
        "experience-0-years": "4.5",
    }
    return data | overrides


def test_profile_page_is_audited_and_saves_every_list(client, application):
    candidate = application.candidate
    login(client, application.organisation, Role.RECRUITER)
    url = reverse("candidates:profile", args=[candidate.pk]) + f"?application={application.pk}"
    assert client.get(url).status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, candidate_id=candidate.pk).exists()

    response = client.post(url, profile_post(candidate))
    assert response.status_code == 302
    assert response["Location"] == reverse("applications:detail", args=[application.pk])
    candidate.refresh_from_db()
    assert candidate.city == "Delft"
    assert list(candidate.qualifications.values_list("name", flat=True)) == ["Deelcertificaat anesthesie"]
    assert sorted(candidate.skills.values_list("name", flat=True)) == ["Excel", "Plannen"]
    assert candidate.languages.get().level == "B2"
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, candidate_id=candidate.pk).exists()

    detail = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert "Deelcertificaat anesthesie" in detail
    assert "expired on" in detail
    assert "Anesthesiemedewerker dierenkliniek" in detail


def test_a_removed_row_is_removed(client, application):
    candidate = application.candidate
    QualificationFactory(candidate=candidate, name="Verlopen VCA")
    login(client, application.organisation, Role.RECRUITER)
    data = profile_post(
        candidate,
        **{
            "qualification-TOTAL_FORMS": "1",
            "qualification-INITIAL_FORMS": "1",
            "qualification-0-name": "Verlopen VCA",
            "qualification-0-DELETE": "on",
        },
    )
    client.post(reverse("candidates:profile", args=[candidate.pk]), data)
    assert not candidate.qualifications.exists()


def test_bad_profile_input_is_explained_and_changes_nothing(client, application):
    candidate = application.candidate
    SkillFactory(candidate=candidate, name="Bestaand")
    login(client, application.organisation, Role.RECRUITER)
    data = profile_post(candidate, **{"qualification-0-expires_on": "2019-01-01", "language-0-level": "Z9"})
    response = client.post(reverse("candidates:profile", args=[candidate.pk]), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "The expiry date is before the issue date." in body
    assert "Select a valid choice" in body
    assert list(candidate.skills.values_list("name", flat=True)) == ["Bestaand"]


@pytest.mark.parametrize("role", NOT_RECRUITERS)
def test_only_recruiters_edit_profiles(client, application, role):
    user = login(client, application.organisation, role)
    application.vacancy.evaluators.add(user)
    url = reverse("candidates:profile", args=[application.candidate_id])
    assert client.get(url).status_code == 403
    assert client.post(url, profile_post(application.candidate)).status_code == 403


def test_profile_of_another_organisation_is_404(client, application):
    login(client, OrganisationFactory(), Role.RECRUITER)
    assert client.get(reverse("candidates:profile", args=[application.candidate_id])).status_code == 404


def test_profile_page_queries_are_bounded(client, application, django_assert_max_num_queries):
    candidate = application.candidate
    for n in range(6):
        QualificationFactory(candidate=candidate)
        SkillFactory(candidate=candidate, name=f"Vaardigheid {n}")
        ApplicationFactory(candidate=candidate, vacancy=VacancyFactory(organisation=application.organisation))
    login(client, application.organisation, Role.RECRUITER)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("candidates:profile", args=[candidate.pk])).status_code == 200


# --- the CV file ---


@pytest.fixture
def with_cv(application):
    candidate = application.candidate
    candidate.cv_file = SimpleUploadedFile("cv.pdf", b"%PDF-1.7\nhet cv")
    candidate.save()
    return application


@pytest.mark.parametrize("role", [Role.RECRUITER, Role.HR_LEAD, Role.PRIVACY_OFFICER])
def test_cv_download_is_audited(client, with_cv, role):
    login(client, with_cv.organisation, role)
    response = client.get(reverse("candidates:cv", args=[with_cv.candidate_id]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]
    assert AuditEvent.objects.filter(candidate_id=with_cv.candidate_id, summary="CV file").exists()


def test_cv_download_for_evaluators_only_when_assigned(client, with_cv):
    evaluator = login(client, with_cv.organisation, Role.EVALUATOR)
    assert client.get(reverse("candidates:cv", args=[with_cv.candidate_id])).status_code == 404
    with_cv.vacancy.evaluators.add(evaluator)
    assert client.get(reverse("candidates:cv", args=[with_cv.candidate_id])).status_code == 200


@pytest.mark.parametrize("role", [Role.ADVISOR, Role.ORG_ADMIN])
def test_cv_download_refused_for_roles_without_candidate_files(client, with_cv, role):
    login(client, with_cv.organisation, role)
    assert client.get(reverse("candidates:cv", args=[with_cv.candidate_id])).status_code == 403


def test_cv_download_of_another_organisation_is_404(client, with_cv):
    login(client, OrganisationFactory(), Role.RECRUITER)
    assert client.get(reverse("candidates:cv", args=[with_cv.candidate_id])).status_code == 404
    assert not AuditEvent.objects.exists()
