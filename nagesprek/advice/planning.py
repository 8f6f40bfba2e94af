"""From gaps to advice: which routes close which gaps, and which to propose. Plain Python, no Django.

Fed by ``advice.services`` with plain data (gaps from the rejection record, routes from the
organisation's active catalogue). Decisions:

* A route *closes* a gap when one of its targets is of a fitting kind and names the same thing,
  compared with the matcher that ``rejections.assessment`` uses (looked up at call time, so the
  vocabulary-aware matcher of the matching app applies here too once it is swapped in), with the
  level rules of each kind (a language target closes a language gap up to its level; an education
  level closes every level up to its own).
* Routes are proposed **greedily**: the route that closes the most remaining gaps first, then the
  shortest, then the cheapest (unknown duration or cost last), until no route closes anything.
  So one route closing two gaps beats two routes closing one each.
* Low-rated criteria no route names are covered by the best interview-practice route, if any.
* Every gap no route closes still gets an item (kind ``experience`` for experience, else ``route``
  without a route): a person words the advice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from nagesprek.rejections import assessment

QUALIFICATION_KINDS = assessment.QUALIFICATION_KINDS
CRITERION = "criterion"
INTERVIEW_PRACTICE = "interview_practice"
MAX_ALTERNATIVES = 2
_FAR = 10**9
# Words that name the kind of document, or say nothing about what it is about.
_DOCUMENT_WORDS = frozenset(
    str.split(
        "diploma certificaat certificate cursus course opleiding registratie registration bewijs "
        "werken met kennis van voor het een working with knowledge"
    )
)

Matcher = Callable[[str, str], bool]


@dataclass(frozen=True)
class Gap:
    """Something the record shows the candidate lacks: a requirement (by kind) or a low-rated criterion."""

    key: str  # "r<id>" or "c<id>": unique within one rejection
    kind: str  # a requirement kind, or CRITERION
    name: str  # the requirement's label or the criterion's label
    level: str = ""
    status: str = ""  # assessment status (unmet/expired/expiring) or "low"
    is_must_have: bool = True
    requirement_id: int | None = None
    criterion_id: int | None = None


@dataclass(frozen=True)
class Target:
    kind: str
    name: str
    level: str = ""


@dataclass(frozen=True)
class RouteOption:
    id: int
    kind: str  # routes.constants.RouteKind value
    title: str
    provider: str = ""
    weeks: int | None = None
    cost: Decimal | None = None
    targets: tuple[Target, ...] = ()


@dataclass(frozen=True)
class PlannedItem:
    """One advice item: the gaps it addresses (first = the one it is filed under) and its route, if any."""

    gaps: tuple[Gap, ...]
    route: RouteOption | None = None
    alternatives: tuple[RouteOption, ...] = field(default=())


def closes(target: Target, gap: Gap, matcher: Matcher | None = None) -> bool:
    """Whether a route's target closes the gap (see the module docstring for the rules)."""
    match = matcher or assessment.names_match
    if gap.kind in QUALIFICATION_KINDS:
        return target.kind in QUALIFICATION_KINDS and match(gap.name, target.name)
    if gap.kind == "language":
        return target.kind == "language" and _language_closes(target, gap, match)
    if gap.kind == "education_level":
        return target.kind == "education_level" and _rank(assessment.EDUCATION_LEVELS, target.level or target.name) >= (
            _rank(assessment.EDUCATION_LEVELS, gap.level)
        )
    if gap.kind == "experience":
        return target.kind == "experience" and (match(gap.name, target.name) or _shares_word(gap.name, target.name))
    if gap.kind in ("skill", "competency", CRITERION):
        return target.kind == ("skill" if gap.kind == "skill" else "competency") and match(gap.name, target.name)
    return False


def _rank(levels: Sequence[str], value: str) -> int:
    value = (value or "").strip()
    for candidate in (value.lower(), value.upper()):
        if candidate in levels:
            return levels.index(candidate)
    return -1


def _language_name(text: str) -> str:
    words = [
        w for w in text.split() if w.upper() not in assessment.CEFR_LEVELS and w.lower() not in ("niveau", "level")
    ]
    return " ".join(words) or text


def _language_closes(target: Target, gap: Gap, match: Matcher) -> bool:
    wanted, offered = _language_name(gap.name), _language_name(target.name)
    # Same language aliases as assessment ("Dutch" is "Nederlands"), then the matcher.
    if assessment._language_key(wanted) != assessment._language_key(offered) and not match(wanted, offered):
        return False
    asked = _rank(assessment.CEFR_LEVELS, gap.level)
    return asked < 0 or not target.level or _rank(assessment.CEFR_LEVELS, target.level) >= asked


def _words(text: str) -> set[str]:
    return {w for w in assessment.normalise_name(text).split() if len(w) >= 5}


def _shares_word(a: str, b: str) -> bool:
    # Words of 5+ letters match on their first five ("secretaresse" ~ "secretariaat"), as assessment does.
    return any(x[:5] == y[:5] for x in _words(a) for y in _words(b))


def _sort_key(route: RouteOption, closed: int) -> tuple:
    weeks = route.weeks if route.weeks is not None else _FAR
    cost = route.cost if route.cost is not None else Decimal(_FAR)
    return (-closed, weeks, cost, route.title.casefold(), route.id)


def routes_closing(gap: Gap, routes: Iterable[RouteOption], matcher: Matcher | None = None) -> list[RouteOption]:
    """The routes that close ``gap``, best first (shortest, then cheapest)."""
    fitting = [r for r in routes if any(closes(t, gap, matcher) for t in r.targets)]
    return sorted(fitting, key=lambda r: _sort_key(r, 1))


def plan_advice(
    gaps: Sequence[Gap], routes: Sequence[RouteOption], matcher: Matcher | None = None
) -> list[PlannedItem]:
    """The advice items for these gaps, in the order of the gaps (must-haves first as given)."""
    closed_by = {r.id: {g.key for g in gaps if any(closes(t, g, matcher) for t in r.targets)} for r in routes}
    remaining = [g.key for g in gaps]
    by_key = {g.key: g for g in gaps}
    items: list[PlannedItem] = []
    while remaining:
        scored = [(r, len(closed_by[r.id] & set(remaining))) for r in routes]
        best, count = min(scored, key=lambda rc: _sort_key(*rc), default=(None, 0))
        if best is None or count == 0:
            break
        covered = tuple(by_key[k] for k in remaining if k in closed_by[best.id])
        alternatives = tuple(r for r in routes_closing(covered[0], routes, matcher) if r.id != best.id)
        items.append(PlannedItem(covered, best, alternatives[:MAX_ALTERNATIVES]))
        remaining = [k for k in remaining if k not in closed_by[best.id]]
    items += _uncovered(by_key, remaining, routes)
    order = {g.key: i for i, g in enumerate(gaps)}
    return sorted(items, key=lambda item: order[item.gaps[0].key])


def _uncovered(by_key: Mapping[str, Gap], remaining: list[str], routes: Sequence[RouteOption]) -> list[PlannedItem]:
    criteria = tuple(by_key[k] for k in remaining if by_key[k].kind == CRITERION)
    items = [PlannedItem((by_key[k],)) for k in remaining if by_key[k].kind != CRITERION]
    if criteria:
        practice = sorted((r for r in routes if r.kind == INTERVIEW_PRACTICE), key=lambda r: _sort_key(r, 1))
        items.append(
            PlannedItem(criteria, practice[0] if practice else None, tuple(practice[1 : MAX_ALTERNATIVES + 1]))
        )
    return items


def missing_from_cv(names: Iterable[str], cv_text: str) -> list[str]:
    """Names from the profile the CV text does not mention (empty when there is no CV text to compare)."""
    text = assessment.normalise_name(cv_text)
    if not text:
        return []
    words = set(text.split())
    prefixes = {w[:5] for w in words if len(w) >= 5}
    missing = []
    for name in names:
        normalised = assessment.normalise_name(name)
        significant = [w for w in normalised.split() if len(w) >= 3 and w not in _DOCUMENT_WORDS]
        # Every meaningful word of the name (on its first five letters) appears: "Diploma Secretaresse
        # (mbo-4)" is in a CV that says "Mbo 4 Secretaresse".
        mentioned = normalised in text or (
            significant and all(w in words or (len(w) >= 5 and w[:5] in prefixes) for w in significant)
        )
        if normalised and not mentioned and name not in missing:
            missing.append(name)
    return missing


@dataclass(frozen=True)
class FamilyVacancy:
    """An open vacancy as direction advice reads it: its title and its must-have qualifications and skills."""

    title: str
    needs: tuple[str, ...] = ()


@dataclass(frozen=True)
class DirectionHint:
    family: str
    roles: tuple[str, ...]  # the candidate's roles that fit it
    titles: tuple[str, ...]  # the family's vacancy titles they fit
    held: tuple[str, ...] = ()  # what one of its vacancies asks (all of it) that the candidate already has
    held_for: str = ""  # that vacancy's title


def direction_hint(
    experiences: Sequence[assessment.ExperienceFact],
    current_family: str,
    families: Mapping[str, Sequence[FamilyVacancy | str]],
    *,
    holds: Sequence[str] = (),
    match: Matcher | None = None,
) -> DirectionHint | None:
    """Another job family the candidate clearly fits better than the one applied for, or None.

    Explainable on purpose, and through the organisation's vocabulary when ``match`` is its matcher
    (synonyms, English names, compounds, typos). A family fits
    * by experience: one of the candidate's roles is the same as one of its vacancy titles, or shares a
      significant word with it; counted in years;
    * by what the candidate holds: one of its vacancies asks for named qualifications or skills and the
      candidate (``holds``: their qualifications and skills) has every one of them.
    "Clearly better": the applied-for family fits none of the roles, and the other fits by at least one
    year's experience or by everything one of its vacancies asks. Fitting both ways beats one way; then
    more years, then more held. Ties go to the first family by name.
    """
    match = match or assessment.names_match
    vacancies = {family: [_as_vacancy(v) for v in listed] for family, listed in families.items()}
    if _experience_fit(experiences, vacancies.get(current_family, ()), match)[0] > 0:
        return None
    best: tuple[tuple, DirectionHint] | None = None
    for family, listed in sorted(vacancies.items()):
        if family == current_family:
            continue
        years, roles, titles = _experience_fit(experiences, listed, match)
        held_for, held = _held_fit(holds, listed, match)
        if years < 1 and not held:
            continue
        key = ((years >= 1) + bool(held), years, len(held))
        if best is None or key > best[0]:
            by_years = years >= 1
            best = (key, DirectionHint(family, roles if by_years else (), titles if by_years else (), held, held_for))
    return best[1] if best else None


def _as_vacancy(listed: FamilyVacancy | str) -> FamilyVacancy:
    return FamilyVacancy(listed) if isinstance(listed, str) else listed


def _experience_fit(
    experiences: Sequence[assessment.ExperienceFact], vacancies: Sequence[FamilyVacancy], match: Matcher
) -> tuple[Decimal, tuple[str, ...], tuple[str, ...]]:
    """Years in roles that fit the vacancies' titles, those roles, and the titles they fit."""

    def fits(role: str, title: str) -> bool:
        return match(title, role) or _shares_word(role, title)

    titles = [v.title for v in vacancies]
    roles = [e for e in experiences if any(fits(e.role, t) for t in titles)]
    fitting_titles = tuple(t for t in titles if any(fits(e.role, t) for e in roles))
    return sum((Decimal(str(e.years)) for e in roles), Decimal(0)), tuple(e.role for e in roles), fitting_titles


def _held_fit(holds: Sequence[str], vacancies: Sequence[FamilyVacancy], match: Matcher) -> tuple[str, tuple[str, ...]]:
    """The vacancy asking the most that the candidate fully holds: (its title, what it asks), or ("", ())."""
    best: tuple[str, tuple[str, ...]] = ("", ())
    for vacancy in vacancies:
        if len(vacancy.needs) > len(best[1]) and all(any(match(n, h) for h in holds) for n in vacancy.needs):
            best = (vacancy.title, vacancy.needs)
    return best
