"""Suggestions as the services make them: inside the organisation, honest about must-haves, always logged."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.candidates.tests.factories import CandidateFactory
from nagesprek.consents import services as consent_services
from nagesprek.consents.constants import ConsentPurpose, ConsentSource
from nagesprek.matching import index, services
from nagesprek.matching.models_log import Audience, SuggestionKind, SuggestionLog
from nagesprek.matching.tests.helpers import give_profile, route_closing, vacancy_asking
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.vacancies.constants import VacancyStatus
from nagesprek.vacancies.tests.factories import RequirementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_indexes():
    """The engine's per-process index outlives a test's rolled-back rows; ids are reused, so start clean."""
    index._INDEXES.clear()
    yield
    index._INDEXES.clear()


def actor_for(organisation, role=Role.RECRUITER):
    return Actor(user=member(organisation, role), organisation=organisation, roles=frozenset({role}))


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def application(organisation):
    applied = vacancy_asking(organisation, skills=["Plannen"], title="Secretaresse")
    application = ApplicationFactory(vacancy=applied)
    give_profile(application.candidate, skills=["Plannen", "Notuleren"])
    return application


def _titles(shown):
    return [item.target.title for item in shown.items]


def test_only_open_vacancies_of_the_same_organisation_are_suggested(organisation, application):
    vacancy_asking(organisation, skills=["Notuleren"], title="Open post")
    vacancy_asking(organisation, skills=["Notuleren"], title="Draft post", status=VacancyStatus.DRAFT)
    vacancy_asking(organisation, skills=["Notuleren"], title="Closed post", status=VacancyStatus.CLOSED)
    vacancy_asking(OrganisationFactory(), skills=["Notuleren"], title="Elsewhere")

    candidate_view = services.suggest_vacancies_for_application(application=application, audience=Audience.CANDIDATE)
    staff_view = services.suggest_vacancies_for_application(
        actor=actor_for(organisation), application=application, audience=Audience.STAFF
    )

    assert _titles(candidate_view) == ["Open post"]
    assert _titles(staff_view) == ["Open post"]  # one cannot apply to a draft or closed vacancy either way


def test_the_vacancy_applied_to_is_not_suggested_again(organisation, application):
    shown = services.suggest_vacancies_for_application(application=application, audience=Audience.CANDIDATE)

    assert "Secretaresse" not in _titles(shown)


def test_a_missing_must_have_is_only_suggested_as_a_near_miss_naming_the_route(organisation, application):
    vacancy_asking(organisation, skills=["Plannen"], certificates=["Medische terminologie"], title="Medisch")
    vacancy_asking(organisation, skills=["Plannen"], certificates=["Rijbewijs C"], title="No route")
    route_closing(organisation, "Medische terminologie", title="Cursus medische terminologie")

    shown = services.suggest_vacancies_for_application(application=application, audience=Audience.CANDIDATE)

    assert _titles(shown) == ["Medisch"]
    item = shown.items[0]
    assert not item.fits_now
    assert item.missing == ["Medische terminologie"]
    assert item.route_title == "Cursus medische terminologie"
    assert any("Cursus medische terminologie" in line for line in item.lines)


def test_a_route_of_another_organisation_never_makes_a_near_miss(organisation, application):
    vacancy_asking(organisation, certificates=["Medische terminologie"], title="Medisch")
    route_closing(OrganisationFactory(), "Medische terminologie")

    shown = services.suggest_vacancies_for_application(application=application, audience=Audience.CANDIDATE)

    assert _titles(shown) == []


def test_each_set_shown_is_logged_with_engine_version_and_ranking(organisation, application):
    vacancy = vacancy_asking(organisation, skills=["Notuleren"], title="Open post")
    actor = actor_for(organisation)

    services.suggest_vacancies_for_application(actor=actor, application=application, audience=Audience.STAFF)

    log = SuggestionLog.objects.get()
    assert log.engine_version == services.current_engine_version()
    assert log.kind == SuggestionKind.VACANCIES_FOR_CANDIDATE
    assert (log.subject_id, log.requested_by) == (application.pk, actor.user)
    assert log.candidate_id == application.candidate_id
    assert log.results[0]["id"] == vacancy.pk
    assert log.results[0]["fits_now"] is True
    assert log.results[0]["met"] == ["Notuleren"]
    assert "fits_now" in [reason["code"] for reason in log.results[0]["explanation"]]


def test_a_career_advisor_sees_the_vacancies_that_fit_the_candidate_they_talk_with(organisation, application):
    shown = services.suggest_vacancies_for_application(
        actor=actor_for(organisation, Role.ADVISOR), application=application, audience=Audience.STAFF
    )

    assert SuggestionLog.objects.get() == shown.log


@pytest.mark.parametrize("role", [Role.EVALUATOR, Role.PRIVACY_OFFICER, Role.ORG_ADMIN])
def test_roles_without_suggestions_are_refused(organisation, application, role):
    with pytest.raises(PermissionDenied):
        services.suggest_vacancies_for_application(
            actor=actor_for(organisation, role), application=application, audience=Audience.STAFF
        )
    assert SuggestionLog.objects.count() == 0


def test_staff_of_another_organisation_are_refused(application):
    with pytest.raises(PermissionDenied):
        services.suggest_vacancies_for_application(
            actor=actor_for(OrganisationFactory()), application=application, audience=Audience.STAFF
        )


class TestTalentPool:
    def _pool_member(self, organisation, name, **consent):
        candidate = give_profile(CandidateFactory(organisation=organisation, full_name=name), skills=["Plannen"])
        consent_services.grant_consent(
            candidate=candidate, purpose=ConsentPurpose.TALENT_POOL, source=ConsentSource.REJECTION, **consent
        )
        return candidate

    def test_only_consented_unrevoked_unexpired_candidates_are_ranked(self, organisation):
        vacancy = vacancy_asking(organisation, skills=["Plannen"])
        self._pool_member(organisation, "Consented")
        revoked = self._pool_member(organisation, "Revoked")
        consent_services.revoke_consent(consent=revoked.consents.get())
        self._pool_member(organisation, "Expired", now=timezone.now() - timedelta(days=400))
        give_profile(CandidateFactory(organisation=organisation, full_name="Never asked"), skills=["Plannen"])

        shown = services.suggest_candidates_for_vacancy(actor=actor_for(organisation, Role.HR_LEAD), vacancy=vacancy)

        assert [item.target.full_name for item in shown.items] == ["Consented"]

    def test_a_withdrawal_counts_from_the_next_suggestion_even_with_the_index_built(self, organisation):
        vacancy = vacancy_asking(organisation, skills=["Plannen"])
        candidate = self._pool_member(organisation, "Consented")
        actor = actor_for(organisation)
        assert len(services.suggest_candidates_for_vacancy(actor=actor, vacancy=vacancy).items) == 1

        consent_services.revoke_consent(consent=candidate.consents.get())

        assert services.suggest_candidates_for_vacancy(actor=actor, vacancy=vacancy).items == []

    def test_each_candidate_shown_is_audited_and_the_set_logged(self, organisation):
        vacancy = vacancy_asking(organisation, skills=["Plannen"])
        candidate = self._pool_member(organisation, "Consented")
        actor = actor_for(organisation)

        services.suggest_candidates_for_vacancy(actor=actor, vacancy=vacancy)

        log = SuggestionLog.objects.get(kind=SuggestionKind.TALENT_POOL_FOR_VACANCY)
        assert [row["id"] for row in log.results] == [candidate.pk]
        event = AuditEvent.objects.get(candidate_id=candidate.pk, action=AuditAction.VIEW, actor=actor.user)
        assert vacancy.reference in event.summary

    def test_candidates_of_another_organisation_never_appear(self, organisation):
        vacancy = vacancy_asking(organisation, skills=["Plannen"])
        self._pool_member(OrganisationFactory(), "Elsewhere")

        shown = services.suggest_candidates_for_vacancy(actor=actor_for(organisation), vacancy=vacancy)

        assert shown.items == []


def test_one_route_may_close_two_gaps_but_two_separate_routes_make_no_near_miss(organisation, application):
    gaps = ["Diploma medisch secretaresse", "Medische terminologie"]
    one = vacancy_asking(organisation, certificates=gaps, title="One")
    two = vacancy_asking(organisation, certificates=["Rijbewijs C", "VCA-VOL"], title="Two")
    for vacancy in (one, two):  # something in common, so that only the gaps decide
        RequirementFactory(vacancy=vacancy, kind="skill", label="Plannen", is_must_have=False)
    training = route_closing(organisation, "Diploma medisch secretaresse", title="Opleiding medisch secretaresse")
    training.targets.create(kind="certificate", name="Medische terminologie")
    route_closing(organisation, "Rijbewijs C")
    route_closing(organisation, "VCA-VOL")

    shown = services.suggest_vacancies_for_application(application=application, audience=Audience.CANDIDATE)

    assert _titles(shown) == ["One"]
    assert shown.items[0].route_title == "Opleiding medisch secretaresse"
    assert sorted(shown.items[0].missing) == ["Diploma medisch secretaresse", "Medische terminologie"]


def test_explanations_read_as_sentences_and_an_unknown_code_does_not_break_the_page():
    from nagesprek.matching.wording import explanation_line

    near = explanation_line("near_miss", {"missing": "Deelcertificaat", "route_title": "Cursus X", "route_id": 1})
    unknown = explanation_line("a_newer_code", {"whatever": 1})
    broken = explanation_line("near_miss", {})

    assert "Deelcertificaat" in near and "Cursus X" in near
    assert "a_newer_code" in unknown
    assert "near_miss" in broken
