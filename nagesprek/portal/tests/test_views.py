"""The candidate page, its PDF download and the fresh-link request, as a candidate meets them."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from nagesprek.audit.constants import ActorKind, AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.candidates.tests.factories import CandidateFactory
from nagesprek.emails.constants import OutboxStatus
from nagesprek.emails.models import OutboxMessage
from nagesprek.letters.tests.factories import RejectionFactory, RequirementReasonFactory, rejection_with_reasons
from nagesprek.portal.models import CandidateLink
from nagesprek.portal.services import issue_link, revoke_links
from nagesprek.rejections.constants import Outcome, RejectionStatus

pytestmark = pytest.mark.django_db


def _path(url: str) -> str:
    return urlsplit(url).path


def nl(msgid: str) -> str:
    """The Dutch the candidate sees: pages open in the candidate's language (Dutch here)."""
    with translation.override("nl"):
        return translation.gettext(msgid)


@pytest.fixture
def rejection():
    rejection = rejection_with_reasons(reasons=2, language="nl")
    rejection.organisation.contact_email = "werken@example.nl"
    rejection.organisation.save()
    return rejection


@pytest.fixture
def page_url(rejection):
    return _path(issue_link(candidate=rejection.application.candidate))


def test_the_page_shows_outcome_reasons_contact_and_data_rights(client, rejection, page_url):
    response = client.get(page_url)

    assert response.status_code == 200
    page = response.content.decode()
    assert rejection.application.vacancy.title in page
    for reason in rejection.reasons.all():
        assert reason.explanation in page
    assert "BIG-registratie als verpleegkundige" in page  # what the reason concerns
    assert nl("We are sorry, but you will not get this job.") in page  # the outcome
    assert "werken@example.nl" in page
    assert nl("You may ask which data we have about you. You may also ask us to correct or delete your data.") in page
    assert "4 weken na het einde van de procedure" in page
    assert reverse("portal:letter_pdf", args=[page_url.split("/")[2], rejection.pk]) in page


def test_the_page_shows_only_this_candidates_letters(client, rejection, page_url):
    other = RejectionFactory(application__vacancy=rejection.application.vacancy)
    RequirementReasonFactory(rejection=other, explanation="Een reden die alleen voor de ander geldt.")

    page = client.get(page_url).content.decode()
    other_page = client.get(_path(issue_link(candidate=other.application.candidate))).content.decode()

    assert "Een reden die alleen voor de ander geldt." not in page
    assert rejection.application.candidate.full_name in page
    assert other.application.candidate.full_name not in page
    assert "Een reden die alleen voor de ander geldt." in other_page
    assert rejection.reasons.first().explanation not in other_page


def test_letters_not_yet_sent_are_not_shown(client, rejection, page_url):
    draft = RejectionFactory(
        application__candidate=rejection.application.candidate,
        application__vacancy__organisation=rejection.organisation,
        status=RejectionStatus.IN_REVIEW,
    )
    RequirementReasonFactory(rejection=draft, explanation="Nog niet goedgekeurd.")

    assert "Nog niet goedgekeurd." not in client.get(page_url).content.decode()


def test_withdrawn_and_cancelled_letters_show_no_reasons(client):
    rejection = rejection_with_reasons(reasons=1, outcome=Outcome.CANCELLED, language="en")

    page = client.get(_path(issue_link(candidate=rejection.application.candidate))).content.decode()

    assert nl("We apologise for this.") in page
    assert rejection.reasons.first().explanation not in page


def test_every_view_writes_an_audit_event_with_the_candidate_as_actor(client, rejection, page_url):
    client.get(page_url)
    client.get(page_url)

    events = AuditEvent.objects.filter(action=AuditAction.VIEW, actor_kind=ActorKind.CANDIDATE)
    assert events.count() == 2
    assert {event.candidate_id for event in events} == {rejection.application.candidate_id}
    assert all(event.actor is None for event in events)


def test_candidate_pages_are_private_uncached_and_unindexed(client, rejection, page_url):
    pages_with_a_link = (page_url, f"{page_url}letters/{rejection.pk}.pdf")
    pages_with_a_form = (reverse("portal:fresh_link"), reverse("portal:fresh_link_sent"), "/c/nonsense/")
    for url in pages_with_a_link + pages_with_a_form:
        response = client.get(url)
        assert "no-store" in response["Cache-Control"], url
        assert "noindex" in response["X-Robots-Tag"], url
        # A form posted from a no-referrer page arrives with "Origin: null", which CSRF protection refuses.
        expected = "no-referrer" if url in pages_with_a_link else "same-origin"
        assert response["Referrer-Policy"] == expected, url


def test_the_page_speaks_the_candidates_language_with_a_switch(client, rejection, page_url):
    dutch = client.get(page_url)
    english = client.get(page_url, {"lang": "en"})
    unknown = client.get(page_url, {"lang": "xx"})

    assert '<html lang="nl">' in dutch.content.decode()
    assert 'href="?lang=en"' in dutch.content.decode()
    assert '<html lang="en">' in english.content.decode()
    assert 'href="?lang=nl"' in english.content.decode()
    assert '<html lang="nl">' in unknown.content.decode()


def test_an_english_speaking_candidate_gets_the_page_in_english(client):
    rejection = rejection_with_reasons(reasons=1, application__candidate__language="en")

    response = client.get(_path(issue_link(candidate=rejection.application.candidate)))

    assert '<html lang="en">' in response.content.decode()


@pytest.mark.parametrize(
    ("spoil", "status", "headline"),
    [
        (lambda url, candidate: url.replace("/c/", "/c/x"), 404, nl("We do not recognise this link")),
        (lambda url, candidate: "/c/random-words/", 404, nl("We do not recognise this link")),
        (lambda url, candidate: revoke_links(candidate=candidate) and url, 410, nl("This link has been switched off")),
        (
            lambda url, candidate: (
                CandidateLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1)) and url
            ),
            410,
            nl("This link has expired"),
        ),
    ],
)
def test_a_link_that_does_not_work_gets_a_kind_page_with_a_fresh_link_form(
    client, rejection, page_url, spoil, status, headline
):
    response = client.get(spoil(page_url, rejection.application.candidate))

    assert response.status_code == status
    page = response.content.decode()
    assert headline in page
    assert f'action="{reverse("portal:fresh_link")}' in page
    assert 'name="email"' in page
    assert rejection.reasons.first().explanation not in page
    assert not AuditEvent.objects.filter(actor_kind=ActorKind.CANDIDATE).exists()


def test_the_candidate_downloads_their_letter_as_pdf(client, rejection, page_url):
    response = client.get(f"{page_url}letters/{rejection.pk}.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, actor_kind=ActorKind.CANDIDATE).count() == 1


def test_another_candidates_letter_cannot_be_downloaded(client, page_url, rejection):
    other = RejectionFactory(application__vacancy=rejection.application.vacancy)

    response = client.get(f"{page_url}letters/{other.pk}.pdf")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_pdf_with_a_spoilt_link_gets_the_kind_page(client, rejection, page_url):
    revoke_links(candidate=rejection.application.candidate)

    assert client.get(f"{page_url}letters/{rejection.pk}.pdf").status_code == 410


class TestFreshLink:
    def _post(self, client, email):
        return client.post(reverse("portal:fresh_link"), {"email": email})

    def test_known_and_unknown_addresses_get_the_identical_answer(self, client):
        rejection = RejectionFactory(application__candidate=CandidateFactory(email="sanne@example.net"))

        known = self._post(client, "sanne@example.net")
        unknown = self._post(client, "nobody@example.net")

        assert (
            (known.status_code, known["Location"])
            == (unknown.status_code, unknown["Location"])
            == (
                302,
                f"{reverse('portal:fresh_link_sent')}?lang=nl",
            )
        )
        assert known.content == unknown.content
        assert client.get(known["Location"]).content == client.get(unknown["Location"]).content
        assert rejection.application.candidate.email == "sanne@example.net"

    def test_the_request_does_the_same_work_for_both_and_leaves_the_lookup_to_a_task(
        self, client, django_capture_on_commit_callbacks
    ):
        RejectionFactory(application__candidate=CandidateFactory(email="sanne@example.net"))

        with django_capture_on_commit_callbacks(execute=True):
            self._post(client, "sanne@example.net")
            self._post(client, "nobody@example.net")

        tasks = DBTaskResult.objects.order_by("enqueued_at")
        assert [task.task_path for task in tasks] == ["nagesprek.portal.tasks.send_fresh_link"] * 2
        assert [task.args_kwargs["kwargs"]["email"] for task in tasks] == ["sanne@example.net", "nobody@example.net"]
        assert not OutboxMessage.objects.exists()  # nothing is looked up or sent inside the request

    def test_only_the_known_address_gets_an_email_whose_link_opens_the_page(self, client, run_tasks):
        rejection = RejectionFactory(application__candidate=CandidateFactory(email="sanne@example.net"))
        RequirementReasonFactory(rejection=rejection, explanation="De reden die Sanne moet lezen.")

        self._post(client, "sanne@example.net")
        self._post(client, "nobody@example.net")
        run_tasks()  # the lookups, then the delivery of what they queued

        message = OutboxMessage.objects.get()
        assert (message.recipient, message.template, message.status) == (
            "sanne@example.net",
            "candidate_link",
            OutboxStatus.SENT,
        )
        link = next(word for word in message.body_text.split() if "/c/" in word)
        assert "De reden die Sanne moet lezen." in client.get(_path(link)).content.decode()

    def test_a_mistyped_address_gets_a_clear_message_and_changes_nothing(
        self, client, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = self._post(client, "sanne at example")

        assert response.status_code == 200
        assert nl("Enter an e-mail address, for example name@example.nl.") in response.content.decode()
        assert not DBTaskResult.objects.exists()

    def test_the_form_page_renders(self, client):
        response = client.get(reverse("portal:fresh_link"), {"lang": "en"})

        assert response.status_code == 200
        assert '<html lang="en">' in response.content.decode()
        assert 'autocomplete="email"' in response.content.decode()
