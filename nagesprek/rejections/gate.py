"""The quality gate: a rejection is only sent with reasons of substance and nothing about protected grounds.

Pure logic over plain data: the rules (``GateRules``) come from the organisation's
``ProtectedGround`` and ``BoilerplatePhrase`` rows (``selectors.load_gate_rules``),
the reasons are plain ``ReasonText`` values. No ORM here, so the gate can be
tested on hundreds of real phrasings in milliseconds and run on every letter of
a bulk rejection. Messages are for the recruiter, in the active UI language.

Matching works on a normalised text (lower case, no accents, punctuation as
spaces, "+" as " plus ", "collega's" as "collegas"). A term is a word or a
phrase; ``*`` inside a word stands for any letters ("zwanger*" also catches
"zwangerschapsverlof"), a lone ``*`` for any one word ("bent * jaar").
An allowed phrase that covers a match excuses it ("oudere versie" for "oudere").

Substance (decided here, shown to the recruiter in the message):

* **Too short**: fewer than ``MIN_WORDS`` (7) words or ``MIN_CHARACTERS`` (35)
  characters. The shortest useful reason names the requirement *and* what the
  candidate showed ("Uw Nederlands is B1; de functie vraagt C1." is 7 words);
  below that a text cannot do both. Characters alone would punish English,
  which is shorter than Dutch; words alone would let "Nee." pass as "N e e".
* **Boilerplate alone**: every word of the reason is a word of a stock phrase or
  a function word (fuzzily, so a typo or a reordering does not slip through).
  A stock phrase *plus* substance passes: "Een andere kandidaat scoorde hoger
  op plannen en organiseren" names a criterion.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from django.utils import translation
from django.utils.translation import gettext as _

MIN_WORDS = 7
MIN_CHARACTERS = 35
# Words that carry no substance of their own, in Dutch and English; stock phrases add theirs.
FUNCTION_WORDS = frozenset(
    str.split(
        """
    de het een en of maar dus want wij we ons onze u uw je jij jouw jullie zij ze hij zij haar zijn hun ik mijn
    is was waren ben bent zijn wordt werd worden heeft hebben had hadden hebt zal zullen zou zouden kan kunnen
    kon konden wil willen wilde mag mogen moet moeten
    dat die dit deze daar er hier als dan om te tot voor na naar van met bij op in aan uit over door zonder
    niet geen wel ook nog al zeer heel erg meer minder beter zo nu toen
    helaas jammer spijt sorry bedankt dank danken hartelijk vriendelijk groet groeten succes toekomst veel
    graag interesse sollicitatie sollicitatieprocedure procedure brief reactie besluit besloten beslissing
    the a an and or but so to of for from with by on in at as is was were are be been being have has had
    we our us you your they them he she his her it its i my me this that these those there here who which whom
    not no also very more most better than then now
    unfortunately regret sorry thank thanks thanked appreciate kind regards wish luck future interest
    application process procedure decision decided letter
    """
    )
)
_COMPARISON = re.compile(
    r"\b(andere|betere|sterkere|geschiktere) (kandidaat|kandidaten|sollicitant\w*)\b|\bandere kandida\w*"
    r"|\b(scoorde|scoorden|scoort)\w* (hoger|beter)\b|\banother candidate\b|\bother candidates?\b"
    r"|\b(stronger|better|more suitable) candidates?\b|\bscored (higher|better)\b"
)


class ProblemCode(StrEnum):
    NO_REASON = "no_reason"
    TOO_SHORT = "too_short"
    BOILERPLATE = "boilerplate"
    NO_TARGET = "no_target"
    UNNAMED_COMPARISON = "unnamed_comparison"
    PROTECTED_GROUND = "protected_ground"


@dataclass(frozen=True)
class GroundRule:
    """One protected ground with the words that reveal it (data, per organisation)."""

    ground: str
    label: str
    terms: tuple[str, ...]
    exceptions: tuple[str, ...] = ()
    explanation_nl: str = ""
    explanation_en: str = ""

    def explanation(self, language: str) -> str:
        return self.explanation_nl if language.startswith("nl") else self.explanation_en

    @cached_property
    def _term_patterns(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple((term, compile_term(term)) for term in self.terms if normalise(term, keep_star=True))

    @cached_property
    def _exception_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(compile_term(phrase) for phrase in self.exceptions if normalise(phrase, keep_star=True))

    def first_match(self, normalised_text: str) -> str | None:
        """The first wording in the text that reveals this ground, unless an allowed phrase covers it."""
        allowed = [m.span() for pattern in self._exception_patterns for m in pattern.finditer(normalised_text)]
        hits = []
        for _term, pattern in self._term_patterns:
            for match in pattern.finditer(normalised_text):
                if not any(start <= match.start() and match.end() <= end for start, end in allowed):
                    hits.append((match.start(), match.group()))
        return min(hits)[1] if hits else None


@dataclass(frozen=True)
class GateRules:
    grounds: tuple[GroundRule, ...] = ()
    boilerplate: tuple[str, ...] = ()

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word that on its own says nothing: function words and the words of the stock phrases."""
        words = {w for phrase in self.boilerplate for w in normalise(phrase).split()}
        return frozenset(words | FUNCTION_WORDS)

    @cached_property
    def _fuzzy_cache(self) -> dict[str, bool]:
        return {}

    def is_filler(self, word: str) -> bool:
        """Whether a word belongs to the stock vocabulary, allowing a typo in longer words."""
        if word in self.vocabulary:
            return True
        if len(word) < 5:
            return False
        cache = self._fuzzy_cache
        if word not in cache:
            cache[word] = bool(difflib.get_close_matches(word, self.vocabulary, n=1, cutoff=0.8))
        return cache[word]

    def closest_phrase(self, normalised_text: str) -> str:
        if not self.boilerplate:
            return ""
        return max(
            self.boilerplate,
            key=lambda p: difflib.SequenceMatcher(None, normalise(p), normalised_text).ratio(),
        )


@dataclass(frozen=True)
class ReasonText:
    """What the gate reads of one reason: its text and what it points at."""

    explanation: str
    requirement_id: int | None = None
    criterion_id: int | None = None
    target_label: str = ""


@dataclass(frozen=True)
class Problem:
    """One reason the gate refuses, with a message for the recruiter.

    ``reason_index`` is the 0-based position in the checked reasons; None for
    the letter as a whole (no reason at all) or the personal note (``field``
    says which).
    """

    code: ProblemCode
    message: str
    reason_index: int | None = None
    field: str = "reasons"
    ground: str = ""
    term: str = ""


def normalise(text: str, *, keep_star: bool = False) -> str:
    """Lower case, no accents, "+" as " plus ", apostrophes dropped, other punctuation as single spaces."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("+", " plus ")
    plain = re.sub("['`\u2018\u2019\u00b4]", "", plain)
    keep = r"[^\w*]+" if keep_star else r"[^\w]+"
    return " ".join(re.sub(keep, " ", plain).replace("_", " ").split())


def compile_term(term: str) -> re.Pattern[str]:
    """A term or phrase as a regular expression over normalised text (see the module docstring)."""
    parts = []
    for token in normalise(term, keep_star=True).split():
        if token == "*":  # noqa: S105 - a wildcard, not a password
            parts.append(r"\w+")
        else:
            parts.append(r"\w*".join(re.escape(piece) for piece in token.split("*")))
    return re.compile(r"(?<!\w)" + " ".join(parts) + r"(?!\w)")


def check(
    reasons: Sequence[ReasonText],
    rules: GateRules,
    language: str | None = None,
    *,
    reasons_required: bool = True,
    personal_note: str = "",
) -> list[Problem]:
    """Everything that stops these reasons from going out, one problem per issue; empty means the gate is open.

    ``language`` picks the Dutch or English explanation of a protected ground
    (default: the active language). ``reasons_required`` is False for outcomes
    that need no reasons (withdrawn, cancelled); the reasons given are still checked.
    """
    language = language or translation.get_language() or "nl"
    problems: list[Problem] = []
    if reasons_required and not reasons:
        problems.append(
            Problem(
                ProblemCode.NO_REASON,
                _(
                    "A rejection needs at least one reason. Add a reason that points at a requirement or "
                    "criterion of this vacancy and says what the candidate did not (yet) meet."
                ),
            )
        )
    for index, reason in enumerate(reasons):
        problems.extend(_check_reason(index, reason, rules, language))
    if personal_note.strip():
        problems.extend(_protected_ground_problems(None, personal_note, rules, language, field="personal_note"))
    return problems


def _check_reason(index: int, reason: ReasonText, rules: GateRules, language: str) -> list[Problem]:
    number = index + 1
    problems = []
    if reason.requirement_id is None and reason.criterion_id is None:
        problems.append(
            Problem(
                ProblemCode.NO_TARGET,
                _("Reason %(number)s does not point at a requirement or criterion. Choose the one it is about.")
                % {"number": number},
                index,
            )
        )
    substance = _substance_problem(index, reason, rules)
    if substance is not None:
        problems.append(substance)
    problems.extend(_protected_ground_problems(index, reason.explanation, rules, language))
    return problems


def _substance_problem(index: int, reason: ReasonText, rules: GateRules) -> Problem | None:
    number = index + 1
    text = normalise(reason.explanation)
    words = text.split()
    if words and all(rules.is_filler(word) for word in words):
        return Problem(
            ProblemCode.BOILERPLATE,
            _(
                "Reason %(number)s only says a stock phrase, such as “%(phrase)s”. Say which requirement or "
                "criterion was not met and what the record shows."
            )
            % {"number": number, "phrase": rules.closest_phrase(text) or reason.explanation.strip()},
            index,
        )
    if len(words) < MIN_WORDS or len(reason.explanation.strip()) < MIN_CHARACTERS:
        return Problem(
            ProblemCode.TOO_SHORT,
            _(
                "Reason %(number)s is too short (%(words)s words). In at least %(min_words)s words, say what "
                "the requirement or criterion asks and what the candidate showed."
            )
            % {"number": number, "words": len(words), "min_words": MIN_WORDS},
            index,
        )
    if _COMPARISON.search(text) and reason.target_label and not _names_label(text, reason.target_label):
        return Problem(
            ProblemCode.UNNAMED_COMPARISON,
            _(
                "Reason %(number)s compares the candidate with others but does not name “%(criterion)s”. "
                "Say on which criterion another candidate scored higher."
            )
            % {"number": number, "criterion": reason.target_label},
            index,
        )
    return None


def _names_label(text: str, label: str) -> bool:
    """Whether the text mentions the requirement or criterion (one of its meaningful words, or their stem)."""
    words = set(text.split())
    significant = [w for w in normalise(label).split() if len(w) >= 3 and w not in FUNCTION_WORDS]
    if not significant:
        return True
    return any(w in words or (len(w) >= 5 and any(t.startswith(w[:5]) for t in words)) for w in significant)


def _protected_ground_problems(
    index: int | None, text: str, rules: GateRules, language: str, *, field: str = "reasons"
) -> list[Problem]:
    normalised = normalise(text)
    problems = []
    for rule in rules.grounds:
        term = rule.first_match(normalised)
        if term is None:
            continue
        params = {"term": term, "ground": rule.label, "explanation": rule.explanation(language)}
        if index is None:
            message = _("The personal note mentions “%(term)s”, which touches on a protected ground (%(ground)s).")
        else:
            params["number"] = str(index + 1)
            message = _("Reason %(number)s mentions “%(term)s”, which touches on a protected ground (%(ground)s).")
        message = (message % params) + " " + params["explanation"]
        problems.append(Problem(ProblemCode.PROTECTED_GROUND, message.strip(), index, field, rule.ground, term))
    return problems
