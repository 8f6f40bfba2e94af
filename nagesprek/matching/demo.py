"""The demo organisations' vocabulary: their requirement labels and vacancy titles, with Dutch/English synonyms."""

from __future__ import annotations

import random

from nagesprek.matching.models import Concept, ConceptKind
from nagesprek.matching.normalise import fold
from nagesprek.matching.vocabulary import add_concept
from nagesprek.organisations.models import Organisation
from nagesprek.vacancies.constants import RequirementKind
from nagesprek.vacancies.models import Requirement, Vacancy

# Folded label -> (English preferred label, alternative labels "nl:..." / "en:...").
SYNONYMS: dict[str, tuple[str, list[str]]] = {
    "deelcertificaat anesthesiologie": ("Partial certificate anaesthesiology", ["nl:certificaat anesthesiologie"]),
    "certificaat medische terminologie": (
        "Medical terminology certificate",
        ["nl:medische terminologie", "en:medical terminology"],
    ),
    "certificaat venapunctie": ("Venepuncture certificate", ["nl:venapunctie", "nl:bloedafname", "en:phlebotomy"]),
    "big registratie als verpleegkundige": (
        "BIG registration as a nurse",
        ["nl:BIG-registratie verpleegkundige", "nl:BIG-registratie"],
    ),
    "diploma medisch secretaresse mbo 4": (
        "Medical secretary diploma",
        ["nl:diploma medisch secretaresse", "nl:medisch secretaresse diploma"],
    ),
    "diploma secretaresse mbo 4": ("Secretary diploma", ["nl:diploma secretaresse", "nl:secretaressediploma"]),
    "diploma verpleegkunde mbo 4 of hbo": ("Nursing diploma", ["nl:diploma verpleegkunde", "nl:verpleegkundediploma"]),
    "diploma doktersassistent mbo 4": ("Medical assistant diploma", ["nl:diploma doktersassistent"]),
    "rijbewijs b": ("Driving licence B", ["nl:autorijbewijs", "en:car driving licence"]),
    "vca vol": ("VCA-VOL", ["nl:VCA vol", "nl:VCA voor operationeel leidinggevenden"]),
    "werken met microsoft office": ("Microsoft Office", ["nl:Microsoft Office", "nl:MS Office", "nl:Office"]),
    "programmeren in python": ("Python programming", ["nl:Python"]),
    "sql": ("SQL", ["nl:SQL-kennis"]),
    "power bi": ("Power BI", ["nl:PowerBI"]),
    "anesthesiemedewerker": ("Anaesthesia assistant", ["nl:medewerker anesthesie", "nl:anesthesieassistent"]),
    "anesthesiemedewerker in opleiding": ("Anaesthesia assistant in training", ["nl:anesthesiemedewerker i.o."]),
    "secretaresse": ("Secretary", ["nl:secretaris", "nl:secretariaatsmedewerker"]),
    "medisch secretaresse oncologie": (
        "Medical secretary oncology",
        ["nl:medisch secretaresse", "nl:medisch secretaris"],
    ),
    "verpleegkundige": ("Nurse", ["nl:verpleger", "en:registered nurse"]),
}


def _alternatives(key: str) -> list[tuple[str, str]]:
    _english, alternatives = SYNONYMS.get(key, ("", []))
    return [(a[:2], a[3:]) for a in alternatives]


def add_demo_vocabulary(organisation: Organisation, rng: random.Random | None = None) -> int:
    """Concepts for the organisation's requirement labels and vacancy titles (with synonyms); returns how many.

    Idempotent: a label already in the vocabulary is skipped. ``rng`` is accepted like the other demo steps;
    the vocabulary itself is fixed.
    """
    known = {
        fold(label)
        for label in Concept.objects.filter(organisation=organisation).values_list("preferred_label_nl", flat=True)
    }
    named = {RequirementKind.SKILL: ConceptKind.SKILL}
    rows: list[tuple[str, str]] = []
    labels = (
        Requirement.current.filter(vacancy__organisation=organisation)
        .exclude(
            kind__in=[
                RequirementKind.LANGUAGE,
                RequirementKind.EXPERIENCE,
                RequirementKind.EDUCATION_LEVEL,
                RequirementKind.COMPETENCY,
            ]
        )
        .values_list("kind", "label")
    )
    rows += [(named.get(RequirementKind(kind), ConceptKind.QUALIFICATION), label) for kind, label in labels]
    rows += [
        (ConceptKind.OCCUPATION, title)
        for title in Vacancy.objects.filter(organisation=organisation).values_list("title", flat=True)
    ]
    added = 0
    for kind, label in sorted(set(rows)):
        key = fold(label)
        if key in known:
            continue
        known.add(key)
        english = SYNONYMS.get(key, ("", []))[0]
        add_concept(
            organisation=organisation,
            kind=kind,
            preferred_label_nl=label,
            preferred_label_en=english,
            alternatives=_alternatives(key),
        )
        added += 1
    return added
