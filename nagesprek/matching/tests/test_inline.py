"""Suggestions where recruiters work: on the rejection screen and on the vacancy page, with reasons, logged."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from nagesprek.audit.models import AuditEvent
from nagesprek.candidates.tests.factories import CandidateFactory
from nagesprek.consents import services as consent_services
from nagesprek.consents.constants import ConsentPurpose, ConsentSource
from nagesprek.letters.tests.factories import rejection_with_reasons
from nagesprek.matching import engine, index
from nagesprek.matching.models_log import Audience, SuggestionKind, SuggestionLog
from nagesprek.matching.tests.helpers import give_profile, route_closing, vacancy_asking
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import member
from nagesprek.rejections.constants import Outcome, RejectionStatus
from nagesprek.vacancies.constants import VacancyStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_indexes():
    """The engine's per-process index outlives a test's rolled-back rows; ids are reused, so start clean."""
    index._INDEXES.clear()
    yield
    index._INDEXES.clear()


def text(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


@pytest.fixture
def rejection():
    rejection = rejection_with_reasons(reasons=1, status=RejectionStatus.DRAFT, sent_at=None)
    give_profile(rejection.application.candidate, skills=["Plannen"])
    organisation = rejection.organisation
    vacancy_asking(organisation, skills=["Plannen"], title="Managementassistent")
    vacancy_asking(organisation, skills=["Plannen"], certificates=["Medische terminologie"], title="Medisch")
    route_closing(organisation, "Medische terminologie", title="Cursus medische terminologie")
    vacancy_asking(organisation, skills=["Plannen"], title="Nog dicht", status=VacancyStatus.DRAFT)
    return rejection


def _pages(rejection):
    return [reverse("rejections:edit", args=[rejection.pk]), reverse("rejections:detail", args=[rejection.pk])]


class TestTheRejectionScreen:
    def test_the_form_and_the_detail_page_show_fitting_vacancies_with_reasons_and_routes(self, client, rejection):
        client.force_login(member(rejection.organisation, Role.RECRUITER))

        for url in _pages(rejection):
            page = client.get(url).content.decode()
            assert text("Other vacancies that fit this candidate") in page
            assert "Managementassistent" in page and text("Meets all must-have requirements.") in page
            assert "Medisch" in page and "Cursus medische terminologie" in page  # the near-miss names its route
            assert "Nog dicht" not in page  # open vacancies only
            assert reverse("matching:application", args=[rejection.application_id]) in page

        logs = SuggestionLog.objects.filter(kind=SuggestionKind.VACANCIES_FOR_CANDIDATE)
        assert logs.count() == 2  # each page shows a set, each set is logged
        assert {log.engine_version for log in logs} == {engine.ENGINE_VERSION}
        assert all(log.audience == Audience.STAFF and len(log.results) == 2 for log in logs)

    def test_a_role_without_suggestions_sees_no_block_and_nothing_is_logged(self, client, rejection):
        client.force_login(member(rejection.organisation, Role.PRIVACY_OFFICER))

        page = client.get(reverse("rejections:detail", args=[rejection.pk])).content.decode()

        assert text("Other vacancies that fit this candidate") not in page
        assert not SuggestionLog.objects.exists()

    def test_a_candidate_who_withdrew_gets_no_suggestions(self, client, rejection):
        rejection.outcome = Outcome.WITHDRAWN
        rejection.save(update_fields=["outcome"])
        client.force_login(member(rejection.organisation, Role.RECRUITER))

        page = client.get(reverse("rejections:detail", args=[rejection.pk])).content.decode()

        assert text("Other vacancies that fit this candidate") not in page
        assert not SuggestionLog.objects.exists()

    def test_queries_do_not_grow_with_the_number_of_open_vacancies(self, client, rejection):
        client.force_login(member(rejection.organisation, Role.RECRUITER))
        url = reverse("rejections:edit", args=[rejection.pk])
        client.get(url)  # the index is built on first use

        def count():
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            return len(queries)

        few = count()
        for number in range(12):
            vacancy_asking(rejection.organisation, skills=["Plannen"], title=f"Passend {number}")
        index.forget(rejection.organisation_id)  # factories skip the services' refresh: rebuild, then measure
        client.get(url)
        assert count() == few
        assert client.get(url).content.decode().count('class="suggestion"') == 5  # the first five, then a link


class TestTheVacancyPage:
    def _pool_member(self, organisation, name, skills=("Plannen",)):
        candidate = give_profile(CandidateFactory(organisation=organisation, full_name=name), skills=skills)
        consent_services.grant_consent(
            candidate=candidate, purpose=ConsentPurpose.TALENT_POOL, source=ConsentSource.REJECTION
        )
        return candidate

    @pytest.fixture
    def vacancy(self, rejection):
        organisation = rejection.organisation
        self._pool_member(organisation, "Ans Bakker")
        give_profile(CandidateFactory(organisation=organisation, full_name="Zonder toestemming"), skills=["Plannen"])
        return vacancy_asking(organisation, skills=["Plannen"], title="Planner")

    def test_it_shows_consented_candidates_with_reasons_audited_and_logged(self, client, vacancy):
        user = member(vacancy.organisation, Role.RECRUITER)
        client.force_login(user)

        page = client.get(reverse("vacancies:detail", args=[vacancy.pk])).content.decode()

        assert text("Candidates from the talent pool") in page
        assert "Ans Bakker" in page and text("Meets all must-have requirements.") in page
        assert "Zonder toestemming" not in page
        assert reverse("matching:talent_pool", args=[vacancy.pk]) in page
        log = SuggestionLog.objects.get(kind=SuggestionKind.TALENT_POOL_FOR_VACANCY)
        assert log.engine_version == engine.ENGINE_VERSION and log.requested_by == user
        assert AuditEvent.objects.filter(actor=user, candidate_id=log.results[0]["id"], action="view").exists()

    @pytest.mark.parametrize("role", [Role.EVALUATOR, Role.ADVISOR, Role.ORG_ADMIN])
    def test_other_roles_see_no_talent_pool_and_nothing_is_logged(self, client, vacancy, role):
        client.force_login(member(vacancy.organisation, role))

        page = client.get(reverse("vacancies:detail", args=[vacancy.pk])).content.decode()

        assert "Ans Bakker" not in page
        assert not SuggestionLog.objects.exists()

    def test_a_filled_vacancy_shows_no_talent_pool(self, client, vacancy):
        vacancy.status = VacancyStatus.FILLED
        vacancy.save(update_fields=["status"])
        client.force_login(member(vacancy.organisation, Role.RECRUITER))

        assert "Ans Bakker" not in client.get(reverse("vacancies:detail", args=[vacancy.pk])).content.decode()

    def test_queries_do_not_grow_with_the_talent_pool(self, client, vacancy, django_capture_on_commit_callbacks):
        client.force_login(member(vacancy.organisation, Role.RECRUITER))
        url = reverse("vacancies:detail", args=[vacancy.pk])
        client.get(url)

        def count():
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            return len(queries)

        few = count()
        with django_capture_on_commit_callbacks(execute=True):  # consent given: the index takes them in
            for number in range(8):
                self._pool_member(vacancy.organisation, f"Kandidaat {number}", skills=["Plannen", f"Extra {number}"])
        # each candidate shown is one audit row (their data is on the page); everything else stays constant
        assert count() == few + 4  # five shown instead of one: four more audit rows
        assert client.get(url).content.decode().count('class="suggestion"') == 5
