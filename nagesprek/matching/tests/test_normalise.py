"""Normalisation: real Dutch and English names that must, and must not, resolve to the same concept."""

import pytest

from nagesprek.matching.normalise import Term, Vocabulary, fold, split_compound, terms_from_synonyms, text_terms

VOCABULARY = Vocabulary.build(
    terms_from_synonyms(
        [
            ("occ:nurse", "occupation", ["verpleegkundige", "verpleger", "en:nurse"]),
            ("occ:midwife", "occupation", ["verloskundige", "en:midwife"]),
            ("occ:forklift", "occupation", ["chauffeur heftruck", "en:forklift driver"]),
            ("occ:anaesthesia", "occupation", ["medewerker anesthesie", "en:anaesthesia assistant"]),
            ("skill:excel", "skill", ["Excel", "Microsoft Excel"]),
            ("qual:c", "qualification", ["rijbewijs C", "vrachtwagenrijbewijs", "en:truck driving licence"]),
            ("qual:ce", "qualification", ["rijbewijs CE"]),
            ("qual:vca", "qualification", ["VCA", "VCA basis"]),
            ("qual:big", "qualification", ["BIG-registratie"]),
        ]
    )
)


@pytest.mark.parametrize(
    ("written", "concept"),
    [
        ("Verpleegkundigen", "occ:nurse"),  # plural
        ("verplegers", "occ:nurse"),  # synonym, plural
        ("Nurses", "occ:nurse"),  # English, plural
        ("heftruckchauffeur", "occ:forklift"),  # joined compound against "chauffeur heftruck"
        ("Heftruckchauffeurs", "occ:forklift"),  # joined and inflected
        ("anesthesiemedewerker", "occ:anaesthesia"),
        ("Medewerkers Anesthesie", "occ:anaesthesia"),
        ("Microsoft Excel", "skill:excel"),
        ("Microsft Excel", "skill:excel"),  # typo
        ("Verpleegkunidge", "occ:nurse"),  # swapped letters
        ("Rijbewijs-C", "qual:c"),
        ("vrachtwagen rijbewijs", "qual:c"),
        ("truck driving license", "qual:c"),  # English, American spelling (stem)
        ("VCA-basis", "qual:vca"),
        ("BIG registratie", "qual:big"),
        ("Anesthésie medewerker", "occ:anaesthesia"),  # accent
    ],
)
def test_names_people_write_resolve_to_the_concept(written, concept):
    assert VOCABULARY.resolve(written) == concept


@pytest.mark.parametrize(
    ("written", "concept"),
    [
        ("Verloskundige", "occ:midwife"),  # shares "-kundige" with verpleegkundige, ratio ≈ 79 < 88
        ("rijbewijs CE", "qual:ce"),  # one letter more than "rijbewijs C": a different licence
        ("Rijbewijs C", "qual:c"),
    ],
)
def test_names_that_look_alike_stay_apart(written, concept):
    assert VOCABULARY.resolve(written) == concept


@pytest.mark.parametrize("written", ["Rijbewijs E", "VCV", "verpleging thuis", "chauffeur", "Excelsior"])
def test_names_outside_the_vocabulary_do_not_resolve(written):
    assert VOCABULARY.resolve(written) is None


def test_typos_are_tolerated_only_when_asked():
    assert VOCABULARY.resolve("Microsft Excel", fuzzy=False) is None


def test_compounds_split_only_into_vocabulary_words():
    heads = VOCABULARY.head_words
    assert split_compound("heftruckchauffeur", heads) == ["heftruck", "chauffeur"]
    assert split_compound("vrachtwagenchauffeur", heads) == ["vrachtwagenchauffeur"]  # "vrachtwagen" unknown alone
    assert split_compound("kaaswinkel", heads) == ["kaaswinkel"]


def test_fold_and_text_terms():
    assert fold("Anesthésie-medewerker (OK)") == "anesthesie medewerker ok"
    terms = text_terms("Ervaren heftruckchauffeur met rijbewijzen", head_words=VOCABULARY.head_words)
    assert {"heftruckchauffeur", "heftruck", "chauffeur", "rijbewijs"} <= set(terms)
    assert "met" not in terms


def test_same_compares_unknown_names_by_key():
    assert VOCABULARY.same("Deelcertificaat Anesthesiologie", "deelcertificaat anesthesiologie")
    assert not VOCABULARY.same("Rijbewijs C", "Rijbewijs CE")
    assert VOCABULARY.same("verpleger", "Verpleegkundige")


def test_a_key_claimed_twice_keeps_the_first_concept():
    vocab = Vocabulary.build([Term("a", "Secretaresse"), Term("b", "secretaresse")])
    assert vocab.resolve("secretaresses") == "a"
