"""The catalogue pages per role: recruiters and HR leads manage routes; others are refused; other organisations 404."""

import pytest
from django.urls import reverse

from nagesprek.advice.tests.factories import make_route
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.routes.models import Route

pytestmark = pytest.mark.django_db

MANAGERS = (Role.RECRUITER, Role.HR_LEAD)
OTHERS = (Role.EVALUATOR, Role.ADVISOR, Role.PRIVACY_OFFICER, Role.ORG_ADMIN)

FORM = {
    "kind": "course", "title": "Medische terminologie", "provider": "Leerhuis (fictief)",
    "closes": "certificate: Certificaat Medische terminologie\nskill: Medisch jargon", "duration_weeks": "10",
    "duration_text": "10 weken", "cost_eur": "1.250,50", "level": "mbo 4", "language": "nl",
    "delivery_mode": "online", "link": "https://example.org/terminologie", "description": "Je leert medische woorden.",
}  # fmt: skip


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.mark.parametrize("role", MANAGERS + OTHERS)
def test_pages_per_role(client, organisation, role):
    route = make_route(organisation, "BLS", "certificate: Reanimatie (BLS)")
    client.force_login(member(organisation, role))
    expected = 200 if role in MANAGERS else 403
    for name, args in (("routes:list", []), ("routes:create", []), ("routes:import", []), ("routes:edit", [route.pk])):
        assert client.get(reverse(name, args=args)).status_code == expected, name
    assert client.post(reverse("routes:toggle", args=[route.pk])).status_code == (302 if role in MANAGERS else 403)


def test_another_organisations_route_is_not_found(client, organisation):
    route = make_route(OrganisationFactory(), "Elders", "certificate: X")
    client.force_login(member(organisation, *MANAGERS))
    assert client.get(reverse("routes:edit", args=[route.pk])).status_code == 404
    assert client.post(reverse("routes:toggle", args=[route.pk])).status_code == 404
    assert "Elders" not in client.get(reverse("routes:list")).content.decode()


def test_create_edit_and_deactivate(client, organisation):
    client.force_login(member(organisation, Role.RECRUITER))
    assert client.post(reverse("routes:create"), FORM).status_code == 302
    route = Route.objects.get(organisation=organisation)
    assert (str(route.cost_eur), route.duration_weeks, route.is_active) == ("1250.50", 10, True)
    assert [(t.kind, t.name) for t in route.targets.all()] == [
        ("certificate", "Certificaat Medische terminologie"), ("skill", "Medisch jargon"),
    ]  # fmt: skip
    edited = {**FORM, "closes": "certificate: Certificaat Medische terminologie", "cost_eur": ""}
    assert client.post(reverse("routes:edit", args=[route.pk]), edited).status_code == 302
    route.refresh_from_db()
    assert route.cost_eur is None and route.targets.count() == 1
    client.post(reverse("routes:toggle", args=[route.pk]))
    route.refresh_from_db()
    assert not route.is_active
    inactive = client.get(reverse("routes:list"), {"active": "no"}).content.decode()
    assert "Medische terminologie" in inactive
    assert "Medische terminologie" not in client.get(reverse("routes:list"), {"active": "yes"}).content.decode()


@pytest.mark.parametrize(
    ("field", "value"),
    [("closes", "Deelcertificaat zonder soort"), ("cost_eur", "gratis"), ("title", ""), ("link", "geen link")],
)
def test_bad_input_is_explained_and_changes_nothing(client, organisation, field, value):
    client.force_login(member(organisation, Role.HR_LEAD))
    response = client.post(reverse("routes:create"), {**FORM, field: value})
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Route.objects.exists()


def test_the_same_title_and_provider_twice_is_refused(client, organisation):
    make_route(organisation, FORM["title"], provider=FORM["provider"])
    client.force_login(member(organisation, Role.RECRUITER))
    response = client.post(reverse("routes:create"), FORM)
    assert response.status_code == 200
    assert Route.objects.count() == 1


def test_list_filters_by_kind_and_text(client, organisation):
    make_route(organisation, "Rijbewijs B", "licence: Rijbewijs B", kind="certificate")
    make_route(organisation, "Excel", "skill: Excel")
    client.force_login(member(organisation, Role.RECRUITER))
    page = client.get(reverse("routes:list"), {"kind": "certificate"}).content.decode()
    assert "Rijbewijs B" in page and ">Excel<" not in page
    page = client.get(reverse("routes:list"), {"q": "exc"}).content.decode()
    assert ">Excel<" in page and "Rijbewijs B" not in page


def test_a_catalogue_change_makes_the_matching_index_rebuild(
    client, organisation, monkeypatch, django_capture_on_commit_callbacks
):
    from nagesprek.matching import index

    forgotten = []
    monkeypatch.setattr(index, "forget", forgotten.append)
    client.force_login(member(organisation, Role.RECRUITER))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("routes:create"), FORM)
    assert forgotten == [organisation.pk]
