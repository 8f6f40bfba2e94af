"""The preparation brief: everything an advisor reads before a conversation, assembled from one application.

One screen, condensed: the application and its stage; the letter as the candidate received it (the
reasons, the personal note); a summary of the scorecards (per criterion the ratings and the evidence,
without the evaluators' names: the conversation is about what was seen, not about who saw it); the gaps
the record shows today with the routes the letter advised for each; the candidate's earlier applications
and how they ended (``applications.history``); and the candidate's consents (talent pool, referral).

The vacancies that fit come from ``matching.services`` and are logged there as a suggestion set (a
write), so they are passed in by ``services.prepare_brief``; everything here only reads. Independent of
the conversation: the brief is about the application the conversation is about.

Queries: a fixed number whatever the size of the record (pinned in ``tests/test_brief.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nagesprek.advice import selectors as advice_selectors
from nagesprek.advice.models import AdviceItem
from nagesprek.advice.services import gaps_from_record
from nagesprek.applications import history
from nagesprek.applications.models import Application
from nagesprek.candidates.models import Candidate
from nagesprek.candidates.selectors import with_profile
from nagesprek.consents import selectors as consent_selectors
from nagesprek.consents.constants import ConsentPurpose
from nagesprek.consents.models import Consent
from nagesprek.evaluations.constants import Rating
from nagesprek.evaluations.selectors import scorecard_overview_for_application
from nagesprek.matching.services import SuggestionSet
from nagesprek.organisations.selectors import Actor
from nagesprek.rejections import selectors as rejection_selectors
from nagesprek.rejections.models import Rejection

EVIDENCE_CHARS = 240  # condensed: the first words of each piece of evidence; the full text stays in the file

GAP_STATUS_LABELS = {
    "unmet": _("not met"),
    "expired": _("expired"),
    "expiring": _("expires soon"),
    "low": _("rated low"),
}


@dataclass(frozen=True)
class ReasonLine:
    about: str
    explanation: str


@dataclass(frozen=True)
class LetterPart:
    """The rejection as the candidate received it; ``sent`` False while the letter has not gone out."""

    rejection: Rejection
    sent: bool
    sent_on: date | None
    personal_note: str
    reasons: tuple[ReasonLine, ...]
    advice: tuple[dict[str, Any], ...]  # advice.selectors.letter_advice items


@dataclass(frozen=True)
class CriterionSummary:
    criterion: str
    average: float | None
    average_label: str
    ratings: tuple[str, ...]  # the scale's words, one per evaluator
    evidence: tuple[str, ...]  # condensed
    is_low: bool


@dataclass(frozen=True)
class StageSummary:
    stage: str
    evaluators: int
    criteria: tuple[CriterionSummary, ...]


@dataclass(frozen=True)
class GapLine:
    name: str
    status: str
    is_must_have: bool
    advised: tuple[str, ...]  # the routes the letter advised for this gap


@dataclass(frozen=True)
class ConsentLine:
    purpose: str
    label: str
    current: Consent | None
    latest: Consent | None


@dataclass(frozen=True)
class Brief:
    application: Application
    candidate: Candidate
    letter: LetterPart | None
    scorecards: tuple[StageSummary, ...]
    gaps: tuple[GapLine, ...]
    memory: history.Memory
    consents: tuple[ConsentLine, ...]
    suggestions: SuggestionSet | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def may_refer(self) -> bool:
        return any(c.purpose == ConsentPurpose.REFERRAL and c.current is not None for c in self.consents)


def assemble_brief(
    *, actor: Actor, application: Application, suggestions: SuggestionSet | None = None, today: date | None = None
) -> Brief:
    """The brief for ``application`` (candidate, vacancy and stage loaded). Reads only; the caller checked access.

    ``actor`` decides what the re-application memory shows (advisors see the earlier reasons).
    """
    today = today or timezone.localdate()
    candidate = with_profile(Candidate.objects.filter(pk=application.candidate_id)).select_related("organisation").get()
    application.candidate = candidate  # the record and the memory read the profile from here, no second load
    rejection = _rejection(application)
    letter: LetterPart | None = None
    gaps: tuple[GapLine, ...] = ()
    if rejection is not None:
        items = list(advice_selectors.list_advice_items(rejection=rejection, include_removed=False))
        letter = _letter(rejection, items)
        gaps = _gaps(application, rejection, items, today)
    return Brief(
        application=application,
        candidate=candidate,
        letter=letter,
        scorecards=_scorecards(application),
        gaps=gaps,
        memory=history.reapplication_memory(actor=actor, application=application, candidate=candidate, today=today),
        consents=_consents(candidate),
        suggestions=suggestions,
    )


def _rejection(application: Application) -> Rejection | None:
    return (
        Rejection.objects.filter(application=application)
        .prefetch_related("reasons__requirement", "reasons__criterion__requirement")
        .first()
    )


def _letter(rejection: Rejection, items: list[AdviceItem]) -> LetterPart:
    # Only what the candidate read counts: a draft's reasons may still change, so they are not shown.
    sent = rejection.is_sent
    reasons = tuple(ReasonLine(_about(r), r.explanation) for r in rejection.reasons.all()) if sent else ()
    advice = tuple(advice_selectors.letter_advice(rejection)) if sent else ()
    return LetterPart(
        rejection=rejection,
        sent=sent,
        sent_on=timezone.localdate(rejection.sent_at) if sent and rejection.sent_at else None,
        personal_note=rejection.personal_note if sent else "",
        reasons=reasons,
        advice=advice,
    )


def _about(reason) -> str:
    target = reason.requirement if reason.requirement is not None else reason.criterion
    return target.label if target is not None else ""


def _gaps(application: Application, rejection: Rejection, items: list[AdviceItem], today: date) -> tuple[GapLine, ...]:
    """The gaps the record shows today (the profile may have changed since the letter), with the advised routes."""
    record = rejection_selectors.load_rejection_record(
        application=application,
        requirements_version=rejection.requirements_version,
        language=rejection.language,
        today=today,
    )
    routes: dict[str, list[str]] = {}
    for item in items:
        key = f"r{item.requirement_id}" if item.requirement_id else f"c{item.criterion_id}"
        if item.route is not None:
            routes.setdefault(key, []).append(item.route.title)
    return tuple(
        GapLine(
            name=gap.name,
            status=str(GAP_STATUS_LABELS.get(gap.status, gap.status)),
            is_must_have=gap.is_must_have and gap.requirement_id is not None,
            advised=tuple(routes.get(gap.key, ())),
        )
        for gap in gaps_from_record(record)
    )


def _condense(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= EVIDENCE_CHARS:
        return text
    return text[:EVIDENCE_CHARS].rsplit(" ", 1)[0] + " …"


def _scale_word(average: float | None) -> str:
    # Half up (2.5 reads "meets"): the scale's word nearest the average, as an evaluator would round it.
    return str(Rating(int(average + 0.5)).label) if average is not None else ""


def _scorecards(application: Application) -> tuple[StageSummary, ...]:
    return tuple(
        StageSummary(
            stage=stage.stage.name,
            evaluators=len(stage.scorecards),
            criteria=tuple(
                CriterionSummary(
                    criterion=row.criterion.label,
                    average=row.average,
                    average_label=_scale_word(row.average),
                    ratings=tuple(entry.rating_label for entry in row.ratings),
                    evidence=tuple(_condense(entry.evidence) for entry in row.ratings if entry.evidence.strip()),
                    is_low=row.is_low,
                )
                for row in stage.criteria
                if row.ratings
            ),
        )
        for stage in scorecard_overview_for_application(application=application)
    )


def _consents(candidate: Candidate) -> tuple[ConsentLine, ...]:
    return tuple(
        ConsentLine(
            purpose=purpose,
            label=str(purpose.label),
            current=consent_selectors.current_consent(candidate=candidate, purpose=purpose),
            latest=consent_selectors.latest_consent(candidate=candidate, purpose=purpose),
        )
        for purpose in (ConsentPurpose.TALENT_POOL, ConsentPurpose.REFERRAL)
    )
