"""Services for an organisation's matching vocabulary: concepts with Dutch/English labels, and the ESCO-style import.

Writes follow the house rules (keyword-only, atomic, audited). ``vocabulary_for(organisation)`` turns the
rows into a ``normalise.Vocabulary``, cached per process and rebuilt when the organisation's concepts or
labels change (one cheap query tells).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.matching.models import Concept, ConceptKind, Label, LabelKind, LabelLanguage
from nagesprek.matching.normalise import Term, Vocabulary
from nagesprek.organisations.models import Organisation

_CACHE: dict[int, tuple[tuple, Vocabulary]] = {}
MAX_IMPORT_ROWS = 50_000


@transaction.atomic
def add_concept(
    *,
    organisation: Organisation,
    kind: str,
    preferred_label_nl: str,
    preferred_label_en: str = "",
    alternatives: list[tuple[str, str]] | None = None,
    uri: str = "",
    user=None,
) -> Concept:
    """Add a concept with its preferred labels and alternative (language, text) labels."""
    concept = Concept.objects.create(
        organisation=organisation,
        kind=ConceptKind(kind),
        preferred_label_nl=preferred_label_nl.strip(),
        preferred_label_en=preferred_label_en.strip(),
        uri=uri.strip(),
    )
    _set_labels(concept, alternatives or [])
    record_event(
        organisation=organisation,
        action=AuditAction.CREATE,
        target=concept,
        candidate_id=None,
        user=user,
        summary=f"vocabulary concept {concept.preferred_label_nl}",
    )
    return concept


@transaction.atomic
def update_concept(
    *,
    concept: Concept,
    preferred_label_nl: str,
    preferred_label_en: str = "",
    alternatives: list[tuple[str, str]] | None = None,
    user=None,
) -> Concept:
    """Rename a concept and replace its labels."""
    concept.preferred_label_nl = preferred_label_nl.strip()
    concept.preferred_label_en = preferred_label_en.strip()
    concept.save()
    concept.labels.all().delete()
    _set_labels(concept, alternatives or [])
    record_event(
        organisation=concept.organisation,
        action=AuditAction.UPDATE,
        target=concept,
        candidate_id=None,
        user=user,
        summary=f"vocabulary concept {concept.preferred_label_nl}",
    )
    return concept


def _set_labels(concept: Concept, alternatives: list[tuple[str, str]]) -> None:
    rows = {(LabelLanguage.DUTCH, concept.preferred_label_nl, LabelKind.PREFERRED)}
    if concept.preferred_label_en:
        rows.add((LabelLanguage.ENGLISH, concept.preferred_label_en, LabelKind.PREFERRED))
    seen = {(lang, text) for lang, text, _kind in rows}
    for language, text in alternatives:
        if text.strip() and (language, text.strip()) not in seen:
            seen.add((LabelLanguage(language), text.strip()))
            rows.add((LabelLanguage(language), text.strip(), LabelKind.ALTERNATIVE))
    Label.objects.bulk_create(Label(concept=concept, language=lang, text=text, kind=kind) for lang, text, kind in rows)


@dataclass(frozen=True)
class RowError:
    row: int
    message: str


@dataclass(frozen=True)
class ImportResult:
    created: int
    errors: tuple[RowError, ...]


_KINDS = {
    "skill/competence": "skill",
    "knowledge": "skill",
    "skill": "skill",
    "occupation": "occupation",
    "qualification": "qualification",
}


def import_esco_csv(*, organisation: Organisation, data: str, kind: str = "", user=None) -> ImportResult:
    """Import an ESCO-style CSV (conceptUri, preferredLabel, altLabels, language[, conceptType/kind]).

    Rows of one concept in two languages merge by conceptUri. ``altLabels`` holds labels separated by
    newlines or "|". All or nothing: any row error and nothing is written; the errors name their rows.
    """
    reader = csv.DictReader(io.StringIO(data))
    missing = {"conceptUri", "preferredLabel"} - set(reader.fieldnames or [])
    if missing:
        return ImportResult(
            0, (RowError(1, _("Missing columns: %(columns)s") % {"columns": ", ".join(sorted(missing))}),)
        )
    concepts: dict[str, dict] = {}
    errors: list[RowError] = []
    for number, row in enumerate(reader, start=2):
        if number > MAX_IMPORT_ROWS + 1:
            errors.append(RowError(number, _("Too many rows.")))
            break
        uri, label = (row.get("conceptUri") or "").strip(), (row.get("preferredLabel") or "").strip()
        language = (row.get("language") or "nl").strip().lower()
        row_kind = _KINDS.get((row.get("conceptType") or row.get("kind") or kind or "skill").strip().lower())
        if not uri or not label:
            errors.append(RowError(number, _("conceptUri and preferredLabel are required.")))
            continue
        if language not in ("nl", "en"):
            errors.append(RowError(number, _("Language must be nl or en.")))
            continue
        if row_kind is None:
            errors.append(RowError(number, _("Unknown kind of concept.")))
            continue
        entry = concepts.setdefault(uri, {"kind": row_kind, "nl": "", "en": "", "alts": []})
        entry[language] = label
        alts = (row.get("altLabels") or "").replace("|", "\n").splitlines()
        entry["alts"] += [(language, a.strip()) for a in alts if a.strip()]
    for uri, entry in concepts.items():
        if not entry["nl"]:
            errors.append(RowError(0, _("%(uri)s has no Dutch preferred label.") % {"uri": uri}))
    existing = set(
        Concept.objects.filter(organisation=organisation, uri__in=list(concepts)).values_list("uri", flat=True)
    )
    errors += [RowError(0, _("%(uri)s is already in the vocabulary.") % {"uri": uri}) for uri in sorted(existing)]
    if errors:
        return ImportResult(0, tuple(errors))
    with transaction.atomic():
        for uri, entry in concepts.items():
            add_concept(
                organisation=organisation,
                kind=entry["kind"],
                preferred_label_nl=entry["nl"],
                preferred_label_en=entry["en"],
                alternatives=entry["alts"],
                uri=uri,
                user=user,
            )
    return ImportResult(len(concepts), ())


def terms_for(organisation: Organisation) -> list[Term]:
    """Every label of the organisation's concepts as normalisation terms (one query)."""
    labels = (
        Label.objects.filter(concept__organisation=organisation)
        .values_list("concept_id", "text", "language", "concept__kind")
        .order_by("concept_id", "kind", "pk")
    )
    return [Term(f"c{cid}", text, language, kind) for cid, text, language, kind in labels]


def vocabulary_for(organisation: Organisation) -> Vocabulary:
    """The organisation's ``Vocabulary``, cached per process; rebuilt when its labels changed."""
    stamp = Label.objects.filter(concept__organisation=organisation).aggregate(
        n=Count("pk"), last=Max("pk"), changed=Max("concept__updated_at")
    )
    key = (stamp["n"], stamp["last"], stamp["changed"])
    cached = _CACHE.get(organisation.pk)
    if cached is not None and cached[0] == key:
        return cached[1]
    vocabulary = Vocabulary.build(terms_for(organisation) if stamp["n"] else [])
    _CACHE[organisation.pk] = (key, vocabulary)
    return vocabulary


def name_matcher(organisation: Organisation):
    """A ``names_match``-shaped function for ``rejections.assessment`` that uses the organisation's vocabulary.

    Names the vocabulary does not know compare as before (folded, stemmed, word order free).
    """
    return vocabulary_for(organisation).matcher()


class OrganisationMatcher:
    """A lazy ``names_match``-shaped matcher: loads the organisation's vocabulary on its first comparison.

    Records for drafting carry one without a query; only drafting that compares names reads the vocabulary
    (one stamp query per matcher, the labels only when they changed). Two matchers of one organisation are equal.
    """

    def __init__(self, organisation_id: int) -> None:
        self.organisation_id = organisation_id
        self._vocabulary: Vocabulary | None = None

    def __call__(self, required: str, held: str) -> bool:
        if self._vocabulary is None:
            self._vocabulary = vocabulary_for(Organisation(pk=self.organisation_id))
        return self._vocabulary.same(required, held)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OrganisationMatcher) and other.organisation_id == self.organisation_id

    def __hash__(self) -> int:
        return hash(self.organisation_id)
