"""Text normalisation for matching: from what people write to canonical concept ids.

Plain Python (no Django): the selectors, the engine's callers, the rejection
assessment and the benchmark all use it the same way.

A name ("Heftruckchauffeurs", "chauffeur heftruck", "forklift driver",
"Microsft Excel") becomes a *key*: folded (casefold, accents and punctuation
gone), tokenised, compounds split against the vocabulary's own words, each
token stemmed (Dutch Snowball, or English), and the stems sorted, so word order
does not matter. The ``Vocabulary`` maps keys of every label of a concept
(preferred, alternative, hidden; Dutch and English) to the concept id.

Decisions (they decide what counts as "the same"):

* **Compounds** are split only into parts that are themselves words of the
  vocabulary ("head words"), at most into three parts, allowing the Dutch
  linking letters ``s``/``en``/``e`` between them. So "heftruckchauffeur" and
  "chauffeur heftruck" share a key, but a free-text word is never cut into
  arbitrary pieces.
* **Typos** are tolerated only against vocabulary labels, never in free text,
  with ``rapidfuzz.fuzz.ratio >= TYPO_THRESHOLD`` (87) on the folded label of at
  least ``TYPO_MIN_LENGTH`` (6) characters, and only when the short tokens
  (codes such as C, CE, BE, B2, and all digits) are identical. ``ratio`` is
  the normalised Indel similarity: one substituted or swapped letter in an
  eight-letter name ("wondzorg"/"wondzoeg") scores 87.5, in ten letters 90, one
  missing letter in eight scores 93, while different Dutch
  professions that share a suffix ("verpleegkundige"/"verloskundige") score
  about 79, and a different licence class ("rijbewijs C"/"rijbewijs CE") is
  stopped by the short-token rule.
* **Stemming** uses Dutch Snowball by default; a label declared English is also
  stemmed with the English stemmer. Lookups try Dutch first, then English.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer
from rapidfuzz import fuzz, process

TYPO_THRESHOLD = 87.0
TYPO_MIN_LENGTH = 6
SHORT_TOKEN = 3  # tokens this short are codes (C, CE, VCA, B2) and must match exactly
_LINKS = ("", "s", "en", "e")
_MIN_PART = 3

# Words that carry no meaning for matching (Dutch and English function words).
STOPWORDS = frozenset(
    str.split(
        "de het een en of van in op te met voor aan bij als door naar om over uit tot je jij u wij we ze zij hij "
        "is zijn was ben bent heeft hebben had wordt worden werd dat die dit deze er ook niet geen maar wel "
        "the a an and or of in on to with for at by as from is are was were be been it this that these those "
        "i you we they he she my our your their not no"
    )
)

_STEMMERS: dict[str, Stemmer.Stemmer] = {}


def _stemmer(language: str) -> Stemmer.Stemmer:
    name = "english" if language == "en" else "dutch"
    if name not in _STEMMERS:
        _STEMMERS[name] = Stemmer.Stemmer(name)
    return _STEMMERS[name]


def fold(text: str) -> str:
    """Casefold, strip accents, turn punctuation into spaces: "Anesthésie-medewerker" -> "anesthesie medewerker"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", stripped).replace("_", " ").split())


def tokens(text: str) -> list[str]:
    """Folded words of a text, stopwords kept (labels such as "Rijbewijs C" need every token)."""
    return fold(text).split()


def stem(token: str, language: str = "nl") -> str:
    """Snowball stem of one folded token; short codes (C, CE, B2) and numbers stay as they are."""
    if len(token) <= SHORT_TOKEN or token.isdigit():
        return token
    return _stemmer(language).stemWord(token)


@lru_cache(maxsize=200_000)
def _stem_cached(token: str, language: str) -> str:
    return stem(token, language)


def text_terms(text: str, language: str = "nl", head_words: frozenset[str] = frozenset()) -> list[str]:
    """Stemmed content words of free text for text similarity; known compounds add their parts too."""
    out: list[str] = []
    for token in tokens(text):
        if token in STOPWORDS or len(token) < 2:
            continue
        out.append(_stem_cached(token, language))
        if head_words and len(token) >= 2 * _MIN_PART and token not in head_words:
            parts = split_compound(token, head_words)
            if len(parts) > 1:
                out.extend(_stem_cached(p, language) for p in parts)
    return out


def split_compound(token: str, head_words: frozenset[str], max_parts: int = 3) -> list[str]:
    """Split a Dutch compound into known head words ("heftruckchauffeur" -> ["heftruck", "chauffeur"]), else [token].

    Prefers the split with the fewest parts and, among those, the longest last part (Dutch compounds are
    right-headed).
    """
    best = _split(token, head_words, max_parts)
    return best if best else [token]


@lru_cache(maxsize=100_000)
def _split_cached(token: str, head_words: frozenset[str], max_parts: int) -> tuple[str, ...] | None:
    if token in head_words:
        return (token,)
    if max_parts <= 1:
        return None
    for cut in range(_MIN_PART, len(token) - _MIN_PART + 1):
        head, rest = token[:cut], token[cut:]
        if head not in head_words:
            continue
        for link in _LINKS:
            if not rest.startswith(link):
                continue
            tail = rest[len(link) :]
            if len(tail) < _MIN_PART:
                continue
            if tail in head_words or _stem_cached(tail, "nl") in head_words:
                return (head, tail)
    for cut in range(_MIN_PART, len(token) - _MIN_PART + 1):
        head = token[:cut]
        if head not in head_words:
            continue
        for link in _LINKS:
            rest = token[cut:]
            if rest.startswith(link) and len(rest) - len(link) >= 2 * _MIN_PART:
                parts = _split_cached(rest[len(link) :], head_words, max_parts - 1)
                if parts:
                    return (head, *parts)
    return None


def _split(token: str, head_words: frozenset[str], max_parts: int) -> list[str] | None:
    found = _split_cached(token, head_words, max_parts)
    return list(found) if found else None


@dataclass(frozen=True)
class Term:
    """One label of a concept, as the vocabulary is built from it."""

    concept_id: str
    text: str
    language: str = "nl"  # "nl" or "en"; "" means either
    kind: str = ""  # skill / qualification / occupation / language / …


@dataclass(frozen=True)
class WordStep:
    """One word of a name: split into known parts (compounds), each part stemmed; stopwords are ignored."""

    word: str
    parts: tuple[str, ...]
    stems: tuple[str, ...]
    ignored: bool = False


@dataclass(frozen=True)
class Normalised:
    """What ``Vocabulary.explain`` found: the steps, the key, and the concept (exactly or by a typo)."""

    text: str
    folded: str
    words: tuple[WordStep, ...]
    key: str
    key_en: str
    concept_id: str | None
    by_typo: tuple[str, float] | None  # (the label it is taken for, similarity 0-100)


@dataclass
class Vocabulary:
    """An organisation's concepts and their labels, resolved by key, compound split and typo tolerance.

    Build it with ``Vocabulary.build(terms)``; it is immutable in use and cheap to share per process.
    """

    keys: dict[str, str] = field(default_factory=dict)  # key -> concept id
    kinds: dict[str, str] = field(default_factory=dict)  # concept id -> kind
    head_words: frozenset[str] = frozenset()
    _fuzzy_labels: list[str] = field(default_factory=list)
    _fuzzy_concepts: list[str] = field(default_factory=list)
    _cache: dict[tuple[str, bool], str | None] = field(default_factory=dict)

    @classmethod
    def build(cls, terms: Iterable[Term]) -> Vocabulary:
        """Index every label; a key claimed by two concepts keeps the first (labels should not be ambiguous)."""
        terms = list(terms)
        heads = {t for term in terms for t in tokens(term.text) if len(t) >= _MIN_PART and t not in STOPWORDS}
        # Stems too, so an inflected last part splits: "heftruckchauffeurs" -> "heftruck" + "chauffeurs".
        vocab = cls(head_words=frozenset(heads | {_stem_cached(h, "nl") for h in heads}))
        seen_labels: set[str] = set()
        for term in terms:
            vocab.kinds.setdefault(term.concept_id, term.kind)
            for language in ("nl", "en") if term.language in ("", "en") else ("nl",):
                vocab.keys.setdefault(vocab.key(term.text, language), term.concept_id)
            folded = fold(term.text)
            if len(folded) >= TYPO_MIN_LENGTH and folded not in seen_labels:
                seen_labels.add(folded)
                vocab._fuzzy_labels.append(folded)
                vocab._fuzzy_concepts.append(term.concept_id)
        return vocab

    def key(self, text: str, language: str = "nl") -> str:
        """The order-free stemmed key of a name, compounds split against the vocabulary's head words."""
        parts: list[str] = []
        for token in tokens(text):
            if token in STOPWORDS and len(token) > SHORT_TOKEN:
                continue
            pieces = split_compound(token, self.head_words) if len(token) >= 2 * _MIN_PART else [token]
            parts.extend(_stem_cached(p, language) for p in pieces)
        return " ".join(sorted(parts))

    def resolve(self, text: str, *, fuzzy: bool = True) -> str | None:
        """The concept id a name stands for, or None. Typo tolerance applies only when ``fuzzy``."""
        cache_key = (text, fuzzy)
        if cache_key in self._cache:
            return self._cache[cache_key]
        found = self.keys.get(self.key(text, "nl")) or self.keys.get(self.key(text, "en"))
        if found is None and fuzzy:
            found = self._fuzzy(text)
        if len(self._cache) < 500_000:
            self._cache[cache_key] = found
        return found

    def _fuzzy(self, text: str) -> str | None:
        hit = self._fuzzy_hit(text)
        return hit[2] if hit else None

    def _fuzzy_hit(self, text: str) -> tuple[str, float, str] | None:
        """(label, similarity, concept id) of the closest label within the typo tolerance, or None."""
        folded = fold(text)
        if len(folded) < TYPO_MIN_LENGTH or not self._fuzzy_labels:
            return None
        hit = process.extractOne(folded, self._fuzzy_labels, scorer=fuzz.ratio, score_cutoff=TYPO_THRESHOLD)
        if hit is None or _codes(hit[0]) != _codes(folded):
            return None
        return hit[0], float(hit[1]), self._fuzzy_concepts[hit[2]]

    def explain(self, text: str) -> Normalised:
        """Every step from a written name to a concept, for people maintaining the vocabulary ("try a word")."""
        words = []
        for token in tokens(text):
            if token in STOPWORDS and len(token) > SHORT_TOKEN:
                words.append(WordStep(token, (), (), ignored=True))
                continue
            parts = split_compound(token, self.head_words) if len(token) >= 2 * _MIN_PART else [token]
            words.append(WordStep(token, tuple(parts), tuple(_stem_cached(p, "nl") for p in parts)))
        key_nl, key_en = self.key(text, "nl"), self.key(text, "en")
        exact = self.keys.get(key_nl) or self.keys.get(key_en)
        typo = None if exact else self._fuzzy_hit(text)
        return Normalised(
            text=text,
            folded=fold(text),
            words=tuple(words),
            key=key_nl,
            key_en=key_en,
            concept_id=exact or (typo[2] if typo else None),
            by_typo=typo[:2] if typo else None,
        )

    def concept_or_key(self, text: str) -> str:
        """The concept id of a name, or for a name the vocabulary does not know, ``"k:" + its key``.

        A must-have the vocabulary does not know must not vanish from the filters: it stays a requirement that
        only a profile holding the same name (by key) meets.
        """
        return self.resolve(text) or "k:" + self.key(text)

    def resolve_all(self, names: Iterable[str]) -> set[str]:
        """Concept ids of the names that resolve (the rest are unknown to the vocabulary)."""
        return {c for c in (self.resolve(n) for n in names) if c is not None}

    def same(self, required: str, held: str) -> bool:
        """Whether two names stand for the same concept; names unknown to the vocabulary compare by key."""
        a, b = self.resolve(required), self.resolve(held)
        if a is not None or b is not None:
            return a == b
        return self.key(required) == self.key(held)

    def matcher(self) -> Callable[[str, str], bool]:
        """A ``names_match``-shaped function for ``rejections.assessment.assess_requirements``."""
        return self.same


def _codes(folded: str) -> tuple[str, ...]:
    return tuple(sorted(t for t in folded.split() if len(t) <= SHORT_TOKEN or any(ch.isdigit() for ch in t)))


def terms_from_synonyms(groups: Sequence[tuple[str, str, Sequence[str]]]) -> list[Term]:
    """Terms from (concept id, kind, labels) rows; a label prefixed "en:" is English."""
    out = []
    for concept_id, kind, labels in groups:
        for label in labels:
            language, text = ("en", label[3:]) if label.startswith("en:") else ("nl", label)
            out.append(Term(concept_id, text, language, kind))
    return out
