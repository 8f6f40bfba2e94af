"""The HTTP API as an ATS uses it: a key per organisation, JSON in and out, nothing outside the organisation."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.audit.models import AuditEvent
from nagesprek.candidates.tests.factories import CandidateFactory
from nagesprek.consents import services as consent_services
from nagesprek.consents.constants import ConsentPurpose, ConsentSource
from nagesprek.integrations import services
from nagesprek.matching import engine, index
from nagesprek.matching.models_log import Audience, SuggestionKind, SuggestionLog
from nagesprek.matching.tests.helpers import give_profile, route_closing, vacancy_asking
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.vacancies.constants import VacancyStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_indexes():
    """The engine's per-process index outlives a test's rolled-back rows; ids are reused, so start clean."""
    index._INDEXES.clear()
    yield
    index._INDEXES.clear()


def make_key(organisation, name="ATS"):
    actor = Actor(user=member(organisation, Role.ORG_ADMIN), organisation=organisation, roles=frozenset({"org_admin"}))
    return services.create_api_key(actor=actor, name=name)


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def key(organisation):
    return make_key(organisation)


@pytest.fixture
def api(client, key):
    """A client that sends the organisation's key with every request."""
    _api_key, secret = key

    def get(path, **params):
        return client.get(f"/api/v1{path}", params, headers={"authorization": f"Bearer {secret}"})

    return get


@pytest.fixture
def application(organisation):
    applied = vacancy_asking(organisation, skills=["Plannen"], title="Secretaresse")
    application = ApplicationFactory(vacancy=applied)
    give_profile(application.candidate, skills=["Plannen"])
    vacancy_asking(organisation, skills=["Plannen"], title="Managementassistent")
    vacancy_asking(organisation, skills=["Plannen"], certificates=["Medische terminologie"], title="Medisch")
    route_closing(organisation, "Medische terminologie", title="Cursus medische terminologie")
    vacancy_asking(organisation, skills=["Plannen"], title="Concept", status=VacancyStatus.DRAFT)
    return application


def pool_member(organisation, name):
    candidate = give_profile(CandidateFactory(organisation=organisation, full_name=name), skills=["Plannen"])
    consent_services.grant_consent(
        candidate=candidate, purpose=ConsentPurpose.TALENT_POOL, source=ConsentSource.REJECTION
    )
    return candidate


class TestTheKey:
    def test_without_a_key_the_answer_is_401_in_json(self, client, application):
        response = client.get("/api/v1/vacancies")
        assert response.status_code == 401
        assert response.json() == {"detail": "Unauthorized"}

    @pytest.mark.parametrize("header", ["Bearer nonsense", "Basic abc", "Bearer ngs_00000000_" + "a" * 43])
    def test_a_wrong_key_is_401(self, client, application, header):
        assert client.get("/api/v1/vacancies", headers={"authorization": header}).status_code == 401

    def test_the_right_prefix_with_another_secret_is_401(self, client, key):
        api_key, secret = key
        forged = secret[: len(api_key.prefix) + 1] + ("A" if secret[-1] != "A" else "B") * 43
        assert client.get("/api/v1/vacancies", headers={"authorization": f"Bearer {forged}"}).status_code == 401

    def test_a_revoked_key_stops_working_at_once(self, api, key, organisation):
        api_key, _secret = key
        assert api("/vacancies").status_code == 200
        actor = Actor(
            user=member(organisation, Role.ORG_ADMIN), organisation=organisation, roles=frozenset({"org_admin"})
        )
        services.revoke_api_key(actor=actor, api_key=api_key)
        assert api("/vacancies").status_code == 401

    def test_only_a_hash_of_the_key_is_stored_and_its_use_is_noted(self, api, key):
        api_key, secret = key
        assert secret not in (api_key.key_hash, api_key.prefix) and secret.startswith(api_key.prefix)
        api("/vacancies")
        api_key.refresh_from_db()
        assert api_key.last_used_at is not None


class TestVacancies:
    def test_only_the_organisations_open_vacancies_with_their_requirements(self, api, application):
        vacancy_asking(OrganisationFactory(), skills=["Plannen"], title="Elders")

        response = api("/vacancies")

        body = response.json()
        titles = sorted(item["title"] for item in body["items"])
        assert response.status_code == 200
        assert titles == ["Managementassistent", "Medisch", "Secretaresse"]
        assert body["count"] == 3
        medisch = next(item for item in body["items"] if item["title"] == "Medisch")
        assert {"kind": "certificate", "label": "Medische terminologie", "must_have": True}.items() <= (
            medisch["requirements"][1].items()
        )

    def test_pages_of_vacancies_take_a_fixed_number_of_queries(self, api, organisation):
        for number in range(3):
            vacancy_asking(organisation, skills=["Plannen"], title=f"Vacature {number}")

        def count():
            with CaptureQueriesContext(connection) as queries:
                assert api("/vacancies", limit=50).status_code == 200
            return len(queries)

        api("/vacancies")  # the key's first use is written down once
        few = count()
        for number in range(20):
            vacancy_asking(organisation, skills=["Plannen", "Notuleren"], title=f"Meer {number}")
        assert count() == few == 4  # the key, the count, the vacancies, their requirements
        assert len(api("/vacancies", limit=5, offset=5).json()["items"]) == 5


class TestTalentPool:
    def test_consented_candidates_with_explanations_logged_and_audited(self, api, key, organisation):
        api_key, _secret = key
        vacancy = vacancy_asking(organisation, skills=["Plannen"], title="Planner")
        candidate = pool_member(organisation, "Ans Bakker")
        give_profile(CandidateFactory(organisation=organisation, full_name="Nooit gevraagd"), skills=["Plannen"])

        body = api(f"/vacancies/{vacancy.pk}/talent-pool").json()

        assert [s["candidate"]["full_name"] for s in body["suggestions"]] == ["Ans Bakker"]
        suggestion = body["suggestions"][0]
        assert suggestion["fits_now"] is True and suggestion["route"] is None
        assert "fits_now" in [reason["code"] for reason in suggestion["explanation"]]
        assert body["engine_version"] == engine.ENGINE_VERSION
        log = SuggestionLog.objects.get(pk=body["suggestion_set"])
        assert (log.kind, log.audience, log.requested_by_api_key_id) == (
            SuggestionKind.TALENT_POOL_FOR_VACANCY,
            Audience.INTEGRATION,
            api_key.pk,
        )
        event = AuditEvent.objects.get(candidate_id=candidate.pk, action="view")
        assert event.actor is None and api_key.prefix in event.actor_label

    def test_another_organisations_vacancy_is_404_and_nothing_is_logged(self, api):
        other = vacancy_asking(OrganisationFactory(), skills=["Plannen"])
        response = api(f"/vacancies/{other.pk}/talent-pool")
        assert response.status_code == 404 and response.json() == {"detail": "Not Found"}
        assert api("/vacancies/999999/talent-pool").status_code == 404
        assert not SuggestionLog.objects.exists()


class TestFittingVacancies:
    def test_other_open_vacancies_with_the_route_of_a_near_miss(self, api, application, key):
        api_key, _secret = key

        body = api(f"/applications/{application.pk}/vacancies", lang="en").json()

        by_title = {s["vacancy"]["title"]: s for s in body["suggestions"]}
        assert set(by_title) == {"Managementassistent", "Medisch"}
        near = by_title["Medisch"]
        assert near["fits_now"] is False and near["route"]["title"] == "Cursus medische terminologie"
        assert near["missing"] == ["Medische terminologie"]
        assert any("closes this gap" in reason["text"] for reason in near["explanation"])  # English, as asked
        assert body["candidate_id"] == application.candidate_id
        event = AuditEvent.objects.get(candidate_id=application.candidate_id, action="view")
        assert event.actor_label == api_key.audit_label

    def test_another_organisations_application_is_404(self, api):
        other = ApplicationFactory()
        assert api(f"/applications/{other.pk}/vacancies").status_code == 404
        assert not AuditEvent.objects.filter(candidate_id=other.candidate_id).exists()


class TestBadInput:
    @pytest.mark.parametrize(
        "path",
        [
            "/vacancies/abc/talent-pool",
            "/vacancies/0/talent-pool",
            f"/vacancies/{2**64}/talent-pool",
            "/applications/-3/vacancies",
            "/vacancies?limit=-1",
            "/vacancies?offset=abc",
        ],
    )
    def test_bad_input_is_a_clear_json_error(self, api, application, path):
        response = api(path)
        assert response.status_code == 422
        assert response.json()["detail"]

    @pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 1000}, {"lang": "de"}])
    def test_bad_parameters_are_refused(self, api, application, params):
        response = api(f"/applications/{application.pk}/vacancies", **params)
        assert response.status_code == 422 and response.json()["detail"]
        assert not SuggestionLog.objects.exists()

    def test_an_unknown_path_is_a_json_404(self, api):
        response = api("/candidates")
        assert response.status_code == 404 and response.json() == {"detail": "Not Found"}

    def test_writing_is_not_allowed(self, client, key):
        _api_key, secret = key
        response = client.post("/api/v1/vacancies", {}, headers={"authorization": f"Bearer {secret}"})
        assert response.status_code == 405


class TestTheDescription:
    def test_openapi_31_from_the_typed_schemas(self, client):
        schema = client.get("/api/v1/openapi.json").json()
        assert schema["openapi"] == "3.1.0"
        assert {"/api/v1/vacancies", "/api/v1/vacancies/{vacancy_id}/talent-pool"} <= set(schema["paths"])
        assert schema["components"]["securitySchemes"]["ApiKeyAuth"]["scheme"] == "bearer"

    def test_the_docs_page_runs_under_the_sites_csp_with_local_files_only(self, client):
        response = client.get("/api/v1/docs")
        page = response.content.decode()
        assert response.status_code == 200
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
        assert "cdn" not in page.lower()
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S)
        inline = [attrs for attrs, body in scripts if "src=" not in attrs and 'type="application/json"' not in attrs]
        assert scripts and not inline
