"""The gate's substance rules: no reason, too short, stock phrase alone, no target, unnamed comparison."""

import pytest
from django.utils import translation

from nagesprek.rejections import gate
from nagesprek.rejections.gate import ProblemCode, ReasonText
from nagesprek.rejections.selectors import default_gate_rules

RULES = default_gate_rules()
GOOD = "De functie vraagt Nederlands op C1-niveau, schriftelijk. Uw schrijfopdracht liet niveau B1 zien."


def codes(reasons, **kwargs):
    return [p.code for p in gate.check(reasons, RULES, "nl", **kwargs)]


def test_a_rejection_without_reasons_is_refused():
    assert codes([]) == [ProblemCode.NO_REASON]


def test_withdrawn_or_cancelled_needs_no_reasons():
    assert codes([], reasons_required=False) == []


def test_a_good_reason_passes():
    assert codes([ReasonText(GOOD, requirement_id=3)]) == []


@pytest.mark.parametrize(
    "text",
    [
        "We hebben voor een andere kandidaat gekozen.",
        "Helaas hebben wij gekozen voor een kandidaat die beter aansloot.",  # reworded
        "Er waren andere kandidaten die beter aansloten bij het profiel.",  # reworded
        "Wij hebben besloten verder te gaan met een andere sollicitant.",  # reworded
        "Er waren kandidaten die beter aansloten.",
        "Helaas.",
        "Not a fit.",
        "Unfortunately we went with another candidate.",
        "We have decided to move forward with other candidates who matched the profile better.",
        "we hebben voor een andere kandiaat gekozen",  # typo
        "Gekozen hebben we voor een andere kandidaat, helaas.",  # word order
    ],
)
def test_stock_phrases_alone_are_refused(text):
    assert codes([ReasonText(text, requirement_id=1)]) == [ProblemCode.BOILERPLATE]


def test_a_stock_phrase_with_substance_passes():
    text = "Een andere kandidaat scoorde hoger op plannen en organiseren: 4 van 4, u scoorde 2 van 4."
    assert codes([ReasonText(text, criterion_id=1, target_label="Plannen en organiseren")]) == []


@pytest.mark.parametrize("text", ["Onvoldoende ervaring.", "Uw Nederlands is niet goed genoeg.", "Geen BIG."])
def test_too_short_is_refused(text):
    assert codes([ReasonText(text, requirement_id=1)]) == [ProblemCode.TOO_SHORT]


def test_seven_words_and_enough_characters_are_long_enough():
    assert codes([ReasonText("Uw Nederlands is B1; de functie vraagt C1.", requirement_id=1)]) == []


def test_a_reason_must_point_at_a_requirement_or_criterion():
    assert codes([ReasonText(GOOD)]) == [ProblemCode.NO_TARGET]


def test_a_comparison_must_name_the_criterion():
    text = "Een andere kandidaat scoorde in het tweede gesprek duidelijk hoger dan u."
    problems = gate.check([ReasonText(text, criterion_id=4, target_label="Klantgerichtheid")], RULES, "nl")
    assert [p.code for p in problems] == [ProblemCode.UNNAMED_COMPARISON]
    assert "Klantgerichtheid" in problems[0].message


def test_each_problem_is_reported_once_with_its_reason_number():
    reasons = [
        ReasonText(GOOD, requirement_id=1),
        ReasonText("Helaas.", requirement_id=2),
        ReasonText("U bent met uw 58 jaar te oud voor het werk in ons jonge team.", requirement_id=3),
    ]
    with translation.override("en"):  # messages are for the recruiter, in the language of their page
        problems = gate.check(reasons, RULES, "en")
    assert [(p.reason_index, p.code) for p in problems] == [
        (1, ProblemCode.BOILERPLATE),
        (2, ProblemCode.PROTECTED_GROUND),
    ]
    assert "Reason 3" in problems[1].message


def test_rules_are_data_an_organisation_can_extend():
    rules = gate.GateRules(
        grounds=(gate.GroundRule("age", "Age", ("senior*",), ("senior beleidsmedewerker",), "nl", "en"),),
        boilerplate=("past niet in ons plaatje",),
    )
    assert [p.code for p in gate.check([ReasonText("Past niet in ons plaatje.", 1)], rules, "nl")] == [
        ProblemCode.BOILERPLATE
    ]
    text = "Voor deze rol zochten we een senior met tien jaar ervaring in de zorg."
    assert [p.term for p in gate.check([ReasonText(text, 1)], rules, "nl")] == ["senior"]
    allowed = "De functie van senior beleidsmedewerker vraagt vijf jaar ervaring met wetgeving."
    assert gate.check([ReasonText(allowed, 1)], rules, "nl") == []


@pytest.mark.parametrize(
    ("term", "text", "hit"),
    [
        ("zwanger*", "zwangerschapsverlof", True),
        ("*plusser*", "55 plusser", True),
        ("bent * jaar", "u bent 58 jaar", True),
        ("bent * jaar", "u bent jaar", False),
        ("homo", "homogene groep", False),
        ("te oud", "te oude software", False),
    ],
)
def test_term_patterns(term, text, hit):
    assert bool(gate.compile_term(term).search(gate.normalise(text))) is hit
