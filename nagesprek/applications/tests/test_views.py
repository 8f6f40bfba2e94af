"""The candidate file page and the "move to next stage" action, per role."""

import pytest
from django.urls import reverse

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import StageChange
from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.candidates.tests.factories import ExperienceFactory, LanguageSkillFactory, QualificationFactory
from nagesprek.evaluations import services as evaluation_services
from nagesprek.evaluations.constants import Rating
from nagesprek.evaluations.tests.scenarios import Procedure
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import get_actor_for_user
from nagesprek.organisations.tests.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def application():
    return ApplicationFactory()


def login(client, organisation, *roles):
    user = member(organisation, *roles)
    client.force_login(user)
    return user


def next_stage_url(application):
    return reverse("applications:next_stage", args=[application.pk])


def test_a_recruiter_moves_an_application_to_the_next_stage(client, application):
    recruiter = login(client, application.organisation, Role.RECRUITER)
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert "Move to next stage: Eerste gesprek" in page
    response = client.post(next_stage_url(application), {"note": "Goede motivatie"}, follow=True)
    assert "Moved to the stage “Eerste gesprek”." in response.content.decode()
    application.refresh_from_db()
    assert application.stage.name == "Eerste gesprek"
    change = StageChange.objects.get(application=application)
    assert (change.changed_by, change.note) == (recruiter, "Goede motivatie")


def test_at_the_last_stage_there_is_no_button_and_a_post_gets_a_message(client, application):
    login(client, application.organisation, Role.RECRUITER)
    application.stage = application.vacancy.stages.order_by("position").last()
    application.save()
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert "Move to next stage" not in page
    response = client.post(next_stage_url(application), follow=True)
    assert "already in the last stage" in response.content.decode()
    assert not StageChange.objects.exists()


def test_a_closed_application_does_not_move(client, application):
    login(client, application.organisation, Role.RECRUITER)
    application.status = ApplicationStatus.REJECTED
    application.save()
    response = client.post(next_stage_url(application), follow=True)
    assert response.status_code == 200
    assert "closed" in response.content.decode()
    application.refresh_from_db()
    assert application.stage.position == 0


@pytest.mark.parametrize("role", [Role.EVALUATOR, Role.HR_LEAD, Role.PRIVACY_OFFICER, Role.ADVISOR, Role.ORG_ADMIN])
def test_only_recruiters_move_applications(client, application, role):
    user = login(client, application.organisation, role)
    application.vacancy.evaluators.add(user)
    assert client.post(next_stage_url(application)).status_code == 403
    application.refresh_from_db()
    assert application.stage.position == 0


def test_moving_an_application_of_another_organisation_is_404(client, application):
    login(client, OrganisationFactory(), Role.RECRUITER)
    assert client.post(next_stage_url(application)).status_code == 404
    assert client.get(next_stage_url(application)).status_code in (404, 405)


def test_the_file_shows_profile_history_and_scorecards_and_is_audited(client):
    procedure = Procedure()
    application = procedure.application
    QualificationFactory(candidate=application.candidate, name="BIG-registratie")
    LanguageSkillFactory(candidate=application.candidate, language="Engels", level="B2")
    ExperienceFactory(candidate=application.candidate, role="Doktersassistent")
    evaluation_services.submit_scorecard(
        actor=get_actor_for_user(user=procedure.evaluator),
        application=application,
        stage=procedure.interview,
        ratings=[(procedure.criteria[0], Rating.PARTLY_MET, "Vroeg weinig door."), (procedure.criteria[1], 3, "")],
    )
    client.force_login(procedure.recruiter)
    body = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    for text in ("BIG-registratie", "Engels: B2", "Doktersassistent", "Vroeg weinig door.", "2 – Partly meets"):  # noqa: RUF001
        assert text in body, text
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, candidate_id=application.candidate_id).exists()


def test_an_evaluator_is_invited_to_score_and_does_not_see_others_first(client):
    procedure = Procedure()
    evaluation_services.submit_scorecard(
        actor=get_actor_for_user(user=procedure.second_evaluator),
        application=procedure.application,
        stage=procedure.interview,
        ratings=[(c, Rating.NOT_MET, "Geheim oordeel.") for c in procedure.criteria],
    )
    client.force_login(procedure.evaluator)
    body = client.get(reverse("applications:detail", args=[procedure.application.pk])).content.decode()
    assert "Fill in your scorecard for Eerste gesprek" in body
    assert "Geheim oordeel." not in body
    assert "once you have submitted your own" in body
    assert "Move to next stage" not in body


def test_file_page_queries_are_bounded(client, django_assert_max_num_queries):
    procedure = Procedure()
    for _ in range(5):
        evaluator = member(procedure.organisation, Role.EVALUATOR)
        procedure.vacancy.evaluators.add(evaluator)
        evaluation_services.submit_scorecard(
            actor=get_actor_for_user(user=evaluator),
            application=procedure.application,
            stage=procedure.interview,
            ratings=[(c, Rating.MET, "") for c in procedure.criteria],
        )
    for _ in range(5):
        QualificationFactory(candidate=procedure.application.candidate)
    client.force_login(procedure.recruiter)
    # 20 today (one is the referral or invitation the application came from), whatever the number of
    # scorecards and profile rows; one spare for the rejection block.
    with django_assert_max_num_queries(21):
        assert client.get(reverse("applications:detail", args=[procedure.application.pk])).status_code == 200
