"""A per-process cache of each organisation's matching index, kept up to date incrementally.

``index_for(organisation)`` builds the index on first use (open vacancies, the talent pool — candidates
with a valid talent-pool consent — and the active routes) and afterwards returns it from memory. Services
call ``refresh_vacancy``/``refresh_candidate`` in ``transaction.on_commit`` after a change; each re-reads
that one document (a handful of queries) and updates the index in place. A change of vocabulary or routes
rebuilds on the next use (the vocabulary's stamp or ``forget(organisation_id)`` tells).

Several worker processes each hold their own copy; a process that missed a refresh (another process made
the change) is corrected by the age limit (``MAX_AGE_SECONDS``): after that the index is rebuilt.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from functools import partial

from django.db import transaction

from nagesprek.candidates.models import Candidate
from nagesprek.matching import engine, selectors
from nagesprek.matching.normalise import Vocabulary
from nagesprek.matching.vocabulary import vocabulary_for
from nagesprek.organisations.models import Organisation
from nagesprek.vacancies.models import Vacancy

MAX_AGE_SECONDS = 300


@dataclass
class _Entry:
    index: engine.MatchIndex
    vocabulary: Vocabulary
    built_at: float


_INDEXES: dict[int, _Entry] = {}
_LOCK = threading.Lock()


def _talent_pool(organisation: Organisation):
    from nagesprek.consents import selectors as consent_selectors
    from nagesprek.consents.constants import ConsentPurpose

    return consent_selectors.list_consented_candidates(organisation=organisation, purpose=ConsentPurpose.TALENT_POOL)


def _build(organisation: Organisation) -> _Entry:
    vacancies, routes, vocabulary = selectors.build_docs(organisation=organisation)
    index = engine.MatchIndex(routes)
    index.set_occupation_families(selectors.occupation_families(organisation=organisation, vocabulary=vocabulary))
    index.add_vacancies(vacancies)
    pool = selectors.profiles_for_index(organisation=organisation, candidates=_talent_pool(organisation))
    index.add_profiles(selectors.profile_doc(c, vocabulary) for c in pool)
    return _Entry(index, vocabulary, time.monotonic())


def _entry(organisation: Organisation) -> _Entry:
    vocabulary = vocabulary_for(organisation)
    with _LOCK:
        entry = _INDEXES.get(organisation.pk)
        stale = (
            entry is None or entry.vocabulary is not vocabulary or time.monotonic() - entry.built_at > MAX_AGE_SECONDS
        )
        if entry is None or stale:
            entry = _INDEXES[organisation.pk] = _build(organisation)
        return entry


def index_for(organisation: Organisation) -> engine.MatchIndex:
    """The organisation's index (open vacancies, consented talent pool, active routes), built once per process."""
    return _entry(organisation).index


def index_and_vocabulary(organisation: Organisation) -> tuple[engine.MatchIndex, Vocabulary]:
    """The organisation's index and the vocabulary it was built with, from one look at the vocabulary's stamp."""
    entry = _entry(organisation)
    return entry.index, entry.vocabulary


def vocabulary_of(organisation: Organisation) -> Vocabulary:
    """The vocabulary the organisation's index was built with (to build query documents the same way)."""
    return _entry(organisation).vocabulary


def forget(organisation_id: int) -> None:
    """Drop an organisation's index (after its routes or vocabulary changed); the next use rebuilds it."""
    with _LOCK:
        _INDEXES.pop(organisation_id, None)


def refresh_vacancy(vacancy_id: int) -> None:
    """Re-read one vacancy into its organisation's index: added/updated when open, removed otherwise."""
    vacancy = Vacancy.objects.select_related("organisation").filter(pk=vacancy_id).first()
    if vacancy is None:
        for cached in list(_INDEXES.values()):
            cached.index.remove_vacancy(vacancy_id)
        return
    entry = _INDEXES.get(vacancy.organisation_id)
    if entry is None:
        return  # built fresh on first use
    found = list(selectors.vacancies_for_index(organisation=vacancy.organisation, vacancy_ids=[vacancy_id]))
    with _LOCK:
        if found:
            entry.index.upsert_vacancy(selectors.vacancy_doc(found[0], entry.vocabulary))
        else:
            entry.index.remove_vacancy(vacancy_id)


def refresh_candidate(candidate_id: int) -> None:
    """Re-read one candidate into the talent pool: updated while consented, removed otherwise."""
    candidate = Candidate.objects.select_related("organisation").filter(pk=candidate_id).first()
    if candidate is None:
        for cached in list(_INDEXES.values()):
            cached.index.remove_profile(candidate_id)
        return
    entry = _INDEXES.get(candidate.organisation_id)
    if entry is None:
        return
    pool = _talent_pool(candidate.organisation).filter(pk=candidate_id)
    found = list(selectors.profiles_for_index(organisation=candidate.organisation, candidates=pool))
    with _LOCK:
        if found:
            entry.index.upsert_profile(selectors.profile_doc(found[0], entry.vocabulary))
        else:
            entry.index.remove_profile(candidate_id)


def refresh_vacancy_on_commit(vacancy_id: int) -> None:
    """Refresh the vacancy in the index once the caller's transaction commits (services call this)."""
    transaction.on_commit(partial(refresh_vacancy, vacancy_id))


def refresh_candidate_on_commit(candidate_id: int) -> None:
    """Refresh the candidate in the talent pool once the caller's transaction commits."""
    transaction.on_commit(partial(refresh_candidate, candidate_id))
