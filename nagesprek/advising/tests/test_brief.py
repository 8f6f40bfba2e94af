"""The preparation brief: what the advisor reads before the conversation, on one screen."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nagesprek.advising import brief, services
from nagesprek.advising.tests.factories import make_story
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.audit.models import AuditEvent
from nagesprek.candidates.models import Qualification
from nagesprek.consents.constants import ConsentPurpose, ConsentSource
from nagesprek.consents.services import grant_consent
from nagesprek.evaluations.constants import Rating
from nagesprek.matching.models_log import SuggestionLog
from nagesprek.organisations.constants import Role
from nagesprek.rejections.constants import RejectionStatus
from nagesprek.rejections.models import Rejection
from nagesprek.vacancies.tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return make_story()


def assemble(story, **kwargs):
    return brief.assemble_brief(actor=story.actor(), application=story.application, **kwargs)


def test_the_brief_shows_the_reasons_the_candidate_was_sent_and_the_advice_in_the_letter(story):
    result = assemble(story)

    assert result.letter.sent
    assert [r.about for r in result.letter.reasons] == [r.requirement.label if r.requirement else r.criterion.label
                                                         for r in story.rejection.reasons.all()]  # fmt: skip
    assert "BIG-registratie" in {r.about for r in result.letter.reasons}
    assert "BIG-herregistratie" in {item["title"] for item in result.letter.advice}


def test_a_letter_not_sent_yet_shows_no_reasons_they_may_still_change(story):
    story.rejection.status = RejectionStatus.DRAFT
    story.rejection.save()

    result = assemble(story)

    assert not result.letter.sent
    assert result.letter.reasons == () and result.letter.advice == ()


def test_the_scorecards_are_condensed_per_criterion_without_the_evaluators_names(story):
    long_evidence = "Liet zien dat ze goed samenwerkt. " * 20
    story.setting.rate(story.application, story.setting.teamwork, 4, long_evidence)

    result = assemble(story)

    (stage,) = result.scorecards
    rows = {row.criterion: row for row in stage.criteria}
    assert rows["Plannen en organiseren"].is_low
    assert rows["Plannen en organiseren"].evidence == ("Kon geen voorbeeld geven van een eigen planning.",)
    teamwork = rows["Samenwerken"]
    assert teamwork.average == 3.5 and teamwork.average_label == str(Rating.EXCEEDED.label)
    assert len(teamwork.ratings) == 2
    assert all(len(line) <= brief.EVIDENCE_CHARS + 2 for line in teamwork.evidence)
    assert teamwork.evidence[1].endswith("…")
    assert stage.evaluators == 3
    assert not any("Medewerker" in line for row in stage.criteria for line in row.evidence)


def test_the_gaps_are_measured_today_with_the_routes_the_letter_advised(story):
    result = assemble(story)

    gaps = {gap.name: gap for gap in result.gaps}
    assert gaps["BIG-registratie"].status == str(brief.GAP_STATUS_LABELS["expired"])
    assert gaps["BIG-registratie"].is_must_have
    assert gaps["BIG-registratie"].advised == ("BIG-herregistratie",)
    assert gaps["Nederlands"].advised == ("Nederlands C1 schrijven",)

    # The candidate renewed the registration since the letter: the gap is gone from the brief.
    Qualification.objects.filter(candidate=story.candidate).update(expires_on=datetime.date.today().replace(year=2099))
    assert "BIG-registratie" not in {gap.name for gap in assemble(story).gaps}


def test_earlier_applications_show_how_they_ended_and_their_reasons(story):
    earlier = ApplicationFactory(
        candidate=story.candidate, organisation=story.organisation,
        vacancy=VacancyFactory(organisation=story.organisation, title="Doktersassistent"),
        applied_at=story.application.applied_at - datetime.timedelta(days=300), status=ApplicationStatus.WITHDRAWN,
    )  # fmt: skip

    result = assemble(story)

    assert [e.application for e in result.memory.earlier] == [earlier]
    assert result.memory.shows_reasons  # advisors see the earlier reasons, like recruiters


def test_the_consents_are_shown_and_decide_whether_a_referral_is_possible(story):
    assert not assemble(story).may_refer
    grant_consent(candidate=story.candidate, purpose=ConsentPurpose.REFERRAL, source=ConsentSource.CONVERSATION)

    result = assemble(story)

    assert result.may_refer
    lines = {line.purpose: line for line in result.consents}
    assert lines[ConsentPurpose.REFERRAL].current is not None
    assert lines[ConsentPurpose.TALENT_POOL].current is None


def send_letter_for(story, application):
    Rejection.objects.create(
        organisation=story.organisation, application=application, stage=application.stage, requirements_version=1,
        language="nl", status=RejectionStatus.SENT, sent_at=application.applied_at + datetime.timedelta(days=20),
    )  # fmt: skip


def _count_queries(story) -> int:
    with CaptureQueriesContext(connection) as captured:
        assemble(story)
    return len(captured.captured_queries)


def _earlier(story, days: int):
    application = ApplicationFactory(
        candidate=story.candidate, organisation=story.organisation,
        vacancy=VacancyFactory(organisation=story.organisation), status=ApplicationStatus.REJECTED,
        applied_at=story.application.applied_at - datetime.timedelta(days=days),
    )  # fmt: skip
    send_letter_for(story, application)


def test_the_brief_takes_a_fixed_number_of_queries_whatever_the_size_of_the_record(story):
    _earlier(story, 100)
    assemble(story)  # warm the vocabulary cache, as a second page view would
    few = _count_queries(story)

    for number in range(4):  # more evaluators, earlier applications with letters, consents
        story.setting.rate(story.application, story.setting.teamwork, 3, f"Bewijs {number}.")
        _earlier(story, 200 + number)
    grant_consent(candidate=story.candidate, purpose=ConsentPurpose.TALENT_POOL, source=ConsentSource.CONVERSATION)

    assert _count_queries(story) == few == 29


def test_opening_the_brief_logs_the_vacancies_shown_and_audits_the_view(story):
    result = services.prepare_brief(actor=story.actor(), conversation=story.conversation)

    log = SuggestionLog.objects.get()
    assert result.suggestions.log == log
    assert log.requested_by == story.advisor and log.subject_id == story.application.pk
    event = AuditEvent.objects.filter(summary="Preparation brief opened").get()
    assert event.candidate_id == story.candidate.pk and event.actor == story.advisor


@pytest.mark.parametrize("role", [Role.RECRUITER, Role.EVALUATOR, Role.HR_LEAD, Role.PRIVACY_OFFICER, Role.ORG_ADMIN])
def test_only_advisors_open_a_brief(story, role):
    with pytest.raises(PermissionDenied):
        services.prepare_brief(actor=story.someone(role), conversation=story.conversation)


def test_a_letter_is_needed_for_reasons_not_for_the_brief(story):
    other = make_story()
    other.rejection.delete()
    result = brief.assemble_brief(actor=other.actor(), application=other.application)
    assert result.letter is None and result.gaps == ()
