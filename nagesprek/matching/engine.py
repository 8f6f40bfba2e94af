"""The matching engine: candidate -> open vacancies, vacancy -> talent pool. Plain Python + numpy/scipy.sparse.

No Django here: ``matching.selectors`` turns the ORM into ``VacancyDoc``/``ProfileDoc`` (names already
resolved to concept ids by ``matching.normalise``), routes come in as ``RouteRef`` plain data.

Every hard requirement is a ``Need(concept, level)``: the profile meets it when its level for that concept
is at least the level asked (certificate/skill = 1; language = CEFR 1..6; education = rank; years of
experience = years). Per query, all needs of all documents are compared in one vectorised pass over the
sparse requirement matrix; no Python loop per pair.

Ranking (identical in ``naive_rank_vacancies``, the reference the benchmark checks against):

* a document with every must-have met **fits now**;
* with exactly one must-have unmet and a route in the catalogue that closes it, it is a **near-miss**
  ("fits after route X", the route named: the shortest, then the cheapest, then the lowest id);
* anything else is left out. So no suggestion violates a must-have unless it is a near-miss with its route.
* score = occupation affinity x (1 when fits now, ``NEAR_MISS_FACTOR`` for a near-miss)
  + ``W_NICE`` x share of nice-to-haves held + ``W_TEXT`` x text similarity. Occupation affinity is 1 for
  the same occupation, ``W_FAMILY`` for the same job family, ``W_OTHER`` otherwise.
* a score of 0 (nothing in common) is not a suggestion;
* ties: lower id first. Scores are rounded to 9 decimals so the reference and the engine agree exactly.

Explanations are structured (``Reason(code, params)``); the UI translates them.

Incremental updates: documents live in segments (a large *main* segment and a small *delta*); an update
marks the old row dead and appends to the delta; the delta is rebuilt (cheap), and merged into main when
it grows. Text document frequencies are counted incrementally, so an updated index ranks exactly as a
rebuilt one.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

ENGINE_VERSION = "1.0"

NEAR_MISS_FACTOR = 0.4
MAX_GAPS = 2  # a near-miss lacks at most this many must-haves, all closed by one route
W_FAMILY = 0.6
W_OTHER = 0.0
W_NICE = 0.15
W_TEXT = 0.1
_DELTA_MAX = 2000
_ROUND = 9
COMMON_TERM_SHARE = 0.1
COMMON_TERM_MIN_DOCS = 1000
_FAMILY = "\x00family:"  # job families share the concept column space under this prefix


@dataclass(frozen=True)
class Need:
    concept: str
    level: float = 1.0


@dataclass(frozen=True)
class RouteRef:
    id: int | str
    title: str
    closes: frozenset[str]
    weeks: float = 0
    cost: float = 0


@dataclass(frozen=True)
class VacancyDoc:
    id: int
    must: tuple[Need, ...] = ()
    nice: tuple[str, ...] = ()
    occupation: str | None = None
    family: str | None = None
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProfileDoc:
    id: int
    levels: Mapping[str, float] = field(default_factory=dict)  # concept -> level held
    occupations: frozenset[str] = frozenset()
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reason:
    """One line of an explanation: a code the UI translates, with its parameters."""

    code: str  # same_occupation, same_family, fits_now, near_miss, nice_to_have
    params: dict[str, Any] = field(default_factory=dict)


Explanation = Reason  # the name part G's services use


@dataclass(frozen=True)
class Suggestion:
    target_id: int
    score: float
    fits_now: bool
    met: list[str]
    missing: list[str]
    route: RouteRef | None
    explanation: list[Reason]


# --------------------------------------------------------------------------- text


def _tf(terms: Iterable[str]) -> dict[str, float]:
    """Sublinear term frequency, L2-normalised."""
    counts = Counter(terms)
    weights = {t: 1.0 + math.log(c) for t, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


class _Vocab:
    """Growing string -> column maps (concepts, text terms)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def col(self, key: str) -> int:
        found = self.index.get(key)
        if found is None:
            found = self.index[key] = len(self.index)
        return found

    def get(self, key: str) -> int:
        return self.index.get(key, -1)

    def __len__(self) -> int:
        return len(self.index)


# --------------------------------------------------------------------------- segments


class _Segment:
    """Column-compressed arrays for a batch of documents of one side.

    A vacancy segment (``dense``) keeps its rows ordered by job family, then occupation (then id), so the
    vacancies a profile is close to are a few contiguous runs, scored through views without copying; and
    each row's must-haves and nice-to-haves as small padded matrices (a vacancy has a handful of each).
    """

    def __init__(self, rows: list[tuple[Any, ...]], dense: bool = False):
        # rows: (doc, hard {col: level}, soft {col: weight}, text {col: weight}, occupation col, family col)
        from scipy import sparse

        if dense:
            rows = sorted(rows, key=lambda r: (r[5], r[4], r[0].id))

        self.ids = np.array([r[0].id for r in rows], dtype=np.int64)
        self.docs = [r[0] for r in rows]
        self.alive = np.ones(len(rows), dtype=bool)
        self.hard = self._csr(sparse, [r[1] for r in rows])
        self.soft = self._csr(sparse, [r[2] for r in rows])
        self.text = self._csr(sparse, [r[3] for r in rows]).tocsc()
        self.hard_csc = self.hard.tocsc()
        self.soft_csc = self.soft.tocsc()
        self.hard_count = np.diff(self.hard.indptr)
        self.soft_count = np.diff(self.soft.indptr)
        self.occ = np.array([r[4] for r in rows], dtype=np.int64)  # occupation column, -1 when none
        self.fam = np.array([r[5] for r in rows], dtype=np.int64)  # job-family column, -1 when none
        if dense:
            # Padding: column 0 at level 0 (never unmet, as every level held is >= 0); for nice-to-haves a mask.
            self.hard_cols, self.hard_levels, _ = self._padded([r[1] for r in rows])
            self.soft_cols, _, self.soft_valid = self._padded([r[2] for r in rows])
            self.occ_runs = self._runs(self.occ)
            self.fam_runs = self._runs(self.fam)

    @staticmethod
    def _padded(dicts: list[dict[int, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        width = max((len(d) for d in dicts), default=0)
        cols = np.zeros((len(dicts), width), dtype=np.int64)
        levels = np.zeros((len(dicts), width))
        valid = np.zeros((len(dicts), width), dtype=bool)
        for row, entries in enumerate(dicts):
            n = len(entries)
            cols[row, :n] = list(entries)
            levels[row, :n] = list(entries.values())
            valid[row, :n] = True
        return cols, levels, valid

    @staticmethod
    def _runs(values: np.ndarray) -> dict[int, list[tuple[int, int]]]:
        """Column -> the (start, stop) runs of rows holding it (the rows are ordered so that they are few)."""
        change = (np.flatnonzero(np.diff(values)) + 1).tolist()
        runs: dict[int, list[tuple[int, int]]] = {}
        for start, stop in zip([0, *change], [*change, len(values)], strict=True):
            if stop > start and values[start] >= 0:
                runs.setdefault(int(values[start]), []).append((start, stop))
        return runs

    @staticmethod
    def _csr(sparse: Any, dicts: list[dict[int, float]]) -> Any:
        indptr = np.zeros(len(dicts) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum([len(d) for d in dicts])
        indices = np.fromiter((c for d in dicts for c in d), dtype=np.int64, count=int(indptr[-1]))
        data = np.fromiter((v for d in dicts for v in d.values()), dtype=np.float64, count=int(indptr[-1]))
        width = int(indices.max()) + 1 if len(indices) else 0
        return sparse.csr_matrix((data, indices, indptr), shape=(len(dicts), width))

    def column(self, matrix: Any, col: int) -> np.ndarray:
        """Dense column (zeros where absent); ``matrix`` is CSC."""
        out = np.zeros(matrix.shape[0])
        if 0 <= col < matrix.shape[1]:
            lo, hi = matrix.indptr[col], matrix.indptr[col + 1]
            out[matrix.indices[lo:hi]] = matrix.data[lo:hi]
        return out


class _Side:
    """All documents of one kind (vacancies or profiles), in a main and a delta segment."""

    def __init__(self, encode: Any, dense: bool = False) -> None:
        self.encode = encode
        self.dense = dense
        self.rows: dict[int, tuple] = {}  # id -> encoded row
        self.df: Counter[int] = Counter()
        self.main: _Segment | None = None
        self.main_ids: set[int] = set()
        self.delta: _Segment | None = None
        self.delta_ids: list[int] = []

    def __len__(self) -> int:
        return len(self.rows)

    def build(self, docs: Iterable[Any]) -> None:
        for doc in docs:
            row = self.encode(doc)
            self._forget(doc.id)
            self.rows[doc.id] = row
            self.df.update(row[3].keys())
        self._compact()

    def upsert(self, doc: Any) -> None:
        row = self.encode(doc)
        self._forget(doc.id)
        self.rows[doc.id] = row
        self.df.update(row[3].keys())
        self._kill_main(doc.id)
        self.delta_ids = [i for i in self.delta_ids if i != doc.id] + [doc.id]
        self._rebuild_delta()

    def remove(self, doc_id: int) -> None:
        if doc_id not in self.rows:
            return
        self._forget(doc_id)
        self._kill_main(doc_id)
        if doc_id in self.delta_ids:
            self.delta_ids.remove(doc_id)
            self._rebuild_delta()

    def _forget(self, doc_id: int) -> None:
        old = self.rows.pop(doc_id, None)
        if old is not None:
            self.df.subtract(old[3].keys())

    def _kill_main(self, doc_id: int) -> None:
        if self.main is not None and doc_id in self.main_ids:
            self.main.alive[np.flatnonzero(self.main.ids == doc_id)] = False
            self.main_ids.discard(doc_id)

    def _rebuild_delta(self) -> None:
        if len(self.delta_ids) > _DELTA_MAX:
            self._compact()
            return
        self.delta = _Segment([self.rows[i] for i in self.delta_ids], self.dense) if self.delta_ids else None

    def _compact(self) -> None:
        ordered = sorted(self.rows)
        self.main = _Segment([self.rows[i] for i in ordered], self.dense) if ordered else None
        self.main_ids = set(ordered)
        self.delta, self.delta_ids = None, []

    def segments(self) -> list[_Segment]:
        return [s for s in (self.main, self.delta) if s is not None]

    def idf(self, term_col: int) -> float:
        n = len(self.rows)
        return math.log((n + 1) / (self.df.get(term_col, 0) + 1)) + 1.0


# --------------------------------------------------------------------------- the index


class MatchIndex:
    """Vacancies and candidate profiles of one organisation, with the route catalogue."""

    def __init__(self, routes: Iterable[RouteRef] = ()) -> None:
        self.concepts = _Vocab()
        self.terms = _Vocab()
        self.vacancies = _Side(self._encode_vacancy, dense=True)
        self.profiles = _Side(self._encode_profile)
        self.family_of: dict[str, Counter[str]] = {}  # occupation concept -> job families (from vacancies)
        self.known_families: dict[str, frozenset[str]] = {}  # the same from outside (e.g. closed vacancies)
        self.set_routes(routes)

    # -- routes
    def set_routes(self, routes: Iterable[RouteRef]) -> None:
        """Replace the route catalogue, best first: shortest, then cheapest, then lowest id."""
        self.routes = sorted(routes, key=lambda r: (r.weeks, r.cost, str(r.id)))
        self._route_cache: tuple[int, tuple[np.ndarray, np.ndarray]] | None = None

    def route_closing(self, missing: Iterable[str]) -> RouteRef | None:
        """The best route that closes every one of the ``missing`` concepts (at most ``MAX_GAPS``), or None."""
        gaps = set(missing)
        if not gaps or len(gaps) > MAX_GAPS:
            return None
        return next((r for r in self.routes if gaps <= r.closes), None)

    def _route_tables(self) -> tuple[np.ndarray, np.ndarray]:
        """Which single concept columns a route closes (mask), and which pairs (sorted keys a * width + b).

        Kept until the routes change or new concepts get columns (the width then changes); read-only.
        """
        width = len(self.concepts) + 1
        if self._route_cache is None or self._route_cache[0] != width:
            self._route_cache = (width, self._build_route_tables(width))
        return self._route_cache[1]

    def _build_route_tables(self, width: int) -> tuple[np.ndarray, np.ndarray]:
        mask = np.zeros(width, dtype=bool)
        pairs: set[int] = set()
        for route in self.routes:
            cols = sorted(c for c in (self.concepts.get(x) for x in route.closes) if c >= 0)
            mask[cols] = True
            pairs.update(a * width + b for i, a in enumerate(cols) for b in cols[i + 1 :])
        return mask, np.array(sorted(pairs), dtype=np.int64)

    # -- encoding
    def _encode_vacancy(self, doc: VacancyDoc) -> tuple:
        hard: dict[int, float] = {}
        for need in doc.must:
            col = self.concepts.col(need.concept)
            hard[col] = max(hard.get(col, 0.0), float(need.level))
        soft = {self.concepts.col(c): 1.0 for c in doc.nice}
        text = {self.terms.col(t): w for t, w in _tf(doc.terms).items()}
        occ = self.concepts.col(doc.occupation) if doc.occupation else -1
        fam = self.concepts.col(_FAMILY + doc.family) if doc.family else -1
        return (doc, hard, soft, text, occ, fam)

    def _encode_profile(self, doc: ProfileDoc) -> tuple:
        hard = {self.concepts.col(c): float(level) for c, level in doc.levels.items() if level > 0}
        occ = {self.concepts.col(c): 1.0 for c in doc.occupations}
        text = {self.terms.col(t): w for t, w in _tf(doc.terms).items()}
        return (doc, hard, occ, text, -1, -1)

    # -- updates
    def add_vacancies(self, docs: Iterable[VacancyDoc]) -> None:
        docs = list(docs)
        for doc in docs:
            self._unfamily(doc.id)
            self._family(doc)
        self.vacancies.build(docs)

    def add_profiles(self, docs: Iterable[ProfileDoc]) -> None:
        self.profiles.build(docs)

    def upsert_vacancy(self, doc: VacancyDoc) -> None:
        self._unfamily(doc.id)
        self._family(doc)
        self.vacancies.upsert(doc)

    def remove_vacancy(self, vacancy_id: int) -> None:
        self._unfamily(vacancy_id)
        self.vacancies.remove(vacancy_id)

    def upsert_profile(self, doc: ProfileDoc) -> None:
        self.profiles.upsert(doc)

    def remove_profile(self, profile_id: int) -> None:
        self.profiles.remove(profile_id)

    def _family(self, doc: VacancyDoc) -> None:
        if doc.occupation and doc.family:
            self.family_of.setdefault(doc.occupation, Counter())[doc.family] += 1

    def _unfamily(self, vacancy_id: int) -> None:
        old = self.vacancies.rows.get(vacancy_id)
        if old is not None and old[0].occupation and old[0].family:
            counter = self.family_of[old[0].occupation]
            counter[old[0].family] -= 1
            if counter[old[0].family] <= 0:
                del counter[old[0].family]

    def set_occupation_families(self, mapping: Mapping[str, Iterable[str]]) -> None:
        """Job families of occupations known from outside the index (vacancies that are no longer open)."""
        self.known_families = {o: frozenset(f) for o, f in mapping.items()}

    def families_of(self, occupations: Iterable[str]) -> set[str]:
        return {f for o in occupations for f in (*self.family_of.get(o, ()), *self.known_families.get(o, ()))}

    def occupations_in(self, family: str | None) -> set[str]:
        found = {o for o, fams in self.family_of.items() if family in fams}
        return found | {o for o, fams in self.known_families.items() if family in fams}


# --------------------------------------------------------------------------- ranking


def _affinity(same_occupation: bool, same_family: bool) -> float:
    return 1.0 if same_occupation else (W_FAMILY if same_family else W_OTHER)


def _top(scores: np.ndarray, ids: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k best (score desc, id asc) among finite scores."""
    valid = np.flatnonzero(np.isfinite(scores))
    if len(valid) > 4 * k:
        part = np.argpartition(-scores[valid], 4 * k)[: 4 * k]
        # Keep every row tied with the k-th best so the id tie-break is exact.
        kth = np.sort(scores[valid][part])[::-1][min(k, len(part)) - 1]
        valid = valid[scores[valid] >= kth]
    order = np.lexsort((ids[valid], -scores[valid]))
    return valid[order[:k]]


def _query_text(side: _Side, terms: Sequence[str], term_vocab: _Vocab) -> dict[int, float]:
    """Query weights: sublinear tf x idf of the side searched, L2-normalised.

    Unknown terms are dropped, and in a large index (``COMMON_TERM_MIN_DOCS``) so are terms in more than
    ``COMMON_TERM_SHARE`` of the documents: they tell documents hardly apart (low idf) yet cost the most to
    score (the longest postings). A small organisation's index keeps every term.
    """
    weights: dict[int, float] = {}
    n = len(side.rows)
    common = COMMON_TERM_SHARE * n if n >= COMMON_TERM_MIN_DOCS else float("inf")
    for term, w in _tf(terms).items():
        col = term_vocab.get(term)
        if col >= 0 and side.df.get(col, 0) <= common:
            weights[col] = w * side.idf(col)
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {c: w / norm for c, w in weights.items()}


def _text_scores(segment: _Segment, query: Mapping[int, float]) -> np.ndarray:
    out = np.zeros(len(segment.ids))
    text = segment.text
    for col, weight in query.items():
        if col < text.shape[1]:
            lo, hi = text.indptr[col], text.indptr[col + 1]
            out[text.indices[lo:hi]] += weight * text.data[lo:hi]
    return out


def rank_vacancies(index: MatchIndex, profile: ProfileDoc, k: int = 10) -> list[Suggestion]:
    """The k best vacancies for a candidate profile: fits now, or near-miss with the route that closes the gap."""
    held = np.zeros(len(index.concepts) + 1)
    for concept, level in profile.levels.items():
        col = index.concepts.get(concept)
        if col >= 0:
            held[col] = float(level)
    occupations = np.array(sorted({index.concepts.get(o) for o in profile.occupations} - {-1}), dtype=np.int64)
    families = np.array(
        sorted({index.concepts.get(_FAMILY + f) for f in index.families_of(profile.occupations)} - {-1}),
        dtype=np.int64,
    )
    routable = index._route_tables()
    query = _query_text(index.vacancies, profile.terms, index.terms)
    results: list[tuple[float, int, _Segment, int]] = []
    for seg in index.vacancies.segments():
        text = _text_scores(seg, query)
        results += _rank_segment(seg, k, results, (held, occupations, families, routable, text))
    results.sort(key=lambda r: (-r[0], r[1]))
    return [_vacancy_suggestion(index, seg, pos, score, held, profile) for score, _, seg, pos in results[:k]]


def _rank_segment(seg: _Segment, k: int, found: list, args: tuple) -> list[tuple[float, int, _Segment, int]]:
    """The segment's k best, by tiers with exact pruning.

    A vacancy of the profile's own occupation scores at most 1 + W_NICE + W_TEXT x its text similarity, one of
    its job families at most W_FAMILY + ..., any other at most W_OTHER + ... . Tiers are scored in that order,
    and a tier is skipped when even its bound stays below the k-th best score found so far (strictly: a tie
    could still win on the lower id). Often the profile's own occupation is enough.
    """
    _held, occupations, families, _routable, text = args
    top_text = W_TEXT * float(text.max()) if len(text) else 0.0
    out: list[tuple[float, int, _Segment, int]] = []
    done = np.zeros(len(seg.ids), dtype=bool)

    def kth() -> float:
        scores = sorted((r[0] for r in (*found, *out)), reverse=True)
        return scores[k - 1] if len(scores) >= k else 0.0

    own = [run for c in occupations for run in seg.occ_runs.get(int(c), ())]
    near = [part for c in families for run in seg.fam_runs.get(int(c), ()) for part in _minus(run, own)]
    for runs, affinity in ((own, 1.0), (near, W_FAMILY)):
        if not runs or kth() > affinity + W_NICE + top_text:
            continue
        for start, stop in runs:
            done[start:stop] = True
            scores = _score_vacancies(seg, slice(start, stop), *args)
            best = _top(scores, seg.ids[start:stop], k)
            out += [(float(scores[p]), int(seg.ids[start + p]), seg, start + int(p)) for p in best]
    floor = kth()
    if floor > W_OTHER + W_NICE + top_text:
        return out
    bound = W_OTHER + W_NICE * (seg.soft_count > 0) + W_TEXT * text
    rows = np.flatnonzero(~done & (bound >= floor) & (bound > 0))
    if 2 * len(rows) > len(seg.ids):  # most rows: scoring them all in place beats gathering them
        scores = _score_vacancies(seg, None, *args)
        scores[done] = -np.inf  # already taken from the tiers above
        out += [(float(scores[p]), int(seg.ids[p]), seg, int(p)) for p in _top(scores, seg.ids, k)]
    elif len(rows):
        scores = _score_vacancies(seg, rows, *args)
        out += [(float(scores[p]), int(seg.ids[rows[p]]), seg, int(rows[p])) for p in _top(scores, seg.ids[rows], k)]
    return out


def _minus(run: tuple[int, int], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``run`` outside the ``taken`` runs (which do not overlap one another)."""
    parts, start = [], run[0]
    for a, b in sorted(taken):
        if b <= start or a >= run[1]:
            continue
        if a > start:
            parts.append((start, a))
        start = max(start, b)
    if start < run[1]:
        parts.append((start, run[1]))
    return parts


def _row_sums(matrix: np.ndarray) -> np.ndarray:
    """Sum of each row of a narrow matrix, column by column (numpy's axis-1 sum is slow for a few columns)."""
    out = np.zeros(matrix.shape[0], dtype=np.int64)
    for col in range(matrix.shape[1]):
        out += matrix[:, col]
    return out


def _score_vacancies(
    seg: _Segment,
    rows: np.ndarray | slice | None,
    held: np.ndarray,
    occupations: np.ndarray,
    families: np.ndarray,
    routable: tuple[np.ndarray, np.ndarray],
    text: np.ndarray,
) -> np.ndarray:
    """Scores of the segment's rows (all, the given positions, or a run as a slice: views); -inf where left out."""
    if rows is None:
        cols, levels, soft_cols, soft_valid = seg.hard_cols, seg.hard_levels, seg.soft_cols, seg.soft_valid
        s_count, occ, fam, alive = seg.soft_count, seg.occ, seg.fam, seg.alive
    else:
        cols, levels = seg.hard_cols[rows], seg.hard_levels[rows]
        soft_cols, soft_valid, s_count = seg.soft_cols[rows], seg.soft_valid[rows], seg.soft_count[rows]
        occ, fam, alive, text = seg.occ[rows], seg.fam[rows], seg.alive[rows], text[rows]
    n = len(occ)
    unmet_entry = levels > held[cols]
    unmet = _row_sums(unmet_entry)
    missing = np.where(unmet_entry, cols, 0)
    near = _near(unmet, _row_sums(missing), _row_sums(missing * missing), routable)
    keep = alive & ((unmet == 0) | near)
    nice_held = _row_sums((held[soft_cols] > 0) & soft_valid)
    nice = np.divide(nice_held, s_count, out=np.zeros(n), where=s_count > 0)
    lookup = np.zeros(len(held), dtype=bool)
    lookup[occupations] = True
    same_occ = lookup[occ]
    lookup[:] = False
    lookup[families] = True
    same_fam = lookup[fam]
    affinity = np.where(same_occ, 1.0, np.where(same_fam, W_FAMILY, W_OTHER))
    scores = affinity * np.where(unmet == 0, 1.0, NEAR_MISS_FACTOR) + W_NICE * nice + W_TEXT * text
    scores = np.round(scores, _ROUND)
    scores[~keep | (scores <= 0)] = -np.inf
    return scores


def _near(unmet: np.ndarray, s1: np.ndarray, s2: np.ndarray, routable: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Rows whose unmet must-haves (one or two; column sum ``s1``, sum of squares ``s2``) one route closes.

    One gap: ``s1`` is its column. Two gaps a < b: a + b = s1 and a² + b² = s2 give a and b exactly.
    """
    mask, pairs = routable
    width = len(mask)
    one = (unmet == 1) & mask[np.where(unmet == 1, s1, width - 1)]  # width - 1: the always-False last slot
    two = unmet == 2
    if not two.any() or not len(pairs):
        return one
    spread = np.sqrt(np.maximum(2 * s2[two] - s1[two] ** 2, 0)).round().astype(np.int64)
    a, b = (s1[two] - spread) // 2, (s1[two] + spread) // 2
    both = np.zeros(len(unmet), dtype=bool)
    both[np.flatnonzero(two)] = np.isin(a * width + b, pairs)
    return one | both


def rank_candidates(index: MatchIndex, vacancy: VacancyDoc, k: int = 10) -> list[Suggestion]:
    """The k best profiles in the index for a vacancy, ranked as ``rank_vacancies`` ranks vacancies."""
    routable = index._route_tables()
    query = _query_text(index.profiles, vacancy.terms, index.terms)
    occ_col = index.concepts.get(vacancy.occupation) if vacancy.occupation else -1
    family_cols = [index.concepts.get(o) for o in index.occupations_in(vacancy.family)] if vacancy.family else []
    needs: dict[str, tuple[int, float]] = {}
    for need in vacancy.must:
        col = index.concepts.get(need.concept)
        needs[need.concept] = (col, max(needs.get(need.concept, (col, 0.0))[1], float(need.level)))
    nice_cols = [index.concepts.get(c) for c in dict.fromkeys(vacancy.nice)]
    results: list[tuple[float, int, _Segment, int]] = []
    for seg in index.profiles.segments():
        n = len(seg.ids)
        unmet = np.zeros(n, dtype=np.int64)
        s1, s2 = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
        for col, level in needs.values():
            fail = seg.column(seg.hard_csc, col) < level
            unmet += fail
            # A concept nobody in the index holds (col -1) takes the always-False last slot: no route closes it.
            slot = col if col >= 0 else len(routable[0]) - 1
            s1 += fail * slot
            s2 += fail * slot * slot
        near = _near(unmet, s1, s2, routable)
        keep = seg.alive & ((unmet == 0) | near)
        same_occ = seg.column(seg.soft_csc, occ_col) > 0
        same_fam = np.zeros(n, dtype=bool)
        for col in family_cols:
            same_fam |= seg.column(seg.soft_csc, col) > 0
        affinity = np.where(same_occ, 1.0, np.where(same_fam, W_FAMILY, W_OTHER))
        nice = np.zeros(n)
        for col in nice_cols:
            nice += seg.column(seg.hard_csc, col) > 0
        if nice_cols:
            nice /= len(nice_cols)
        text = _text_scores(seg, query)
        fit = np.where(unmet == 0, 1.0, NEAR_MISS_FACTOR)
        scores = np.round(affinity * fit + W_NICE * nice + W_TEXT * text, _ROUND)
        scores[~keep | (scores <= 0)] = -np.inf
        for pos in _top(scores, seg.ids, k):
            results.append((float(scores[pos]), int(seg.ids[pos]), seg, int(pos)))
    results.sort(key=lambda r: (-r[0], r[1]))
    return [_candidate_suggestion(index, seg.docs[pos], vacancy, score) for score, _, seg, pos in results[:k]]


# --------------------------------------------------------------------------- explanations


def _assess(index: MatchIndex, vacancy: VacancyDoc, profile: ProfileDoc) -> tuple[list[str], list[str]]:
    needs: dict[str, float] = {}
    for need in vacancy.must:  # a concept asked twice counts once, at the higher level
        needs[need.concept] = max(needs.get(need.concept, 0.0), float(need.level))
    met: list[str] = []
    missing: list[str] = []
    for concept, level in needs.items():
        (met if profile.levels.get(concept, 0.0) >= level else missing).append(concept)
    return met, missing


def _explain(
    index: MatchIndex, vacancy: VacancyDoc, profile: ProfileDoc, score: float
) -> tuple[bool, list[str], list[str], RouteRef | None, list[Reason]]:
    met, missing = _assess(index, vacancy, profile)
    fits_now = not missing
    route = None if fits_now else index.route_closing(missing)
    reasons: list[Reason] = []
    if vacancy.occupation and vacancy.occupation in profile.occupations:
        reasons.append(Reason("same_occupation", {"occupation": vacancy.occupation}))
    elif vacancy.family and vacancy.family in index.families_of(profile.occupations):
        reasons.append(Reason("same_family", {"family": vacancy.family}))
    if fits_now:
        reasons.append(Reason("fits_now", {"met": list(met)}))
    else:
        assert route is not None  # a near-miss always names its route
        reasons.append(
            Reason(
                "near_miss",
                {"missing": missing[0], "missing_all": list(missing), "route_id": route.id, "route_title": route.title},
            )
        )
    nice_held = [c for c in dict.fromkeys(vacancy.nice) if profile.levels.get(c, 0) > 0]
    if nice_held:
        reasons.append(Reason("nice_to_have", {"held": nice_held, "of": len(set(vacancy.nice))}))
    return fits_now, met, missing, route, reasons


def _vacancy_suggestion(
    index: MatchIndex, seg: _Segment, pos: int, score: float, held: np.ndarray, profile: ProfileDoc
) -> Suggestion:
    vacancy = seg.docs[pos]
    fits_now, met, missing, route, reasons = _explain(index, vacancy, profile, score)
    return Suggestion(vacancy.id, score, fits_now, met, missing, route, reasons)


def _candidate_suggestion(index: MatchIndex, profile: ProfileDoc, vacancy: VacancyDoc, score: float) -> Suggestion:
    fits_now, met, missing, route, reasons = _explain(index, vacancy, profile, score)
    return Suggestion(profile.id, score, fits_now, met, missing, route, reasons)


# --------------------------------------------------------------------------- the naive reference


def naive_score(
    index: MatchIndex, vacancy: VacancyDoc, profile: ProfileDoc, query: Mapping[str, float]
) -> float | None:
    """The score of one pair, computed the plain way (the benchmark's reference); None when left out."""
    needs: dict[str, float] = {}
    for need in vacancy.must:
        needs[need.concept] = max(needs.get(need.concept, 0.0), float(need.level))
    missing = [c for c, level in needs.items() if profile.levels.get(c, 0.0) < level]
    if missing and index.route_closing(missing) is None:
        return None
    families = index.families_of(profile.occupations)
    if vacancy.occupation is not None and vacancy.occupation in profile.occupations:
        affinity = 1.0
    elif vacancy.family is not None and vacancy.family in families:
        affinity = W_FAMILY
    else:
        affinity = W_OTHER
    nice_set = dict.fromkeys(vacancy.nice)
    nice = sum(1 for c in nice_set if profile.levels.get(c, 0) > 0) / len(nice_set) if nice_set else 0.0
    doc = _tf(vacancy.terms)
    text = sum(w * doc.get(t, 0.0) for t, w in query.items())
    score = round(affinity * (NEAR_MISS_FACTOR if missing else 1.0) + W_NICE * nice + W_TEXT * text, _ROUND)
    return score if score > 0 else None


def naive_rank_vacancies(index: MatchIndex, profile: ProfileDoc, k: int = 10) -> list[tuple[int, float]]:
    """Per-pair Python loop over every vacancy: the same scores as ``rank_vacancies``, as (id, score)."""
    cols = _query_text(index.vacancies, profile.terms, index.terms)
    names = {c: t for t, c in index.terms.index.items() if c in cols}
    query = {names[c]: w for c, w in cols.items()}
    scored = []
    for row in index.vacancies.rows.values():
        score = naive_score(index, row[0], profile, query)
        if score is not None:
            scored.append((-score, row[0].id))
    scored.sort()
    return [(i, -s) for s, i in scored[:k]]
