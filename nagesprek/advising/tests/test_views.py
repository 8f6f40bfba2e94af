"""The workspace pages per role, an advisor's work through them, and notes kept out of every other page."""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from nagesprek.advising import services
from nagesprek.advising.models import AdviceSummary, AdvisorNote, ConversationOutcome
from nagesprek.advising.tests.factories import make_conversation, make_story
from nagesprek.consents import selectors as consent_selectors
from nagesprek.consents.constants import ConsentPurpose
from nagesprek.conversations.constants import ConversationStatus
from nagesprek.emails.models import OutboxMessage
from nagesprek.matching.tests.helpers import give_profile, vacancy_asking
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.portal.services import issue_link
from nagesprek.referrals.models import Referral

pytestmark = pytest.mark.django_db

OTHER_ROLES = (Role.RECRUITER, Role.EVALUATOR, Role.HR_LEAD, Role.PRIVACY_OFFICER, Role.ORG_ADMIN)
NOTE = "Vertrouwelijk: wil na haar verhuizing parttime werken."


@pytest.fixture
def story():
    return make_story()


@pytest.fixture
def held():
    return make_story(starts_at=timezone.now() - datetime.timedelta(hours=2), status=ConversationStatus.HELD)


def workspace_urls(story, note=None, outcome=None) -> dict[str, tuple[str, str]]:
    conversation = story.conversation.pk
    urls = {
        "brief": ("get", reverse("advising:brief", args=[conversation])),
        "note_add": ("post", reverse("advising:note_add", args=[conversation])),
        "outcome": ("get", reverse("advising:outcome", args=[conversation])),
        "consent": ("post", reverse("advising:referral_consent", args=[conversation])),
        "summary": ("get", reverse("advising:summary", args=[conversation])),
        "summary_send": ("post", reverse("advising:summary_send", args=[conversation])),
    }
    if note is not None:
        urls["note_edit"] = ("get", reverse("advising:note_edit", args=[note.pk]))
    if outcome is not None:
        urls["follow_up_done"] = ("post", reverse("advising:follow_up_done", args=[outcome.pk]))
    return urls


def _with_note_and_outcome(story):
    note = services.add_note(actor=story.actor(), conversation=story.conversation, text=NOTE)
    outcome = services.record_outcome(actor=story.actor(), conversation=story.conversation, advice="Opleiding volgen.")
    return note, outcome


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_other_roles_are_refused_on_every_workspace_page(client, story, role):
    urls = workspace_urls(story, *_with_note_and_outcome(story))
    client.force_login(member(story.organisation, role))
    for name, (method, url) in urls.items():
        assert getattr(client, method)(url).status_code == 403, name


def test_advisors_of_another_organisation_get_404_everywhere(client, story):
    urls = workspace_urls(story, *_with_note_and_outcome(story))
    client.force_login(member(OrganisationFactory(), Role.ADVISOR))
    for name, (method, url) in urls.items():
        assert getattr(client, method)(url).status_code == 404, name


def application_pages(story) -> dict[str, str]:
    """Every staff page that shows this candidate's application data."""
    application, rejection = story.application, story.rejection
    return {
        "application": reverse("applications:detail", args=[application.pk]),
        "rejection": reverse("rejections:detail", args=[rejection.pk]),
        "advice": reverse("advice:page", args=[rejection.pk]),
        "letter": reverse("letters:preview", args=[rejection.pk]),
        "suggestions": reverse("matching:application", args=[application.pk]),
        "scorecard": reverse("evaluations:scorecard", args=[application.pk, story.setting.interview.pk]),
        "profile": reverse("candidates:profile", args=[story.candidate.pk]),
        "vacancy": reverse("vacancies:detail", args=[story.setting.vacancy.pk]),
        "dashboard": reverse("dashboards:home"),
        "conversation": reverse("conversations:detail", args=[story.conversation.pk]),
        "agenda": reverse("conversations:agenda") + f"?view=day&date={story.conversation.starts_at.date().isoformat()}",
        "referrals": reverse("referrals:list"),
        "hires": reverse("referrals:hires"),
    }


@pytest.mark.parametrize("role", [Role.RECRUITER, Role.EVALUATOR, Role.HR_LEAD, Role.PRIVACY_OFFICER, Role.ORG_ADMIN])
def test_advisor_notes_and_outcomes_appear_on_no_page_other_roles_open(client, held, role):
    _with_note_and_outcome(held)
    services.save_summary(actor=held.actor(), conversation=held.conversation, text="Samenvatting XYZ.", language="nl")
    user = member(held.organisation, role)
    held.setting.vacancy.evaluators.add(user)  # an evaluator of this very vacancy sees the most
    client.force_login(user)
    opened = 0
    for name, url in application_pages(held).items():
        response = client.get(url)
        assert response.status_code in (200, 403, 404), name
        body = response.content.decode()
        assert NOTE not in body and "Opleiding volgen." not in body and "XYZ" not in body, name
        opened += response.status_code == 200
    assert opened >= 2  # the role really saw pages with this candidate's data


def test_the_candidate_page_shows_the_sent_summary_but_never_the_notes(client, held):
    services.add_note(actor=held.actor(), conversation=held.conversation, text=NOTE)
    summary = services.save_summary(
        actor=held.actor(), conversation=held.conversation, text="Beste Sanne, volg de training.", language="nl"
    )
    services.send_summary(actor=held.actor(), summary=summary)

    body = client.get(urlsplit(issue_link(candidate=held.candidate)).path).content.decode()

    assert "volg de training" in body and NOTE not in body


def test_the_brief_page_shows_the_preparation_and_the_notes(client, story):
    services.add_note(actor=story.actor(), conversation=story.conversation, text=NOTE)
    client.force_login(story.advisor)

    page = client.get(reverse("advising:brief", args=[story.conversation.pk]))

    body = page.content.decode()
    assert page.status_code == 200
    for expected in ("BIG-registratie", "BIG-herregistratie", "Plannen en organiseren", NOTE):
        assert expected in body


def test_an_advisor_writes_a_note_through_the_page(client, story):
    client.force_login(story.advisor)
    url = reverse("advising:note_add", args=[story.conversation.pk])

    empty = client.post(url, {"text": " "})
    saved = client.post(url, {"text": "Is gemotiveerd."})

    assert empty.status_code == 400 and "error-summary" in empty.content.decode()
    assert saved.status_code == 302 and AdvisorNote.objects.get().text == "Is gemotiveerd."


def test_only_the_author_opens_a_note_to_change_it(client, story):
    note = services.add_note(actor=story.actor(), conversation=story.conversation, text=NOTE)
    client.force_login(member(story.organisation, Role.ADVISOR))
    assert client.get(reverse("advising:note_edit", args=[note.pk])).status_code == 302
    client.force_login(story.advisor)
    assert client.post(reverse("advising:note_edit", args=[note.pk]), {"text": "Aangepast."}).status_code == 302
    note.refresh_from_db()
    assert note.text == "Aangepast."


def test_the_outcome_form_saves_advice_routes_and_follow_up(client, story):
    client.force_login(story.advisor)
    url = reverse("advising:outcome", args=[story.conversation.pk])
    follow_up = (timezone.localdate() + datetime.timedelta(days=20)).isoformat()

    assert client.get(url).status_code == 200
    bad = client.post(url, {"advice": "", "follow_up_on": "morgen"})
    assert bad.status_code == 400 and not ConversationOutcome.objects.exists()
    good = client.post(
        url, {"advice": "Volg de training.", "routes": [story.routes["dutch"].pk], "follow_up_on": follow_up}
    )

    assert good.status_code == 302
    outcome = ConversationOutcome.objects.get()
    assert list(outcome.routes.all()) == [story.routes["dutch"]] and outcome.follow_up_on.isoformat() == follow_up


def test_without_consent_the_brief_says_why_and_records_the_consent_given(client, story):
    client.force_login(story.advisor)
    brief_url = reverse("advising:brief", args=[story.conversation.pk])
    body = client.get(brief_url).content.decode()
    assert reverse("advising:referral_consent", args=[story.conversation.pk]) in body  # the form to record it

    unticked = client.post(reverse("advising:referral_consent", args=[story.conversation.pk]), {"language": "nl"})
    assert unticked.status_code == 400
    assert not consent_selectors.has_valid_consent(candidate=story.candidate, purpose=ConsentPurpose.REFERRAL)

    client.post(
        reverse("advising:referral_consent", args=[story.conversation.pk]), {"confirmed": "on", "language": "nl"}
    )
    assert consent_selectors.has_valid_consent(candidate=story.candidate, purpose=ConsentPurpose.REFERRAL)


def test_the_summary_is_prefilled_reviewed_and_sent(client, held):
    services.record_outcome(
        actor=held.actor(), conversation=held.conversation, advice="Haal je BIG-registratie opnieuw.",
        routes=[held.routes["big"]],
    )  # fmt: skip
    client.force_login(held.advisor)
    url = reverse("advising:summary", args=[held.conversation.pk])

    prefilled = client.get(url).content.decode()
    assert "Beste Sanne de Vries" in prefilled and "BIG-herregistratie" in prefilled and "Haal je BIG" in prefilled
    english = client.get(url + "?language=en&fresh=1").content.decode()
    assert "Dear Sanne de Vries" in english

    client.post(url, {"language": "nl", "text": "Beste Sanne,\n\nJe advies staat hieronder."})
    assert reverse("advising:summary_send", args=[held.conversation.pk]) in client.get(url).content.decode()
    sent = client.post(reverse("advising:summary_send", args=[held.conversation.pk]))

    assert sent.status_code == 302
    assert AdviceSummary.objects.get().is_sent and OutboxMessage.objects.filter(template="advice_summary").count() == 1


def test_the_candidate_page_shows_the_summary_once_sent(client, held):
    summary = services.save_summary(
        actor=held.actor(), conversation=held.conversation, text="Beste Sanne, volg de training.", language="nl"
    )
    page_url = urlsplit(issue_link(candidate=held.candidate)).path
    assert "volg de training" not in client.get(page_url).content.decode()

    services.send_summary(actor=held.actor(), summary=summary)

    assert "volg de training" in client.get(page_url).content.decode()


def test_the_advisor_refers_from_the_brief_and_sees_the_status_there(client, story):
    give_profile(story.candidate, skills=["Notuleren"])
    vacancy = vacancy_asking(story.organisation, skills=["Notuleren"], title="Medisch secretaresse")
    vacancy.recruiters.add(member(story.organisation, Role.RECRUITER))
    services.record_referral_consent(actor=story.actor(), conversation=story.conversation)
    client.force_login(story.advisor)
    url = reverse("advising:refer", args=[story.conversation.pk])

    without_note = client.post(url, {"vacancy": vacancy.pk, "note": ""})
    assert without_note.status_code == 400 and not Referral.objects.exists()
    sent = client.post(url, {"vacancy": vacancy.pk, "note": "Past goed bij het secretariaat."})

    assert sent.status_code == 302
    referral = Referral.objects.get()
    assert referral.source_conversation == story.conversation
    brief = client.get(reverse("advising:brief", args=[story.conversation.pk])).content.decode()
    assert reverse("referrals:detail", args=[referral.pk]) in brief and str(referral.get_status_display()) in brief


def test_the_advisors_dashboard_lists_their_coming_conversations_and_due_follow_ups(client, story):
    earlier = make_conversation(
        story.setting.other_application(), story.advisor, starts_at=timezone.now() - datetime.timedelta(days=3),
        status=ConversationStatus.HELD,
    )  # fmt: skip
    due = services.record_outcome(
        actor=story.actor(), conversation=earlier, advice="Bellen.", follow_up_on=timezone.localdate()
    )
    unrecorded = make_conversation(
        story.setting.other_application(), story.advisor, starts_at=timezone.now() - datetime.timedelta(days=1)
    )  # took place yesterday, still "booked": the advisor has yet to record it
    colleague = member(story.organisation, Role.ADVISOR)

    client.force_login(story.advisor)
    page = client.get(reverse("dashboards:home")).content.decode()
    client.force_login(colleague)
    theirs = client.get(reverse("dashboards:home")).content.decode()

    assert reverse("advising:brief", args=[story.conversation.pk]) in page  # coming, with its brief
    assert page.index(reverse("advising:brief", args=[unrecorded.pk])) < page.index(
        reverse("advising:brief", args=[story.conversation.pk])
    )  # yesterday's, to record, comes first
    assert reverse("advising:follow_up_done", args=[due.pk]) in page
    assert reverse("advising:brief", args=[story.conversation.pk]) not in theirs  # only one's own agenda
    client.force_login(story.advisor)
    client.post(reverse("advising:follow_up_done", args=[due.pk]))
    assert (
        reverse("advising:follow_up_done", args=[due.pk]) not in client.get(reverse("dashboards:home")).content.decode()
    )


def _note_and_referral(story, number: int) -> None:
    services.add_note(actor=story.actor(), conversation=story.conversation, text=f"Vervolgnotitie {number}.")
    vacancy = vacancy_asking(story.organisation, title=f"Post {number}")
    vacancy.recruiters.add(member(story.organisation, Role.RECRUITER))
    services.refer_from_conversation(actor=story.actor(), conversation=story.conversation, vacancy=vacancy, note="x")
    vacancy_asking(story.organisation, title=f"Nog een post {number}").recruiters.add(story.setting.recruiter)


def _queries(client, url) -> int:
    client.get(url)  # the matching index takes in new vacancies once, as the first view after a change does
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_brief_page_takes_as_many_queries_with_many_notes_and_referrals_as_with_one(client, story):
    services.record_referral_consent(actor=story.actor(), conversation=story.conversation)
    _note_and_referral(story, 0)
    client.force_login(story.advisor)
    url = reverse("advising:brief", args=[story.conversation.pk])
    one = _queries(client, url)

    for number in range(1, 6):
        _note_and_referral(story, number)

    assert _queries(client, url) == one
    assert client.get(url).content.decode().count("Vervolgnotitie ") == 6


def test_the_conversation_page_and_the_agenda_lead_advisors_to_the_brief(client, story):
    brief = reverse("advising:brief", args=[story.conversation.pk])
    day = story.conversation.starts_at.date().isoformat()
    client.force_login(story.advisor)
    assert brief in client.get(reverse("conversations:detail", args=[story.conversation.pk])).content.decode()
    assert brief in client.get(reverse("conversations:agenda") + f"?view=day&date={day}").content.decode()

    client.force_login(member(story.organisation, Role.HR_LEAD))  # sees the agenda, not the brief
    assert brief not in client.get(reverse("conversations:detail", args=[story.conversation.pk])).content.decode()
