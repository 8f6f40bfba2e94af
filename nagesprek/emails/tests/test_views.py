"""The outbox pages: who may see them, what they show, and the retry of a failed message."""

import pytest
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from nagesprek.audit.constants import AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.emails.constants import OutboxStatus
from nagesprek.emails.models import OutboxMessage
from nagesprek.emails.tests.factories import OutboxMessageFactory
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db

ALLOWED = [Role.ORG_ADMIN, Role.PRIVACY_OFFICER]
REFUSED = [Role.RECRUITER, Role.EVALUATOR, Role.ADVISOR, Role.HR_LEAD]


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def admin_client(client, organisation):
    client.cookies["django_language"] = "en"
    client.force_login(member(organisation, Role.ORG_ADMIN))
    return client


@pytest.mark.parametrize("role", ALLOWED)
def test_admins_and_privacy_officers_see_the_outbox_and_a_message(client, organisation, role):
    message = OutboxMessageFactory(organisation=organisation, subject="Uw sollicitatie", body_text="Beste Anne,\n")
    client.force_login(member(organisation, role))

    listing = client.get(reverse("emails:outbox"))
    detail = client.get(reverse("emails:message", args=[message.pk]))

    assert listing.status_code == 200
    assert "Uw sollicitatie" in listing.content.decode()
    assert detail.status_code == 200
    assert "Beste Anne," in detail.content.decode()
    assert message.recipient in detail.content.decode()


@pytest.mark.parametrize("role", REFUSED)
def test_other_roles_are_refused(client, organisation, role):
    message = OutboxMessageFactory(organisation=organisation, status=OutboxStatus.FAILED)
    client.force_login(member(organisation, role))

    assert client.get(reverse("emails:outbox")).status_code == 403
    assert client.get(reverse("emails:message", args=[message.pk])).status_code == 403
    assert client.post(reverse("emails:retry", args=[message.pk])).status_code == 403
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("emails:outbox"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_another_organisations_message_is_not_found(admin_client, organisation):
    other = OutboxMessageFactory(organisation=OrganisationFactory(), subject="Geheim", status=OutboxStatus.FAILED)
    staff_mail = OutboxMessageFactory(organisation=None, subject="Wachtwoord")  # a password reset: nobody's org

    assert admin_client.get(reverse("emails:message", args=[other.pk])).status_code == 404
    assert admin_client.get(reverse("emails:message", args=[staff_mail.pk])).status_code == 404
    assert admin_client.post(reverse("emails:retry", args=[other.pk])).status_code == 404
    body = admin_client.get(reverse("emails:outbox")).content.decode()
    assert "Geheim" not in body and "Wachtwoord" not in body
    other.refresh_from_db()
    assert other.status == OutboxStatus.FAILED


def test_status_filter_shows_only_that_status(admin_client, organisation):
    OutboxMessageFactory(organisation=organisation, subject="Verzonden bericht", status=OutboxStatus.SENT)
    OutboxMessageFactory(organisation=organisation, subject="Mislukt bericht", status=OutboxStatus.FAILED)

    failed = admin_client.get(reverse("emails:outbox"), {"status": "failed"}).content.decode()
    everything = admin_client.get(reverse("emails:outbox"), {"status": "nonsense"}).content.decode()

    assert "Mislukt bericht" in failed and "Verzonden bericht" not in failed
    assert '<option value="failed" selected>' in failed
    assert "Mislukt bericht" in everything and "Verzonden bericht" in everything


def test_an_empty_filter_says_so(admin_client, organisation):
    OutboxMessageFactory(organisation=organisation, status=OutboxStatus.SENT)

    body = admin_client.get(reverse("emails:outbox"), {"status": "failed"}).content.decode()

    assert "No e-mail with this status." in body


def test_list_is_paginated_newest_first_keeping_the_filter(admin_client, organisation):
    for number in range(30):
        OutboxMessageFactory(
            organisation=organisation, subject=f"Bericht nummer {number:02d}", status=OutboxStatus.SENT
        )

    first = admin_client.get(reverse("emails:outbox"), {"status": "sent"}).content.decode()
    second = admin_client.get(reverse("emails:outbox"), {"status": "sent", "page": 2}).content.decode()

    assert "Bericht nummer 29" in first and "Bericht nummer 05" in first and "Bericht nummer 04" not in first
    assert "Bericht nummer 04" in second and "Bericht nummer 00" in second and "Bericht nummer 29" not in second
    assert "status=sent&amp;page=2" in first
    assert "30 messages" in first


def _queries_for_list(client, django_assert_max_num_queries, bound):
    with django_assert_max_num_queries(bound) as captured:
        assert client.get(reverse("emails:outbox")).status_code == 200
    return len(captured.captured_queries)


def test_list_queries_do_not_grow_with_the_number_of_messages(
    admin_client, organisation, django_assert_max_num_queries
):
    # session, user, memberships (the actor), count, one page of rows
    OutboxMessageFactory.create_batch(3, organisation=organisation)
    few = _queries_for_list(admin_client, django_assert_max_num_queries, 5)
    OutboxMessageFactory.create_batch(60, organisation=organisation)
    many = _queries_for_list(admin_client, django_assert_max_num_queries, 5)

    assert many == few


def test_detail_queries_are_bounded(admin_client, organisation, django_assert_max_num_queries):
    message = OutboxMessageFactory(organisation=organisation)
    # session, user, memberships (the actor), the message
    with django_assert_max_num_queries(4):
        assert admin_client.get(reverse("emails:message", args=[message.pk])).status_code == 200


def test_failed_message_offers_a_retry_and_a_sent_one_does_not(admin_client, organisation):
    failed = OutboxMessageFactory(organisation=organisation, status=OutboxStatus.FAILED, last_error="SMTP 550")
    sent = OutboxMessageFactory(organisation=organisation, status=OutboxStatus.SENT)
    retry_form = 'action="{}"'

    failed_page = admin_client.get(reverse("emails:message", args=[failed.pk])).content.decode()
    sent_page = admin_client.get(reverse("emails:message", args=[sent.pk])).content.decode()

    assert retry_form.format(reverse("emails:retry", args=[failed.pk])) in failed_page
    assert "SMTP 550" in failed_page
    assert "csrfmiddlewaretoken" in failed_page
    assert retry_form.format(reverse("emails:retry", args=[sent.pk])) not in sent_page


@pytest.mark.parametrize("role", ALLOWED)
def test_retry_puts_a_failed_message_back_in_the_queue(client, organisation, role):
    message = OutboxMessageFactory(organisation=organisation, status=OutboxStatus.FAILED, attempts=5, candidate_id=42)
    user = member(organisation, role)
    client.force_login(user)

    response = client.post(reverse("emails:retry", args=[message.pk]), follow=True)

    assert response.redirect_chain == [(reverse("emails:message", args=[message.pk]), 302)]
    message.refresh_from_db()
    assert message.status == OutboxStatus.QUEUED
    assert message.attempts == 0
    event = AuditEvent.objects.get(object_id=str(message.pk), action=AuditAction.UPDATE)
    assert event.actor == user and event.candidate_id == 42


def test_retry_of_a_message_that_did_not_fail_changes_nothing(admin_client, organisation):
    message = OutboxMessageFactory(organisation=organisation, status=OutboxStatus.SENT, attempts=1)

    response = admin_client.post(reverse("emails:retry", args=[message.pk]), follow=True)

    assert "Only a message that failed can be sent again." in response.content.decode()
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT and message.attempts == 1
    assert not AuditEvent.objects.exists()


def test_retry_needs_post_and_a_csrf_token(organisation):
    message = OutboxMessageFactory(organisation=organisation, status=OutboxStatus.FAILED)
    client = Client(enforce_csrf_checks=True)
    client.force_login(member(organisation, Role.ORG_ADMIN))
    url = reverse("emails:retry", args=[message.pk])

    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED


@pytest.mark.django_db(transaction=True)
def test_retried_message_is_delivered_by_the_worker(client, organisation, run_tasks, smtp_server):
    message = OutboxMessageFactory(organisation=organisation, status=OutboxStatus.FAILED, attempts=5)
    client.force_login(member(organisation, Role.ORG_ADMIN))

    client.post(reverse("emails:retry", args=[message.pk]))
    client.post(reverse("emails:retry", args=[message.pk]))  # a double click retries once
    run_tasks()

    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert message.attempts == 1
    assert [m["Message-ID"] for m in smtp_server.messages] == [message.message_id]
    assert DBTaskResult.objects.count() == 1
    assert OutboxMessage.objects.count() == 1


def test_reading_a_letter_in_the_outbox_is_audited(client):
    from nagesprek.audit.models import AuditEvent
    from nagesprek.emails.models import OutboxMessage
    from nagesprek.organisations.constants import Role
    from nagesprek.organisations.tests.factories import OrganisationFactory, member

    organisation = OrganisationFactory()
    message = OutboxMessage.objects.create(
        key="letter-1",
        organisation=organisation,
        recipient="sanne@example.net",
        language="nl",
        template="rejection_letter",
        subject="Je sollicitatie",
        body_text="De reden.",
        candidate_id=42,
    )
    officer = member(organisation, Role.PRIVACY_OFFICER)
    client.force_login(officer)

    assert client.get(reverse("emails:message", args=[message.pk])).status_code == 200

    event = AuditEvent.objects.get()
    assert (event.candidate_id, event.actor, event.object_id) == (42, officer, str(message.pk))
