"""Draft the reasons for a rejection from what the record shows, in the candidate's language.

``draft_reasons(record)`` reads a ``RejectionRecord`` (plain dataclasses, built
once by ``selectors.load_rejection_record`` in a fixed number of queries) and
proposes reasons; the recruiter edits and confirms them. It never invents one:

* a **must-have** requirement the profile shows **unmet** or **expired**
  (``assessment.assess_requirements``), with the fact that shows it;
* a **criterion rated low**: the mean of the submitted ratings below 2.5 on the
  4-point scale (so 1 or 2, or a 1 and a 3), quoting the evaluators' evidence;
* only when neither gives a reason: a **comparative** reason for a criterion
  on which another candidate's mean rating was higher, naming the criterion.

Nice-to-haves, expiring (still valid) qualifications and requirements the
record says nothing about give no reason. A criterion tied to a requirement that
already has a reason gives none of its own (one reason per requirement). When
nothing qualifies the result is empty: the recruiter must write the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from statistics import fmean

from django.utils import formats, translation
from django.utils.translation import gettext as _

from nagesprek.rejections.assessment import (
    CandidateProfile,
    Fact,
    FactKind,
    RequirementAssessment,
    RequirementSpec,
    Status,
    assess_requirements,
)
from nagesprek.rejections.constants import ReasonSource
from nagesprek.vacancies.constants import EducationLevel

LOW_MEAN_BELOW = 2.5
MAX_COMPARATIVE_REASONS = 2


@dataclass(frozen=True)
class RatingRecord:
    rating: int
    evidence: str
    evaluator: str = ""


@dataclass(frozen=True)
class CriterionRecord:
    """A criterion with this candidate's submitted ratings and the best mean of any other candidate."""

    id: int
    label: str
    stage_name: str
    requirement_id: int | None = None
    ratings: tuple[RatingRecord, ...] = ()
    best_other_mean: float | None = None

    @property
    def mean(self) -> float | None:
        return fmean(r.rating for r in self.ratings) if self.ratings else None

    @property
    def is_low(self) -> bool:
        mean = self.mean
        return mean is not None and mean < LOW_MEAN_BELOW

    @property
    def others_scored_higher(self) -> bool:
        mean = self.mean
        return mean is not None and self.best_other_mean is not None and self.best_other_mean > mean


@dataclass(frozen=True)
class RejectionRecord:
    """Everything drafting may use: the yardstick (requirements of the application's version), profile, ratings."""

    language: str
    today: date
    requirements: tuple[RequirementSpec, ...] = ()
    profile: CandidateProfile = field(default_factory=CandidateProfile)
    criteria: tuple[CriterionRecord, ...] = ()
    # Whether a name in the profile is the required one; None = assessment.names_match. The selectors pass the
    # organisation's vocabulary-aware matcher (matching.vocabulary.OrganisationMatcher), issue 4.
    matcher: Callable[[str, str], bool] | None = None


@dataclass(frozen=True)
class ReasonDraft:
    source: ReasonSource
    explanation: str
    evidence: str = ""
    requirement_id: int | None = None
    criterion_id: int | None = None


def draft_reasons(record: RejectionRecord) -> list[ReasonDraft]:
    """Reasons the record supports, written for the candidate in ``record.language``; empty when it supports none."""
    with translation.override(record.language):
        assessments = assess_requirements(record.requirements, record.profile, record.today, matcher=record.matcher)
        drafts = [_requirement_reason(a) for a in assessments if a.requirement.is_must_have and a.is_gap]
        covered = {d.requirement_id for d in drafts}
        drafts += [
            _low_rating_reason(c)
            for c in record.criteria
            if c.is_low and (c.requirement_id is None or c.requirement_id not in covered)
        ]
        if not drafts:
            drafts = _comparative_reasons(record.criteria)
    return drafts


def _requirement_reason(assessment: RequirementAssessment) -> ReasonDraft:
    source = (
        ReasonSource.EXPIRED_QUALIFICATION if assessment.status == Status.EXPIRED else ReasonSource.UNMET_REQUIREMENT
    )
    return ReasonDraft(
        source=source,
        explanation=explain_gap(assessment),
        evidence=describe_fact(assessment.fact),
        requirement_id=assessment.requirement.id,
    )


def _education_label(code: str) -> str:
    return str(EducationLevel(code).label) if code in EducationLevel.values else code


def describe_fact(fact: Fact) -> str:
    """The fact in the active language, short, as shown beside a reason ("Nederlands: B1, required C1")."""
    params = {
        "subject": fact.subject,
        "held": fact.held,
        "asked": fact.asked,
        "date": formats.date_format(fact.on, "j F Y") if fact.on else "",
    }
    if fact.kind == FactKind.EDUCATION:
        params.update(held=_education_label(fact.held), asked=_education_label(fact.asked))
    texts = {
        FactKind.HELD: _("%(subject)s: in the profile"),
        FactKind.NOT_IN_PROFILE: _("%(subject)s: not in the profile"),
        FactKind.EXPIRED_ON: _("%(subject)s expired on %(date)s"),
        FactKind.EXPIRES_ON: _("%(subject)s expires on %(date)s"),
        FactKind.LANGUAGE_LEVEL: _("%(subject)s: %(held)s, required %(asked)s"),
        FactKind.LANGUAGE_MISSING: _("%(subject)s: not in the profile, required %(asked)s"),
        FactKind.EXPERIENCE_YEARS: _("%(held)s years of experience, %(asked)s asked"),
        FactKind.EDUCATION: _("%(held)s, %(asked)s asked"),
        FactKind.NOTHING_RECORDED: _("%(subject)s: nothing in the record either way"),
        FactKind.JUDGED_IN_SELECTION: _("%(subject)s: judged in the selection"),
    }
    return texts[fact.kind] % params


def explain_gap(assessment: RequirementAssessment) -> str:
    """A sentence or two for the candidate: what the job asks and what the record shows (active language)."""
    fact, requirement = assessment.fact, assessment.requirement
    params = {
        "requirement": requirement.label,
        "language": fact.subject,
        "held": fact.held,
        "asked": fact.asked,
        "date": formats.date_format(fact.on, "j F Y") if fact.on else "",
    }
    if fact.kind == FactKind.EXPIRED_ON:
        return _("This job asks for a valid %(requirement)s. Yours expired on %(date)s.") % params
    if fact.kind == FactKind.LANGUAGE_MISSING:
        return (
            _("This job asks for %(language)s at level %(asked)s. Your application does not mention this language.")
            % params
        )
    if fact.kind == FactKind.LANGUAGE_LEVEL:
        return _("This job asks for %(language)s at level %(asked)s. Your level is %(held)s.") % params
    if fact.kind == FactKind.EXPERIENCE_YEARS:
        return (
            _(
                "This job asks for %(asked)s years of experience (%(requirement)s). "
                "Your application shows %(held)s years."
            )
            % params
        )
    if fact.kind == FactKind.EDUCATION:
        params.update(held=_education_label(fact.held), asked=_education_label(fact.asked))
        return _("This job asks for at least this level of education: %(asked)s. Your level is %(held)s.") % params
    if requirement.kind == "skill":
        return _("This job asks for this skill: %(requirement)s. We did not find it in your application.") % params
    return _("For this job you need: %(requirement)s. We did not find it in your application.") % params


def _quote(criterion: CriterionRecord, *, low_only: bool) -> tuple[str, str]:
    """(the evidence quoted to the candidate, the evidence with evaluator and rating for the recruiter)."""
    ratings = [r for r in criterion.ratings if r.evidence.strip() and (not low_only or r.rating < 3)]
    ratings.sort(key=lambda r: r.rating)
    quoted = ratings[0].evidence.strip() if ratings else ""
    evidence = "\n".join(f"{r.evaluator} ({r.rating}/4): {r.evidence.strip()}" for r in ratings)
    return quoted, evidence


def _low_rating_reason(criterion: CriterionRecord) -> ReasonDraft:
    params = {"stage": criterion.stage_name, "criterion": criterion.label}
    mean = criterion.mean or 0
    if mean < 1.5:
        text = _("In the stage “%(stage)s” we looked at “%(criterion)s”. You did not yet meet what the job asks.")
    else:
        text = _("In the stage “%(stage)s” we looked at “%(criterion)s”. You partly met what the job asks.")
    explanation = text % params
    quoted, evidence = _quote(criterion, low_only=True)
    if quoted:
        explanation += " " + _("The assessors noted: “%(evidence)s”") % {"evidence": quoted}
    return ReasonDraft(
        source=ReasonSource.LOW_RATING,
        explanation=explanation,
        evidence=evidence,
        criterion_id=criterion.id,
    )


def _comparative_reasons(criteria: tuple[CriterionRecord, ...]) -> list[ReasonDraft]:
    higher = [c for c in criteria if c.others_scored_higher]
    higher.sort(key=lambda c: (c.best_other_mean or 0) - (c.mean or 0), reverse=True)
    return [_comparative_reason(c) for c in higher[:MAX_COMPARATIVE_REASONS]]


def _score(value: float) -> str:
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else formats.number_format(rounded, decimal_pos=1)


def _comparative_reason(criterion: CriterionRecord) -> ReasonDraft:
    params = {
        "stage": criterion.stage_name,
        "criterion": criterion.label,
        "own": _score(criterion.mean or 0),
        "best": _score(criterion.best_other_mean or 0),
    }
    explanation = (
        _(
            "In the stage “%(stage)s” we looked at “%(criterion)s”. Another candidate scored higher on "
            "“%(criterion)s”: %(best)s out of 4, you %(own)s out of 4."
        )
        % params
    )
    _quoted, evidence = _quote(criterion, low_only=False)
    return ReasonDraft(
        source=ReasonSource.COMPARATIVE,
        explanation=explanation,
        evidence=evidence,
        criterion_id=criterion.id,
    )
