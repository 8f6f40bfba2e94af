"""The text of each advice item, in plain words (B1) in the candidate's language.

Short sentences on purpose: the letter must stay at B1 level with advice in it
(letters/tests/test_letter_readability.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from nagesprek.advice.planning import CRITERION, QUALIFICATION_KINDS, DirectionHint, Gap, PlannedItem, RouteOption


def _list(names: Sequence[str]) -> str:
    names = [f"“{n}”" for n in names]
    if len(names) <= 1:
        return "".join(names)
    return _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def _shown(gap: Gap) -> str:
    # A language gap names the level asked: the candidate may speak the language, at a lower level.
    if gap.kind == "language" and gap.level and gap.level not in gap.name:
        return f"{gap.name} {gap.level}"
    return gap.name


def _gap_sentence(gaps: Sequence[Gap]) -> str:
    rest = [g for g in gaps if g.status not in ("expired", "expiring") and g.kind != CRITERION]
    lacking = [g.name for g in rest if g.kind in QUALIFICATION_KINDS]
    asked = [_shown(g) for g in rest if g.kind not in QUALIFICATION_KINDS]
    expired = [g.name for g in gaps if g.status == "expired"]
    expiring = [g.name for g in gaps if g.status == "expiring"]
    low = [g.name for g in gaps if g.kind == CRITERION]
    parts = []
    if lacking:
        parts.append(_("You do not have %(names)s yet.") % {"names": _list(lacking)})
    if asked:
        parts.append(_("The job asks for %(names)s.") % {"names": _list(asked)})
    if expired:
        parts.append(_("Your %(names)s has expired.") % {"names": _list(expired)})
    if expiring:
        parts.append(_("Your %(names)s will expire soon.") % {"names": _list(expiring)})
    if low:
        parts.append(_("In the selection, %(names)s did not go well yet.") % {"names": _list(low)})
    return " ".join(parts)


def _money(amount: Decimal) -> str:
    whole = amount == amount.to_integral_value()
    text = f"{amount:,.0f}" if whole else f"{amount:,.2f}"
    if translation.get_language() == "nl":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def route_sentences(route: RouteOption, *, with_duration: bool = True) -> str:
    """What the route is, how long it takes and what it costs, in a few short sentences."""
    parts = [
        _("You can do this with “%(title)s” at %(provider)s.") % {"title": route.title, "provider": route.provider}
    ]
    if route.weeks and with_duration:
        parts.append(
            ngettext("It takes about %(weeks)s week.", "It takes about %(weeks)s weeks.", route.weeks)
            % {"weeks": route.weeks}
        )
    if route.cost is not None:
        if route.cost == 0:
            parts.append(_("It is free."))
        else:
            parts.append(_("It costs about %(cost)s euros.") % {"cost": _money(route.cost)})
    return " ".join(parts)


def planned_text(item: PlannedItem, language: str) -> str:
    """The advice for one planned item: the gap(s), then the route or what to do without one."""
    with translation.override(language):
        first = item.gaps[0]
        parts = [_gap_sentence(item.gaps)]
        if item.route is not None:
            if first.kind == CRITERION and item.route.kind == "interview_practice":
                parts.append(_("Practise job interviews, so that you can show this better next time."))
            parts.append(route_sentences(item.route))
        elif first.kind == "experience":
            parts.append(_("Work experience in this field will help you next time."))
        elif first.kind == CRITERION:
            parts.append(_("Practise job interviews, so that you can show this better next time."))
        else:
            parts.append(_("Ask our career advisor which training fits you."))
        return " ".join(p for p in parts if p)


def cv_text(names: Sequence[str], route: RouteOption | None, language: str) -> str:
    with translation.override(language):
        parts = [
            _("Your CV does not mention %(names)s.") % {"names": _list(names)},
            _("Put this in your CV. Then an employer sees it right away."),
        ]
        if route is not None:
            parts.append(route_sentences(route, with_duration=False))
        return " ".join(parts)


def direction_text(hint: DirectionHint, language: str) -> str:
    """Why another job family fits: the experience, what one of its vacancies asks and the candidate has, or both."""
    with translation.override(language):
        parts = []
        if hint.roles:
            parts.append(
                _("Your experience as %(roles)s fits jobs in %(family)s well.")
                % {"roles": _list(hint.roles[:2]), "family": hint.family}
            )
        if hint.held:
            parts.append(
                _("You already have what the job “%(title)s” asks for: %(held)s.")
                % {"title": hint.held_for, "held": _list(hint.held[:4])}
            )
            if not hint.roles:
                parts.append(_("So jobs in %(family)s may suit you.") % {"family": hint.family})
        titles = tuple(dict.fromkeys([*hint.titles, *([hint.held_for] if hint.held_for else [])]))
        parts.append(_("For example: %(titles)s. Take a look at those jobs too.") % {"titles": _list(titles[:3])})
        return " ".join(parts)
