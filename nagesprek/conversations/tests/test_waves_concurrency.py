"""A candidate books a time while a wave that proposes the same time is being confirmed: one wins, cleanly.

PostgreSQL only, with two real connections (SQLite has no row locks and serialises writers): see
``test_concurrency``.
"""

from __future__ import annotations

import contextlib
import threading

import pytest
from django.db import connection

from nagesprek.conversations import selectors, services
from nagesprek.conversations.constants import ACTIVE_STATUSES, WaveScope
from nagesprek.conversations.models import Conversation, Wave
from nagesprek.conversations.services import booking
from nagesprek.conversations.tests.factories import WaveSetting, make_advisor, make_offer, rejected
from nagesprek.conversations.tests.support import NOW, TODAY, at
from nagesprek.conversations.tests.test_concurrency import _run_at_once
from nagesprek.conversations.tests.waves import plan
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import member
from nagesprek.rejections.tests.factories import actor_for
from nagesprek.vacancies.tests.factories import VacancyFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor == "sqlite", reason="row locks and concurrent connections need PostgreSQL (CI runs it)"
    ),
]


def _first_call_waits(monkeypatch, module, name, barrier: threading.Barrier) -> None:
    """The first call of ``module.name`` returns only when the other side has read too (at most a second)."""
    original = getattr(module, name)
    waited = threading.Event()

    def waiting(*args, **kwargs):
        result = original(*args, **kwargs)
        if not waited.is_set():
            waited.set()
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=1)
        return result

    monkeypatch.setattr(module, name, waiting)


def test_a_candidate_booking_while_a_wave_is_confirmed_either_wins_or_loses_cleanly(monkeypatch):
    deadline = TODAY.replace(day=5)
    vacancy = VacancyFactory()
    organisation = vacancy.organisation
    advisor = make_advisor(organisation, hours=((2, "09:00", "10:30"),))  # Wednesday 3 March: 09:00 and 09:45
    wave_offer = rejected(vacancy, deadline=deadline)
    self_booker = make_offer(vacancy__organisation=organisation, deadline=deadline)  # another vacancy
    lead = member(organisation, Role.HR_LEAD)
    setting = WaveSetting(organisation, vacancy, advisor, advisor, [wave_offer], actor_for(lead, organisation))
    shown = plan(setting)
    assert [(p.offer, p.starts_at) for p in shown.proposals] == [(wave_offer, at(3, "09:00"))]
    both = threading.Barrier(2)
    _first_call_waits(monkeypatch, selectors, "list_plannable_offers_for_actor", both)
    _first_call_waits(monkeypatch, booking, "eligible_profiles", both)

    wave_result, booking_result = _run_at_once(
        lambda: services.propose_wave(
            actor=setting.hr_lead, scope=WaveScope.VACANCY, vacancy_id=vacancy.pk, expected=shown.fingerprint, now=NOW
        ),
        lambda: services.book_slot(offer=self_booker, starts_at=at(3, "09:00"), mode="video", now=NOW),
    )

    at_nine = Conversation.objects.filter(advisor=advisor.user, starts_at=at(3, "09:00"), status__in=ACTIVE_STATUSES)
    assert at_nine.count() == 1
    if isinstance(wave_result, Wave):  # the wave took the time: the candidate is told it was just taken
        assert isinstance(booking_result, services.SlotTaken), booking_result
        assert at_nine.get().offer == wave_offer
    else:  # the candidate was first: the wave proposed nothing and asks to look again
        assert isinstance(wave_result, services.PlanChanged), wave_result
        assert isinstance(booking_result, Conversation)
        assert at_nine.get().offer == self_booker
        assert not Wave.objects.exists() and not Conversation.objects.filter(offer=wave_offer).exists()
