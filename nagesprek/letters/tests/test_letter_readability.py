"""Every letter the templates can produce reads at B1 level or plainer in Dutch, with no English left in it.

Variants: outcome (rejected with 1, 2 or 3 reasons; withdrawn; vacancy cancelled) x stage (CV
screening, interview, assessment) x with/without a personal note x with/without the organisation's
contact address x e-mail (personal link) or PDF (no link) x with/without the sections later
capabilities add (advice, fitting vacancies, a conversation). The reasons are realistic: written
the way the rejection workflow drafts them from a record.

The Dutch comes from the real catalogue once the .po exists, else from translations_nl.md
(see conftest.dutch_catalogue); either way the letter is rendered with render_letter(language="nl").
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest
from django.utils import translation
from django.utils.translation import gettext

from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.candidates.tests.factories import CandidateFactory
from nagesprek.letters.readability import B1_MAX_WORDS_PER_SENTENCE, B1_MIN_FLESCH_DOUMA, measure
from nagesprek.letters.rendering import render_letter
from nagesprek.letters.tests.factories import RejectionFactory, stage_of_kind
from nagesprek.letters.translation_check import LETTER_TEMPLATES, template_msgids, untranslated
from nagesprek.organisations.tests.factories import OrganisationFactory
from nagesprek.portal.services import issue_link
from nagesprek.rejections.constants import ReasonSource
from nagesprek.rejections.models import RejectionReason
from nagesprek.vacancies.constants import RequirementKind, StageKind
from nagesprek.vacancies.models import Criterion, Requirement
from nagesprek.vacancies.tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db

# (kind, label, plain-language description, must-have, explanation) — what CV screening finds.
REQUIREMENT_REASONS = [
    (
        RequirementKind.REGISTRATION,
        "BIG-registratie als verpleegkundige",
        "Je staat in het BIG-register als verpleegkundige.",
        True,
        "Voor deze functie is een BIG-registratie als verpleegkundige nodig. In je cv staat geen BIG-registratie.",
    ),
    (
        RequirementKind.EXPERIENCE,
        "Drie jaar ervaring in een ziekenhuis",
        "Je hebt minstens drie jaar als verpleegkundige in een ziekenhuis gewerkt.",
        True,
        "We vroegen om drie jaar ervaring in een ziekenhuis. In je cv zien we één jaar. "
        "Je werkte daarna in de thuiszorg.",
    ),
    (
        RequirementKind.CERTIFICATE,
        "Certificaat reanimatie (BLS)",
        "Je hebt een geldig certificaat voor reanimatie.",
        False,
        "Je certificaat voor reanimatie is verlopen op 3 maart 2025. "
        "Andere kandidaten hadden wel een geldig certificaat.",
    ),
]
# (competency, what evaluators look for, explanation) — what an interview or assessment shows.
CRITERION_REASONS = [
    (
        "Klantgericht werken",
        "Je laat met voorbeelden zien hoe je patiënten helpt.",
        "In het gesprek vroegen we naar een lastige patiënt. Je gaf één kort voorbeeld. "
        "We misten wat je zelf deed om de patiënt te helpen.",
    ),
    (
        "Plannen en organiseren",
        "Je kunt uitleggen hoe je een drukke dienst plant.",
        "Een andere kandidaat liet bij plannen meer zien. Die kandidaat gaf drie goede voorbeelden. Jij gaf er één.",
    ),
    (
        "Samenwerken",
        "",
        "Je werkt graag alleen, vertelde je. In deze functie werk je de hele dag samen met artsen en collega's.",
    ),
]
NOTES = {
    StageKind.CV_SCREENING: "Je brief was goed geschreven. Dat viel ons op.",
    StageKind.INTERVIEW: "Het was fijn om je te spreken. Je vertelde met veel plezier over je werk in de thuiszorg.",
    StageKind.ASSESSMENT: "Bedankt voor je inzet tijdens de lange dag. We zagen dat je goed kunt rekenen.",
}
LATER_SECTIONS = {
    "advice": [
        {
            "title": "Deelcertificaat BIG-registratie",
            "text": "Je haalt dit in zes maanden naast je werk. Het ROC biedt het aan.",
        },
        {"title": "Oefenen met sollicitatiegesprekken", "text": "Een loopbaanadviseur oefent een uur met je."},
    ],
    "fitting_vacancies": [
        {"title": "Zorgassistent polikliniek", "url": "https://werken.example.nl/vacatures/zorgassistent"},
    ],
    "conversation_offer": {"url": "https://nagesprek.example.nl/c/gesprek/"},
}
OUTCOME_CASES = [("rejected", 1), ("rejected", 2), ("rejected", 3), ("withdrawn", 0), ("cancelled", 0)]
STAGES = [StageKind.CV_SCREENING, StageKind.INTERVIEW, StageKind.ASSESSMENT]


@dataclass(frozen=True)
class Variant:
    note: bool
    contact: bool
    link: bool
    later: bool

    def __str__(self) -> str:
        flags = {"note": self.note, "contact": self.contact, "link": self.link, "later sections": self.later}
        return ", ".join(f"{'with' if on else 'without'} {name}" for name, on in flags.items())


VARIANTS = [Variant(*flags) for flags in itertools.product((False, True), repeat=4)]


def _rejection(outcome: str, reason_count: int, stage_kind: str):
    organisation = OrganisationFactory(name="Ziekenhuis Delftzicht", contact_email="werken@delftzicht.example.nl")
    vacancy = VacancyFactory(organisation=organisation, title="Verpleegkundige interne geneeskunde")
    candidate = CandidateFactory(organisation=organisation, full_name="Sanne de Vries", language="nl")
    application = ApplicationFactory(vacancy=vacancy, candidate=candidate)
    stage = stage_of_kind(vacancy, stage_kind)
    rejection = RejectionFactory(application=application, outcome=outcome, stage=stage, language="nl")
    for position in range(reason_count):
        _add_reason(rejection, position, stage)
    return rejection


def _add_reason(rejection, position: int, stage) -> None:
    # CV screening rejects on requirements; later stages mostly on the criteria scored there.
    use_criterion = stage.kind != StageKind.CV_SCREENING and position < 2
    if use_criterion:
        competency, description, explanation = CRITERION_REASONS[position]
        criterion = Criterion.objects.create(
            stage=stage, competency=competency, description=description, position=position
        )
        RejectionReason.objects.create(
            rejection=rejection,
            source=ReasonSource.LOW_RATING,
            criterion=criterion,
            explanation=explanation,
            position=position,
        )
        return
    kind, label, description, must_have, explanation = REQUIREMENT_REASONS[position]
    requirement = Requirement.objects.create(
        vacancy=rejection.application.vacancy, kind=kind, label=label, description=description, is_must_have=must_have
    )
    RejectionReason.objects.create(
        rejection=rejection,
        source=ReasonSource.UNMET_REQUIREMENT,
        requirement=requirement,
        explanation=explanation,
        position=position,
    )


@pytest.mark.parametrize("stage_kind", STAGES)
@pytest.mark.parametrize(("outcome", "reason_count"), OUTCOME_CASES)
def test_every_dutch_letter_variant_reads_at_b1_or_plainer(dutch_catalogue, outcome, reason_count, stage_kind):
    rejection = _rejection(outcome, reason_count, stage_kind)
    url = issue_link(candidate=rejection.application.candidate)
    msgids = template_msgids(LETTER_TEMPLATES)
    problems = []
    for variant in VARIANTS:
        rejection.personal_note = NOTES[stage_kind] if variant.note else ""
        rejection.organisation.contact_email = "werken@delftzicht.example.nl" if variant.contact else ""
        letter = render_letter(
            rejection=rejection,
            language="nl",
            candidate_url=url if variant.link else "",
            extra_context=LATER_SECTIONS if variant.later else None,
        )
        english = untranslated(f"{letter.subject}\n{letter.text}\n{letter.html}", msgids)
        if english:
            problems.append(f"{variant}: English left in the Dutch letter ({dutch_catalogue} catalogue): {english}")
        measured = measure(letter.text)
        if not measured.is_b1_or_plainer:
            problems.append(
                f"{variant}: Flesch-Douma {measured.score:.1f} (needs ≥ {B1_MIN_FLESCH_DOUMA:.0f}), "
                f"{measured.words_per_sentence:.1f} words per sentence (needs ≤ {B1_MAX_WORDS_PER_SENTENCE:.0f})"
            )
    assert not problems, f"{outcome} with {reason_count} reason(s) after {stage_kind}:\n" + "\n".join(problems)


def test_the_variants_really_differ(dutch_catalogue):
    """Guard against a matrix that renders the same letter every time (a test that cannot fail)."""
    texts = {}
    for outcome, reason_count in OUTCOME_CASES:
        for stage_kind in STAGES:
            rejection = _rejection(outcome, reason_count, stage_kind)
            texts[(outcome, reason_count, stage_kind)] = render_letter(rejection=rejection, language="nl").text
    assert len(set(texts.values())) == len(texts)
    # Expected wording comes from the catalogue (real or stand-in), so a reworded .po does not break this test.
    assert (
        _dutch("We are sorry, but we will not invite you for an interview.") in texts[("rejected", 1, "cv_screening")]
    )
    assert _dutch("We are sorry, but you will not get this job.") in texts[("rejected", 1, "interview")]
    assert _dutch("Why did we decide this?") not in texts[("withdrawn", 0, "interview")]
    assert _dutch("We apologise for this.") in texts[("cancelled", 0, "assessment")]


def _dutch(english: str) -> str:
    with translation.override("nl"):
        dutch = gettext(english)
    assert dutch != english, f"no Dutch for {english!r}"
    return dutch


def test_a_hard_letter_fails_the_b1_check():
    """The yardstick itself can fail: long sentences with long words score below B1."""
    officialese = (
        "Naar aanleiding van uw sollicitatie delen wij u mede dat de selectiecommissie na zorgvuldige "
        "afweging van alle binnengekomen sollicitaties heeft geconcludeerd dat uw kwalificaties onvoldoende "
        "aansluiten bij de functievereisten zoals geformuleerd in de vacaturetekst. "
    ) * 3
    measured = measure(officialese)
    assert not measured.is_b1_or_plainer
    assert measured.score < B1_MIN_FLESCH_DOUMA
