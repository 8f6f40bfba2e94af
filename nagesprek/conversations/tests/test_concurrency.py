"""Races against PostgreSQL with two real connections: one booking per time, one reminder per conversation.

SQLite has no row locks (``select_for_update`` is a no-op there) and serialises writers, so these
tests only mean something on PostgreSQL; CI runs them there (DATABASE_URL=postgres://...).
"""

from __future__ import annotations

import contextlib
import threading

import pytest
from django.conf import settings
from django.db import connection
from django.utils import translation

from nagesprek.conversations import services, slots
from nagesprek.conversations.models import Conversation
from nagesprek.conversations.services import booking, reminders
from nagesprek.conversations.tests.factories import make_advisor, make_offer
from nagesprek.conversations.tests.support import NOW, TODAY, at, messages_to
from nagesprek.emails.models import OutboxMessage

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor == "sqlite", reason="row locks and concurrent connections need PostgreSQL (CI runs it)"
    ),
]


def _run_at_once(*calls):
    """Run each call in its own thread (own database connection); return what each returned or raised."""
    results: list[object] = [None] * len(calls)

    def run(index, call):
        try:
            results[index] = call()
        except Exception as error:  # the losing side's SlotTaken is a result here
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def _after_both_read(monkeypatch, module, name):
    """Widen the race: each side waits (at most a second) until the other has read the state too."""
    both = threading.Barrier(2)
    original = getattr(module, name)

    def waiting(*args, **kwargs):
        result = original(*args, **kwargs)
        with contextlib.suppress(threading.BrokenBarrierError):
            both.wait(timeout=1)
        return result

    monkeypatch.setattr(module, name, waiting)


def test_two_candidates_racing_for_the_last_slot_get_one_booking_and_one_slot_taken(monkeypatch):
    deadline = TODAY.replace(day=5)  # this week only: Wednesday is the one day the advisor works
    first = make_offer(deadline=deadline)
    organisation = first.organisation
    second = make_offer(vacancy__organisation=organisation, deadline=deadline)
    advisor = make_advisor(organisation, hours=((2, "09:00", "10:30"),))  # Wednesdays, two slots
    services.book_slot(offer=make_offer(vacancy__organisation=organisation, deadline=deadline),
                       starts_at=at(3, "09:45"), mode="video", now=NOW)  # fmt: skip
    assert [o.starts_at for o in slots.available_slots(offer=first, mode="video", now=NOW)] == [at(3, "09:00")]
    _after_both_read(monkeypatch, booking, "eligible_profiles")

    results = _run_at_once(
        *(
            lambda o=o: services.book_slot(offer=o, starts_at=at(3, "09:00"), mode="video", now=NOW)
            for o in (first, second)
        )
    )

    booked = [r for r in results if isinstance(r, Conversation)]
    taken = [r for r in results if isinstance(r, services.SlotTaken)]
    assert len(booked) == 1 and len(taken) == 1, results
    with translation.override(settings.LANGUAGE_CODE):  # the threads speak the default language
        assert str(taken[0]) == translation.gettext("This time was just taken. Choose another time.")
    assert Conversation.objects.filter(advisor=advisor.user, starts_at=at(3, "09:00")).count() == 1
    loser = second if booked[0].offer_id == first.pk else first
    assert at(3, "09:00") not in [o.starts_at for o in slots.available_slots(offer=loser, mode="video", now=NOW)]


def test_two_sweeps_at_once_send_one_reminder(monkeypatch):
    offer = make_offer(deadline=TODAY.replace(day=15))
    advisor = make_advisor(offer.organisation)
    conversation = services.book_slot(offer=offer, starts_at=at(3, "09:45"), mode="phone", now=NOW)
    _after_both_read(monkeypatch, reminders, "send_reminder")  # both found it due before either claimed it

    due = at(2, "10:00")
    results = _run_at_once(*(lambda: reminders.send_due_reminders(now=due) for _ in range(2)))

    assert sorted(results) == [0, 1], results
    reminder = OutboxMessage.objects.filter(key__contains=f"conversation:{conversation.pk}:reminder")
    assert reminder.count() == 1
    assert len(messages_to(advisor.user.email)) == 1  # the advisor's booking e-mail; no reminder to them
