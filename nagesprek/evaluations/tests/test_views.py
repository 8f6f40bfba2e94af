"""The scorecard page through the test client: the form, drafts, submission and every role."""

import pytest
from django.urls import reverse

from nagesprek.audit.constants import AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.evaluations.constants import Rating
from nagesprek.evaluations.models import Scorecard
from nagesprek.evaluations.tests.scenarios import Procedure
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.vacancies.models import Vacancy
from nagesprek.vacancies.tests.factories import CriterionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure():
    return Procedure()


def url(procedure, stage=None):
    return reverse("evaluations:scorecard", args=[procedure.application.pk, (stage or procedure.interview).pk])


def post(procedure, action, first="", second="", first_evidence="", second_evidence="", summary=""):
    a, b = procedure.criteria
    return {
        f"rating_{a.pk}": first,
        f"evidence_{a.pk}": first_evidence,
        f"rating_{b.pk}": second,
        f"evidence_{b.pk}": second_evidence,
        "summary": summary,
        "action": action,
    }


def test_the_form_has_a_fieldset_per_criterion_the_scale_and_the_avg_reminder(client, procedure):
    client.force_login(procedure.evaluator)
    response = client.get(url(procedure))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('<fieldset class="panel criterion') == 2
    assert "<legend>Klantgericht" in body and "<legend>Helder uitleggen" in body
    for value, label in Rating.choices:
        assert f"{value} – {label}" in body  # noqa: RUF001
    assert body.count('type="radio"') == 8
    assert "The candidate may read everything you write here." in body
    assert "AVG" in body
    assert 'name="action" value="draft"' in body and 'name="action" value="submit"' in body
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, candidate_id=procedure.application.candidate_id).exists()


def test_save_a_draft_then_submit(client, procedure):
    client.force_login(procedure.evaluator)
    response = client.post(url(procedure), post(procedure, "draft", first="2", first_evidence="Weinig voorbeelden."))
    assert response.status_code == 302
    draft = Scorecard.objects.get()
    assert draft.submitted_at is None
    page = client.get(url(procedure)).content.decode()
    assert "Weinig voorbeelden." in page  # the draft is filled back in

    response = client.post(
        url(procedure),
        post(procedure, "submit", first="2", second="4", first_evidence="Weinig voorbeelden.", summary="Twijfel"),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("applications:detail", args=[procedure.application.pk])
    draft.refresh_from_db()
    assert draft.submitted_at is not None
    assert Vacancy.objects.get(pk=procedure.vacancy.pk).requirements_frozen_at is not None
    page = client.get(url(procedure)).content.decode()
    assert "It can no longer be changed." in page
    assert 'type="radio"' not in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"first": "3"}, "Choose a rating before submitting."),
        ({"first": "1", "second": "3"}, "A rating of 1 or 2 needs evidence"),
        ({"first": "7", "second": "3"}, "Select a valid choice"),
    ],
)
def test_bad_submissions_are_explained_and_save_nothing(client, procedure, data, message):
    client.force_login(procedure.evaluator)
    response = client.post(url(procedure), post(procedure, "submit", **data))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Scorecard.objects.exists()


def test_evidence_without_a_rating_is_not_lost_in_a_draft(client, procedure):
    client.force_login(procedure.evaluator)
    response = client.post(url(procedure), post(procedure, "draft", first_evidence="Belangrijk bewijs"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Choose a rating as well" in body
    assert "Belangrijk bewijs" in body
    assert not Scorecard.objects.exists()


def test_posting_to_a_submitted_scorecard_changes_nothing(client, procedure):
    client.force_login(procedure.evaluator)
    client.post(url(procedure), post(procedure, "submit", first="3", second="3"))
    response = client.post(
        url(procedure), post(procedure, "submit", first="1", second="1", first_evidence="x"), follow=True
    )
    assert "You submitted this scorecard already" in response.content.decode()
    assert set(Scorecard.objects.get().ratings.values_list("rating", flat=True)) == {3}


def test_a_stage_not_reached_yet_is_explained(client, procedure):
    client.force_login(procedure.evaluator)
    CriterionFactory(stage=procedure.offer)
    response = client.post(url(procedure, procedure.offer), {"action": "draft"})
    assert response.status_code == 200
    assert "has not reached the stage" in response.content.decode()


# --- who may score ---


@pytest.mark.parametrize("who", ["evaluator", "recruiter"])
def test_assigned_evaluators_and_the_vacancys_recruiters_may_score(client, procedure, who):
    client.force_login(getattr(procedure, who))
    assert client.get(url(procedure)).status_code == 200
    assert client.post(url(procedure), post(procedure, "submit", first="3", second="3")).status_code == 302


def test_an_unassigned_evaluator_gets_404(client, procedure):
    client.force_login(member(procedure.organisation, Role.EVALUATOR))
    assert client.get(url(procedure)).status_code == 404
    assert client.post(url(procedure), post(procedure, "submit", first="3", second="3")).status_code == 404
    assert not Scorecard.objects.exists()


def test_a_recruiter_not_on_the_vacancy_sees_the_file_but_may_not_score(client, procedure):
    client.force_login(member(procedure.organisation, Role.RECRUITER))
    assert client.get(url(procedure)).status_code == 403


@pytest.mark.parametrize("role", [Role.ADVISOR, Role.HR_LEAD, Role.PRIVACY_OFFICER, Role.ORG_ADMIN])
def test_other_roles_may_not_score(client, procedure, role):
    user = member(procedure.organisation, role)
    procedure.vacancy.evaluators.add(user)
    client.force_login(user)
    assert client.get(url(procedure)).status_code == 403
    assert client.post(url(procedure), post(procedure, "submit", first="3", second="3")).status_code == 403
    assert not Scorecard.objects.exists()


@pytest.mark.parametrize("role", [Role.EVALUATOR, Role.RECRUITER])
def test_another_organisation_gets_404(client, procedure, role):
    client.force_login(member(OrganisationFactory(), role))
    assert client.get(url(procedure)).status_code == 404


def test_a_stage_of_another_vacancy_is_404(client, procedure):
    other = Procedure()
    client.force_login(procedure.evaluator)
    response = client.get(reverse("evaluations:scorecard", args=[procedure.application.pk, other.interview.pk]))
    assert response.status_code == 404


def test_criterion_descriptions_show_as_hints(client, procedure):
    named = procedure.criteria[1]
    named.description = "Legt de kandidaat een regel in gewone woorden uit?"
    named.save()
    procedure.requirement.description = "Je luistert goed en vraagt door."
    procedure.requirement.save()
    client.force_login(procedure.evaluator)
    body = client.get(url(procedure)).content.decode()
    assert "Legt de kandidaat een regel in gewone woorden uit?" in body
    assert "Je luistert goed en vraagt door." in body
