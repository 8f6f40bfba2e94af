"""The reminder 24 hours before: once, also when the sweep runs twice; again after a move; not for late bookings."""

import pytest

from nagesprek.conversations import services
from nagesprek.conversations.tests.factories import make_advisor, make_offer
from nagesprek.conversations.tests.support import NOW, TODAY, at, messages_to
from nagesprek.housekeeping import run_sweeps

pytestmark = pytest.mark.django_db


@pytest.fixture
def conversation():
    offer = make_offer(deadline=TODAY.replace(day=15))
    make_advisor(offer.organisation)
    return services.book_slot(offer=offer, starts_at=at(3, "09:45"), mode="video", now=NOW)


def _reminders(conversation):
    return [m for m in messages_to(conversation.candidate.email) if "reminder" in m.key]


def test_the_reminder_goes_once_within_24_hours(conversation):
    assert services.send_due_reminders(now=at(2, "09:00")) == 0  # 24 h 45 min before: not yet
    assert services.send_due_reminders(now=at(2, "10:00")) == 1
    assert services.send_due_reminders(now=at(2, "10:01")) == 0
    assert services.send_reminder(conversation_id=conversation.pk, now=at(2, "10:02")) is False
    [reminder] = _reminders(conversation)
    assert "Herinnering" in reminder.subject or "Reminder" in reminder.subject
    assert not reminder.attachments.exists()  # the calendar has the event already


def test_a_move_brings_a_new_reminder_for_the_new_time(conversation):
    services.send_due_reminders(now=at(2, "10:00"))
    services.move_conversation(conversation=conversation, starts_at=at(5, "09:00"), now=at(2, "11:00"))
    assert services.send_due_reminders(now=at(4, "09:30")) == 1
    assert len(_reminders(conversation)) == 2


def test_no_reminder_for_a_conversation_booked_less_than_a_day_ahead():
    offer = make_offer(deadline=TODAY.replace(day=15))
    make_advisor(offer.organisation)
    services.book_slot(offer=offer, starts_at=at(3, "09:00"), mode="video", now=at(2, "12:00"))
    assert services.send_due_reminders(now=at(2, "12:05")) == 0


def test_no_reminder_for_a_cancelled_conversation(conversation):
    services.cancel_conversation(conversation=conversation, now=NOW)
    assert services.send_due_reminders(now=at(2, "10:00")) == 0


@pytest.mark.django_db(transaction=True)  # the sweep closes its connection after each run, as in production
def test_the_housekeeping_sweep_sends_reminders(conversation, monkeypatch):
    from nagesprek.conversations.services import reminders

    monkeypatch.setattr(reminders.timezone, "now", lambda: at(2, "10:00"))
    assert run_sweeps()["conversation reminders"] == 1
    assert run_sweeps()["conversation reminders"] == 0
