"""The suggestion pages as people meet them: who may open them, what they show, the public explanation."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.letters.tests.factories import rejection_with_reasons
from nagesprek.matching import index, services
from nagesprek.matching.models_log import Audience, SuggestionLog
from nagesprek.matching.tests.helpers import give_profile, vacancy_asking
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.portal.services import issue_link
from nagesprek.vacancies.constants import VacancyStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_indexes():
    """The engine's per-process index outlives a test's rolled-back rows; ids are reused, so start clean."""
    index._INDEXES.clear()
    yield
    index._INDEXES.clear()


def text(msgid: str, language: str = "nl") -> str:
    with translation.override(language):
        return translation.gettext(msgid)


@pytest.fixture
def application():
    vacancy = vacancy_asking(OrganisationFactory(), skills=["Plannen"], title="Secretaresse")
    application = ApplicationFactory(vacancy=vacancy)
    give_profile(application.candidate, skills=["Plannen"])
    vacancy_asking(vacancy.organisation, skills=["Plannen"], title="Managementassistent")
    return application


def _urls(application):
    return [
        reverse("matching:application", args=[application.pk]),
        reverse("matching:talent_pool", args=[application.vacancy_id]),
    ]


@pytest.mark.parametrize("role", [Role.RECRUITER, Role.HR_LEAD])
def test_recruiters_and_hr_leads_see_suggestions(client, application, role):
    client.force_login(member(application.organisation, role))

    pages = [client.get(url) for url in _urls(application)]

    assert [page.status_code for page in pages] == [200, 200]
    assert "Managementassistent" in pages[0].content.decode()
    assert SuggestionLog.objects.count() == 2


@pytest.mark.parametrize("role", [Role.EVALUATOR, Role.ADVISOR, Role.PRIVACY_OFFICER, Role.ORG_ADMIN])
def test_other_roles_are_refused_and_nothing_is_logged(client, application, role):
    client.force_login(member(application.organisation, role))

    assert [client.get(url).status_code for url in _urls(application)] == [403, 403]
    assert SuggestionLog.objects.count() == 0


def test_another_organisations_recruiter_gets_not_found(client, application):
    client.force_login(member(OrganisationFactory(), Role.RECRUITER))

    assert [client.get(url).status_code for url in _urls(application)] == [404, 404]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_explanation_page_is_public_and_names_the_rules_and_version(client, language):
    response = client.get(reverse("matching:how_it_works"), {"lang": language})

    page = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in page
    assert text("A person always decides", language) in page
    assert text("Asking for an explanation", language) in page
    assert services.current_engine_version() in page


class TestTheCandidatePage:
    def test_it_shows_open_vacancies_that_fit_and_how_suggestions_are_made(self, client):
        rejection = rejection_with_reasons(reasons=1, language="nl")
        organisation = rejection.organisation
        give_profile(rejection.application.candidate, skills=["Plannen"])
        vacancy_asking(organisation, skills=["Plannen"], title="Open en passend")
        vacancy_asking(organisation, skills=["Plannen"], title="Nog een concept", status=VacancyStatus.DRAFT)

        page = client.get(urlsplit(issue_link(candidate=rejection.application.candidate)).path).content.decode()

        assert text("Vacancies that fit you") in page
        assert "Open en passend" in page
        assert "Nog een concept" not in page
        assert reverse("matching:how_it_works") in page
        log = SuggestionLog.objects.get()
        assert log.audience == Audience.CANDIDATE
        assert log.requested_by is None and log.requested_by_candidate_id == rejection.application.candidate_id
