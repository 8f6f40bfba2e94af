"""The workflow services against the database: drafting, editing, the gate, four-eyes, scheduling."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.audit.models import AuditEvent
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.rejections import services
from nagesprek.rejections.constants import Outcome, ReasonSource, RejectionStatus
from nagesprek.rejections.models import Rejection, RejectionReason
from nagesprek.rejections.services import GateRefused, ReasonInput, RejectionError
from nagesprek.rejections.tests.factories import GOOD_REASON, actor_for, make_setting
from nagesprek.vacancies.models import Requirement
from nagesprek.vacancies.tests.factories import RequirementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    return make_setting()


def start(setting, outcome=Outcome.REJECTED, actor=None):
    return services.start_rejection(actor=actor or setting.actor(), application=setting.application, outcome=outcome)


def snapshot(rejection):
    rejection = Rejection.objects.get(pk=rejection.pk)
    reasons = list(RejectionReason.objects.filter(rejection=rejection).values_list("explanation", "requirement_id"))
    return (rejection.status, rejection.personal_note, rejection.send_at, reasons)


def test_start_drafts_reasons_from_the_record(setting):
    rejection = start(setting)
    reasons = list(rejection.reasons.order_by("position"))
    assert [(r.source, r.requirement_id, r.criterion_id) for r in reasons] == [
        (ReasonSource.EXPIRED_QUALIFICATION, setting.big.pk, None),
        (ReasonSource.UNMET_REQUIREMENT, setting.dutch.pk, None),
        (ReasonSource.LOW_RATING, None, setting.planning.pk),
    ]
    assert "Kon geen voorbeeld geven" in reasons[2].explanation
    assert rejection.status == RejectionStatus.DRAFT
    assert rejection.language == "nl"
    assert AuditEvent.objects.filter(object_id=str(rejection.pk), candidate_id=setting.candidate.pk).exists()


def test_drafted_reasons_pass_the_gate(setting):
    rejection = start(setting)
    assert services.gate_problems(rejection=rejection) == []


def test_only_active_applications(setting):
    setting.application.status = ApplicationStatus.HIRED
    setting.application.save()
    with pytest.raises(RejectionError):
        start(setting)
    assert not Rejection.objects.exists()


@pytest.mark.parametrize("role", [Role.EVALUATOR, Role.ADVISOR, Role.HR_LEAD, Role.PRIVACY_OFFICER, Role.ORG_ADMIN])
def test_only_recruiters_decide(setting, role):
    with pytest.raises(RejectionError):
        start(setting, actor=actor_for(member(setting.organisation, role), setting.organisation))
    assert not Rejection.objects.exists()


def test_any_recruiter_of_the_organisation_may_decide(setting):
    colleague = member(setting.organisation, Role.RECRUITER)  # not a recruiter of this vacancy
    assert start(setting, actor=actor_for(colleague, setting.organisation)).pk


def test_recruiter_of_another_organisation_cannot(setting):
    other = OrganisationFactory()
    with pytest.raises(RejectionError):
        start(setting, actor=actor_for(member(other, Role.RECRUITER), other))


def test_withdrawn_needs_no_reasons_and_passes_the_gate(setting):
    rejection = start(setting, Outcome.WITHDRAWN)
    assert not rejection.reasons.exists()
    submitted = services.submit_rejection(actor=setting.actor(), rejection=rejection)
    assert submitted.status == RejectionStatus.SCHEDULED


def test_switching_outcome_drops_and_redrafts_reasons(setting):
    rejection = start(setting)
    start(setting, Outcome.CANCELLED)
    assert not rejection.reasons.exists()
    start(setting, Outcome.REJECTED)
    assert rejection.reasons.count() == 3


def test_save_reasons_keeps_source_and_evidence_when_target_unchanged(setting):
    rejection = start(setting)
    first = rejection.reasons.order_by("position").first()
    services.save_reasons(
        actor=setting.actor(),
        rejection=rejection,
        reasons=[
            ReasonInput(GOOD_REASON + " Aangepast.", requirement_id=first.requirement_id, reason_id=first.pk),
            ReasonInput(GOOD_REASON, criterion_id=setting.teamwork.pk),
        ],
        personal_note="Dank voor het fijne gesprek.",
    )
    kept, added = rejection.reasons.order_by("position")
    assert (kept.source, kept.evidence) == (first.source, first.evidence)
    assert kept.explanation.endswith("Aangepast.")
    assert (added.source, added.evidence) == (ReasonSource.RECRUITER, "")
    rejection.refresh_from_db()
    assert rejection.personal_note == "Dank voor het fijne gesprek."


def test_save_reasons_refuses_a_requirement_of_another_vacancy(setting):
    rejection = start(setting)
    before = snapshot(rejection)
    foreign = RequirementFactory()
    with pytest.raises(RejectionError):
        services.save_reasons(
            actor=setting.actor(), rejection=rejection, reasons=[ReasonInput(GOOD_REASON, requirement_id=foreign.pk)]
        )
    assert snapshot(rejection) == before


def test_save_reasons_refuses_a_retired_requirement(setting):
    retired = Requirement.objects.create(
        vacancy=setting.vacancy, kind="skill", label="Oud", introduced_in_version=1, retired_in_version=1
    )
    rejection = start(setting)
    with pytest.raises(RejectionError):
        services.save_reasons(
            actor=setting.actor(), rejection=rejection, reasons=[ReasonInput(GOOD_REASON, requirement_id=retired.pk)]
        )


@pytest.mark.parametrize(
    "text",
    [
        "We hebben voor een andere kandidaat gekozen.",
        "U bent met uw leeftijd te oud voor ons jonge en dynamische team van verpleegkundigen.",
    ],
)
def test_gate_refusal_changes_nothing(setting, text, django_capture_on_commit_callbacks):
    rejection = start(setting)
    before = snapshot(rejection)
    audit_count = AuditEvent.objects.count()
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(GateRefused) as refused:
        services.save_and_submit_rejection(
            actor=setting.actor(),
            rejection=rejection,
            reasons=[ReasonInput(text, requirement_id=setting.dutch.pk)],
            personal_note="",
            language="nl",
        )
    assert refused.value.problems
    assert snapshot(rejection) == before
    assert AuditEvent.objects.count() == audit_count
    assert callbacks == []


def test_no_reason_is_refused(setting):
    rejection = start(setting)
    services.save_reasons(actor=setting.actor(), rejection=rejection, reasons=[])
    with pytest.raises(GateRefused) as refused:
        services.submit_rejection(actor=setting.actor(), rejection=rejection)
    assert [p.code for p in refused.value.problems] == ["no_reason"]


def test_submit_without_review_schedules_and_enqueues_on_commit(setting, django_capture_on_commit_callbacks):
    rejection = start(setting)
    with django_capture_on_commit_callbacks(execute=True):
        submitted = services.submit_rejection(actor=setting.actor(), rejection=rejection)
    assert submitted.status == RejectionStatus.SCHEDULED
    assert submitted.send_at <= timezone.now()
    assert submitted.decided_by == setting.recruiter
    task = DBTaskResult.objects.get(task_path="nagesprek.rejections.tasks.send_rejection_task")
    assert task.args_kwargs["args"] == [rejection.pk]


def test_submit_at_a_chosen_time_defers_the_task(setting, django_capture_on_commit_callbacks):
    rejection = start(setting)
    later = timezone.now() + datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_rejection(actor=setting.actor(), rejection=rejection, send_at=later)
    task = DBTaskResult.objects.get(task_path="nagesprek.rejections.tasks.send_rejection_task")
    assert task.run_after == later
    assert services.send_rejection(rejection_id=rejection.pk) is None  # not due yet: nothing happens


def test_a_submitted_rejection_cannot_be_edited_or_submitted_again(setting):
    rejection = start(setting)
    services.submit_rejection(actor=setting.actor(), rejection=rejection)
    with pytest.raises(RejectionError):
        services.submit_rejection(actor=setting.actor(), rejection=rejection)
    with pytest.raises(RejectionError):
        services.save_reasons(actor=setting.actor(), rejection=rejection, reasons=[])
    with pytest.raises(RejectionError):
        start(setting)


class TestFourEyes:
    @pytest.fixture
    def setting(self):
        return make_setting(four_eyes=True)

    @pytest.fixture
    def in_review(self, setting):
        rejection = start(setting)
        return services.submit_rejection(actor=setting.actor(), rejection=rejection)

    def test_submit_goes_to_review_without_a_task(self, setting, django_capture_on_commit_callbacks):
        rejection = start(setting)
        with django_capture_on_commit_callbacks() as callbacks:
            submitted = services.submit_rejection(actor=setting.actor(), rejection=rejection)
        assert submitted.status == RejectionStatus.IN_REVIEW
        assert callbacks == []

    def test_the_decider_cannot_approve(self, setting, in_review):
        with pytest.raises(RejectionError):
            services.approve_rejection(actor=setting.actor(), rejection=in_review)
        assert Rejection.objects.get(pk=in_review.pk).status == RejectionStatus.IN_REVIEW

    def test_the_decider_with_an_hr_lead_role_still_cannot_approve(self, setting, in_review):
        from nagesprek.organisations.tests.factories import MembershipFactory

        MembershipFactory(user=setting.recruiter, organisation=setting.organisation, role=Role.HR_LEAD)
        with pytest.raises(RejectionError):
            services.approve_rejection(actor=setting.actor(), rejection=in_review)

    @pytest.mark.parametrize("role", [Role.HR_LEAD, Role.RECRUITER])
    def test_a_second_person_approves(self, setting, in_review, role, django_capture_on_commit_callbacks):
        reviewer = member(setting.organisation, role)
        with django_capture_on_commit_callbacks(execute=True):
            approved = services.approve_rejection(
                actor=actor_for(reviewer, setting.organisation), rejection=in_review, note="Helder."
            )
        assert approved.status == RejectionStatus.SCHEDULED
        assert (approved.reviewed_by, approved.review_note) == (reviewer, "Helder.")
        assert DBTaskResult.objects.filter(task_path="nagesprek.rejections.tasks.send_rejection_task").count() == 1

    @pytest.mark.parametrize("role", [Role.EVALUATOR, Role.ADVISOR, Role.PRIVACY_OFFICER, Role.ORG_ADMIN])
    def test_other_roles_cannot_review(self, setting, in_review, role):
        with pytest.raises(RejectionError):
            services.approve_rejection(actor=actor_for(member(setting.organisation, role), setting.organisation),
                                       rejection=in_review)  # fmt: skip

    def test_return_needs_a_note_and_goes_back_to_draft(self, setting, in_review):
        reviewer = actor_for(member(setting.organisation, Role.HR_LEAD), setting.organisation)
        with pytest.raises(RejectionError):
            services.return_rejection(actor=reviewer, rejection=in_review, note=" ")
        returned = services.return_rejection(actor=reviewer, rejection=in_review, note="Noem het criterium.")
        assert (returned.status, returned.review_note) == (RejectionStatus.DRAFT, "Noem het criterium.")
        # The recruiter can edit and submit again.
        assert services.submit_rejection(actor=setting.actor(), rejection=returned).status == RejectionStatus.IN_REVIEW

    def test_approval_runs_the_gate_again(self, setting, in_review):
        in_review.reasons.update(explanation="Helaas, we hebben voor een andere kandidaat gekozen.")
        reviewer = actor_for(member(setting.organisation, Role.HR_LEAD), setting.organisation)
        with pytest.raises(GateRefused):
            services.approve_rejection(actor=reviewer, rejection=in_review)
        assert Rejection.objects.get(pk=in_review.pk).status == RejectionStatus.IN_REVIEW


def test_organisation_without_rules_is_checked_against_the_defaults():
    setting = make_setting(rules=False)
    rejection = start(setting)
    services.save_reasons(
        actor=setting.actor(),
        rejection=rejection,
        reasons=[ReasonInput("Wij vinden u met uw leeftijd te oud voor deze functie.", requirement_id=setting.big.pk)],
    )
    with pytest.raises(GateRefused) as refused:
        services.submit_rejection(actor=setting.actor(), rejection=rejection)
    assert [p.ground for p in refused.value.problems if p.ground] == ["age"]


def test_load_record_uses_a_fixed_number_of_queries(setting, django_assert_num_queries):
    from nagesprek.rejections.selectors import load_rejection_record

    for _ in range(3):
        other = setting.other_application()
        setting.rate(other, setting.planning, 4)
    application = type(setting.application).objects.select_related("candidate").get(pk=setting.application.pk)
    with django_assert_num_queries(8):
        record = load_rejection_record(application=application, requirements_version=1, language="nl")
    assert len(record.criteria) == 3
    assert record.criteria[0].best_other_mean == 4
