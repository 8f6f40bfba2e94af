"""Reads that feed part G's suggestions: vacancies, the talent pool and routes as plain data.

No access rules here: the services receive objects a selector already checked, and these reads stay
inside that object's organisation.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from nagesprek.candidates.models import Candidate
from nagesprek.candidates.selectors import PROFILE_PREFETCHES
from nagesprek.consents import selectors as consent_selectors
from nagesprek.consents.constants import ConsentPurpose
from nagesprek.matching import selectors as matching_selectors
from nagesprek.matching.normalise import Vocabulary
from nagesprek.organisations.models import Organisation
from nagesprek.vacancies.models import Requirement, Vacancy


def vacancies_to_rank(*, organisation: Organisation, statuses: Iterable[str], ids: Iterable[int]) -> list[Vacancy]:
    """Those of the vacancies ``ids`` that are the organisation's and in ``statuses``, with current requirements.

    Two queries (the vacancies, their requirements), whatever their number.
    """
    vacancies = Vacancy.objects.filter(organisation=organisation, status__in=list(statuses), pk__in=list(ids))
    return list(vacancies.prefetch_related(_current_requirements()).order_by("pk"))


def _current_requirements() -> Prefetch:
    return Prefetch("requirements", queryset=Requirement.current.order_by("position", "pk"), to_attr="current_reqs")


def _with_current_requirements(vacancies: QuerySet[Vacancy]) -> QuerySet[Vacancy]:
    return vacancies.select_related("department", "organisation").prefetch_related(_current_requirements())


def with_requirements(vacancy: Vacancy) -> Vacancy:
    """The same vacancy, fetched again with its current requirements (to rank against it)."""
    return _with_current_requirements(Vacancy.objects.filter(pk=vacancy.pk)).get()


def concept_labels(vacancy: Vacancy, vocabulary: Vocabulary) -> dict[str, str]:
    """The engine's concept ids of a vacancy's requirements mapped back to the requirements' own words.

    Uses part F's ``selectors._need`` so that the mapping is exactly the one the index was built with.
    """
    labels: dict[str, str] = {}
    for requirement in vacancy.current_reqs:  # type: ignore[attr-defined]  # prefetched with to_attr
        need = matching_selectors._need(requirement, vocabulary)  # the same mapping as the index
        if need is not None:
            labels.setdefault(need.concept, requirement.label)
        if not requirement.is_must_have:
            labels.setdefault(vocabulary.concept_or_key(requirement.label), requirement.label)
    return labels


def candidate_with_profile(candidate: Candidate) -> Candidate:
    """The candidate with qualifications, skills, languages and experience read (four queries, none if read)."""
    prefetch_related_objects([candidate], *PROFILE_PREFETCHES)
    return candidate


def talent_pool(*, vacancy: Vacancy, ids: Iterable[int]) -> QuerySet[Candidate]:
    """Those of the candidates ``ids`` with a valid talent-pool consent now who have not applied to this vacancy.

    One query; consent is read at call time, so a withdrawal counts at once.
    """
    consented = consent_selectors.list_consented_candidates(
        organisation=vacancy.organisation, purpose=ConsentPurpose.TALENT_POOL, among=ids
    )
    return consented.exclude(applications__vacancy=vacancy)
