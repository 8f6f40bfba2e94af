"""The Django admin shows the outbox to technical administrators, read-only."""

import pytest
from django.urls import reverse

from nagesprek.emails.constants import OutboxStatus
from nagesprek.emails.tests.factories import OutboxMessageFactory
from nagesprek.organisations.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_superuser_can_list_and_view_messages(superuser_client):
    message = OutboxMessageFactory(subject="Uw sollicitatie bij ons")

    listing = superuser_client.get(reverse("admin:emails_outboxmessage_changelist"))
    detail = superuser_client.get(reverse("admin:emails_outboxmessage_change", args=[message.pk]))

    assert listing.status_code == 200 and "Uw sollicitatie bij ons" in listing.content.decode()
    assert detail.status_code == 200 and message.recipient in detail.content.decode()
    assert 'name="_save"' not in detail.content.decode()


def test_nobody_adds_changes_or_deletes_through_the_admin(superuser_client):
    message = OutboxMessageFactory(status=OutboxStatus.FAILED)
    change_url = reverse("admin:emails_outboxmessage_change", args=[message.pk])

    assert superuser_client.get(reverse("admin:emails_outboxmessage_add")).status_code == 403
    assert superuser_client.post(change_url, {"status": OutboxStatus.SENT}).status_code == 403
    assert (
        superuser_client.post(
            reverse("admin:emails_outboxmessage_delete", args=[message.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
