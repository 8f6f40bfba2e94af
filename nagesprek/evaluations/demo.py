"""Demo scorecards: criteria where a stage has none, and submitted scorecards with Dutch evidence.

Every interview or assessment an application has been through gets a scorecard from each of the
vacancy's evaluators (at most two): good ratings where the candidate went on, at least one low
rating with evidence where they were rejected there, and a mix for interviews held but not yet
decided. Evidence is written as the candidate may read it: factual, about what they showed.
Idempotent: a (application, stage, evaluator) that has a scorecard is left alone.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from nagesprek.accounts.models import User
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application, StageChange
from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.evaluations.constants import LOW_RATINGS, Rating
from nagesprek.evaluations.models import CriterionRating, Scorecard
from nagesprek.organisations.models import Organisation
from nagesprek.vacancies.constants import QUALIFICATION_KINDS, RequirementKind, StageKind
from nagesprek.vacancies.models import Criterion, Requirement, Stage, Vacancy

SCORED_KINDS = (StageKind.INTERVIEW, StageKind.ASSESSMENT)
# An interview entered this long ago counts as held, even when no decision is recorded yet.
HELD_AFTER = datetime.timedelta(days=2)
PASSED, FAILED, UNDECIDED = "passed", "failed", "undecided"

NAMED_CRITERIA = {
    StageKind.INTERVIEW: (
        ("Motivatie voor deze functie", "Weet de kandidaat wat het werk inhoudt en waarom hij of zij het wil doen?"),
        ("Mondelinge communicatie", "Legt de kandidaat helder uit, luistert hij of zij en vraagt hij of zij door?"),
    ),
    StageKind.ASSESSMENT: (
        ("Uitvoering van de opdracht", "Hoe pakt de kandidaat de opdracht aan, en wat is het resultaat?"),
    ),
}

EVIDENCE = {
    Rating.NOT_MET: (
        "Bij {criterion} gaf de kandidaat geen voorbeeld uit eigen werk. Ook na doorvragen bleef het antwoord "
        "algemeen, zodat wij niet konden zien hoe de kandidaat dit in de praktijk doet.",
        "Bij de praktijkvraag over {criterion} koos de kandidaat direct een oplossing, zonder eerst te vragen "
        "wat er precies nodig was. Zo liet de kandidaat dit punt niet zien.",
        "Op de vraag naar {criterion} noemde de kandidaat alleen wat het team deed, niet wat de kandidaat zelf "
        "deed. Daardoor bleef onduidelijk of de kandidaat dit beheerst.",
    ),
    Rating.PARTLY_MET: (
        "Bij {criterion} gaf de kandidaat één goed voorbeeld, maar bij de tweede situatie bleef het antwoord "
        "vaag. Voor deze functie is dit vaker en zelfstandig nodig.",
        "De kandidaat begreep wat {criterion} inhoudt, maar paste het bij de praktijkvraag maar half toe: "
        "belangrijke stappen werden overgeslagen.",
        "Voor {criterion} liet de kandidaat een goede basis zien, maar nog niet het niveau dat wij vragen. "
        "De kandidaat gaf zelf aan hier weinig ervaring mee te hebben.",
    ),
    Rating.MET: (
        "Bij {criterion} gaf de kandidaat twee concrete voorbeelden uit eigen werk, met wat de kandidaat deed "
        "en wat het opleverde.",
        "Bij de praktijkvraag paste de kandidaat {criterion} goed toe en legde uit waarom.",
        "",
    ),
    Rating.EXCEEDED: (
        "Bij {criterion} liet de kandidaat meer zien dan wij vragen: sterke voorbeelden, en de kandidaat "
        "benoemde zelf wat beter kon.",
        "De kandidaat was op {criterion} duidelijk sterk: helder, concreet en met oog voor de klant.",
    ),
}

# Evidence for the criteria the demo vacancies share, low (1 or 2) and high (3 or 4): more telling than the
# general sentences above, and what a drafted rejection reason quotes.
SPECIFIC_EVIDENCE = {
    "Motivatie voor deze functie": (
        "De kandidaat kon niet goed uitleggen wat het werk inhoudt. Op de vraag waarom deze functie, noemde de "
        "kandidaat vooral de reistijd en het salaris, niet het werk zelf.",
        "De kandidaat had zich goed voorbereid, kende onze taken en legde uit welk deel van het werk "
        "de kandidaat het meest aanspreekt.",
    ),
    "Mondelinge communicatie": (
        "De antwoorden waren lang en sprongen van het ene onderwerp naar het andere. Bij het rollenspel "
        "vatte de kandidaat de vraag van de klant niet samen en vroeg niet door.",
        "De kandidaat legde helder en rustig uit, vatte samen wat wij vroegen en vroeg door waar het onduidelijk was.",
    ),
    "Uitvoering van de opdracht": (
        "De opdracht was na de afgesproken tijd voor de helft af. De kandidaat maakte geen planning en "
        "controleerde het resultaat niet.",
        "De kandidaat maakte eerst een korte planning, rondde de opdracht op tijd af en lichtte de keuzes toe.",
    ),
    "Klantgericht": (
        "In het rollenspel met een boze klant gaf de kandidaat snel een standaardantwoord. De kandidaat "
        "vroeg niet wat de klant precies nodig had.",
        "In het rollenspel liet de kandidaat de klant uitpraten, vroeg door en zocht samen naar een oplossing.",
    ),
    "Nauwkeurig": (
        "In de controleopdracht vond de kandidaat twee van de vijf fouten. De kandidaat las het werk na "
        "afloop niet na.",
        "De kandidaat vond alle fouten in de controleopdracht en legde uit hoe de kandidaat het eigen werk "
        "controleert.",
    ),
    "Samenwerken": (
        "De kandidaat gaf alleen voorbeelden van werk dat de kandidaat alleen deed. Op de vraag hoe de "
        "kandidaat omgaat met een collega die een afspraak niet nakomt, bleef het antwoord algemeen.",
        "De kandidaat gaf een goed voorbeeld van kennis delen in het team en van een lastige afspraak die "
        "samen werd opgelost.",
    ),
    "Helder schrijven": (
        "De schrijfopdracht bevatte lange zinnen en vaktaal. Een klant zou de brief niet in één keer begrijpen.",
        "De brief in de schrijfopdracht was kort, in eenvoudige woorden en had een duidelijke volgende stap.",
    ),
    "Rustig blijven onder druk": (
        "Toen tijdens de opdracht een extra taak werd gegeven, raakte de kandidaat het overzicht kwijt en "
        "maakte de eerste taak niet af.",
        "Bij de extra taak tijdens de opdracht bleef de kandidaat rustig, koos wat eerst moest en zei dat ook.",
    ),
    "Empathisch": (
        "In het rollenspel met een verdrietige patiënt ging de kandidaat snel over op de regels en vroeg niet "
        "hoe het met de patiënt ging.",
        "In het rollenspel gaf de kandidaat de patiënt de ruimte, luisterde en reageerde vriendelijk en geduldig.",
    ),
}

SUMMARIES = {
    PASSED: (
        "Goed gesprek. De kandidaat past bij wat de functie vraagt.",
        "De kandidaat gaf heldere voorbeelden en stelde goede vragen over het werk.",
    ),
    FAILED: (
        "Op {criterion} liet de kandidaat te weinig zien voor deze functie. Op de andere punten ging het gesprek "
        "redelijk tot goed.",
        "Het gesprek was prettig, maar op {criterion} bleef het te algemeen. Dat is voor deze functie belangrijk.",
    ),
}


@dataclass(frozen=True)
class Visit:
    """One time an application sat in a scored stage, and how it came out."""

    application: Application
    stage: Stage
    outcome: str
    submitted_at: datetime.datetime


@transaction.atomic
def add_demo_evaluations(organisation: Organisation, rng: random.Random) -> int:
    """Add criteria to scored stages that have none, and submitted scorecards; returns how many were made.

    Deterministic for the data and the seed. Freezes each vacancy's requirements at its first scorecard.
    """
    _add_missing_criteria(organisation)
    applications = _applications(organisation)
    existing = set(
        Scorecard.objects.filter(application__organisation=organisation).values_list(
            "application_id", "stage_id", "evaluator_id"
        )
    )
    scorecards: list[Scorecard] = []
    ratings: list[CriterionRating] = []
    for visit in _visits(applications, rng):
        for evaluator in _evaluators(visit.application.vacancy):
            if (visit.application.pk, visit.stage.pk, evaluator.pk) in existing:
                continue
            card, rows = _scorecard(visit, evaluator, rng)
            scorecards.append(card)
            ratings += rows
    Scorecard.objects.bulk_create(scorecards)
    for row in ratings:
        row.scorecard_id = row.scorecard.pk
    CriterionRating.objects.bulk_create(ratings)
    _freeze(scorecards)
    if scorecards:
        record_event(
            organisation=organisation,
            action=AuditAction.CREATE,
            target=organisation,
            candidate_id=None,
            summary=f"Demo scorecards added: {len(scorecards)}",
        )
    return len(scorecards)


def _add_missing_criteria(organisation: Organisation) -> None:
    stages = Stage.objects.filter(vacancy__organisation=organisation, kind__in=[*SCORED_KINDS, StageKind.CV_SCREENING])
    empty = list(stages.filter(criteria__isnull=True).select_related("vacancy"))
    current: dict[int, list[Requirement]] = {}
    for requirement in Requirement.current.filter(vacancy__in={s.vacancy_id for s in empty}).order_by("position"):
        current.setdefault(requirement.vacancy_id, []).append(requirement)
    rows = []
    for stage in empty:
        requirements = current.get(stage.vacancy_id, [])
        competencies = [r for r in requirements if r.kind == RequirementKind.COMPETENCY]
        named: tuple[tuple[str, str], ...] = ()
        if stage.kind == StageKind.CV_SCREENING:
            tied = [r for r in requirements if r.kind != RequirementKind.COMPETENCY]
        else:
            tied, named = competencies, NAMED_CRITERIA[StageKind(stage.kind)]
        rows += [Criterion(stage=stage, requirement=r, position=i) for i, r in enumerate(tied)]
        rows += [
            Criterion(stage=stage, competency=name, description=look, position=len(tied) + i)
            for i, (name, look) in enumerate(named)
        ]
    Criterion.objects.bulk_create(rows)


def _applications(organisation: Organisation) -> list[Application]:
    criteria = Criterion.objects.select_related("requirement").order_by("position", "pk")
    stages = Stage.objects.order_by("position").prefetch_related(Prefetch("criteria", queryset=criteria))
    changes = StageChange.objects.order_by("changed_at", "id")
    return list(
        Application.objects.filter(organisation=organisation)
        .select_related("vacancy")
        .prefetch_related(
            Prefetch("stage_changes", queryset=changes),
            Prefetch("vacancy__stages", queryset=stages),
            "vacancy__evaluators",
            "vacancy__recruiters",
            Prefetch("vacancy__requirements", queryset=Requirement.current.filter(is_must_have=True)),
            "candidate__qualifications",
        )
        .order_by("pk")
    )


def _lacks_a_required_qualification(application: Application) -> bool:
    """Whether a must-have certificate, diploma, licence or registration is missing from the profile.

    Such a candidate was turned down for that requirement, not for how the interview went: their
    scorecards stay good, so the letter's reason is the missing qualification (the article's story
    of the veterinary anaesthesia assistant who only lacked a partial certificate).
    """
    held = {q.name.casefold() for q in application.candidate.qualifications.all()}
    return any(
        r.kind in QUALIFICATION_KINDS and r.label.casefold() not in held for r in application.vacancy.requirements.all()
    )


def _visits(applications: list[Application], rng: random.Random) -> list[Visit]:
    now = timezone.now()
    visits = []
    for application in applications:
        stages = {stage.pk: stage for stage in application.vacancy.stages.all()}
        history = list(application.stage_changes.all())
        for index, change in enumerate(history):
            stage = stages.get(change.stage_id)
            if stage is None or stage.kind not in SCORED_KINDS or change.status != ApplicationStatus.ACTIVE:
                continue
            if not stage.criteria.all() or (index and history[index - 1].stage_id == change.stage_id):
                continue
            following = history[index + 1] if index + 1 < len(history) else None
            outcome = _outcome(following, change, now)
            if outcome is None:
                continue
            if outcome == UNDECIDED:  # held, not decided yet: some went badly, and await a rejection
                outcome = FAILED if rng.random() < 0.45 else PASSED
            elif outcome == FAILED and _lacks_a_required_qualification(application):
                outcome = PASSED
            left = following.changed_at if following else now
            held = change.changed_at + (left - change.changed_at) * 0.6
            visits.append(Visit(application=application, stage=stage, outcome=outcome, submitted_at=held))
    return visits


def _outcome(following: StageChange | None, entered: StageChange, now: datetime.datetime) -> str | None:
    if following is None:
        return UNDECIDED if now - entered.changed_at >= HELD_AFTER else None
    if following.status == ApplicationStatus.REJECTED:
        return FAILED
    if following.status in (ApplicationStatus.ACTIVE, ApplicationStatus.HIRED):
        return PASSED
    return None  # withdrawn or cancelled before the interview was held


def _evaluators(vacancy: Vacancy) -> list[User]:
    people = sorted(vacancy.evaluators.all(), key=lambda u: u.pk) or sorted(
        vacancy.recruiters.all(), key=lambda u: u.pk
    )
    return people[:2]


def _scorecard(visit: Visit, evaluator: User, rng: random.Random) -> tuple[Scorecard, list[CriterionRating]]:
    criteria = list(visit.stage.criteria.all())
    outcome = visit.outcome
    weak = _weak_criteria(criteria, outcome, visit.application.pk * 1000 + visit.stage.pk)
    card = Scorecard(
        application=visit.application,
        stage=visit.stage,
        evaluator=evaluator,
        submitted_at=visit.submitted_at,
    )
    rows = []
    for criterion in criteria:
        rating = _rating(criterion in weak, outcome, rng)
        evidence = _evidence(criterion, rating, rng)
        rows.append(CriterionRating(scorecard=card, criterion=criterion, rating=rating, evidence=evidence))
    lowest = min(rows, key=lambda row: row.rating).criterion.label
    card.summary = rng.choice(SUMMARIES[FAILED if weak else PASSED]).format(criterion=f"“{lowest}”")
    return card, rows


def _evidence(criterion: Criterion, rating: Rating, rng: random.Random) -> str:
    specific = SPECIFIC_EVIDENCE.get(criterion.label)
    if specific and rng.random() < 0.8:
        return specific[0] if rating in LOW_RATINGS else specific[1]
    return rng.choice(EVIDENCE[rating]).format(criterion=f"“{criterion.label}”")


def _weak_criteria(criteria: list[Criterion], outcome: str, seed: int) -> set[Criterion]:
    """The same one or two criteria for every evaluator of a failed visit, so the evaluators agree."""
    if outcome != FAILED or not criteria:
        return set()
    picker = random.Random(seed)
    return set(picker.sample(criteria, k=min(len(criteria), picker.choice((1, 1, 2)))))


def _rating(weak: bool, outcome: str, rng: random.Random) -> Rating:
    if weak:
        return rng.choice((Rating.NOT_MET, Rating.PARTLY_MET, Rating.PARTLY_MET))
    if outcome == FAILED:
        return rng.choice((Rating.PARTLY_MET, Rating.MET, Rating.MET))
    return rng.choice((Rating.MET, Rating.MET, Rating.EXCEEDED))


def _freeze(scorecards: list[Scorecard]) -> None:
    """The first scorecard freezes the requirements (the demo's earlier decisions may have already)."""
    first: dict[int, datetime.datetime] = {}
    for card in scorecards:
        vacancy_id = card.application.vacancy_id
        assert card.submitted_at is not None
        first[vacancy_id] = min(first.get(vacancy_id, card.submitted_at), card.submitted_at)
    for vacancy_id, moment in first.items():
        Vacancy.objects.filter(pk=vacancy_id, requirements_frozen_at__isnull=True).update(requirements_frozen_at=moment)
        Vacancy.objects.filter(pk=vacancy_id, requirements_frozen_at__gt=moment).update(requirements_frozen_at=moment)
