"""Moving and closing applications; the stage history only ever grows."""

import pytest
from django.core.exceptions import ValidationError

from nagesprek.applications import services
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application, StageChange
from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import get_actor_for_user
from nagesprek.organisations.tests.factories import member
from nagesprek.vacancies.tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def application():
    return ApplicationFactory()


def stages(application):
    return list(application.vacancy.stages.order_by("position"))


def history(application):
    return list(
        StageChange.objects.filter(application=application)
        .order_by("id")
        .values("id", "stage_id", "status", "changed_by_id", "changed_at", "note")
    )


def test_move_to_stage_appends_history_and_audits(application):
    recruiter = member(application.organisation, Role.RECRUITER)
    _cv, interview, _offer = stages(application)
    services.move_to_stage(application=application, stage=interview, by=recruiter, note="Sterke brief")
    application.refresh_from_db()
    assert application.stage == interview
    change = StageChange.objects.get(application=application)
    assert (change.stage, change.status, change.changed_by, change.note) == (
        interview,
        ApplicationStatus.ACTIVE,
        recruiter,
        "Sterke brief",
    )
    event = AuditEvent.objects.get(action=AuditAction.UPDATE)
    assert event.candidate_id == application.candidate_id


def test_move_to_a_stage_of_another_vacancy_is_refused(application):
    other_stage = VacancyFactory(organisation=application.organisation).stages.first()
    with pytest.raises(ValidationError):
        services.move_to_stage(application=application, stage=other_stage, by=None)
    application.refresh_from_db()
    assert application.stage == stages(application)[0]
    assert not StageChange.objects.exists()


def test_move_to_the_current_stage_is_refused(application):
    with pytest.raises(ValidationError):
        services.move_to_stage(application=application, stage=application.stage, by=None)


def test_move_to_next_stage_walks_the_pipeline_and_stops_at_the_end(application):
    actor = get_actor_for_user(user=member(application.organisation, Role.RECRUITER))
    _cv, interview, offer = stages(application)
    assert services.move_to_next_stage(actor=actor, application=application).stage == interview
    assert services.move_to_next_stage(actor=actor, application=application).stage == offer
    with pytest.raises(ValidationError):
        services.move_to_next_stage(actor=actor, application=application)
    assert Application.objects.get(pk=application.pk).stage == offer


def test_move_to_next_stage_of_another_organisation_is_out_of_reach(application):
    actor = get_actor_for_user(user=member(ApplicationFactory().organisation, Role.RECRUITER))
    with pytest.raises(Application.DoesNotExist):
        services.move_to_next_stage(actor=actor, application=application)


@pytest.mark.parametrize(
    "status",
    [ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN, ApplicationStatus.CANCELLED, ApplicationStatus.HIRED],
)
def test_close_application_sets_status_and_time_and_appends_history(application, status):
    services.close_application(application=application, status=status, by=None, note="Afgerond")
    application.refresh_from_db()
    assert application.status == status
    assert application.closed_at is not None
    change = StageChange.objects.get(application=application)
    assert (change.status, change.stage_id) == (status, application.stage_id)


def test_close_with_a_status_that_does_not_close_is_refused(application):
    with pytest.raises(ValidationError):
        services.close_application(application=application, status=ApplicationStatus.ACTIVE, by=None)
    with pytest.raises(ValidationError):
        services.close_application(application=application, status="bogus", by=None)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACTIVE


def test_a_closed_application_cannot_close_again_nor_move(application):
    services.close_application(application=application, status=ApplicationStatus.WITHDRAWN, by=None)
    before = history(application)
    with pytest.raises(ValidationError):
        services.close_application(application=application, status=ApplicationStatus.REJECTED, by=None)
    with pytest.raises(ValidationError):
        services.move_to_stage(application=application, stage=stages(application)[1], by=None)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    assert history(application) == before


def test_history_is_append_only_through_every_path(application):
    """Forward, back again, and closing: every earlier row stays exactly as it was written."""
    recruiter = member(application.organisation, Role.RECRUITER)
    cv, interview, offer = stages(application)
    snapshots = []
    for stage in (interview, offer, cv, interview):
        services.move_to_stage(application=application, stage=stage, by=recruiter)
        snapshots.append(history(application))
    services.close_application(application=application, status=ApplicationStatus.REJECTED, by=recruiter)
    final = history(application)
    for earlier in snapshots:
        assert final[: len(earlier)] == earlier
    assert [row["stage_id"] for row in final] == [interview.pk, offer.pk, cv.pk, interview.pk, interview.pk]
    assert [row["status"] for row in final][-1] == ApplicationStatus.REJECTED


def test_a_written_history_row_cannot_be_changed_or_deleted_but_goes_with_its_application(application):
    services.move_to_stage(application=application, stage=stages(application)[1], by=None)
    row = application.stage_changes.last()

    row.note = "Achteraf aangepast"
    with pytest.raises(ValueError, match="append-only"):
        row.save()
    with pytest.raises(ValueError, match="append-only"):
        row.delete()
    assert application.stage_changes.filter(note="Achteraf aangepast").count() == 0

    # Erasure (retention, a deletion request) removes the application and its history together.
    application.delete()
    assert not type(row).objects.filter(pk=row.pk).exists()
