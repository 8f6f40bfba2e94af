"""Route planning without Django: which route closes which gap, and which routes are proposed."""

from decimal import Decimal

from nagesprek.advice.planning import (
    CRITERION,
    FamilyVacancy,
    Gap,
    RouteOption,
    Target,
    closes,
    direction_hint,
    missing_from_cv,
    plan_advice,
    routes_closing,
)
from nagesprek.matching.normalise import Vocabulary, terms_from_synonyms
from nagesprek.rejections import assessment
from nagesprek.rejections.assessment import ExperienceFact

VOCABULARY = Vocabulary.build(
    terms_from_synonyms(
        [
            ("occ:nurse", "occupation", ["Verpleegkundige", "verpleger", "en:registered nurse"]),
            ("q:forklift", "qualification", ["Heftruckcertificaat", "en:forklift licence"]),
            ("q:vca", "qualification", ["VCA", "VCA basis"]),
        ]
    )
)
LOGISTICS = {
    "Logistiek": [FamilyVacancy("Heftruckchauffeur", ("Heftruckcertificaat", "VCA"))],
    "Horeca": [FamilyVacancy("Kok", ("Diploma koken",))],
}

PARTIAL = Gap("r1", "certificate", "Deelcertificaat Anesthesiologie", status="unmet")
DIPLOMA = Gap("r2", "diploma", "Diploma Medisch secretaresse (mbo-4)", status="unmet")
TERMS = Gap("r3", "certificate", "Certificaat Medische terminologie", status="unmet")
DUTCH = Gap("r4", "language", "Nederlands", level="C1", status="unmet")
LOW = Gap("c9", CRITERION, "Klantgericht", status="low")


def route(id, title, *targets, kind="course", weeks=None, cost=None):
    return RouteOption(id, kind, title, "Aanbieder", weeks, None if cost is None else Decimal(cost), tuple(targets))


def test_a_qualification_target_closes_a_gap_of_the_same_name_written_differently():
    assert closes(Target("certificate", "deelcertificaat  anesthesiologie"), PARTIAL)
    assert closes(Target("diploma", "Diploma medisch secretaresse (MBO-4)"), DIPLOMA)
    assert not closes(Target("certificate", "Deelcertificaat Sedatie"), PARTIAL)
    assert not closes(Target("skill", "Deelcertificaat Anesthesiologie"), PARTIAL)


def test_a_language_target_closes_up_to_its_level():
    assert closes(Target("language", "Nederlands", "C1"), DUTCH)
    assert closes(Target("language", "Dutch", "C2"), DUTCH)  # assessment's language aliases apply
    assert not closes(Target("language", "Nederlands", "B2"), DUTCH)
    assert not closes(Target("language", "Engels", "C2"), DUTCH)


def test_an_education_level_closes_every_level_up_to_its_own():
    gap = Gap("r5", "education_level", "Mbo 4", level="mbo4")
    assert closes(Target("education_level", "hbo", "hbo"), gap)
    assert not closes(Target("education_level", "mbo3", "mbo3"), gap)


def test_the_matcher_is_the_one_assessment_uses_at_call_time(monkeypatch):
    monkeypatch.setattr(assessment, "names_match", lambda required, held: held == "synoniem")
    assert closes(Target("certificate", "synoniem"), PARTIAL)
    assert not closes(Target("certificate", "Deelcertificaat Anesthesiologie"), PARTIAL)


def test_routes_for_a_gap_are_shortest_first_then_cheapest_unknown_last():
    slow = route(1, "Traag", Target("certificate", PARTIAL.name), weeks=52, cost=100)
    cheap = route(2, "Goedkoop", Target("certificate", PARTIAL.name), weeks=26, cost=100)
    dear = route(3, "Duur", Target("certificate", PARTIAL.name), weeks=26, cost=900)
    unknown = route(4, "Onbekend", Target("certificate", PARTIAL.name))
    assert [r.title for r in routes_closing(PARTIAL, [unknown, slow, dear, cheap])] == [
        "Goedkoop", "Duur", "Traag", "Onbekend",
    ]  # fmt: skip


def test_one_route_closing_two_gaps_beats_two_shorter_routes():
    programme = route(1, "Opleiding", Target("diploma", DIPLOMA.name), Target("certificate", TERMS.name), weeks=40)
    diploma_only = route(2, "Diploma", Target("diploma", DIPLOMA.name), weeks=30)
    course = route(3, "Cursus", Target("certificate", TERMS.name), weeks=10)
    plan = plan_advice([DIPLOMA, TERMS], [course, diploma_only, programme])
    assert len(plan) == 1
    assert plan[0].route.title == "Opleiding"
    assert [g.key for g in plan[0].gaps] == ["r2", "r3"]
    assert [r.title for r in plan[0].alternatives] == ["Diploma"]


def test_items_follow_the_order_of_the_gaps_and_gaps_without_a_route_still_get_an_item():
    certificate = route(1, "Deelcertificaat", Target("certificate", PARTIAL.name), weeks=26)
    plan = plan_advice([DUTCH, PARTIAL], [certificate])
    assert [(item.gaps[0].key, item.route.title if item.route else None) for item in plan] == [
        ("r4", None), ("r1", "Deelcertificaat"),
    ]  # fmt: skip


def test_low_criteria_without_a_named_route_get_the_best_interview_practice():
    practice = route(7, "Sollicitatietraining", kind="interview_practice", weeks=2, cost=0)
    named = route(8, "Klantgericht communiceren", Target("competency", "Klantgericht"), weeks=4)
    other_low = Gap("c10", CRITERION, "Plannen", status="low")
    plan = plan_advice([LOW, other_low], [practice, named])
    assert [(tuple(g.key for g in item.gaps), item.route.title) for item in plan] == [
        (("c9",), "Klantgericht communiceren"), (("c10",), "Sollicitatietraining"),
    ]  # fmt: skip


def test_no_routes_no_gaps_no_items():
    assert plan_advice([], [route(1, "X", Target("certificate", "X"))]) == []


def test_cv_advice_names_what_the_cv_does_not_mention():
    cv = "Mbo 4 Secretaresse. Werken met Microsoft Office. Notuleren en agendabeheer."
    names = ["Diploma Secretaresse (mbo-4)", "Notuleren", "Werken met SAP", "Agendabeheer"]
    assert missing_from_cv(names, cv) == ["Werken met SAP"]
    assert missing_from_cv(names, "") == []  # without a CV text there is nothing to compare


def test_direction_only_when_the_applied_family_fits_none_of_the_roles_and_another_does():
    roles = (ExperienceFact("Secretaresse", 11), ExperienceFact("Directiesecretaresse", 14))
    families = {"Facilitair": ["Secretaresse facilitair"], "Medisch secretariaat": ["Medisch secretaresse Oncologie"]}
    assert direction_hint(roles, "Facilitair", families) is None
    hint = direction_hint(roles, "Anesthesie en OK", {**families, "Anesthesie en OK": ["Anesthesiemedewerker"]})
    assert hint is not None and hint.family in ("Facilitair", "Medisch secretariaat")
    assert "Secretaresse" in hint.roles
    assert direction_hint((ExperienceFact("Kok", 3),), "Facilitair", families) is None


def test_direction_by_what_the_candidate_holds_when_a_vacancy_asks_exactly_that():
    hint = direction_hint((ExperienceFact("Receptionist", 4),), "Zorg", LOGISTICS, holds=["VCA", "Heftruckcertificaat"])

    assert hint is not None and hint.family == "Logistiek"
    assert hint.held == ("Heftruckcertificaat", "VCA") and hint.held_for == "Heftruckchauffeur"
    assert hint.roles == ()  # the experience does not fit; what the candidate holds does


def test_holding_only_part_of_what_a_vacancy_asks_is_no_direction():
    assert direction_hint((ExperienceFact("Receptionist", 4),), "Zorg", LOGISTICS, holds=["VCA"]) is None


def test_the_vocabulary_makes_an_english_or_other_name_count():
    holds = ["forklift licence", "VCA-basis"]
    assert direction_hint((), "Zorg", LOGISTICS, holds=holds) is None  # by name alone these differ
    hint = direction_hint((), "Zorg", LOGISTICS, holds=holds, match=VOCABULARY.matcher())
    assert hint is not None and hint.family == "Logistiek"


def test_a_role_fits_a_title_through_the_vocabulary():
    families = {"Verpleging": [FamilyVacancy("Verpleegkundige")]}
    roles = (ExperienceFact("Registered nurse", 5),)
    assert direction_hint(roles, "Logistiek", families) is None  # no word in common
    hint = direction_hint(roles, "Logistiek", families, match=VOCABULARY.matcher())
    assert hint is not None and hint.roles == ("Registered nurse",) and hint.titles == ("Verpleegkundige",)


def test_a_family_that_fits_both_ways_wins_over_one_that_fits_by_experience_only():
    families = {
        "A-Facilitair": [FamilyVacancy("Receptionist facilitair", ("Diploma horeca",))],
        "B-Logistiek": [FamilyVacancy("Heftruckchauffeur", ("VCA",)), FamilyVacancy("Receptionist magazijn")],
    }
    roles = (ExperienceFact("Receptionist", 6),)

    hint = direction_hint(roles, "Zorg", families, holds=["VCA"])

    assert hint is not None and hint.family == "B-Logistiek" and hint.held == ("VCA",)
