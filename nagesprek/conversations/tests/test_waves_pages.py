"""The wave planner's pages per role, the candidate's answer through their link, and bounded queries."""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from nagesprek.audit.models import AuditEvent
from nagesprek.conversations import services
from nagesprek.conversations.constants import ConversationStatus, WaveScope
from nagesprek.conversations.models import Conversation, Wave
from nagesprek.conversations.tests.factories import make_advisor, make_wave_setting, rejected
from nagesprek.conversations.tests.waves import plan
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.portal.services import issue_link
from nagesprek.rejections.tests.factories import actor_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    return make_wave_setting(deadline=timezone.localdate() + datetime.timedelta(days=21))


def _vacancy_plan(setting) -> dict:
    return {"scope": WaveScope.VACANCY, "vacancy": setting.vacancy.pk}


def _confirm(client, setting) -> Wave:
    key = plan(setting, now=timezone.now()).fingerprint
    response = client.post(reverse("conversations:wave_plan"), {**_vacancy_plan(setting), "key": key})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Wave.objects.get()


def nl(msgid: str) -> str:
    """What the page shows for ``msgid`` (Dutch is the default language)."""
    with translation.override("nl"):
        return translation.gettext(msgid)


def _token(candidate) -> str:
    return urlsplit(issue_link(candidate=candidate)).path.strip("/").split("/")[-1]


@pytest.mark.parametrize("role", tuple(Role.values))
def test_who_plans_waves(client, setting, role):
    client.force_login(member(setting.organisation, role))
    pages = (reverse("conversations:waves"), reverse("conversations:wave_plan"))
    codes = {client.get(url, _vacancy_plan(setting)).status_code for url in pages}
    assert codes == ({200} if role in (Role.HR_LEAD, Role.ORG_ADMIN) else {403})


def test_the_hr_lead_compares_the_methods_and_confirms_the_plan(client, setting):
    client.force_login(setting.hr_lead.user)
    page = client.get(reverse("conversations:wave_plan"), _vacancy_plan(setting))

    html = page.content.decode()
    assert page.status_code == 200 and not Conversation.objects.exists()
    for text in ("Optimal plan (Nagesprek)", "First come, first served", "Round robin"):
        assert nl(text) in html
    assert "Ingrid Bakker" in html and setting.offers[-1].candidate.full_name in html
    english = next(r for r in page.context["rows"] if r["offer"] == setting.offers[-1])
    assert english["advisor"] == "Grace Mensah" and "Grace Mensah" in english["reasons"][0]  # the reasons in words
    shown = AuditEvent.objects.filter(action="view", summary="Shown in the wave planner")
    assert shown.count() == len(setting.offers)

    wave = _confirm(client, setting)
    assert wave.confirmed_by == setting.hr_lead.user and wave.proposed == len(setting.offers)
    detail = client.get(reverse("conversations:wave", args=[wave.pk]))
    assert detail.status_code == 200 and nl("Proposed") in detail.content.decode()


def test_confirming_a_plan_that_changed_shows_the_new_one_and_proposes_nothing(client, setting):
    client.force_login(setting.hr_lead.user)
    stale = plan(setting, now=timezone.now()).fingerprint
    someone = setting.offers[0]
    services.book_slot(offer=someone, starts_at=plan(setting, now=timezone.now()).proposals[0].starts_at, mode="video")

    response = client.post(reverse("conversations:wave_plan"), {**_vacancy_plan(setting), "key": stale})
    assert response.status_code == 409 and response.context["problem"]
    assert not Wave.objects.exists()
    assert not Conversation.objects.filter(status=ConversationStatus.PROPOSED).exists()


@pytest.mark.parametrize(
    "data",
    [
        {"scope": "bulk"},
        {"scope": "vacancy", "vacancy": "999999"},
        {"scope": "everything"},
        {"scope": "vacancy", "vacancy": "x"},
    ],
)
def test_a_bad_selection_is_explained_and_plans_nothing(client, setting, data):
    client.force_login(setting.hr_lead.user)
    response = client.get(reverse("conversations:wave_plan"), data)
    assert response.status_code == 422 and response.context["form"].errors
    response = client.post(reverse("conversations:wave_plan"), {**data, "key": "0" * 64})
    assert response.status_code == 422 and not Conversation.objects.exists()


def test_nobody_from_another_organisation_sees_or_replans_a_wave(client, setting):
    client.force_login(setting.hr_lead.user)
    wave = _confirm(client, setting)
    outsider = OrganisationFactory()
    client.force_login(member(outsider, Role.HR_LEAD, Role.ORG_ADMIN))
    assert client.get(reverse("conversations:wave", args=[wave.pk])).status_code == 404
    assert client.get(reverse("conversations:wave_replan", args=[wave.pk])).status_code == 404
    assert client.post(reverse("conversations:wave_replan", args=[wave.pk]), {"key": "0" * 64}).status_code == 404
    page = client.get(reverse("conversations:wave_plan"), {"scope": "vacancy", "vacancy": setting.vacancy.pk})
    assert page.status_code == 422  # not one of their vacancies
    assert Conversation.objects.count() == len(setting.offers)


def test_the_plan_page_reads_a_fixed_number_of_queries(client, setting):
    client.force_login(setting.hr_lead.user)
    url = reverse("conversations:wave_plan")
    client.get(url, _vacancy_plan(setting))  # warm up (session, language)
    with CaptureQueriesContext(connection) as few:
        client.get(url, _vacancy_plan(setting))
    for _ in range(10):
        rejected(setting.vacancy, deadline=setting.offers[0].deadline)
    make_advisor(setting.organisation, full_name="Extra adviseur")
    with CaptureQueriesContext(connection) as many:
        page = client.get(url, _vacancy_plan(setting))
    assert len(page.context["plan"].offers) == len(setting.offers) + 10
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_the_wave_page_reads_a_fixed_number_of_queries(client, setting):
    client.force_login(setting.hr_lead.user)
    wave = _confirm(client, setting)
    url = reverse("conversations:wave", args=[wave.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    first, second = Conversation.objects.filter(proposal__wave=wave)[:2]
    services.accept_proposal(conversation=first)
    services.decline_proposal(conversation=second)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_the_candidate_accepts_the_proposal_from_their_page(client, setting):
    client.force_login(setting.hr_lead.user)
    wave = _confirm(client, setting)
    client.logout()
    conversation = Conversation.objects.filter(proposal__wave=wave).select_related("candidate").first()
    token = _token(conversation.candidate)

    own_page = client.get(reverse("portal:page", args=[token])).content.decode()
    assert reverse("conversations:mine", args=[token, conversation.pk]) in own_page  # the candidate page leads there
    page = client.get(reverse("conversations:mine", args=[token, conversation.pk]))
    html = page.content.decode()
    assert reverse("conversations:accept", args=[token, conversation.pk]) in html
    assert reverse("conversations:other_time", args=[token, conversation.pk]) in html
    assert conversation.advisor.full_name in html
    assert client.get(reverse("conversations:accept", args=[token, conversation.pk])).status_code == 200

    response = client.post(reverse("conversations:accept", args=[token, conversation.pk]))
    assert response.status_code == 302 and "done=booked" in response["Location"]
    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.BOOKED
    again = client.post(reverse("conversations:accept", args=[token, conversation.pk]))
    assert again.status_code == 302 and "done=booked" not in again["Location"]  # to its page, nothing twice


def test_the_candidate_chooses_another_time_and_gets_the_normal_picking_page(client, setting):
    client.force_login(setting.hr_lead.user)
    wave = _confirm(client, setting)
    client.logout()
    conversation = Conversation.objects.filter(proposal__wave=wave).select_related("candidate").first()
    token = _token(conversation.candidate)

    assert client.get(reverse("conversations:other_time", args=[token, conversation.pk])).status_code == 200
    response = client.post(reverse("conversations:other_time", args=[token, conversation.pk]))

    assert response["Location"].startswith(reverse("conversations:book", args=[token, conversation.offer_id]))
    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.DECLINED
    picking = client.get(response["Location"])
    assert picking.status_code == 200 and picking.context["days"]


def test_a_candidate_cannot_answer_someone_elses_proposal(client, setting):
    client.force_login(setting.hr_lead.user)
    wave = _confirm(client, setting)
    client.logout()
    mine, theirs = Conversation.objects.filter(proposal__wave=wave).select_related("candidate")[:2]
    token = _token(mine.candidate)
    for name in ("accept", "other_time", "mine"):
        assert client.get(reverse(f"conversations:{name}", args=[token, theirs.pk])).status_code == 404
    assert client.post(reverse("conversations:accept", args=[token, theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == ConversationStatus.PROPOSED


def test_the_hr_lead_replans_the_rest_after_an_advisor_withdrew_a_proposal(client, setting):
    client.force_login(setting.hr_lead.user)
    wave = _confirm(client, setting)
    withdrawn = Conversation.objects.filter(proposal__wave=wave).select_related("advisor").first()
    advisor = actor_for(withdrawn.advisor, setting.organisation)
    services.cancel_conversation(conversation=withdrawn, actor=advisor, reason="Ziek.")

    assert nl("Re-plan the rest") in client.get(reverse("conversations:wave", args=[wave.pk])).content.decode()
    preview = client.get(reverse("conversations:wave_replan", args=[wave.pk]))
    assert preview.status_code == 200 and len(preview.context["plan"].proposals) == 1
    response = client.post(
        reverse("conversations:wave_replan", args=[wave.pk]), {"key": preview.context["plan"].fingerprint}
    )
    assert response.status_code == 302
    again = Conversation.objects.get(offer=withdrawn.offer, status=ConversationStatus.PROPOSED)
    assert again.proposal.wave.parent == wave
    assert client.post(reverse("conversations:wave_replan", args=[wave.pk]), {"key": ""}).status_code == 422
