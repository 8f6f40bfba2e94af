"""Bulk rejection pages per role: choosing applications, the self-refreshing progress page, the exceptions."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.rejections import bulk
from nagesprek.rejections.bulk_sample import build_sample
from nagesprek.rejections.constants import BulkStatus
from nagesprek.rejections.models import BulkRejection, Rejection
from nagesprek.rejections.tests.factories import actor_for

pytestmark = pytest.mark.django_db

ROLES = [Role.RECRUITER, Role.EVALUATOR, Role.ADVISOR, Role.HR_LEAD, Role.PRIVACY_OFFICER, Role.ORG_ADMIN]


@pytest.fixture
def sample():
    return build_sample(size=24, seed=21)


def user_for(sample, role):
    if role == "other_organisation":
        return member(OrganisationFactory(), *[r.value for r in Role])
    return member(sample.organisation, role)


def started(sample):
    actor = actor_for(sample.recruiter, sample.organisation)
    return bulk.start_bulk_rejection(actor=actor, vacancy=sample.vacancy, application_ids=sample.application_ids)


def no_inline_code(html: str) -> bool:
    """The CSP forbids inline scripts, styles and handlers; pages must not need them."""
    return not re.search(r"<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=", html)


@pytest.mark.parametrize("role", [*ROLES, "other_organisation"])
def test_only_recruiters_of_the_organisation_open_the_start_page(client, sample, role):
    client.force_login(user_for(sample, role))
    response = client.get(reverse("rejections:bulk_start", args=[sample.vacancy.pk]))
    expected = 404 if role == "other_organisation" else (200 if role == Role.RECRUITER else 403)
    assert response.status_code == expected


@pytest.mark.parametrize("role", [Role.EVALUATOR, Role.HR_LEAD, "other_organisation"])
def test_nobody_else_can_start_one(client, sample, role):
    client.force_login(user_for(sample, role))
    response = client.post(
        reverse("rejections:bulk_start", args=[sample.vacancy.pk]), {"scope": "all", "confirm": "on"}
    )
    assert response.status_code in (403, 404)
    assert not BulkRejection.objects.exists()


def test_a_recruiter_starts_one_for_all_applications_in_a_stage(client, sample, django_capture_on_commit_callbacks):
    client.force_login(sample.recruiter)
    url = reverse("rejections:bulk_start", args=[sample.vacancy.pk])
    page = client.get(url, {"stage": sample.cv_screening.pk})
    in_stage = [a for a, record in sample.records.items() if not record.interviewed]
    assert page.status_code == 200 and no_inline_code(page.content.decode())
    assert len(page.context["listed"]) == len(in_stage)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        data = {"stage": sample.cv_screening.pk, "seen_total": len(in_stage), "scope": "all", "confirm": "on"}
        response = client.post(url, data)
    created = BulkRejection.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "rejections:bulk_progress", args=[created.pk]
    )
    assert sorted(created.application_ids) == sorted(in_stage)
    assert created.created_by == sample.recruiter and len(callbacks) == 1  # the task is enqueued on commit


def test_only_the_ticked_applications(client, sample):
    client.force_login(sample.recruiter)
    ticked = sample.application_ids[:3]
    response = client.post(
        reverse("rejections:bulk_start", args=[sample.vacancy.pk]),
        {"scope": "selected", "applications": ticked, "confirm": "on"},
    )
    assert response.status_code == 302
    assert BulkRejection.objects.get().application_ids == ticked


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"scope": "selected", "confirm": "on"}, "applications"),  # nothing ticked
        ({"scope": "all", "seen_total": "24"}, "confirm"),  # not confirmed
        ({"scope": "all", "seen_total": "23", "confirm": "on"}, "__all__"),  # the list has changed meanwhile
        ({"scope": "all", "seen_total": "24", "confirm": "on", "stage": "999999"}, None),  # not a stage of it
        ({"scope": "selected", "applications": ["999999"], "confirm": "on"}, "applications"),  # not in the list
        ({"scope": "everything", "confirm": "on"}, "scope"),
    ],
)
def test_bad_input_gets_a_message_and_starts_nothing(client, sample, data, field):
    client.force_login(sample.recruiter)
    response = client.post(reverse("rejections:bulk_start", args=[sample.vacancy.pk]), data)
    assert response.status_code == 200
    assert not BulkRejection.objects.exists()
    html = response.content.decode()
    if field is None:  # the stage filter says what is wrong
        assert response.context["filter_form"].errors and 'id="id_stage_error"' in html
        return
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert escape(str(errors[field][0])) in html  # shown in the summary (and by the field)
    if field != "__all__":
        assert f'id="id_{field}_error"' in html


def test_progress_page_refreshes_itself_with_htmx_and_has_a_refresh_link(client, sample):
    run = started(sample)
    client.force_login(sample.recruiter)
    url = reverse("rejections:bulk_progress", args=[run.pk])
    html = client.get(url).content.decode()
    assert '<progress id="bulk-progress-bar" max="24" value="0">' in html
    assert f'hx-get="{url}"' in html and 'hx-trigger="every 2s"' in html
    assert "js/htmx.min.js" in html and f'href="{url}"' in html  # the no-JavaScript fallback
    assert no_inline_code(html)

    fragment = client.get(url, headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and "<html" not in fragment.content.decode()
    bulk.process_bulk_rejection(bulk_id=run.pk)
    Rejection.objects.filter(bulk=run, status="scheduled").update(status="sent")  # as if the letters went out
    done = client.get(url, headers={"HX-Request": "true"})
    assert done.status_code == 286  # htmx stops polling
    assert 'value="24"' in done.content.decode()
    assert 'id="bulk-announce" hx-swap-oob="innerHTML"' in done.content.decode()  # said once, when it is done
    assert "hx-trigger" not in client.get(url).content.decode()


@pytest.mark.parametrize(
    ("role", "expected"), [(Role.HR_LEAD, 200), (Role.EVALUATOR, 403), ("other_organisation", 404)]
)
def test_who_sees_the_progress(client, sample, role, expected):
    run = started(sample)
    client.force_login(user_for(sample, role))
    assert client.get(reverse("rejections:bulk_progress", args=[run.pk])).status_code == expected


def test_exceptions_list_only_the_letters_that_need_attention(client, sample, django_assert_max_num_queries):
    run = started(sample)
    bulk.process_bulk_rejection(bulk_id=run.pk)
    waiting = list(Rejection.objects.filter(bulk=run, needs_attention=True))
    assert waiting  # the sample has some
    client.force_login(sample.recruiter)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("rejections:bulk_exceptions", args=[run.pk]))
    html = response.content.decode()
    assert response.context["page"].paginator.count == len(waiting)
    for rejection in waiting:
        assert reverse("rejections:edit", args=[rejection.pk]) in html
    others = Rejection.objects.filter(bulk=run, needs_attention=False)
    assert not any(reverse("rejections:edit", args=[r.pk]) in html for r in others)
    assert no_inline_code(html)


@pytest.mark.parametrize(("role", "expected"), [(Role.HR_LEAD, 403), ("other_organisation", 404)])
def test_exceptions_are_for_recruiters(client, sample, role, expected):
    run = started(sample)
    bulk.process_bulk_rejection(bulk_id=run.pk)
    client.force_login(user_for(sample, role))
    url = reverse("rejections:bulk_exceptions", args=[run.pk])
    assert client.get(url).status_code == expected
    if role == Role.HR_LEAD:  # watching the progress, without a link to what they may not open
        assert url not in client.get(reverse("rejections:bulk_progress", args=[run.pk])).content.decode()


def test_a_failed_run_can_be_continued_by_a_recruiter(client, sample, django_capture_on_commit_callbacks):
    run = started(sample)
    BulkRejection.objects.filter(pk=run.pk).update(status=BulkStatus.FAILED, error="worker stopped")
    client.force_login(sample.recruiter)
    page = client.get(reverse("rejections:bulk_progress", args=[run.pk])).content.decode()
    assert "worker stopped" in page and reverse("rejections:bulk_resume", args=[run.pk]) in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("rejections:bulk_resume", args=[run.pk]))
    assert BulkRejection.objects.get(pk=run.pk).status != BulkStatus.FAILED


def test_the_vacancy_page_offers_bulk_rejection_to_recruiters_only(client, sample):
    url = reverse("vacancies:detail", args=[sample.vacancy.pk])
    button = reverse("rejections:bulk_start", args=[sample.vacancy.pk])
    client.force_login(sample.recruiter)
    assert button in client.get(url).content.decode()
    client.force_login(member(sample.organisation, Role.HR_LEAD))
    assert button not in client.get(url).content.decode()
