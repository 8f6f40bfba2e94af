"""Timeliness figures for the vacancy pages: one query per page, whatever the number of vacancies."""

from collections.abc import Iterable
from typing import Any

from django import template
from django.utils import timezone

from nagesprek.vacancies import timeliness
from nagesprek.vacancies.models import Vacancy

register = template.Library()


@register.simple_tag(takes_context=True)
def late_counts(context: template.Context, vacancies: Iterable[Vacancy]) -> dict[int, int]:
    """Per vacancy id, the candidates not heard N days after closing, for a page of vacancies (one query)."""
    actor = getattr(context.get("request"), "actor", None)
    if actor is None:
        return {}
    return timeliness.late_counts(organisation=actor.organisation, vacancy_ids=[v.pk for v in vacancies])


@register.filter
def count_for(counts: dict[int, int], vacancy_id: int) -> int:
    return counts.get(vacancy_id, 0)


@register.inclusion_tag("vacancies/includes/timeliness.html")
def vacancy_timeliness(vacancy: Vacancy) -> dict[str, Any]:
    """The "not heard after N days" fact for the vacancy page (one query)."""
    figure = timeliness.vacancy_timeliness(vacancy=vacancy)
    today = timezone.localdate()
    return {"figure": figure, "overdue": figure.overdue_on(today), "late": figure.late(today)}
