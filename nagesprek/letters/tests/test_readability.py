import pytest

from nagesprek.letters.readability import (
    Verdict,
    count_syllables_nl,
    flesch_douma,
    measure,
    sentences,
    words,
)


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        # one vowel group per syllable, long vowels and diphthongs counted once
        ("kat", 1),
        ("boek", 1),
        ("huis", 1),
        ("tijd", 1),
        ("leuk", 1),
        ("koud", 1),
        ("auto", 2),
        ("gesprek", 2),
        ("moeilijk", 2),
        ("ervaring", 3),
        ("eigenlijk", 3),
        ("opleiding", 3),
        ("uitnodigen", 4),
        ("vriendelijke", 4),
        ("sollicitatie", 5),
        ("organisatie", 5),
        ("verpleegkundige", 5),
        # three-letter groups
        ("eeuw", 1),
        ("nieuw", 1),
        ("mooi", 1),
        ("groei", 1),
        ("draaien", 2),
        ("ooievaar", 3),
        # vowels that meet without forming a group
        ("beamen", 3),
        ("theater", 3),
        ("januari", 4),
        ("sociaal", 3),
        ("video", 3),
        # a trema or accent starts a new syllable, or marks a long vowel
        ("ruïne", 3),
        ("België", 3),
        ("geëerd", 2),
        ("ideeën", 3),
        ("knieën", 2),
        ("poëzie", 3),
        ("één", 1),
        ("café", 2),
        # final -e is spoken in Dutch (a syllable), but not in these English loanwords
        ("grote", 2),
        ("website", 2),
        ("online", 2),
        ("update", 2),
        ("team", 1),
        ("teamleider", 3),
        ("e-mail", 2),
        ("e-mailadres", 4),
        ("interview", 3),
        # abbreviations are spelled out, the plural 's adds nothing here
        ("cv", 2),
        ("cv's", 2),
        ("HBO", 3),
        ("VCA-certificaat", 7),
        ("BIG-registratie", 5),
        # digits: one syllable each
        ("2027", 4),
    ],
)
def test_dutch_syllables(word, syllables):
    assert count_syllables_nl(word) == syllables


def test_empty_word_has_no_syllables():
    assert count_syllables_nl("") == 0


def test_words_keep_hyphenated_compounds_and_apostrophes_together():
    assert words("Je cv's en je e-mailadres, 3 keer.") == ["Je", "cv's", "en", "je", "e-mailadres", "3", "keer"]


def test_sentences_end_at_punctuation_and_at_line_breaks():
    text = "Waarom niet?\nDit is de reden: je mist een diploma. Dat is jammer!\n\n"
    assert sentences(text) == ["Waarom niet?", "Dit is de reden: je mist een diploma.", "Dat is jammer!"]


def test_flesch_douma_follows_the_formula():
    text = "De kat zit op de mat. Hij slaapt."
    measured = measure(text)
    assert (measured.words, measured.sentences, measured.syllables) == (8, 2, 8)
    assert flesch_douma(text) == pytest.approx(206.84 - 0.77 * 100 - 0.93 * 4)


def test_addresses_and_list_markers_do_not_count_as_words():
    with_noise = "1. Lees je brief op https://example.nl/c/abc123/ of mail naar werk@example.nl.\n- Dank je."
    plain = "Lees je brief op of mail naar.\nDank je."
    assert measure(with_noise) == measure(plain)


def test_plain_b1_text_passes_and_officialese_does_not():
    plain = (
        "Bedankt voor je sollicitatie. We hebben je brief goed gelezen. "
        "Het spijt ons, maar we nodigen je niet uit. Voor deze baan is een diploma nodig."
    )
    officialese = (
        "Naar aanleiding van uw sollicitatie delen wij u mede dat de selectiecommissie na zorgvuldige afweging "
        "heeft geconcludeerd dat uw kwalificaties onvoldoende aansluiten bij de geformuleerde functievereisten."
    )
    assert measure(plain).is_b1_or_plainer
    assert measure(plain).verdict in (Verdict.FAIRLY_EASY, Verdict.EASY, Verdict.VERY_EASY)
    assert not measure(officialese).is_b1_or_plainer
    assert measure(officialese).verdict in (Verdict.VERY_DIFFICULT, Verdict.DIFFICULT)


def test_short_words_in_one_endless_sentence_still_fail_on_sentence_length():
    endless = " ".join(["we zien dat je het werk goed doet en dat je er zin in hebt"] * 3) + "."
    measured = measure(endless)
    assert measured.words_per_sentence > 15
    assert not measured.is_b1_or_plainer
