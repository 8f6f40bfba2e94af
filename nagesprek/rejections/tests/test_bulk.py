"""Bulk rejection: every letter carries reasons from its own record, exceptions wait, the run is resumable.

The big test rejects 1,000 generated applications through the real task queue
(``run_tasks``) and checks every letter against what was generated for that
candidate (``bulk_sample.SampleRecord``), not against the drafting code.
"""

from __future__ import annotations

from collections import defaultdict
from statistics import fmean

import pytest
from django.utils import timezone

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.audit.models import AuditEvent
from nagesprek.emails.models import OutboxMessage
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.rejections import bulk, bulk_selectors, selectors, services
from nagesprek.rejections.bulk_sample import AGE_EVIDENCE, BIG, CERTIFICATE, DUTCH_ASKED, build_sample
from nagesprek.rejections.constants import BulkStatus, Outcome, ReasonSource, RejectionStatus
from nagesprek.rejections.drafting import draft_reasons
from nagesprek.rejections.models import BulkRejection, Rejection
from nagesprek.rejections.tests.factories import GOOD_REASON, actor_for
from nagesprek.vacancies.constants import VacancyStatus

LEVELS = ("A2", "B1", "B2", "C1", "C2")


def start(sample, ids=None):
    actor = actor_for(sample.recruiter, sample.organisation)
    return bulk.start_bulk_rejection(actor=actor, vacancy=sample.vacancy, application_ids=ids or sample.application_ids)


# --- An oracle from the generated truth (independent of assessment and drafting) ---


def requirement_gaps(sample, record) -> dict[int, ReasonSource]:
    """The must-haves this record shows unmet or expired; a section left empty shows nothing either way."""
    req = sample.requirements
    gaps = {}
    if record.big == "expired":
        gaps[req[BIG].pk] = ReasonSource.EXPIRED_QUALIFICATION
    elif record.big == "missing":
        gaps[req[BIG].pk] = ReasonSource.UNMET_REQUIREMENT
    if record.certificate is False:
        gaps[req[CERTIFICATE].pk] = ReasonSource.UNMET_REQUIREMENT
    if record.dutch == "none" or (record.dutch in LEVELS and LEVELS.index(record.dutch) < LEVELS.index(DUTCH_ASKED)):
        gaps[req["Nederlands"].pk] = ReasonSource.UNMET_REQUIREMENT
    if record.years is not None and record.years < 2:
        gaps[req["Werkervaring in de zorg"].pk] = ReasonSource.UNMET_REQUIREMENT
    if record.education == "mbo3":
        gaps[req["Opleiding"].pk] = ReasonSource.UNMET_REQUIREMENT
    return gaps


def means(record) -> dict[str, float]:
    return {label: fmean(r for r, _evidence in given) for label, given in record.ratings.items()}


def low_criteria(sample, record, gaps) -> set[int]:
    dutch_covered = sample.requirements["Nederlands"].pk in gaps
    return {
        sample.criteria[label].pk
        for label, mean in means(record).items()
        if mean < 2.5 and not (label == "Nederlands" and dutch_covered)
    }


def best_means(sample) -> dict[str, list[tuple[float, int]]]:
    best = defaultdict(list)
    for application_id, record in sample.records.items():
        for label, mean in means(record).items():
            best[label].append((mean, application_id))
    return best


def higher_elsewhere(record, application_id, best) -> dict[str, float]:
    """Per criterion the candidate was rated on: how far the best other candidate was ahead (only if ahead)."""
    ahead = {}
    for label, own in means(record).items():
        other = max((m for m, other_id in best[label] if other_id != application_id), default=None)
        if other is not None and other > own:
            ahead[label] = other - own
    return ahead


def gate_refuses(record) -> bool:
    return record.ratings.get("Samenwerken") == ((1, AGE_EVIDENCE),)


@pytest.mark.django_db(transaction=True)
def test_a_thousand_applications_each_get_reasons_from_their_own_record(run_tasks, monkeypatch):
    sample = build_sample(size=1000, seed=7)
    started = start(sample)
    seen = []
    chunk = bulk._process_next_chunk

    def watched(run, chunk_size):  # what the progress page would show after each committed chunk
        more = chunk(run, chunk_size)
        seen.append(bulk_selectors.bulk_progress(bulk=BulkRejection.objects.get(pk=started.pk)).processed)
        return more

    monkeypatch.setattr(bulk, "_process_next_chunk", watched)
    run_tasks()

    finished = BulkRejection.objects.get(pk=started.pk)
    assert (finished.status, finished.processed, finished.total) == (BulkStatus.DONE, 1000, 1000)
    assert seen == [200, 400, 600, 800, 1000, 1000]  # progress grew chunk by chunk
    rejections = {r.application_id: r for r in Rejection.objects.filter(bulk=finished).prefetch_related("reasons")}
    assert len(rejections) == 1000

    best = best_means(sample)
    expected_exceptions = set()
    by_fact = defaultdict(lambda: defaultdict(set))  # requirement → explanation → the record facts behind it
    for application_id, record in sample.records.items():
        rejection = rejections[application_id]
        reasons = list(rejection.reasons.all())
        gaps = requirement_gaps(sample, record)
        low = low_criteria(sample, record, gaps)
        ahead = higher_elsewhere(record, application_id, best) if not gaps and not low else {}
        if (not gaps and not low and not ahead) or gate_refuses(record):
            expected_exceptions.add(application_id)

        # No letter states a reason its record does not support, and none leaves out a gap the record shows.
        assert {r.requirement_id: r.source for r in reasons if r.requirement_id} == gaps
        criterion_reasons = {r.criterion_id: r.source for r in reasons if r.criterion_id}
        if gaps or low:
            assert criterion_reasons == dict.fromkeys(low, ReasonSource.LOW_RATING)
        else:
            chosen = {label for label, c in sample.criteria.items() if c.pk in criterion_reasons}
            assert set(criterion_reasons.values()) <= {ReasonSource.COMPARATIVE}
            assert chosen <= set(ahead) and len(chosen) == min(2, len(ahead))
            assert all(ahead[c] >= ahead[o] for c in chosen for o in set(ahead) - chosen)
        for reason in reasons:
            if reason.requirement_id:
                by_fact[reason.requirement_id][reason.explanation].add(
                    (
                        record.big,
                        record.big_expired_on,
                        record.certificate,
                        record.dutch,
                        record.years,
                        record.education,
                    )
                )
        assert rejection.language == record.language

    # Candidates whose records differ on the requirement concerned get different reasons.
    for requirement in sample.requirements.values():
        facts = by_fact[requirement.pk]
        for explanation, behind in facts.items():
            relevant = {_relevant_fact(requirement.label, fact) for fact in behind}
            assert len(relevant) == 1, (requirement.label, explanation, relevant)

    # The exceptions are exactly the letters without a supported reason or stopped by the gate.
    attention = {a for a, r in rejections.items() if r.needs_attention}
    assert attention == expected_exceptions
    assert 30 < len(attention) < 300  # the generated population has both kinds, and mostly letters that go out
    assert all(rejections[a].status == RejectionStatus.DRAFT for a in attention)
    assert finished.needing_attention == len(attention)
    assert bulk_selectors.list_exceptions(bulk=finished).count() == len(attention)

    # The rest went out through part B's send path: sent, in the outbox with their reasons, application closed.
    sent = {a for a, r in rejections.items() if r.status == RejectionStatus.SENT}
    assert sent == set(sample.records) - attention
    messages = {m.key: m for m in OutboxMessage.objects.all()}
    for application_id in sent:
        rejection = rejections[application_id]
        body = messages[f"rejection:{rejection.pk}"].body_text
        assert all(reason.explanation.split(". ")[0] in body for reason in rejection.reasons.all())
    statuses = dict(Application.objects.filter(vacancy=sample.vacancy).values_list("pk", "status"))
    assert {a for a, s in statuses.items() if s == ApplicationStatus.REJECTED} == sent
    assert AuditEvent.objects.filter(object_type="rejections.Rejection", action="create").count() == 1000


def _relevant_fact(label, fact):
    big, expired_on, certificate, dutch, years, education = fact
    return {
        BIG: (big, expired_on),
        CERTIFICATE: certificate,
        "Nederlands": dutch,
        "Werkervaring in de zorg": years,
        "Opleiding": education,
    }[label]


# --- Batched loading, the same as one at a time ---


@pytest.mark.django_db
def test_bulk_records_equal_the_single_path_records():
    sample = build_sample(size=60, seed=3)
    yardstick = bulk_selectors.load_yardstick(vacancy=sample.vacancy, version=sample.vacancy.requirements_version)
    applications = list(Application.objects.filter(vacancy=sample.vacancy).select_related("candidate"))
    today = timezone.localdate()
    records = bulk_selectors.load_rejection_records(applications=applications, yardstick=yardstick, today=today)
    for application in applications:
        single = selectors.load_rejection_record(
            application=application, requirements_version=1, language=application.candidate.language, today=today
        )
        assert records[application.pk] == single
        assert draft_reasons(records[application.pk]) == draft_reasons(single)


@pytest.mark.django_db
@pytest.mark.parametrize("chunk_size", [5, 40])
def test_a_chunk_takes_the_same_number_of_queries_whatever_its_size(chunk_size, django_assert_num_queries):
    sample = build_sample(size=40, seed=11)
    started = start(sample)
    run = bulk._claim(started.pk, today=sample.vacancy.closing_date)
    # Lock the bulk, lock the applications, their rejections, 4 profile tables, ratings,
    # insert rejections, reasons and audit rows, update the bulk (+ savepoint pair in the test's transaction),
    # and the organisation's matching vocabulary once (its stamp; its labels too when it has any: issue 4),
    # and the advice: the active routes (their targets too when there are any), the open vacancies, one insert.
    with django_assert_num_queries(18):
        bulk._process_next_chunk(run, chunk_size)
    assert BulkRejection.objects.get(pk=started.pk).processed == chunk_size


# --- Idempotent, resumable, and a second rejection never ---


@pytest.mark.django_db
def test_running_again_continues_and_never_makes_a_second_rejection():
    sample = build_sample(size=30, seed=5)
    started = start(sample)
    # Before the run reaches them, a recruiter starts one by hand and another candidate withdraws.
    first, second = sample.application_ids[:2]
    by_hand = services.start_rejection(
        actor=actor_for(sample.recruiter, sample.organisation),
        application=Application.objects.get(pk=first),
        outcome=Outcome.REJECTED,
    )
    Application.objects.filter(pk=second).update(status=ApplicationStatus.WITHDRAWN)
    run = bulk._claim(started.pk, today=None)
    bulk._process_next_chunk(run, 10)  # a worker stopped after the first chunk

    bulk.process_bulk_rejection(bulk_id=started.pk, chunk_size=10)
    assert bulk.process_bulk_rejection(bulk_id=started.pk) is None  # done: nothing more to do
    finished = BulkRejection.objects.get(pk=started.pk)
    assert (finished.status, finished.processed) == (BulkStatus.DONE, 30)
    assert Rejection.objects.filter(application_id__in=sample.application_ids).count() == 29
    assert Rejection.objects.get(application_id=first) == by_hand and by_hand.bulk_id is None
    assert bulk_selectors.bulk_progress(bulk=finished).skipped == 2  # the hand-made draft and the withdrawn one


@pytest.mark.django_db
def test_a_failure_stops_the_run_and_continuing_picks_up_where_it_stopped(
    monkeypatch, django_capture_on_commit_callbacks
):
    sample = build_sample(size=30, seed=9)
    started = start(sample)
    decide, calls = bulk._decide, []

    def failing(application, record, run):
        calls.append(application.pk)
        if len(calls) == 15:
            raise RuntimeError("database went away")
        return decide(application, record, run)

    monkeypatch.setattr(bulk, "_decide", failing)
    with pytest.raises(RuntimeError):
        bulk.process_bulk_rejection(bulk_id=started.pk, chunk_size=10)
    stopped = BulkRejection.objects.get(pk=started.pk)
    assert (stopped.status, stopped.processed, stopped.error) == (BulkStatus.FAILED, 10, "database went away")
    assert Rejection.objects.filter(bulk=stopped).count() == 10  # the failed chunk left nothing behind

    monkeypatch.setattr(bulk, "_decide", decide)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        bulk.resume_bulk_rejection(actor=actor_for(sample.recruiter, sample.organisation), bulk=stopped)
    assert len(callbacks) == 1  # the task is enqueued again
    bulk.process_bulk_rejection(bulk_id=started.pk, chunk_size=10)
    assert Rejection.objects.filter(bulk=stopped).count() == 30
    with pytest.raises(services.RejectionError):
        bulk.resume_bulk_rejection(actor=actor_for(sample.recruiter, sample.organisation), bulk=stopped)


# --- Outcomes and four-eyes ---


@pytest.mark.django_db
def test_with_four_eyes_review_the_letters_wait_for_a_second_person():
    sample = build_sample(size=40, seed=4, four_eyes=True)
    started = start(sample)
    bulk.process_bulk_rejection(bulk_id=started.pk)
    statuses = set(Rejection.objects.filter(bulk=started, needs_attention=False).values_list("status", flat=True))
    assert statuses == {RejectionStatus.IN_REVIEW}
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_a_cancelled_vacancy_ends_every_procedure_without_reasons():
    sample = build_sample(size=20, seed=6)
    sample.vacancy.status = VacancyStatus.CANCELLED
    sample.vacancy.save()
    started = start(sample)
    assert started.outcome == Outcome.CANCELLED
    bulk.process_bulk_rejection(bulk_id=started.pk)
    rejections = Rejection.objects.filter(bulk=started)
    assert rejections.count() == 20
    assert set(rejections.values_list("outcome", "status", "needs_attention")) == {
        (Outcome.CANCELLED, RejectionStatus.SCHEDULED, False)
    }
    assert not rejections.filter(reasons__isnull=False).exists()


# --- Starting: who, and which applications ---


@pytest.mark.django_db
def test_only_rejectable_applications_of_the_vacancy_are_taken():
    sample = build_sample(size=5, seed=8)
    other = build_sample(size=2, seed=8, organisation=sample.organisation)
    closed = sample.application_ids[0]
    Application.objects.filter(pk=closed).update(status=ApplicationStatus.HIRED)
    started = start(sample, [*sample.application_ids, *other.application_ids])
    assert started.application_ids == sample.application_ids[1:]
    assert started.total == 4
    with pytest.raises(services.RejectionError):
        start(sample, [closed, *other.application_ids])


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.EVALUATOR, Role.HR_LEAD, Role.ORG_ADMIN, "other_organisation"])
def test_only_a_recruiter_of_the_organisation_may_start(role):
    sample = build_sample(size=3, seed=12)
    organisation = OrganisationFactory() if role == "other_organisation" else sample.organisation
    user = member(organisation, Role.RECRUITER if role == "other_organisation" else role)
    with pytest.raises(services.RejectionError):
        bulk.start_bulk_rejection(
            actor=actor_for(user, organisation), vacancy=sample.vacancy, application_ids=sample.application_ids
        )
    assert not BulkRejection.objects.exists()


@pytest.mark.django_db
def test_an_exception_fixed_and_submitted_leaves_the_list():
    sample = build_sample(size=40, seed=13)
    started = start(sample)
    bulk.process_bulk_rejection(bulk_id=started.pk)
    exception = bulk_selectors.list_exceptions(bulk=started).first()
    criterion = sample.criteria["Samenwerken"]
    services.save_and_submit_rejection(
        actor=actor_for(sample.recruiter, sample.organisation),
        rejection=exception,
        reasons=[services.ReasonInput(explanation=GOOD_REASON, criterion_id=criterion.pk)],
        personal_note="",
        language=exception.language,
    )
    exception.refresh_from_db()
    assert (exception.needs_attention, exception.attention_note) == (False, "")
    assert exception not in bulk_selectors.list_exceptions(bulk=started)


@pytest.mark.django_db
def test_one_letter_that_cannot_be_sent_does_not_hold_back_the_others(monkeypatch):
    sample = build_sample(size=12, seed=14)
    bulk.process_bulk_rejection(bulk_id=start(sample).pk)
    scheduled = list(Rejection.objects.filter(status=RejectionStatus.SCHEDULED).values_list("pk", flat=True))
    send, broken = services.send_rejection, scheduled[1]

    def sometimes_failing(*, rejection_id):
        if rejection_id == broken:
            raise RuntimeError("template error")
        return send(rejection_id=rejection_id)

    monkeypatch.setattr(services, "send_rejection", sometimes_failing)
    with pytest.raises(bulk.BulkSendError, match=str(broken)):
        bulk.send_rejections(rejection_ids=scheduled)
    statuses = dict(Rejection.objects.filter(pk__in=scheduled).values_list("pk", "status"))
    assert statuses.pop(broken) == RejectionStatus.SCHEDULED  # the sweep (send_due_rejections) tries it again
    assert set(statuses.values()) == {RejectionStatus.SENT}
