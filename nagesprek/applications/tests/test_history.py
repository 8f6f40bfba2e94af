"""Re-application memory: earlier applications, the reasons sent, and which gaps have closed since."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from nagesprek.applications import history
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.candidates.models import Candidate, LanguageSkill, Qualification
from nagesprek.candidates.selectors import get_profile
from nagesprek.candidates.tests.factories import CandidateFactory
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.rejections.constants import ReasonSource, RejectionStatus
from nagesprek.rejections.models import Rejection, RejectionReason
from nagesprek.rejections.tests.factories import actor_for
from nagesprek.vacancies.constants import RequirementKind
from nagesprek.vacancies.tests.factories import CriterionFactory, RequirementFactory, VacancyFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()
OBTAINED = datetime.date(2026, 9, 1)
CERTIFICATE_REASON = (
    "Voor deze functie is het Deelcertificaat Anesthesiologie nodig. Wij zagen het niet in uw sollicitatie."
)
PLANNING_REASON = "In het gesprek liet u nog geen eigen planning zien; de functie vraagt dat u zelf prioriteiten stelt."


def letter(application, *, status=RejectionStatus.SENT, reasons=()):
    rejection = Rejection.objects.create(
        organisation=application.organisation,
        application=application,
        stage=application.stage,
        requirements_version=1,
        language="nl",
        status=status,
        sent_at=application.applied_at + datetime.timedelta(days=30) if status == RejectionStatus.SENT else None,
    )
    for position, (source, target, text) in enumerate(reasons):
        field = "criterion" if source in (ReasonSource.LOW_RATING, ReasonSource.COMPARATIVE) else "requirement"
        RejectionReason.objects.create(
            rejection=rejection, source=source, explanation=text, position=position, **{field: target}
        )
    return rejection


@pytest.fixture
def story():
    """A candidate rejected last spring for a missing certificate and Dutch B1, who applies again now."""
    organisation = OrganisationFactory()
    candidate = CandidateFactory(organisation=organisation, full_name="Fatima el Amrani")
    before = VacancyFactory(organisation=organisation, title="Anesthesiemedewerker")
    certificate = RequirementFactory(
        vacancy=before, kind=RequirementKind.CERTIFICATE, label="Deelcertificaat Anesthesiologie"
    )
    dutch = RequirementFactory(vacancy=before, kind=RequirementKind.LANGUAGE, label="Nederlands", level="C1")
    planning = CriterionFactory(stage=before.stages.get(position=1), competency="Plannen en organiseren")
    rejected = ApplicationFactory(
        vacancy=before, candidate=candidate, status=ApplicationStatus.REJECTED, applied_at=NOW - datetime.timedelta(200)
    )
    letter(
        rejected,
        reasons=[
            (ReasonSource.UNMET_REQUIREMENT, certificate, CERTIFICATE_REASON),
            (ReasonSource.UNMET_REQUIREMENT, dutch, "De functie vraagt Nederlands op niveau C1. Uw niveau is B1."),
            (ReasonSource.LOW_RATING, planning, PLANNING_REASON),
        ],
    )
    withdrew = ApplicationFactory(
        candidate=candidate, vacancy=VacancyFactory(organisation=organisation, title="Secretaresse oncologie"),
        status=ApplicationStatus.WITHDRAWN, applied_at=NOW - datetime.timedelta(100),
    )  # fmt: skip
    # Since then: the certificate obtained, Dutch still B1.
    Qualification.objects.create(
        candidate=candidate, kind="certificate", name="Deelcertificaat Anesthesiologie", issued_on=OBTAINED
    )
    LanguageSkill.objects.create(candidate=candidate, language="Nederlands", level="B1")
    now = ApplicationFactory(
        candidate=candidate, vacancy=VacancyFactory(organisation=organisation, title="Anesthesiemedewerker Delft")
    )
    return organisation, candidate, rejected, withdrew, now


def memory_for(story, role=Role.RECRUITER):
    organisation, candidate, _rejected, _withdrew, now = story
    actor = actor_for(member(organisation, role), organisation)
    return history.reapplication_memory(actor=actor, application=now, candidate=get_profile(candidate=candidate))


def test_earlier_gaps_are_measured_against_todays_profile(story):
    _organisation, _candidate, rejected, withdrew, _now = story
    memory = memory_for(story)
    assert [e.application for e in memory.earlier] == [withdrew, rejected]  # newest first
    assert memory.earlier[0].reasons == () and memory.earlier[0].sent_on is None  # withdrew: no letter
    certificate, dutch, planning = memory.earlier[1].reasons
    # In the active language, whatever it is.
    assert (certificate.about, certificate.gap.then, certificate.gap.now) == (
        "Deelcertificaat Anesthesiologie",
        _("not met"),
        _("in the profile"),
    )
    assert certificate.gap.closed and certificate.gap.obtained_on == OBTAINED
    assert (dutch.gap.closed, dutch.gap.now) == (
        False,
        _("level %(held)s (asked: %(asked)s)") % {"held": "B1", "asked": "C1"},
    )
    assert planning.gap is None and planning.explanation == PLANNING_REASON  # judged in a selection, not a profile
    assert memory.closed_gaps == 1


def test_the_recruiter_sees_it_on_the_application_page(client, story):
    organisation, _candidate, _rejected, _withdrew, now = story
    client.force_login(member(organisation, Role.RECRUITER))
    html = client.get(reverse("applications:detail", args=[now.pk])).content.decode()
    assert 'id="history-heading"' in html
    assert "Anesthesiemedewerker" in html and "Secretaresse oncologie" in html
    assert CERTIFICATE_REASON in html and PLANNING_REASON in html
    assert date_format(OBTAINED, "j F Y") in html  # when the certificate was obtained


@pytest.mark.parametrize("role", [Role.HR_LEAD, Role.PRIVACY_OFFICER, Role.ADVISOR])
def test_hr_leads_privacy_officers_and_advisors_see_the_reasons_too(story, role):
    assert memory_for(story, role).shows_reasons
    assert memory_for(story, role).earlier[1].reasons


def test_evaluators_see_that_and_how_it_ended_but_not_why(client, story):
    organisation, _candidate, rejected, _withdrew, now = story
    evaluator = member(organisation, Role.EVALUATOR)
    now.vacancy.evaluators.add(evaluator)
    client.force_login(evaluator)
    html = client.get(reverse("applications:detail", args=[now.pk])).content.decode()
    assert 'id="history-heading"' in html and "Anesthesiemedewerker" in html
    assert rejected.get_status_display() in html
    assert CERTIFICATE_REASON not in html and PLANNING_REASON not in html


def test_only_letters_that_were_sent_count_and_later_applications_are_not_earlier(story):
    organisation, candidate, _rejected, _withdrew, now = story
    drafted = ApplicationFactory(
        candidate=candidate, vacancy=VacancyFactory(organisation=organisation), applied_at=NOW - datetime.timedelta(50)
    )
    reason = (ReasonSource.RECRUITER, RequirementFactory(vacancy=drafted.vacancy), CERTIFICATE_REASON)
    letter(drafted, status=RejectionStatus.DRAFT, reasons=[reason])
    ApplicationFactory(candidate=candidate, vacancy=VacancyFactory(organisation=organisation))  # applied after `now`
    memory = memory_for(story)
    listed = [e.application for e in memory.earlier]
    assert listed[0] == drafted and memory.earlier[0].reasons == ()
    assert now not in listed and len(listed) == 3


def test_the_same_address_in_another_organisation_is_another_person(story):
    _organisation, candidate, *_rest = story
    elsewhere = Candidate.objects.create(organisation=OrganisationFactory(), email=candidate.email, full_name="F")
    ApplicationFactory(candidate=elsewhere, applied_at=NOW - datetime.timedelta(300))
    assert len(memory_for(story).earlier) == 2


def test_nothing_shows_for_a_first_application(client):
    application = ApplicationFactory()
    client.force_login(member(application.organisation, Role.RECRUITER))
    html = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert 'id="history-heading"' not in html


@pytest.mark.parametrize("earlier_count", [1, 4])
def test_queries_do_not_grow_with_the_history(story, earlier_count, django_assert_num_queries):
    organisation, candidate, _rejected, _withdrew, now = story
    for n in range(earlier_count):
        extra = ApplicationFactory(
            candidate=candidate,
            vacancy=VacancyFactory(organisation=organisation),
            applied_at=NOW - datetime.timedelta(days=300 + n),
            status=ApplicationStatus.REJECTED,
        )
        letter(extra, reasons=[(ReasonSource.UNMET_REQUIREMENT, RequirementFactory(vacancy=extra.vacancy), "x" * 40)])
    actor = actor_for(member(organisation, Role.RECRUITER), organisation)
    profile = get_profile(candidate=candidate)
    # Earlier applications; sent rejections, their reasons, the requirements and criteria they point at;
    # the organisation's vocabulary (one freshness check: names are compared as the letters compared them).
    with django_assert_num_queries(6):
        memory = history.reapplication_memory(actor=actor, application=now, candidate=profile)
    assert len(memory.earlier) == 2 + earlier_count


def test_a_gap_closed_under_another_name_of_the_vocabulary_counts_as_closed(story):
    from nagesprek.matching.vocabulary import add_concept

    organisation, candidate, *_rest = story
    add_concept(
        organisation=organisation,
        kind="qualification",
        preferred_label_nl="Deelcertificaat Anesthesiologie",
        alternatives=[("nl", "Certificaat anesthesie (CZO)")],
    )
    Qualification.objects.filter(candidate=candidate).update(name="Certificaat anesthesie (CZO)")

    certificate = memory_for(story).earlier[1].reasons[0]

    assert certificate.gap.closed  # the organisation's synonym, as the letters' reasons compare names
