"""Engine inputs from the ORM: vacancies, candidate profiles and routes of one organisation as plain documents.

Bounded queries: vacancies with their current requirements (2 queries), profiles (5 queries: candidates and
four profile relations), routes with their targets (2 queries), the vocabulary (1-2 queries, cached).
The engine inputs have no access rules: callers pass an organisation a selector already checked; every read
stays inside it. The vocabulary pages' reads at the end (org admins only) do check the actor.

How requirements become engine ``Need``s (the same yardsticks ``rejections.assessment`` uses):

* certificate, diploma, licence, registration, skill -> the vocabulary concept (or, for a name the
  vocabulary does not know, its normalised key), level 1;
* language -> ``lang:<language>`` at the CEFR level asked (A1 = 1 ... C2 = 6);
* education level -> ``edu`` at its rank (vmbo = 1 ... wo = 6);
* experience -> ``years:<occupation>`` when the label names a known occupation, else ``years:*`` (all roles);
* competencies are judged in the selection, never from a profile: not a filter.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from nagesprek.candidates.models import Candidate
from nagesprek.candidates.selectors import with_profile
from nagesprek.matching import engine
from nagesprek.matching.models import Concept, Label
from nagesprek.matching.normalise import Normalised, Vocabulary, text_terms
from nagesprek.matching.vocabulary import vocabulary_for
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Organisation
from nagesprek.organisations.selectors import Actor
from nagesprek.rejections import assessment
from nagesprek.vacancies.constants import RequirementKind, VacancyStatus
from nagesprek.vacancies.models import Requirement, Vacancy

NAMED_KINDS = frozenset(assessment.QUALIFICATION_KINDS | {RequirementKind.SKILL})
INDEXED_STATUSES = (VacancyStatus.OPEN,)


def _language_concept(name: str) -> str:
    # The same language names assessment accepts ("Dutch", "NL", "Nederlands").
    return "lang:" + assessment._language_key(name)


def _need(requirement: Requirement, vocabulary: Vocabulary) -> engine.Need | None:
    kind, label = requirement.kind, requirement.label
    if kind in NAMED_KINDS:
        return engine.Need(vocabulary.concept_or_key(label))
    if kind == RequirementKind.LANGUAGE:
        spec = assessment.RequirementSpec(requirement.pk, kind, label, level=requirement.level)
        level = requirement.level.upper()
        rank = assessment.CEFR_LEVELS.index(level) + 1 if level in assessment.CEFR_LEVELS else 1
        return engine.Need(_language_concept(assessment._language_of(spec)), rank)
    if kind == RequirementKind.EDUCATION_LEVEL and requirement.level.lower() in assessment.EDUCATION_LEVELS:
        return engine.Need("edu", assessment.EDUCATION_LEVELS.index(requirement.level.lower()) + 1)
    if kind == RequirementKind.EXPERIENCE and requirement.years:
        # "Minimaal 2 jaar ervaring als anesthesiemedewerker": the occupation is what the generic words leave.
        named = " ".join(w for w in label.split() if w.lower() not in assessment._GENERIC_WORDS and not w.isdigit())
        occupation = vocabulary.resolve(named) if named else None
        occupation = occupation if occupation and vocabulary.kinds.get(occupation) == "occupation" else None
        return engine.Need(f"years:{occupation or '*'}", requirement.years)
    return None


def vacancy_doc(vacancy: Vacancy, vocabulary: Vocabulary) -> engine.VacancyDoc:
    """One vacancy as an engine document; expects ``current_reqs`` prefetched (``vacancies_for_index``)."""
    requirements = list(getattr(vacancy, "current_reqs", None) or Requirement.current.filter(vacancy=vacancy))
    must = tuple(n for r in requirements if r.is_must_have and (n := _need(r, vocabulary)) is not None)
    nice = tuple(
        vocabulary.concept_or_key(r.label) for r in requirements if not r.is_must_have and r.kind in NAMED_KINDS
    )
    text = " ".join([vacancy.title, vacancy.description, *(r.label for r in requirements)])
    return engine.VacancyDoc(
        id=vacancy.pk,
        must=must,
        nice=nice,
        occupation=vocabulary.resolve(vacancy.title),
        family=f"jf{vacancy.job_family_id}",
        terms=tuple(text_terms(text, "nl", vocabulary.head_words)),
    )


def profile_doc(candidate: Candidate, vocabulary: Vocabulary) -> engine.ProfileDoc:
    """One candidate's profile as an engine document; expects the profile prefetched (``with_profile``)."""
    levels: dict[str, float] = {}
    occupations: set[str] = set()
    for experience in candidate.experiences.all():
        occupation = vocabulary.resolve(experience.role)
        years = float(experience.years)
        levels["years:*"] = levels.get("years:*", 0.0) + years
        if occupation:
            occupations.add(occupation)
            levels[f"years:{occupation}"] = levels.get(f"years:{occupation}", 0.0) + years
    for name in [q.name for q in candidate.qualifications.all()] + [s.name for s in candidate.skills.all()]:
        levels[vocabulary.concept_or_key(name)] = 1.0
    for spoken in candidate.languages.all():
        level = spoken.level.upper()
        if level in assessment.CEFR_LEVELS:
            key = _language_concept(spoken.language)
            levels[key] = max(levels.get(key, 0.0), assessment.CEFR_LEVELS.index(level) + 1.0)
    if candidate.education_level in assessment.EDUCATION_LEVELS:
        levels["edu"] = assessment.EDUCATION_LEVELS.index(candidate.education_level) + 1.0
    text = " ".join(
        [candidate.cv_text, *(e.role for e in candidate.experiences.all()), *(s.name for s in candidate.skills.all())]
    )
    language = "en" if candidate.language == "en" else "nl"
    return engine.ProfileDoc(
        candidate.pk, levels, frozenset(occupations), tuple(text_terms(text, language, vocabulary.head_words))
    )


def vacancies_for_index(*, organisation: Organisation, vacancy_ids: Iterable[int] | None = None) -> QuerySet[Vacancy]:
    """The organisation's open vacancies (or the given ones, if open) with current requirements: two queries."""
    vacancies = Vacancy.objects.filter(organisation=organisation, status__in=INDEXED_STATUSES)
    if vacancy_ids is not None:
        vacancies = vacancies.filter(pk__in=list(vacancy_ids))
    return vacancies.prefetch_related(
        Prefetch("requirements", queryset=Requirement.current.order_by("position", "pk"), to_attr="current_reqs")
    ).order_by("pk")


def profiles_for_index(
    *, organisation: Organisation, candidates: QuerySet[Candidate] | None = None
) -> QuerySet[Candidate]:
    """Candidates of the organisation (or of ``candidates``, kept inside it) with their profiles: five queries."""
    base = candidates if candidates is not None else Candidate.objects.all()
    return with_profile(base.filter(organisation=organisation).order_by("pk"))


def route_refs(*, organisation: Organisation, vocabulary: Vocabulary) -> list[engine.RouteRef]:
    """The organisation's active routes as ``RouteRef``s closing vocabulary concepts: two queries."""
    from nagesprek.routes import selectors as route_selectors

    refs = []
    for route in route_selectors.list_active_routes(organisation=organisation):
        closes = set()
        for target in route.targets.all():
            if target.kind == RequirementKind.LANGUAGE:
                closes.add(_language_concept(target.name))
            elif target.kind == RequirementKind.EDUCATION_LEVEL:
                closes.add("edu")
            else:
                closes.add(vocabulary.concept_or_key(target.name))
        weeks = float(route.duration_weeks) if route.duration_weeks is not None else float("inf")
        cost = float(route.cost_eur) if route.cost_eur is not None else float("inf")
        refs.append(engine.RouteRef(route.pk, route.title, frozenset(closes), weeks, cost))
    return refs


def occupation_families(*, organisation: Organisation, vocabulary: Vocabulary) -> dict[str, set[str]]:
    """Occupation concept -> job families, from every vacancy of the organisation (closed ones too): one query."""
    mapping: dict[str, set[str]] = {}
    for title, family_id in Vacancy.objects.filter(organisation=organisation).values_list("title", "job_family_id"):
        occupation = vocabulary.resolve(title)
        if occupation:
            mapping.setdefault(occupation, set()).add(f"jf{family_id}")
    return mapping


def build_docs(*, organisation: Organisation) -> tuple[list[engine.VacancyDoc], list[engine.RouteRef], Vocabulary]:
    """Vacancy documents and routes of one organisation, with the vocabulary used."""
    vocabulary = vocabulary_for(organisation)
    vacancies = [vacancy_doc(v, vocabulary) for v in vacancies_for_index(organisation=organisation)]
    return vacancies, route_refs(organisation=organisation, vocabulary=vocabulary), vocabulary


# --------------------------------------------------------------------------- the vocabulary pages (org admins)

VOCABULARY_ROLES = (Role.ORG_ADMIN,)


def list_concepts_for_admin(*, actor: Actor, query: str = "", kind: str = "") -> QuerySet[Concept]:
    """The organisation's concepts with their labels (two queries a page), by name or any label; org admins only.

    404 for any other role. ``query`` matches the preferred names and every label, case-insensitively.
    """
    if not actor.has_role(*VOCABULARY_ROLES):
        raise Http404
    concepts = Concept.objects.filter(organisation=actor.organisation)
    if kind:
        concepts = concepts.filter(kind=kind)
    if query:
        labelled = Label.objects.filter(concept__organisation=actor.organisation, text__icontains=query)
        concepts = concepts.filter(
            Q(preferred_label_nl__icontains=query)
            | Q(preferred_label_en__icontains=query)
            | Q(pk__in=labelled.values("concept_id"))
        )
    labels = Label.objects.order_by("-kind", "language", "text")  # preferred, then hidden, then alternative
    return concepts.prefetch_related(Prefetch("labels", queryset=labels)).order_by("preferred_label_nl", "pk")


def get_concept_for_admin(*, actor: Actor, concept_id: int) -> Concept:
    """One concept of the actor's organisation with its labels, for an org admin; 404 otherwise."""
    return get_object_or_404(list_concepts_for_admin(actor=actor), pk=concept_id)


def get_label_for_admin(*, actor: Actor, label_id: int) -> Label:
    """One label of a concept of the actor's organisation, for an org admin; 404 otherwise."""
    if not actor.has_role(*VOCABULARY_ROLES):
        raise Http404
    return get_object_or_404(
        Label.objects.select_related("concept__organisation"), pk=label_id, concept__organisation=actor.organisation
    )


def explain_word_for_admin(*, actor: Actor, word: str) -> tuple[Normalised, Concept | None]:
    """How the organisation's vocabulary reads ``word`` ("try a word"), and the concept it stands for; org admins."""
    if not actor.has_role(*VOCABULARY_ROLES):
        raise Http404
    found = vocabulary_for(actor.organisation).explain(word)
    concept = None
    if found.concept_id and found.concept_id.startswith("c") and found.concept_id[1:].isdigit():
        concept = Concept.objects.filter(organisation=actor.organisation, pk=int(found.concept_id[1:])).first()
    return found, concept
