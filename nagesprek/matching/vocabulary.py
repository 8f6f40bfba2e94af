"""Services for an organisation's matching vocabulary: concepts with Dutch/English labels, and the ESCO-style import.

Writes follow the house rules (keyword-only, atomic, audited). ``vocabulary_for(organisation)`` turns the
rows into a ``normalise.Vocabulary``, cached per process and rebuilt when the organisation's concepts or
labels change (one cheap query tells).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.matching.esco_csv import ConceptRow, ParsedVocabulary, RowError, parse_esco_csv
from nagesprek.matching.models import Concept, Label, LabelKind, LabelLanguage
from nagesprek.matching.normalise import Term, Vocabulary
from nagesprek.organisations.models import Organisation

_CACHE: dict[int, tuple[tuple, Vocabulary]] = {}
MAX_LABELS = 100  # per concept: more is a list of unrelated words, not one concept's names
LabelRow = tuple[str, str] | tuple[str, str, str]  # (language, text) or (language, text, label kind)


def _forget_index_on_commit(organisation_id: int) -> None:
    from nagesprek.matching import index  # the index reads the vocabulary; import late

    transaction.on_commit(partial(index.forget, organisation_id))


def _clean_rows(concept: Concept, alternatives: Sequence[LabelRow]) -> list[tuple[str, str, str]]:
    """The concept's labels as (language, text, kind): preferred ones first, no empty or repeated text."""
    rows = [(LabelLanguage.DUTCH.value, concept.preferred_label_nl, LabelKind.PREFERRED.value)]
    if concept.preferred_label_en:
        rows.append((LabelLanguage.ENGLISH.value, concept.preferred_label_en, LabelKind.PREFERRED.value))
    seen = {(language, text.casefold()) for language, text, _kind in rows}
    for row in alternatives:
        language, text = LabelLanguage(row[0]).value, row[1].strip()
        kind = LabelKind(row[2]).value if len(row) > 2 else LabelKind.ALTERNATIVE.value  # type: ignore[misc]
        if text and (language, text.casefold()) not in seen:
            seen.add((language, text.casefold()))
            rows.append((language, text, kind))
    return rows


def _validate(concept: Concept, rows: list[tuple[str, str, str]]) -> None:
    """Field rules, label lengths and count, and no label that already names another concept."""
    concept.full_clean(exclude=["organisation"])
    errors: list[str] = []
    if len(rows) > MAX_LABELS:
        errors.append(_("A concept has at most %(count)d names.") % {"count": MAX_LABELS})
    too_long = [text for _language, text, _kind in rows if len(text) > 200]
    if too_long:
        errors.append(_("A name is longer than 200 characters: %(name)s") % {"name": too_long[0][:60]})
    vocabulary = vocabulary_for(concept.organisation)
    own = concept.concept_id if concept.pk else None
    for _language, text, _kind in rows:
        other = vocabulary.resolve(text, fuzzy=False)
        if other is not None and other != own:
            errors.append(_("“%(name)s” already names another concept.") % {"name": text})
    if errors:
        raise ValidationError(errors)


def _audit(concept: Concept, action: AuditAction, summary: str, user) -> None:
    record_event(
        organisation=concept.organisation, action=action, target=concept, candidate_id=None, user=user, summary=summary
    )


@transaction.atomic
def add_concept(
    *,
    organisation: Organisation,
    kind: str,
    preferred_label_nl: str,
    preferred_label_en: str = "",
    alternatives: Sequence[LabelRow] | None = None,
    uri: str = "",
    user=None,
) -> Concept:
    """Add a concept with its preferred labels and other (language, text[, kind]) labels; audited.

    Raises ValidationError for an empty or too long name, an unknown kind, a taken URI, or a name that
    already stands for another concept of the organisation (matching would not know which one is meant).
    The organisation's matching index is rebuilt after commit.
    """
    concept = Concept(
        organisation=organisation,
        kind=kind,
        preferred_label_nl=preferred_label_nl.strip(),
        preferred_label_en=preferred_label_en.strip(),
        uri=uri.strip(),
    )
    rows = _clean_rows(concept, alternatives or [])
    _validate(concept, rows)
    concept.save()
    Label.objects.bulk_create(Label(concept=concept, language=lang, text=text, kind=k) for lang, text, k in rows)
    _audit(concept, AuditAction.CREATE, f"vocabulary concept {concept.preferred_label_nl} added", user)
    _forget_index_on_commit(organisation.pk)
    return concept


@transaction.atomic
def update_concept(
    *,
    concept: Concept,
    preferred_label_nl: str,
    preferred_label_en: str = "",
    alternatives: Sequence[LabelRow] | None = None,
    kind: str = "",
    user=None,
) -> Concept:
    """Rename a concept (and change its kind) and replace its labels; audited, same checks as ``add_concept``."""
    concept.preferred_label_nl = preferred_label_nl.strip()
    concept.preferred_label_en = preferred_label_en.strip()
    concept.kind = kind or concept.kind
    rows = _clean_rows(concept, alternatives or [])
    _validate(concept, rows)
    concept.save()
    concept.labels.all().delete()
    Label.objects.bulk_create(Label(concept=concept, language=lang, text=text, kind=k) for lang, text, k in rows)
    _audit(concept, AuditAction.UPDATE, f"vocabulary concept {concept.preferred_label_nl} changed", user)
    _forget_index_on_commit(concept.organisation_id)
    return concept


@transaction.atomic
def remove_label(*, label: Label, user=None) -> Concept:
    """Remove one other name of a concept; audited. A preferred label is refused (rename the concept instead)."""
    concept = label.concept
    if label.kind == LabelKind.PREFERRED:
        raise ValidationError(_("A preferred name cannot be removed; change it on the concept instead."))
    text = label.text
    label.delete()
    concept.save(update_fields=["updated_at"])  # the vocabulary's stamp changes: every process rebuilds
    _audit(concept, AuditAction.UPDATE, f"vocabulary label {text} removed from {concept.preferred_label_nl}", user)
    _forget_index_on_commit(concept.organisation_id)
    return concept


@transaction.atomic
def remove_concept(*, concept: Concept, user=None) -> None:
    """Remove a concept with all its names; audited. Requirements and profiles keep their words."""
    _audit(concept, AuditAction.DELETE, f"vocabulary concept {concept.preferred_label_nl} removed", user)
    organisation_id = concept.organisation_id
    concept.delete()
    _forget_index_on_commit(organisation_id)


@dataclass(frozen=True)
class ImportResult:
    created: int
    errors: tuple[RowError, ...]


def check_esco_csv(*, organisation: Organisation, data: str, kind: str = "") -> ParsedVocabulary:
    """Parse an ESCO-style CSV (see ``esco_csv``) and check it against the vocabulary; writes nothing.

    A concept whose URI is already in the organisation's vocabulary is an error (import changes nothing
    that exists). Errors come sorted by row.
    """
    parsed = parse_esco_csv(data, kind=kind)
    uris = [c.uri for c in parsed.concepts]
    existing = set(Concept.objects.filter(organisation=organisation, uri__in=uris).values_list("uri", flat=True))
    parsed.errors += [
        RowError(c.rows[0] if c.rows else 0, _("%(uri)s is already in the vocabulary.") % {"uri": c.uri})
        for c in parsed.concepts
        if c.uri in existing
    ]
    parsed.errors.sort(key=lambda e: e.row)
    return parsed


def import_esco_csv(*, organisation: Organisation, data: str, kind: str = "", user=None) -> ImportResult:
    """Import an ESCO-style CSV: every concept, or nothing when any row has a problem (``check_esco_csv``).

    One audit row for the import; the organisation's matching index is rebuilt after commit.
    """
    parsed = check_esco_csv(organisation=organisation, data=data, kind=kind)
    if parsed.errors:
        return ImportResult(0, tuple(parsed.errors))
    _write_import(organisation, parsed.concepts, user)
    return ImportResult(len(parsed.concepts), ())


@transaction.atomic
def _write_import(organisation: Organisation, rows: list[ConceptRow], user) -> None:
    concepts = [
        Concept(
            organisation=organisation, kind=row.kind, preferred_label_nl=row.nl, preferred_label_en=row.en, uri=row.uri
        )
        for row in rows
    ]
    for concept in concepts:
        concept.full_clean(exclude=["organisation"], validate_unique=False, validate_constraints=False)
    Concept.objects.bulk_create(concepts, batch_size=1000)
    labels = [
        Label(concept=concept, language=language, text=text, kind=kind)
        for concept, row in zip(concepts, rows, strict=True)
        for language, text, kind in _clean_rows(concept, row.labels)
    ]
    Label.objects.bulk_create(labels, batch_size=2000)
    record_event(
        organisation=organisation,
        action=AuditAction.CREATE,
        target=organisation,
        candidate_id=None,
        user=user,
        summary=f"{len(concepts)} vocabulary concepts imported ({len(labels)} names)",
    )
    _forget_index_on_commit(organisation.pk)


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
