"""The advice page per role, and a recruiter's edits through it."""

import pytest
from django.urls import reverse

from nagesprek.advice.constants import AdviceStatus
from nagesprek.advice.models import AdviceItem
from nagesprek.advice.tests.factories import setting_routes
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.rejections import services as rejection_services
from nagesprek.rejections.constants import Outcome
from nagesprek.rejections.tests.factories import make_setting

pytestmark = pytest.mark.django_db

EDITORS = (Role.RECRUITER, Role.HR_LEAD)
READERS = (Role.ADVISOR, Role.PRIVACY_OFFICER)  # advisors edit from issue 6 on
REFUSED = (Role.EVALUATOR, Role.ORG_ADMIN)


@pytest.fixture
def rejection():
    setting = make_setting()
    setting_routes(setting.organisation)
    return rejection_services.start_rejection(
        actor=setting.actor(), application=setting.application, outcome=Outcome.REJECTED
    )


def first_item(rejection):
    return AdviceItem.objects.filter(rejection=rejection).order_by("position").first()


@pytest.mark.parametrize("role", EDITORS + READERS + REFUSED)
def test_page_and_actions_per_role(client, rejection, role):
    client.force_login(member(rejection.organisation, role))
    item = first_item(rejection)
    page = client.get(reverse("advice:page", args=[rejection.pk]))
    assert page.status_code == (403 if role in REFUSED else 200)
    save = client.post(
        reverse("advice:item_save", args=[rejection.pk, item.pk]), {f"item-{item.pk}-text": "Nieuwe tekst voor je."}
    )
    remove = client.post(reverse("advice:item_remove", args=[rejection.pk, item.pk]))
    expected = 302 if role in EDITORS else 403
    assert (save.status_code, remove.status_code) == (expected, expected)
    if role in READERS:
        assert "<textarea" not in page.content.decode()


def test_another_organisation_gets_404(client, rejection):
    other = OrganisationFactory()
    client.force_login(member(other, *[r.value for r in Role]))
    item = first_item(rejection)
    assert client.get(reverse("advice:page", args=[rejection.pk])).status_code == 404
    assert client.post(reverse("advice:item_remove", args=[rejection.pk, item.pk])).status_code == 404


def test_the_page_shows_each_item_with_its_route_and_the_view_is_audited(client, rejection):
    from nagesprek.audit.constants import AuditAction
    from nagesprek.audit.models import AuditEvent

    user = member(rejection.organisation, Role.PRIVACY_OFFICER)
    client.force_login(user)
    page = client.get(reverse("advice:page", args=[rejection.pk])).content.decode()
    assert "BIG-herregistratie" in page and "Leerhuis (fictief)" in page and "110" in page
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, actor=user, candidate_id=rejection.application.candidate_id
    ).exists()


def test_edit_pick_another_route_remove_and_add(client, rejection):
    client.force_login(member(rejection.organisation, Role.RECRUITER))
    item = first_item(rejection)
    practice = rejection.organisation.routes.get(title="Sollicitatietraining")
    response = client.post(
        reverse("advice:item_save", args=[rejection.pk, item.pk]),
        {f"item-{item.pk}-text": "Vraag de herregistratie aan.", f"item-{item.pk}-route": practice.pk},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.text, item.route, item.status) == ("Vraag de herregistratie aan.", practice, AdviceStatus.APPROVED)
    client.post(reverse("advice:item_remove", args=[rejection.pk, item.pk]))
    item.refresh_from_db()
    assert item.status == AdviceStatus.REMOVED
    added = client.post(
        reverse("advice:item_add", args=[rejection.pk]),
        {"new-kind": "experience", "new-text": "Doe een jaar ervaring op in een ziekenhuis."},
    )
    assert added.status_code == 302
    assert AdviceItem.objects.filter(rejection=rejection, kind="experience", status=AdviceStatus.APPROVED).exists()


def test_a_protected_ground_in_the_text_is_shown_and_nothing_is_saved(client, rejection):
    client.force_login(member(rejection.organisation, Role.RECRUITER))
    item = first_item(rejection)
    before = item.text
    response = client.post(
        reverse("advice:item_save", args=[rejection.pk, item.pk]),
        {f"item-{item.pk}-text": "Gezien je leeftijd raden we een korte cursus aan."},
    )
    assert response.status_code == 400
    assert "leeftijd" in response.content.decode()
    item.refresh_from_db()
    assert item.text == before and item.status == AdviceStatus.DRAFTED


def test_empty_text_or_a_foreign_route_is_refused(client, rejection):
    from nagesprek.advice.tests.factories import make_route

    client.force_login(member(rejection.organisation, Role.RECRUITER))
    item = first_item(rejection)
    foreign = make_route(OrganisationFactory(), "Elders", "registration: BIG-registratie")
    url = reverse("advice:item_save", args=[rejection.pk, item.pk])
    assert client.post(url, {f"item-{item.pk}-text": "  "}).status_code == 400
    assert client.post(url, {f"item-{item.pk}-text": "Tekst", f"item-{item.pk}-route": foreign.pk}).status_code == 400
    item.refresh_from_db()
    assert item.status == AdviceStatus.DRAFTED


def test_the_rejection_form_links_to_the_advice(client, rejection):
    client.force_login(member(rejection.organisation, Role.RECRUITER))
    page = client.get(reverse("rejections:edit", args=[rejection.pk])).content.decode()
    assert reverse("advice:page", args=[rejection.pk]) in page


def test_the_page_takes_the_same_number_of_queries_whatever_the_number_of_items(
    client, rejection, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(member(rejection.organisation, Role.RECRUITER))
    url = reverse("advice:page", args=[rejection.pk])
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(5):
        AdviceItem.objects.create(rejection=rejection, kind="experience", text=f"Extra advies {number}.", position=10)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
