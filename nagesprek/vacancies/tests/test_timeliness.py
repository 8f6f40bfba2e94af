"""Timeliness: candidates who have not heard anything N days after the closing date, per vacancy and overall."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.dashboards.selectors import get_dashboard_for_actor
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.rejections.constants import RejectionStatus
from nagesprek.rejections.models import Rejection
from nagesprek.rejections.tests.factories import actor_for
from nagesprek.vacancies import timeliness
from nagesprek.vacancies.tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def closed_days_ago(organisation, days, **fields):
    return VacancyFactory(organisation=organisation, closing_date=TODAY - datetime.timedelta(days=days), **fields)


def waiting(vacancy, n=1):
    """Applications still in the first stage, without any letter."""
    return [ApplicationFactory(vacancy=vacancy) for _ in range(n)]


def heard_in_every_way(vacancy):
    """Candidates who have heard: invited to the interview, rejected and sent, withdrawn, hired, sent a letter."""
    interview = vacancy.stages.get(position=1)
    ApplicationFactory(vacancy=vacancy, stage=interview)
    for status in (ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN, ApplicationStatus.HIRED):
        ApplicationFactory(vacancy=vacancy, status=status)
    letter_sent = ApplicationFactory(vacancy=vacancy)
    Rejection.objects.create(
        organisation=vacancy.organisation,
        application=letter_sent,
        stage=letter_sent.stage,
        requirements_version=1,
        language="nl",
        status=RejectionStatus.SENT,
    )


def test_counts_only_candidates_in_the_first_stage_without_any_letter():
    organisation = OrganisationFactory()
    late = closed_days_ago(organisation, 20)
    waiting(late, 3)
    heard_in_every_way(late)
    not_yet_sent = waiting(late)[0]  # a rejection decided but not sent yet: the candidate has still heard nothing
    Rejection.objects.create(
        organisation=organisation,
        application=not_yet_sent,
        stage=not_yet_sent.stage,
        requirements_version=1,
        language="nl",
        status=RejectionStatus.SCHEDULED,
    )
    assert timeliness.late_counts(organisation=organisation) == {late.pk: 4}
    figure = timeliness.vacancy_timeliness(vacancy=late)
    assert (figure.waiting, figure.late(TODAY), figure.deadline) == (4, 4, late.closing_date + datetime.timedelta(14))


def test_only_after_more_than_n_days_and_n_is_the_organisations():
    organisation = OrganisationFactory(feedback_deadline_days=10)
    on_the_day, day_after = closed_days_ago(organisation, 10), closed_days_ago(organisation, 11)
    waiting(on_the_day, 2)
    waiting(day_after, 5)
    assert timeliness.late_counts(organisation=organisation) == {day_after.pk: 5}
    figure = timeliness.vacancy_timeliness(vacancy=on_the_day)
    assert (figure.waiting, figure.late(TODAY), figure.overdue_on(TODAY)) == (2, 0, False)

    organisation.feedback_deadline_days = 30
    organisation.save()
    assert timeliness.late_counts(organisation=organisation) == {}


def test_other_organisations_do_not_count():
    organisation, other = OrganisationFactory(), OrganisationFactory()
    waiting(closed_days_ago(other, 40), 3)
    assert timeliness.late_counts(organisation=organisation) == {}
    assert timeliness.late_summary(organisation=organisation).candidates == 0


@pytest.mark.parametrize("vacancies", [2, 9])
def test_one_query_for_any_number_of_vacancies(vacancies, django_assert_num_queries):
    organisation = OrganisationFactory()
    made = [closed_days_ago(organisation, 30) for _ in range(vacancies)]
    for vacancy in made:
        waiting(vacancy, 2)
    with django_assert_num_queries(1):
        counts = timeliness.late_counts(organisation=organisation, vacancy_ids=[v.pk for v in made])
    assert counts == {v.pk: 2 for v in made}
    with django_assert_num_queries(1):
        summary = timeliness.late_summary(organisation=organisation)
    assert (summary.candidates, summary.vacancies, summary.days) == (2 * vacancies, vacancies, 14)


def test_a_recruiters_summary_covers_their_own_vacancies():
    organisation = OrganisationFactory()
    recruiter = member(organisation, Role.RECRUITER)
    own, colleagues = closed_days_ago(organisation, 30), closed_days_ago(organisation, 30)
    own.recruiters.add(recruiter)
    waiting(own, 2)
    waiting(colleagues, 3)
    assert timeliness.late_summary(organisation=organisation, recruiter=recruiter).candidates == 2
    assert timeliness.late_summary(organisation=organisation).candidates == 5
    assert timeliness.list_late_vacancies(organisation=organisation, recruiter=recruiter) == [(own, 2)]


# --- Where it shows ---


@pytest.fixture
def hospital():
    organisation = OrganisationFactory()
    recruiter = member(organisation, Role.RECRUITER)
    late = closed_days_ago(organisation, 30, title="Operatieassistent")
    late.recruiters.add(recruiter)
    waiting(late, 3)
    on_time = closed_days_ago(organisation, 2, title="Secretaresse")
    waiting(on_time, 4)
    return organisation, recruiter, late, on_time


def test_vacancy_list_has_a_column_with_the_count(client, hospital):
    _organisation, recruiter, _late, _on_time = hospital
    client.force_login(recruiter)
    html = client.get(reverse("vacancies:list")).content.decode()
    rows = {row.split("</td>")[0]: row for row in html.split("<tr>")[2:]}
    late_row = next(row for row in rows.values() if "Operatieassistent" in row)
    on_time_row = next(row for row in rows.values() if "Secretaresse" in row)
    assert '<strong class="status--failed">3</strong>' in late_row
    assert late_row.count("<td") == on_time_row.count("<td") == 7
    assert "status--failed" not in on_time_row


def test_vacancy_page_shows_the_figure(client, hospital):
    _organisation, recruiter, late, on_time = hospital
    client.force_login(recruiter)
    response = client.get(reverse("vacancies:detail", args=[late.pk]))
    assert '<strong class="status--failed">3' in response.content.decode()
    response = client.get(reverse("vacancies:detail", args=[on_time.pk]))
    deadline = on_time.closing_date + datetime.timedelta(days=14)
    assert response.status_code == 200 and "status--failed" not in response.content.decode()
    assert f"{deadline.day} " in response.content.decode()


def _late_figure(actor):
    url = reverse("rejections:late_vacancies")
    return [f for panel in get_dashboard_for_actor(actor=actor) for f in panel.figures if f.url.startswith(url)]


def test_recruiter_and_hr_lead_dashboards_warn_with_a_link(client, hospital):
    organisation, recruiter, late, _on_time = hospital
    colleague_vacancy = closed_days_ago(organisation, 30)
    waiting(colleague_vacancy, 5)
    (mine,) = _late_figure(actor_for(recruiter, organisation))
    assert (mine.value, mine.url) == (3, reverse("rejections:late_vacancies") + "?mine=1")
    (everyone,) = _late_figure(actor_for(member(organisation, Role.HR_LEAD), organisation))
    assert everyone.value == 8
    assert _late_figure(actor_for(member(organisation, Role.EVALUATOR), organisation)) == []

    client.force_login(recruiter)
    assert mine.url in client.get(reverse("dashboards:home")).content.decode()
    page = client.get(mine.url)
    assert [vacancy for vacancy, _n in page.context["rows"]] == [late]
    assert reverse("rejections:bulk_start", args=[late.pk]) in page.content.decode()


@pytest.mark.parametrize(("role", "expected"), [(Role.HR_LEAD, 200), (Role.EVALUATOR, 403), (Role.ADVISOR, 403)])
def test_who_sees_the_waiting_list(client, hospital, role, expected):
    organisation, *_rest = hospital
    client.force_login(member(organisation, role))
    response = client.get(reverse("rejections:late_vacancies"))
    assert response.status_code == expected
    if expected == 200:
        assert "bulk" not in response.content.decode()  # HR leads watch; only recruiters reject
