"""Readability of Dutch text: Flesch-Douma with a Dutch syllable counter. Plain Python, no Django.

Flesch-Douma (W.H. Douma, 1960, Flesch's reading ease adapted to Dutch):

    score = 206.84 - 0.77 * (syllables per 100 words) - 0.93 * (words per sentence)

Douma's own norm table (reproduced in Tijdschrift voor Taalbeheersing / DBNL,
https://dbnl.org/tekst/_taa014197701_01/_taa014197701_01_0089.php): 0-30 very difficult,
30-45 difficult, 45-60 fairly difficult, 60-70 normal, 70-80 fairly easy, 80-90 easy,
90-100 very easy. "Normal" (60-70) is the level of the end of primary school and lower
secondary education, which is where B1 readers are; so a letter counts as B1 or plainer
when it scores at least 60 **and** its sentences average at most 15 words (B1 writing
guidance: short sentences, about ten words on average, at most one subordinate clause,
e.g. https://hvds.nl/tipsentricks/schrijven-op-b1-niveau/). A formula cannot judge word
choice or structure; it is a floor, not proof.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

B1_MIN_FLESCH_DOUMA = 60.0
B1_MAX_WORDS_PER_SENTENCE = 15.0

# Vowel groups that are pronounced as one syllable, longest first (matched greedily).
# "ij" is folded into one letter before counting (see _fold_ij).
_TRIPHTHONGS = ("aai", "ooi", "oei", "eeu", "ieu")
_DIGRAPHS = ("aa", "ee", "oo", "uu", "ie", "oe", "eu", "ei", "ui", "ou", "au", "ai", "ay", "ey", "oy")
_VOWEL_GROUPS = _TRIPHTHONGS + _DIGRAPHS
_IJ = "\u0133"  # ĳ: one vowel letter in Dutch spelling
_VOWELS = frozenset("aeiouy" + _IJ)
# A trema (ë, ï, ü, ö, ä) always starts a new syllable: geëerd, ruïne, België.
_TREMA = frozenset("äëïöü")

# Loanwords common in job letters whose spelling the Dutch rules miscount (mostly a silent
# English final -e, or "ea"/"oa" read as one vowel). Matched as the start of a word, so
# compounds such as "teamleider" or "websites" are counted right too.
_LOANWORD_STEMS = {
    "online": 2,
    "offline": 2,
    "website": 2,
    "software": 2,
    "hardware": 2,
    "update": 2,
    "service": 2,
    "office": 2,
    "template": 2,
    "coach": 1,
    "team": 1,
    "mail": 1,
    "live": 1,
    "game": 1,
    "site": 1,
    "timing": 2,
    "feedback": 2,
    "interview": 3,
    "skype": 1,
}
_LOANWORDS_LONGEST_FIRST = sorted(_LOANWORD_STEMS, key=len, reverse=True)
# Upper-case abbreviations are spelled out letter by letter (HBO = ha-be-o), except these.
_ACRONYMS_READ_AS_WORDS = frozenset({"big", "nato"})

_APOSTROPHES = "'\u2019"
_WORD_RE = re.compile(rf"[^\W\d_]+(?:[{_APOSTROPHES}\-][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+")
_LIST_MARKER_RE = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s+", re.MULTILINE)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+|\n+")


def count_syllables_nl(word: str) -> int:
    """The number of syllables in one Dutch word (hyphenated compounds and digits included).

    Vowel groups (aa, ee, ie, oe, ij, ui, ou, eeu, ooi, ...) count once; a trema starts a
    new syllable; a word without vowels (cv, 's) and a short upper-case abbreviation (HBO)
    are spelled out, one syllable per letter; digits count one syllable each. Good enough
    for a readability score, not for hyphenation.
    """
    word = word.strip()
    if not word:
        return 0
    if word[0].isdigit():
        return sum(character.isdigit() for character in word)
    parts = [part for part in re.split("[-\u2013]", word) if part]
    return sum(_count_part(part) for part in parts) or 1


def _count_part(part: str) -> int:
    part = re.sub(
        rf"[{_APOSTROPHES}]s$", "", part
    )  # cv's, auto's: the possessive/plural 's adds no syllable of its own here
    letters = "".join(character for character in part if character.isalpha())
    if not letters:
        return 0
    if letters.isupper() and 1 < len(letters) <= 5 and letters.lower() not in _ACRONYMS_READ_AS_WORDS:
        return len(letters)
    lowered = letters.lower()
    for stem in _LOANWORDS_LONGEST_FIRST:
        if lowered.startswith(stem):
            rest = lowered[len(stem) :]
            return _LOANWORD_STEMS[stem] + (_count_vowel_groups(rest) if rest else 0)
    return _count_vowel_groups(lowered) or len(lowered)


def _count_vowel_groups(word: str) -> int:
    count = 0
    for run in re.findall(rf"[{''.join(_VOWELS)}{''.join(_TREMA)}áéíóúàèìòùâêîôû]+", _fold_ij(word)):
        count += _syllables_in_vowel_run(run)
    return count


def _fold_ij(word: str) -> str:
    return word.replace("ij", _IJ)


def _syllables_in_vowel_run(run: str) -> int:
    """Split one run of vowels into syllables: known groups greedily, a trema always starts anew."""
    bare = _strip_accents(run)
    count = 0
    position = 0
    while position < len(run):
        count += 1
        position += _group_length_at(run, bare, position)
    return count


def _group_length_at(run: str, bare: str, position: int) -> int:
    for group in _VOWEL_GROUPS:
        end = position + len(group)
        if bare[position:end] == group and not any(character in _TREMA for character in run[position + 1 : end]):
            return len(group)
    return 1


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def sentences(text: str) -> list[str]:
    """Sentences (and lines: a heading or list item is a unit of its own) that hold at least one word."""
    return [chunk for chunk in _SENTENCE_END_RE.split(text) if _WORD_RE.search(chunk)]


def prose(text: str) -> str:
    """The readable prose of a letter: without web addresses, e-mail addresses and list markers."""
    return _LIST_MARKER_RE.sub("", _URL_RE.sub("", text))


class Verdict(StrEnum):
    """Douma's norm table."""

    VERY_DIFFICULT = "very_difficult"
    DIFFICULT = "difficult"
    FAIRLY_DIFFICULT = "fairly_difficult"
    NORMAL = "normal"
    FAIRLY_EASY = "fairly_easy"
    EASY = "easy"
    VERY_EASY = "very_easy"


_VERDICT_FLOORS = (
    (90, Verdict.VERY_EASY),
    (80, Verdict.EASY),
    (70, Verdict.FAIRLY_EASY),
    (60, Verdict.NORMAL),
    (45, Verdict.FAIRLY_DIFFICULT),
    (30, Verdict.DIFFICULT),
)


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def syllables_per_100_words(self) -> float:
        return 100 * self.syllables / self.words if self.words else 0.0

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def score(self) -> float:
        return 206.84 - 0.77 * self.syllables_per_100_words - 0.93 * self.words_per_sentence

    @property
    def verdict(self) -> Verdict:
        return next((verdict for floor, verdict in _VERDICT_FLOORS if self.score >= floor), Verdict.VERY_DIFFICULT)

    @property
    def is_b1_or_plainer(self) -> bool:
        return self.score >= B1_MIN_FLESCH_DOUMA and self.words_per_sentence <= B1_MAX_WORDS_PER_SENTENCE


def measure(text: str) -> Readability:
    """Count words, sentences and syllables of a letter's prose (addresses and list markers left out)."""
    text = prose(text)
    found = words(text)
    return Readability(
        words=len(found),
        sentences=len(sentences(text)),
        syllables=sum(count_syllables_nl(word) for word in found),
    )


def flesch_douma(text: str) -> float:
    """The Flesch-Douma reading ease of Dutch text (higher is easier; see the module docstring)."""
    return measure(text).score
