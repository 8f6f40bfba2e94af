"""The staff pages per role: the agenda and its actions, the policy, the advisors' profiles."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from nagesprek.audit.models import AuditEvent
from nagesprek.conversations.constants import ConversationStatus, OfferScope
from nagesprek.conversations.models import AdvisorProfile, ConversationPolicy
from nagesprek.conversations.tests.factories import ConversationFactory, make_advisor, make_offer
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db

ALL_ROLES = tuple(Role.values)


@pytest.fixture
def conversation():
    conversation = ConversationFactory(starts_at=timezone.now() - datetime.timedelta(hours=1))
    make_advisor(conversation.organisation, user=conversation.advisor)
    return conversation


def _week(conversation) -> dict:
    return {"date": timezone.localdate(conversation.starts_at).isoformat()}


@pytest.mark.parametrize("role", ALL_ROLES)
def test_who_opens_the_agenda_and_the_conversation(client, conversation, role):
    user = member(conversation.organisation, role)
    client.force_login(user)
    agenda = client.get(reverse("conversations:agenda"), _week(conversation))
    detail = client.get(reverse("conversations:detail", args=[conversation.pk]))
    if role in (Role.HR_LEAD, Role.ORG_ADMIN):
        assert (agenda.status_code, detail.status_code) == (200, 200)
        assert conversation.candidate.full_name in agenda.content.decode()
    elif role == Role.ADVISOR:  # another advisor: their own agenda, not this conversation
        assert (agenda.status_code, detail.status_code) == (200, 404)
        assert conversation.candidate.full_name not in agenda.content.decode()
    else:
        assert (agenda.status_code, detail.status_code) == (403, 403)


def test_the_advisor_marks_held_from_the_agenda_and_it_is_audited(client, conversation):
    client.force_login(conversation.advisor)
    agenda_url = reverse("conversations:agenda") + "?date=" + _week(conversation)["date"]
    page = client.get(agenda_url)
    assert AuditEvent.objects.filter(candidate_id=conversation.candidate_id, action="view").exists()
    assert reverse("conversations:held", args=[conversation.pk]) in page.content.decode()

    response = client.post(reverse("conversations:held", args=[conversation.pk]), {"next": agenda_url})
    assert response.status_code == 302 and response["Location"] == agenda_url
    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.HELD


def test_the_advisor_cancels_only_with_a_reason(client):
    future = ConversationFactory(starts_at=timezone.now() + datetime.timedelta(days=3))
    make_advisor(future.organisation, user=future.advisor)
    client.force_login(future.advisor)
    url = reverse("conversations:cancel", args=[future.pk])

    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 422 and refused.context["cancel_form"].errors
    future.refresh_from_db()
    assert future.status == ConversationStatus.BOOKED
    assert client.post(url, {"reason": "Ik ben die dag op cursus."}).status_code == 302
    future.refresh_from_db()
    assert (future.status, future.cancel_reason) == (
        ConversationStatus.CANCELLED_BY_ADVISOR,
        "Ik ben die dag op cursus.",
    )


def test_nobody_from_another_organisation_sees_or_touches_anything(client, conversation):
    outsider = OrganisationFactory()
    client.force_login(member(outsider, *ALL_ROLES))
    assert (
        conversation.candidate.full_name
        not in client.get(reverse("conversations:agenda"), _week(conversation)).content.decode()
    )
    for name in ("detail",):
        assert client.get(reverse(f"conversations:{name}", args=[conversation.pk])).status_code == 404
    for name in ("held", "no_show", "cancel"):
        assert client.post(reverse(f"conversations:{name}", args=[conversation.pk]), {"reason": "x"}).status_code == 404
    profile = AdvisorProfile.objects.get(user=conversation.advisor)
    assert client.get(reverse("conversations:advisor_edit", args=[profile.pk])).status_code == 404
    assert (
        client.get(reverse("conversations:vacancy_policy", args=[conversation.application.vacancy_id])).status_code
        == 404
    )
    conversation.refresh_from_db()
    assert conversation.status == ConversationStatus.BOOKED


def test_the_agenda_reads_a_fixed_number_of_queries(client, conversation):
    hr_lead = member(conversation.organisation, Role.HR_LEAD)
    client.force_login(hr_lead)
    url = reverse("conversations:agenda")
    client.get(url, _week(conversation))  # warm up (session, language)
    with CaptureQueriesContext(connection) as few:
        client.get(url, _week(conversation))
    for _ in range(5):
        extra = make_offer(vacancy__organisation=conversation.organisation)
        ConversationFactory(offer=extra, advisor=conversation.advisor,
                            starts_at=conversation.starts_at + datetime.timedelta(hours=2 + _))  # fmt: skip
    with CaptureQueriesContext(connection) as many:
        client.get(url, _week(conversation))
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


@pytest.mark.parametrize("role", ALL_ROLES)
def test_who_sets_the_policy(client, role):
    organisation = OrganisationFactory()
    client.force_login(member(organisation, role))
    data = {"offer_to": OfferScope.EVERYONE, "deadline_working_days": "7", "modes": ["video", "phone"]}
    response = client.post(reverse("conversations:policy"), data)
    if role in (Role.HR_LEAD, Role.ORG_ADMIN):
        assert response.status_code == 302
        policy = ConversationPolicy.objects.get(organisation=organisation)
        assert (policy.offer_to, policy.deadline_working_days, policy.modes) == ("everyone", 7, ["video", "phone"])
    else:
        assert response.status_code == 403 and not ConversationPolicy.objects.exists()


@pytest.mark.parametrize(("field", "value"), [("deadline_working_days", "0"), ("modes", []), ("offer_to", "some")])
def test_a_bad_policy_is_explained_and_changes_nothing(client, field, value):
    organisation = OrganisationFactory()
    client.force_login(member(organisation, Role.HR_LEAD))
    data = {"offer_to": OfferScope.EVERYONE, "deadline_working_days": "7", "modes": ["video"], field: value}
    response = client.post(reverse("conversations:policy"), data)
    assert response.status_code == 422 and response.context["form"].errors[field]
    assert not ConversationPolicy.objects.exists()


def test_the_vacancys_recruiter_overrides_the_policy_and_goes_back(client):
    offer = make_offer()
    vacancy = offer.application.vacancy
    recruiter = member(offer.organisation, Role.RECRUITER)
    client.force_login(recruiter)
    url = reverse("conversations:vacancy_policy", args=[vacancy.pk])
    assert client.get(url).status_code == 404  # not their vacancy
    vacancy.recruiters.add(recruiter)
    data = {"offer_to": OfferScope.NOBODY, "deadline_working_days": "5", "modes": ["phone"]}
    assert client.post(url, data).status_code == 302
    assert ConversationPolicy.objects.get(vacancy=vacancy).offer_to == OfferScope.NOBODY
    client.post(url, {"action": "clear"})
    assert not ConversationPolicy.objects.filter(vacancy=vacancy).exists()


def test_an_org_admin_sets_up_an_advisor_who_then_keeps_their_own_hours(client):
    organisation = OrganisationFactory()
    advisor = member(organisation, Role.ADVISOR, full_name="Marieke van Dijk")
    client.force_login(member(organisation, Role.ORG_ADMIN))
    data = {"user": advisor.pk, "languages": ["nl", "en"], "modes": ["video", "on_site"], "location": "Kamer 2",
            "conversation_minutes": "30", "max_per_day": "4", "is_active": "on"}  # fmt: skip
    response = client.post(reverse("conversations:advisor_create"), data)
    profile = AdvisorProfile.objects.get(user=advisor)
    assert response.status_code == 302 and (profile.conversation_minutes, profile.max_per_day) == (30, 4)

    client.force_login(advisor)
    assert client.get(reverse("conversations:advisors")).status_code == 302  # straight to their own profile
    hours = {"d0p0start": "09:00", "d0p0end": "12:00", "d0p1start": "13:00", "d0p1end": "17:00",
             "d2p0start": "10:00", "d2p0end": "09:00"}  # fmt: skip
    refused = client.post(reverse("conversations:advisor_hours", args=[profile.pk]), hours)
    assert refused.status_code == 422 and not profile.working_hours.exists()
    hours["d2p0end"] = "15:00"
    assert client.post(reverse("conversations:advisor_hours", args=[profile.pk]), hours).status_code == 302
    assert [(h.weekday, f"{h.start:%H:%M}") for h in profile.working_hours.all()] == [
        (0, "09:00"),
        (0, "13:00"),
        (2, "10:00"),
    ]
    absence = {
        "kind": "out_of_office",
        "starts_at": "2027-03-01T09:00",
        "ends_at": "2027-03-05T17:00",
        "note": "Vakantie",
    }
    assert client.post(reverse("conversations:absence_add", args=[profile.pk]), absence).status_code == 302
    assert profile.absences.count() == 1

    colleague = make_advisor(organisation)
    assert client.get(reverse("conversations:advisor_edit", args=[colleague.pk])).status_code == 404


@pytest.mark.parametrize("role", [Role.RECRUITER, Role.EVALUATOR, Role.HR_LEAD, Role.PRIVACY_OFFICER])
def test_other_roles_do_not_manage_advisors(client, role):
    organisation = OrganisationFactory()
    profile = make_advisor(organisation)
    client.force_login(member(organisation, role))
    assert client.get(reverse("conversations:advisors")).status_code == 403
    assert client.get(reverse("conversations:advisor_edit", args=[profile.pk])).status_code == 403


def test_a_bad_exception_is_explained_and_the_profile_form_keeps_its_values(client):
    organisation = OrganisationFactory()
    profile = make_advisor(organisation, languages=("nl", "en"))
    client.force_login(profile.user)
    bad = {"kind": "out_of_office", "starts_at": "2027-03-05T17:00", "ends_at": "2027-03-01T09:00"}
    response = client.post(reverse("conversations:absence_add", args=[profile.pk]), bad)
    assert response.status_code == 422 and response.context["absence_form"].errors["ends_at"]
    assert response.context["form"].initial["languages"] == ["nl", "en"]
    assert not profile.absences.exists()
