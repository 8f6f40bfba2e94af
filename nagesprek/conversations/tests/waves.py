"""A small wave for the planner tests: one vacancy's rejected candidates and two advisors, in a fixed week."""

from __future__ import annotations

from nagesprek.conversations import planning, selectors, services
from nagesprek.conversations.constants import WaveScope
from nagesprek.conversations.models import Wave
from nagesprek.conversations.tests.factories import WaveSetting
from nagesprek.conversations.tests.support import NOW


def plan(setting: WaveSetting, *, scope: str = WaveScope.VACANCY, now=NOW) -> planning.WavePlan:
    offers = selectors.list_plannable_offers_for_actor(
        actor=setting.hr_lead, scope=scope, vacancy_id=setting.vacancy.pk, today=now.date()
    )
    return planning.plan_offers(offers, organisation_id=setting.organisation.pk, now=now)


def confirm(setting: WaveSetting, *, now=NOW, expected: str | None = None) -> Wave:
    """Plan the vacancy's offers and confirm the plan as shown."""
    key = expected or plan(setting, now=now).fingerprint
    return services.propose_wave(
        actor=setting.hr_lead, scope=WaveScope.VACANCY, vacancy_id=setting.vacancy.pk, expected=key, now=now
    )
