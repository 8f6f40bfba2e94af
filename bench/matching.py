"""Matching: candidate -> open vacancies and vacancy -> talent pool; engine vs naive loop vs PostgreSQL FTS.

PERFORMANCE.md §1. A generator builds Dutch vacancies and candidate profiles from a *latent* ground truth
(occupation, job family, certificates, skills, language levels, education, years) and writes them the
way people do: synonyms, compounds split or joined ("heftruckchauffeur" / "chauffeur heftruck"), plurals
and inflections, English titles and English CVs, and one-letter typos. Relevance grades come from the
latent truth, never from what the ranker sees or from its formula:

* 3: an occupation the candidate worked in, every hard requirement met;
* 2: another occupation of a job family the candidate worked in, every hard requirement met;
* 1: same occupation or family, exactly one certificate or essential skill missing (a near-miss);
* 0: anything else.

Two query sets: a *tuning* set (seed) and a *held-out* set (seed + 1, surface forms drawn only from
variants not in the vocabulary: inflected plurals, joined/split compounds, typos), reported separately.

Methods, side by side in one run on the same data and queries: (a) the naive per-pair Python loop
(``engine.naive_rank_vacancies``, the reference; the engine's top-10 must equal it), (b) the engine,
(c) PostgreSQL full-text search (``dutch`` configuration, GIN index, queried with the CV's 8 highest
tf-idf words; only when a PostgreSQL server is reachable — it creates and drops its own database
``nagesprek_partf_bench``), and (d) bm25s when installed. The engine and FTS are timed query by query,
one right after the other (who goes first alternates), so the load of a shared machine falls on both
alike: timing them in two phases of the run made their ratio swing with whatever else ran meanwhile
(8.5x to 24.7x). ``speedup_vs_fts_p50`` is the ratio of the medians; ``speedup_vs_fts_paired_median`` the
median of the per-query ratios. CPU-time percentiles stand beside wall-clock ones: this thread's CPU
time is what other processes on the machine cannot inflate.

The HTTP part (``bench/matching_api.py``) asks the same index through ``/api/v1/`` (PERFORMANCE.md:
"≤ 50 ms through the HTTP endpoint").

Sizes: S = 2,000 vacancies / 4,000 candidates (CI); M = 50,000 / 200,000 as in PERFORMANCE.md;
L = M plus the nightly all x all (10,000 candidates x 50,000 vacancies).
"""

from __future__ import annotations

import math
import os
import random
import re
import resource
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from bench.report import Report
from nagesprek.matching import engine
from nagesprek.matching.normalise import Term, Vocabulary, fold, text_terms

# size: (vacancies, candidates, queries per set, naive queries, talent-pool queries, all-x-all candidates)
SIZES = {
    "S": (2_000, 4_000, 25, 10, 10, 0),
    "M": (50_000, 200_000, 100, 15, 50, 0),
    "L": (50_000, 200_000, 100, 15, 50, 10_000),
}
FTS_DATABASE = "nagesprek_partf_bench"
FTS_TERMS = 8

EDUCATION = ["mbo2", "mbo3", "mbo4", "hbo", "wo"]
CEFR = ["A1", "A2", "B1", "B2", "C1", "C2"]
# The product's encodings (matching.selectors), so the API part can ask the same index through the app:
# languages by their Dutch name, education by its rank among vmbo < mbo2 < ... < wo (mbo2 = 2), job
# families by the id of their row ("jf<id>").
LANGUAGE_CONCEPT = {"nl": "lang:nederlands", "en": "lang:engels"}
EDUCATION_OFFSET = 2

# family -> occupations: id, Dutch labels (first preferred), held-out surface forms, English labels,
# certificates, essential skills, education (index into EDUCATION), words of the trade.
FAMILIES: dict[str, list[dict]] = {
    "logistiek": [
        dict(
            id="heftruckchauffeur",
            nl=["heftruckchauffeur", "chauffeur heftruck"],
            hold=["heftruckchauffeurs", "chauffeurs heftruck", "heftruck-chauffeur"],
            en=["forklift driver"],
            certs=["heftruckcertificaat", "VCA"],
            skills=["orderpicken", "laden en lossen"],
            edu=0,
            words="magazijn pallets heftruck stellingen expeditie",
        ),
        dict(
            id="vrachtwagenchauffeur",
            nl=["vrachtwagenchauffeur", "chauffeur vrachtwagen"],
            hold=["vrachtwagenchauffeurs", "chauffeurs vrachtwagen"],
            en=["truck driver"],
            certs=["rijbewijs C", "rijbewijs CE", "code 95"],
            skills=["ritplanning"],
            edu=0,
            words="transport ritten distributie lading tachograaf",
        ),
        dict(
            id="magazijnmedewerker",
            nl=["magazijnmedewerker", "medewerker magazijn"],
            hold=["magazijnmedewerkers", "medewerkers magazijn"],
            en=["warehouse worker"],
            certs=["VCA"],
            skills=["orderpicken", "voorraadbeheer"],
            edu=0,
            words="magazijn voorraad scanner inslag uitslag",
        ),
    ],
    "zorg": [
        dict(
            id="verpleegkundige",
            nl=["verpleegkundige", "verpleger"],
            hold=["verpleegkundigen", "verplegers"],
            en=["nurse", "registered nurse"],
            certs=["BIG-registratie", "diploma verpleegkunde"],
            skills=["wondzorg", "medicatie toedienen"],
            edu=2,
            words="patienten zorg afdeling ziekenhuis dienst",
        ),
        dict(
            id="verzorgende",
            nl=["verzorgende IG", "verzorgende"],
            hold=["verzorgenden IG", "verzorgenden"],
            en=["caregiver"],
            certs=["diploma verzorgende IG"],
            skills=["medicatie toedienen", "ADL-zorg"],
            edu=1,
            words="clienten zorg verpleeghuis ouderen dienst",
        ),
        dict(
            id="doktersassistent",
            nl=["doktersassistent", "assistent huisarts"],
            hold=["doktersassistenten", "assistenten huisarts"],
            en=["medical assistant"],
            certs=["diploma doktersassistent"],
            skills=["triage"],
            edu=2,
            words="praktijk patienten balie triage",
        ),
    ],
    "operatiekamer": [
        dict(
            id="anesthesiemedewerker",
            nl=["anesthesiemedewerker", "medewerker anesthesie"],
            hold=["anesthesiemedewerkers", "medewerkers anesthesie"],
            en=["anaesthesia assistant"],
            certs=["deelcertificaat anesthesiologie", "BIG-registratie"],
            skills=["monitoring"],
            edu=2,
            words="anesthesie operatie narcose patienten ok",
        ),
        dict(
            id="operatieassistent",
            nl=["operatieassistent", "assistent operatiekamer"],
            hold=["operatieassistenten", "assistenten operatiekamer"],
            en=["surgical assistant"],
            certs=["deelcertificaat operatieassistentie", "BIG-registratie"],
            skills=["instrumenteren"],
            edu=2,
            words="operatie instrumenten steriel ok chirurg",
        ),
        dict(
            id="sterilisatiemedewerker",
            nl=["sterilisatiemedewerker", "medewerker sterilisatie"],
            hold=["sterilisatiemedewerkers", "medewerkers sterilisatie"],
            en=["sterilisation technician"],
            certs=["certificaat steriliseren"],
            skills=["instrumenteren"],
            edu=1,
            words="steriel instrumenten reiniging ok hygiene",
        ),
    ],
    "secretariaat": [
        dict(
            id="secretaresse",
            nl=["secretaresse", "secretaris"],
            hold=["secretaresses", "secretarissen"],
            en=["secretary"],
            certs=["diploma secretaresse"],
            skills=["notuleren", "agendabeheer"],
            edu=2,
            words="agenda correspondentie vergaderingen telefoon afdeling",
        ),
        dict(
            id="medisch-secretaresse",
            nl=["medisch secretaresse", "medisch secretaris"],
            hold=["medisch secretaresses", "medische secretaresse"],
            en=["medical secretary"],
            certs=["diploma medisch secretaresse", "certificaat medische terminologie"],
            skills=["agendabeheer"],
            edu=2,
            words="polikliniek patienten agenda specialisten correspondentie",
        ),
        dict(
            id="managementassistent",
            nl=["managementassistent", "assistent management"],
            hold=["managementassistenten", "assistenten management"],
            en=["management assistant"],
            certs=["diploma managementassistent"],
            skills=["notuleren", "Excel"],
            edu=3,
            words="directie agenda vergaderingen rapportages planning",
        ),
    ],
    "ict": [
        dict(
            id="softwareontwikkelaar",
            nl=["softwareontwikkelaar", "ontwikkelaar software", "programmeur"],
            hold=["softwareontwikkelaars", "programmeurs"],
            en=["software developer", "software engineer"],
            certs=["Python certificaat"],
            skills=["Python", "SQL"],
            edu=3,
            words="code applicaties testen api scrum",
        ),
        dict(
            id="systeembeheerder",
            nl=["systeembeheerder", "beheerder systemen"],
            hold=["systeembeheerders", "beheerders systemen"],
            en=["system administrator"],
            certs=["ITIL Foundation", "Linux certificaat"],
            skills=["Linux", "netwerkbeheer"],
            edu=2,
            words="servers netwerk storingen beheer back-ups",
        ),
        dict(
            id="data-analist",
            nl=["data-analist", "analist data"],
            hold=["data-analisten", "dataanalisten"],
            en=["data analyst"],
            certs=["Power BI certificaat"],
            skills=["SQL", "Excel"],
            edu=3,
            words="data rapportages dashboards analyses statistiek",
        ),
    ],
    "klantcontact": [
        dict(
            id="klantenservicemedewerker",
            nl=["klantenservicemedewerker", "medewerker klantenservice"],
            hold=["klantenservicemedewerkers", "medewerkers klantenservice"],
            en=["customer service agent"],
            certs=["certificaat klantcontact"],
            skills=["klachtafhandeling"],
            edu=1,
            words="klanten telefoon vragen klachten chat",
        ),
        dict(
            id="receptionist",
            nl=["receptionist", "baliemedewerker", "medewerker balie"],
            hold=["receptionisten", "baliemedewerkers"],
            en=["receptionist", "front desk clerk"],
            certs=["BHV"],
            skills=["telefoonbeheer"],
            edu=1,
            words="ontvangst bezoekers balie telefoon post",
        ),
    ],
    "bouw": [
        dict(
            id="elektricien",
            nl=["elektricien", "installatiemonteur elektra", "monteur elektra"],
            hold=["elektriciens", "monteurs elektra"],
            en=["electrician"],
            certs=["VCA", "NEN 3140"],
            skills=["schakelkasten"],
            edu=1,
            words="installaties bekabeling storingen groepenkast bouw",
        ),
        dict(
            id="timmerman",
            nl=["timmerman", "bouwtimmerman"],
            hold=["timmerlieden", "timmermannen"],
            en=["carpenter"],
            certs=["VCA"],
            skills=["kozijnen plaatsen"],
            edu=0,
            words="hout bouw kozijnen renovatie steigers",
        ),
    ],
    "financien": [
        dict(
            id="boekhouder",
            nl=["boekhouder", "medewerker boekhouding"],
            hold=["boekhouders", "medewerkers boekhouding"],
            en=["bookkeeper", "accountant"],
            certs=["diploma praktijkdiploma boekhouden"],
            skills=["Excel", "grootboek"],
            edu=2,
            words="facturen administratie btw grootboek jaarafsluiting",
        ),
        dict(
            id="salarisadministrateur",
            nl=["salarisadministrateur", "medewerker salarisadministratie"],
            hold=["salarisadministrateurs"],
            en=["payroll administrator"],
            certs=["SPD diploma"],
            skills=["Excel", "loonheffing"],
            edu=2,
            words="salarissen loonstroken verloning cao administratie",
        ),
    ],
}

# Concept ids of certificates and skills with their synonyms/English; the held-out set writes no synonym.
CONCEPT_SYNONYMS = {
    "rijbewijs C": ["vrachtwagenrijbewijs", "en:truck driving licence"],
    "rijbewijs CE": ["rijbewijs C+E", "en:truck and trailer licence"],
    "VCA": ["VCA basis", "veiligheidscertificaat VCA"],
    "heftruckcertificaat": ["certificaat heftruck", "en:forklift licence"],
    "BIG-registratie": ["BIG registratie", "registratie BIG", "en:BIG registration"],
    "Excel": ["Microsoft Excel", "MS Excel"],
    "medicatie toedienen": ["medicijnen toedienen", "en:medication administration"],
    "wondzorg": ["wondverzorging", "en:wound care"],
    "notuleren": ["notulen maken", "en:minute taking"],
    "agendabeheer": ["beheer agenda", "en:calendar management"],
    "orderpicken": ["orders verzamelen", "en:order picking"],
    "voorraadbeheer": ["beheer voorraad", "en:inventory management"],
    "klachtafhandeling": ["afhandeling klachten", "en:complaint handling"],
    "deelcertificaat anesthesiologie": ["certificaat anesthesiologie"],
    "certificaat medische terminologie": ["medische terminologie", "en:medical terminology"],
}
GENERIC = [
    "wij",
    "zoeken",
    "een",
    "enthousiaste",
    "collega",
    "voor",
    "ons",
    "team",
    "je",
    "werkt",
    "zelfstandig",
    "en",
    "nauwkeurig",
    "goede",
    "arbeidsvoorwaarden",
    "uitdagende",
    "functie",
    "flexibele",
    "werktijden",
    "samenwerken",
    "communicatief",
]
GENERIC_EN = [
    "we",
    "are",
    "looking",
    "for",
    "a",
    "motivated",
    "colleague",
    "in",
    "our",
    "team",
    "you",
    "work",
    "independently",
    "accurate",
    "flexible",
]
ROLE_WORDS_EN = [
    "experienced",
    "worked",
    "as",
    "responsible",
    "for",
    "daily",
    "tasks",
    "in",
    "a",
    "busy",
    "environment",
]

ALL_OCCUPATIONS = [(family, occ) for family, occs in FAMILIES.items() for occ in occs]
FAMILY_IDS = {name: number for number, name in enumerate(sorted(FAMILIES), start=1)}
OCC_BY_ID = {occ["id"]: (family, occ) for family, occ in ALL_OCCUPATIONS}


def _cid(name: str) -> str:
    return "c:" + fold(name)


def build_vocabulary() -> Vocabulary:
    """The organisation's vocabulary: preferred/alternative/English labels. Held-out forms are NOT in it."""
    terms: list[Term] = []
    for _family, occ in ALL_OCCUPATIONS:
        terms += [Term("o:" + occ["id"], label, "nl", "occupation") for label in occ["nl"]]
        terms += [Term("o:" + occ["id"], label, "en", "occupation") for label in occ["en"]]
        for name in occ["certs"] + occ["skills"]:
            terms.append(Term(_cid(name), name, "nl", "skill"))
    for name, synonyms in CONCEPT_SYNONYMS.items():
        for label in synonyms:
            language, text = ("en", label[3:]) if label.startswith("en:") else ("nl", label)
            terms.append(Term(_cid(name), text, language, "skill"))
    return Vocabulary.build(terms)


# --------------------------------------------------------------------------- latent truth


@dataclass
class TrueVacancy:
    id: int
    family: str
    occ: str
    certs: list[str]  # must-have certificates
    skills: list[str]  # must-have essential skills
    nice: list[str]
    lang: tuple[str, int] | None  # ("nl", CEFR index)
    edu: int
    years: int
    english: bool


@dataclass
class TrueCandidate:
    id: int
    occs: list[str]  # occupations worked in (first = main)
    years: dict[str, float]
    certs: set[str]
    skills: set[str]
    langs: dict[str, int]
    edu: int
    english: bool
    surfaces: dict = field(default_factory=dict)


def _typo(word: str, rng: random.Random) -> str:
    """One substituted or swapped letter inside the longest run of 8+ letters.

    Codes (BIG, VCA, C/CE) are never touched: a changed code is another code, which the normaliser refuses on
    purpose ("rijbewijs C" is not "rijbewijs D").
    """
    runs = [m for m in re.finditer(r"[^\W\d_]{8,}", word)]
    if not runs:
        return word
    run = max(runs, key=lambda m: m.end() - m.start())
    i = rng.randrange(run.start() + 2, run.end() - 2)
    if rng.random() < 0.5:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + rng.choice("aeiourstn") + word[i + 1 :]


def gen_vacancy(vid: int, rng: random.Random) -> TrueVacancy:
    family, occ = rng.choice(ALL_OCCUPATIONS)
    certs = rng.sample(occ["certs"], k=rng.randint(1, len(occ["certs"])))
    skills = rng.sample(occ["skills"], k=rng.randint(0, 1))
    fam_skills = sorted({s for o in FAMILIES[family] for s in o["skills"]} - set(skills))
    nice = rng.sample(fam_skills, k=min(len(fam_skills), rng.randint(0, 2)))
    english = family == "ict" and rng.random() < 0.4
    lang = ("en", rng.randint(2, 3)) if english else ("nl", rng.randint(2, 4))
    edu = max(0, occ["edu"] - rng.randint(0, 1))
    return TrueVacancy(vid, family, occ["id"], certs, skills, nice, lang, edu, rng.choice([0, 0, 1, 2, 3, 5]), english)


def gen_candidate(cid: int, rng: random.Random) -> TrueCandidate:
    family, occ = rng.choice(ALL_OCCUPATIONS)
    occs = [occ["id"]]
    if rng.random() < 0.35:  # an earlier job, mostly in the same family
        pool = FAMILIES[family] if rng.random() < 0.7 else [o for _f, o in ALL_OCCUPATIONS]
        other = rng.choice(pool)["id"]
        if other not in occs:
            occs.append(other)
    years = {o: round(rng.uniform(0.5, 9), 1) for o in occs}
    certs: set[str] = set()
    skills: set[str] = set()
    for o in occs:
        spec = OCC_BY_ID[o][1]
        certs |= {c for c in spec["certs"] if rng.random() < 0.75}
        skills |= {s for s in spec["skills"] if rng.random() < 0.8}
    fam_skills = sorted({s for o in FAMILIES[family] for s in o["skills"]})
    skills |= {s for s in fam_skills if rng.random() < 0.3}
    english = rng.random() < 0.15
    langs = {"nl": rng.randint(1, 5) if english else rng.randint(3, 5), "en": rng.randint(1, 4)}
    edu = min(4, max(0, occ["edu"] + rng.choice([-1, 0, 0, 1])))
    return TrueCandidate(cid, occs, years, certs, skills, langs, edu, english)


def grade(v: TrueVacancy, c: TrueCandidate) -> tuple[int, list[str]]:
    """Relevance grade from the latent truth, and what is truly missing."""
    missing_routable = [x for x in v.certs if x not in c.certs] + [x for x in v.skills if x not in c.skills]
    hard_fail = 0
    if v.lang is not None and c.langs.get(v.lang[0], 0) < v.lang[1]:
        hard_fail += 1
    if c.edu < v.edu:
        hard_fail += 1
    if sum(y for o, y in c.years.items() if o == v.occ) < v.years:
        hard_fail += 1
    same_occ = v.occ in c.occs
    same_fam = v.family in {OCC_BY_ID[o][0] for o in c.occs}
    missing = missing_routable + ["(hard)"] * hard_fail
    if not missing:
        return (3 if same_occ else 2 if same_fam else 0), []
    if len(missing) == 1 and not hard_fail and (same_occ or same_fam):
        return 1, missing
    return 0, missing


# --------------------------------------------------------------------------- surface forms


def _name(name: str, rng: random.Random, held_out: bool, synonyms: bool = True) -> str:
    """How a person writes a certificate or skill."""
    options = [name]
    if not held_out and synonyms:
        options += [s[3:] if s.startswith("en:") else s for s in CONCEPT_SYNONYMS.get(name, [])]
    chosen = rng.choice(options)
    roll = rng.random()
    if roll < (0.3 if held_out else 0.1):
        words = chosen.split()
        longest = max(range(len(words)), key=lambda i: len(words[i]))
        words[longest] = _typo(words[longest], rng)
        chosen = " ".join(words)
    elif roll < 0.5:
        chosen = chosen.upper() if len(chosen) < 6 else chosen.capitalize()
    return chosen


def _role(occ: dict, rng: random.Random, held_out: bool, english: bool) -> str:
    if english:
        return rng.choice(occ["en"])
    if held_out:
        form = rng.choice(occ["hold"])
        return _typo(form, rng) if rng.random() < 0.25 else form
    return rng.choice(occ["nl"])


def surface_vacancy(v: TrueVacancy, rng: random.Random) -> dict:
    occ = OCC_BY_ID[v.occ][1]
    title = rng.choice(occ["en"]) if v.english else rng.choice(occ["nl"])
    generic = GENERIC_EN if v.english else GENERIC
    words = occ["words"].split()
    body = rng.sample(words, k=4) + rng.sample(generic, k=8) + [rng.choice(occ["nl"] + occ["en"])]
    must_labels = [_name(x, rng, False) for x in v.certs + v.skills]
    nice_labels = [_name(x, rng, False) for x in v.nice]
    text = " ".join([title, *body, *must_labels, *nice_labels])
    return {"title": title, "must": must_labels, "nice": nice_labels, "text": text}


def surface_candidate(c: TrueCandidate, rng: random.Random, held_out: bool) -> dict:
    roles = [(_role(OCC_BY_ID[o][1], rng, held_out, c.english), c.years[o]) for o in c.occs]
    quals = [_name(x, rng, held_out) for x in sorted(c.certs)]
    skills = [_name(x, rng, held_out) for x in sorted(c.skills)]
    words: list[str] = []
    for o in c.occs:
        words += rng.sample(OCC_BY_ID[o][1]["words"].split(), k=3)
    filler = ROLE_WORDS_EN if c.english else GENERIC
    text = " ".join([r for r, _y in roles] + words + rng.sample(filler, k=6) + skills)
    return {"roles": roles, "quals": quals, "skills": skills, "text": text}


# --------------------------------------------------------------------------- to engine documents


def vacancy_doc(v: TrueVacancy, s: dict, vocab: Vocabulary) -> engine.VacancyDoc:
    must = [engine.Need(vocab.concept_or_key(label)) for label in s["must"]]
    if v.lang:
        must.append(engine.Need(LANGUAGE_CONCEPT[v.lang[0]], v.lang[1]))
    if v.edu:
        must.append(engine.Need("edu", v.edu + EDUCATION_OFFSET))
    occupation = vocab.resolve(s["title"])
    if v.years and occupation:
        must.append(engine.Need("years:" + occupation, v.years))
    nice = tuple(c for c in (vocab.resolve(label) for label in s["nice"]) if c)
    terms = tuple(text_terms(s["text"], "en" if v.english else "nl", vocab.head_words))
    return engine.VacancyDoc(v.id, tuple(must), nice, occupation, f"jf{FAMILY_IDS[v.family]}", terms)


def profile_doc(c: TrueCandidate, s: dict, vocab: Vocabulary) -> engine.ProfileDoc:
    levels: dict[str, float] = {}
    occupations = set()
    for role, years in s["roles"]:
        occ = vocab.resolve(role)
        if occ:
            occupations.add(occ)
            levels["years:" + occ] = levels.get("years:" + occ, 0.0) + years
    for name in s["quals"] + s["skills"]:
        levels[vocab.concept_or_key(name)] = 1.0
    for language, level in c.langs.items():
        levels[LANGUAGE_CONCEPT[language]] = level
    levels["edu"] = c.edu + EDUCATION_OFFSET
    terms = tuple(text_terms(s["text"], "en" if c.english else "nl", vocab.head_words))
    return engine.ProfileDoc(c.id, levels, frozenset(occupations), terms)


def routes() -> list[engine.RouteRef]:
    """One route per certificate or skill (the benchmark's catalogue); languages, education, years have none."""
    names = sorted({n for _f, o in ALL_OCCUPATIONS for n in o["certs"] + o["skills"]})
    return [
        engine.RouteRef(i, f"Route {n}", frozenset({_cid(n)}), weeks=4 + i % 20, cost=100 * (i % 7))
        for i, n in enumerate(names, start=1)
    ]


# --------------------------------------------------------------------------- quality


def _dcg(grades: list[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


@dataclass
class Quality:
    recall: list[float] = field(default_factory=list)
    ndcg: list[float] = field(default_factory=list)
    violations: int = 0
    near_total: int = 0
    near_right: int = 0

    def add(self, ranked: list[int], near: dict[int, str], c: TrueCandidate, vacancies: list[TrueVacancy]) -> None:
        grades = {}
        truth_missing = {}
        for v in vacancies:
            g, missing = grade(v, c)
            grades[v.id] = g
            if v.id in ranked:
                truth_missing[v.id] = missing
        got = [grades[i] for i in ranked[:10]]
        ideal = sorted(grades.values(), reverse=True)[:10]
        threes = sum(1 for g in grades.values() if g == 3)
        if threes:
            self.recall.append(sum(1 for g in got if g == 3) / min(10, threes))
        if _dcg(ideal) > 0:
            self.ndcg.append(_dcg(got) / _dcg(ideal))
        for vid in ranked[:10]:
            missing = truth_missing[vid]
            if vid in near:
                self.near_total += 1
                ok = len(missing) == 1 and _cid(missing[0]) == near[vid]
                self.near_right += ok
                self.violations += not ok
            elif missing:
                self.violations += 1


def _pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


# --------------------------------------------------------------------------- PostgreSQL FTS


def _fts_connect():
    try:
        import psycopg
    except ImportError:
        return None, "psycopg missing"
    base = os.environ.get("DATABASE_URL", "")
    admin = base if base.startswith("postgres") else "postgres://postgres@127.0.0.1:5432/postgres"
    admin = admin.rsplit("/", 1)[0] + "/postgres"
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {FTS_DATABASE}")
            conn.execute(f"CREATE DATABASE {FTS_DATABASE}")
    except Exception as exc:  # any failure means: no Postgres here, report it as skipped
        return None, f"no PostgreSQL: {exc.__class__.__name__}"
    return (admin, admin.rsplit("/", 1)[0] + "/" + FTS_DATABASE), ""


def _fts_drop(admin: str) -> None:
    import psycopg

    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {FTS_DATABASE}")


def _fts_load(url: str, texts: list[tuple[int, str]]):
    import psycopg

    conn = psycopg.connect(url, autocommit=True)
    conn.execute("CREATE TABLE vac (id integer PRIMARY KEY, body text, tsv tsvector)")
    with conn.cursor() as cur, cur.copy("COPY vac (id, body) FROM STDIN") as copy:
        for row in texts:
            copy.write_row(row)
    conn.execute("UPDATE vac SET tsv = to_tsvector('dutch', body)")
    conn.execute("CREATE INDEX vac_tsv ON vac USING gin (tsv)")
    conn.execute("ANALYZE vac")
    return conn


def _fts_query_terms(text: str, df: Counter, n: int) -> list[str]:
    counts = Counter(w for w in fold(text).split() if len(w) > 2 and w.isalpha())
    scored = sorted(counts, key=lambda w: (-(1 + math.log(counts[w])) * math.log((n + 1) / (df.get(w, 0) + 1)), w))
    return [w for w in scored if df.get(w, 0) > 0][:FTS_TERMS]


def _fts_rank(conn, terms: list[str]) -> list[int]:
    if not terms:
        return []
    sql = "SELECT id FROM vac, to_tsquery('dutch', %s) q WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC, id LIMIT 10"
    return [row[0] for row in conn.execute(sql, (" | ".join(terms),)).fetchall()]


# --------------------------------------------------------------------------- the run


def _ms(seconds: list[float]) -> list[float]:
    return [s * 1000 for s in seconds]


def run(size: str, seed: int, *, sizes: tuple | None = None, postgres: bool = True, api: bool = True) -> Report:
    """Run at ``size`` (or explicit ``sizes``); ``postgres=False`` skips the FTS method, ``api=False`` the HTTP part."""
    n_vac, n_cand, n_queries, n_naive, n_pool, n_all = sizes or SIZES[size]
    report = Report(benchmark="matching", size=size, seed=seed)
    rng = random.Random(seed)
    started = time.perf_counter()
    vocab = build_vocabulary()
    true_vacancies = [gen_vacancy(i, rng) for i in range(1, n_vac + 1)]
    vac_surfaces = [surface_vacancy(v, rng) for v in true_vacancies]
    vac_docs = [vacancy_doc(v, s, vocab) for v, s in zip(true_vacancies, vac_surfaces, strict=True)]
    pool_true = [gen_candidate(i, rng) for i in range(1, n_cand + 1)]
    pool_docs = [profile_doc(c, surface_candidate(c, rng, held_out=False), vocab) for c in pool_true]
    generated = time.perf_counter() - started

    t0 = time.perf_counter()
    index = engine.MatchIndex(routes())
    index.add_vacancies(vac_docs)
    index.add_profiles(pool_docs)
    build_s = time.perf_counter() - t0

    query_sets: dict[str, list] = {}
    surfaced: list[tuple[TrueCandidate, dict]] = []
    cv_texts: dict[int, str] = {}
    for name, qseed, held_out, base in (("tuning", seed, False, 10_000_000), ("held_out", seed + 1, True, 20_000_000)):
        qrng = random.Random(qseed * 7919 + 17)
        cands = [gen_candidate(base + i, qrng) for i in range(n_queries)]
        surfaces = [surface_candidate(c, qrng, held_out) for c in cands]
        query_sets[name] = [(c, profile_doc(c, s, vocab)) for c, s in zip(cands, surfaces, strict=True)]
        surfaced += list(zip(cands, surfaces, strict=True))
        cv_texts.update({c.id: s["text"] for c, s in zip(cands, surfaces, strict=True)})
    queries = [q for qs in query_sets.values() for q in qs]

    # The engine over every query (candidate -> vacancies, full ranking with explanations), and PostgreSQL
    # FTS on the same query right next to it: the machine is shared, so a burst of load hits both alike
    # instead of one phase of the run. Who goes first alternates; one warm-up each.
    fts_run = _Fts.start(vac_surfaces, true_vacancies) if postgres else None
    engine.rank_vacancies(index, queries[0][1], 10)
    engine_times: list[float] = []
    engine_cpu: list[float] = []  # this thread's CPU time: what the shared machine's other processes cannot inflate
    fts_times: list[float] = []
    engine_results: dict[int, list[engine.Suggestion]] = {}
    fts_ranked: dict[int, list[int]] = {}
    if fts_run is not None and fts_run.conn is not None:
        fts_run.rank(cv_texts[queries[0][0].id])
    for number, (c, doc) in enumerate(queries):
        fts_first = number % 2 == 1 and fts_run is not None and fts_run.conn is not None
        if fts_first:
            fts_ranked[doc.id] = fts_run.timed(cv_texts[c.id], fts_times)  # type: ignore[union-attr]
        t, cpu = time.perf_counter(), time.thread_time()
        engine_results[doc.id] = engine.rank_vacancies(index, doc, 10)
        engine_times.append(time.perf_counter() - t)
        engine_cpu.append(time.thread_time() - cpu)
        if not fts_first and fts_run is not None and fts_run.conn is not None:
            fts_ranked[doc.id] = fts_run.timed(cv_texts[c.id], fts_times)

    # The naive loop on a subset of the same queries; the engine's top-10 must equal it.
    naive_times, same_top = [], 0
    naive_queries = queries[:: max(1, len(queries) // n_naive)][:n_naive]
    for _c, doc in naive_queries:
        t = time.perf_counter()
        naive = engine.naive_rank_vacancies(index, doc, 10)
        naive_times.append(time.perf_counter() - t)
        got = [(s.target_id, s.score) for s in engine_results[doc.id]]
        same_top += got == naive

    quality = {}
    for name, qs in query_sets.items():
        q = Quality()
        for c, doc in qs:
            suggestions = engine_results[doc.id]
            near = {s.target_id: s.missing[0] for s in suggestions if not s.fits_now}
            q.add([s.target_id for s in suggestions], near, c, true_vacancies)
        quality[name] = q

    # Vacancy -> talent pool.
    pool_times = []
    pool_queries = vac_docs[:: max(1, len(vac_docs) // n_pool)][:n_pool]
    engine.rank_candidates(index, pool_queries[0], 10)
    for vdoc in pool_queries:
        t = time.perf_counter()
        engine.rank_candidates(index, vdoc, 10)
        pool_times.append(time.perf_counter() - t)

    fts: dict[str, Any] = {"ran": False, "skipped": "off"}
    if fts_run is not None:
        fts = fts_run.finish(queries, true_vacancies, fts_times, fts_ranked, engine_times)
    bm25 = _run_bm25s(vac_docs, queries)
    api_figures: dict[str, Any] = {}
    if api:  # last: it sets up Django on a fresh SQLite file of its own
        from bench import matching_api

        api_figures = matching_api.run(
            index=index, vocab=vocab, families=FAMILY_IDS, vacancies=true_vacancies, vac_surfaces=vac_surfaces,
            pool=pool_true, queries=surfaced[:n_queries], pool_queries=[v.id for v in pool_queries],
            education=EDUCATION,
        )  # fmt: skip

    all_s = None
    if n_all:
        t = time.perf_counter()
        for c in pool_docs[:n_all]:
            engine.rank_vacancies(index, c, 10)
        all_s = time.perf_counter() - t
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    e_ms, n_ms = _ms(engine_times), _ms(naive_times)
    report.add("candidate_to_vacancies_p50_ms", statistics.median(e_ms), "ms")
    report.add("candidate_to_vacancies_p95_ms", _pct(e_ms, 95), "ms", 10 if n_vac >= 50_000 else None)
    report.add("candidate_to_vacancies_cpu_p95_ms", _pct(_ms(engine_cpu), 95), "ms")
    report.add("talent_pool_p50_ms", statistics.median(_ms(pool_times)), "ms")
    report.add("talent_pool_p95_ms", _pct(_ms(pool_times), 95), "ms", 100 if n_cand >= 200_000 else None)
    report.add("naive_loop_p50_ms", statistics.median(n_ms), "ms")
    report.add("naive_loop_p95_ms", _pct(n_ms, 95), "ms")
    report.add("speedup_vs_naive_p50", statistics.median(n_ms) / statistics.median(e_ms), "x", 30, "higher")
    report.add("same_top10_as_naive_share", same_top / len(naive_queries), "", 1.0, "higher")
    if fts["ran"]:
        report.add("fts_p50_ms", fts["p50"], "ms")
        report.add("fts_p95_ms", fts["p95"], "ms")
        report.add("speedup_vs_fts_p50", fts["p50"] / statistics.median(e_ms), "x", 10, "higher")
        report.add("speedup_vs_fts_paired_median", fts["paired"], "x", better="higher")
        report.add("fts_ndcg_at_10", fts["ndcg"], "", better="higher")
        report.add("fts_hard_violations_in_top10", fts["violations"], "")
    if bm25["ran"]:
        report.add("bm25s_p50_ms", bm25["p50"], "ms")
    for name, q in quality.items():
        report.add(f"{name}_recall_at_10_grade3", statistics.mean(q.recall) if q.recall else 0.0, "", 0.9, "higher")
        report.add(f"{name}_ndcg_at_10", statistics.mean(q.ndcg) if q.ndcg else 0.0, "", 0.85, "higher")
        report.add(f"{name}_hard_violations_in_top10", q.violations, "", 0)
        precision = q.near_right / q.near_total if q.near_total else 1.0
        report.add(f"{name}_near_miss_precision", precision, "", 1.0, "higher")
    if all_s is not None:
        per_pair = all_s / n_all
        report.add("nightly_all_x_all_s", per_pair * 10_000 * (50_000 / n_vac), "s", 60)
    if api_figures:
        p95_target = 50 if n_vac >= 50_000 else None  # PERFORMANCE §1: through the HTTP endpoint
        report.add("api_candidate_to_vacancies_p50_ms", api_figures["candidate_to_vacancies_p50_ms"], "ms")
        report.add("api_candidate_to_vacancies_p95_ms", api_figures["candidate_to_vacancies_p95_ms"], "ms", p95_target)
        report.add("api_candidate_to_vacancies_cpu_p50_ms", api_figures["candidate_to_vacancies_cpu_p50_ms"], "ms")
        report.add("api_candidate_to_vacancies_cpu_p95_ms", api_figures["candidate_to_vacancies_cpu_p95_ms"], "ms")
        report.add("api_talent_pool_p50_ms", api_figures["talent_pool_p50_ms"], "ms")
        report.add("api_talent_pool_p95_ms", api_figures["talent_pool_p95_ms"], "ms")
        report.add("api_talent_pool_cpu_p95_ms", api_figures["talent_pool_cpu_p95_ms"], "ms")
    report.add("peak_rss_mb", peak_rss_mb, "MB", 4096 if n_all else None)
    report.details = {
        "engine_version": engine.ENGINE_VERSION,
        "vacancies": n_vac,
        "candidates": n_cand,
        "queries": {name: len(qs) for name, qs in query_sets.items()},
        "naive_queries": len(naive_queries),
        "talent_pool_queries": len(pool_queries),
        "all_x_all_candidates": n_all,
        "generate_s": round(generated, 2),
        "index_build_s": round(build_s, 2),
        "near_misses_in_top10": {name: q.near_total for name, q in quality.items()},
        "fts": {k: v for k, v in fts.items() if k not in ("p50", "p95", "paired", "ndcg", "violations")},
        "bm25s": bm25.get("note", "ran" if bm25["ran"] else "not installed"),
        "nproc": os.cpu_count(),
        "api": {k: v for k, v in api_figures.items() if not k.endswith("_ms")} or "not run",
    }
    return report


class _Fts:
    """PostgreSQL full-text search over the same vacancy texts, asked query by query next to the engine."""

    def __init__(self, admin: str | None, conn: Any, df: Counter, n: int, note: str = "") -> None:
        self.admin, self.conn, self.df, self.n, self.note = admin, conn, df, n, note

    @classmethod
    def start(cls, vac_surfaces: list[dict], true_vacancies: list[TrueVacancy]) -> _Fts:
        """Load the texts into a fresh database with a GIN index (or note why PostgreSQL is not there)."""
        target, note = _fts_connect()
        if target is None:
            return cls(None, None, Counter(), 0, note)
        admin, url = target
        conn = _fts_load(url, [(v.id, s["text"]) for v, s in zip(true_vacancies, vac_surfaces, strict=True)])
        df: Counter = Counter()
        for s in vac_surfaces:
            df.update(set(w for w in fold(s["text"]).split() if len(w) > 2 and w.isalpha()))
        return cls(admin, conn, df, len(vac_surfaces))

    def rank(self, cv_text: str) -> list[int]:
        return _fts_rank(self.conn, _fts_query_terms(cv_text, self.df, self.n))

    def timed(self, cv_text: str, times: list[float]) -> list[int]:
        """Rank one CV's tf-idf-selected terms; the query's time (not the term selection) goes to ``times``."""
        terms = _fts_query_terms(cv_text, self.df, self.n)
        t = time.perf_counter()
        ranked = _fts_rank(self.conn, terms)
        times.append(time.perf_counter() - t)
        return ranked

    def finish(self, queries, true_vacancies, times, ranked, engine_times) -> dict[str, Any]:
        """The figures, and the database dropped again."""
        if self.conn is None:
            return {"ran": False, "skipped": self.note}
        try:
            q = Quality()
            for c, doc in queries:
                q.add(ranked[doc.id], {}, c, true_vacancies)
            self.conn.close()
            return {
                "ran": True,
                "p50": statistics.median(_ms(times)),
                "p95": _pct(_ms(times), 95),
                "paired": statistics.median(f / e for f, e in zip(times, engine_times, strict=True)),
                "ndcg": statistics.mean(q.ndcg) if q.ndcg else 0.0,
                "violations": q.violations,
                "database": FTS_DATABASE,
                "timing": "interleaved with the engine, query by query",
            }
        finally:
            _fts_drop(self.admin)  # type: ignore[arg-type]


def _run_bm25s(vac_docs, queries) -> dict:
    try:
        import bm25s
    except ImportError:
        return {"ran": False}
    retriever = bm25s.BM25()
    retriever.index([list(d.terms) for d in vac_docs], show_progress=False)
    times = []
    for _c, doc in queries:
        t = time.perf_counter()
        retriever.retrieve([list(doc.terms)], k=10, show_progress=False)
        times.append(time.perf_counter() - t)
    return {"ran": True, "p50": statistics.median(_ms(times)), "note": "text only, no hard filters"}
