"""Sending: the task at send_at queues the letter once, issues the candidate's link and closes the application.

Runs the real task queue (``run_tasks``, real commits) and the outbox's local mailer.
"""

import datetime

import pytest
from django.utils import timezone

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.emails.constants import OutboxStatus
from nagesprek.emails.models import OutboxMessage
from nagesprek.portal.models import CandidateLink
from nagesprek.rejections import services
from nagesprek.rejections.constants import Outcome, RejectionStatus
from nagesprek.rejections.models import Rejection
from nagesprek.rejections.tests.factories import make_setting

pytestmark = pytest.mark.django_db(transaction=True)


def submitted(setting, outcome=Outcome.REJECTED, send_at=None):
    rejection = services.start_rejection(actor=setting.actor(), application=setting.application, outcome=outcome)
    return services.submit_rejection(actor=setting.actor(), rejection=rejection, send_at=send_at)


def test_submitted_rejection_is_sent_once_with_its_reasons(run_tasks):
    setting = make_setting()
    rejection = submitted(setting)
    run_tasks()
    rejection.refresh_from_db()
    assert rejection.status == RejectionStatus.SENT
    message = OutboxMessage.objects.get(key=f"rejection:{rejection.pk}")
    assert rejection.outbox_message == message
    assert message.recipient == setting.candidate.email
    assert message.status == OutboxStatus.SENT
    assert message.language == "nl"
    assert "BIG" in message.body_text  # the drafted reasons are in the letter
    assert CandidateLink.objects.filter(candidate=setting.candidate).count() == 1
    application = rejection.application
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED
    assert application.closed_at is not None


def test_send_twice_gives_one_email_and_one_link(run_tasks):
    setting = make_setting()
    rejection = submitted(setting)
    run_tasks()
    assert services.send_rejection(rejection_id=rejection.pk) is None
    services.send_due_rejections()  # the sweep enqueues nothing: it is sent
    run_tasks()
    assert OutboxMessage.objects.count() == 1
    assert CandidateLink.objects.count() == 1


def test_withdrawn_gets_a_short_letter_without_reasons_and_closes_as_withdrawn(run_tasks):
    setting = make_setting()
    rejection = submitted(setting, Outcome.WITHDRAWN)
    run_tasks()
    rejection.refresh_from_db()
    assert rejection.status == RejectionStatus.SENT
    assert "BIG" not in rejection.outbox_message.body_text
    setting.application.refresh_from_db()
    assert setting.application.status == ApplicationStatus.WITHDRAWN


def test_a_scheduled_letter_waits_for_its_time(run_tasks):
    setting = make_setting()
    rejection = submitted(setting, send_at=timezone.now() + datetime.timedelta(hours=2))
    run_tasks()
    assert Rejection.objects.get(pk=rejection.pk).status == RejectionStatus.SCHEDULED
    assert not OutboxMessage.objects.exists()
    Rejection.objects.filter(pk=rejection.pk).update(send_at=timezone.now() - datetime.timedelta(minutes=1))
    assert services.send_due_rejections() == 1
    run_tasks()
    assert Rejection.objects.get(pk=rejection.pk).status == RejectionStatus.SENT


def test_an_application_closed_in_the_meantime_gets_no_letter(run_tasks):
    setting = make_setting()
    rejection = submitted(setting, send_at=timezone.now() + datetime.timedelta(hours=2))
    setting.application.status = ApplicationStatus.HIRED
    setting.application.save()
    Rejection.objects.filter(pk=rejection.pk).update(send_at=timezone.now())
    services.send_due_rejections()
    run_tasks()
    rejection.refresh_from_db()
    assert (rejection.status, rejection.needs_attention) == (RejectionStatus.DRAFT, True)
    assert not OutboxMessage.objects.exists()
