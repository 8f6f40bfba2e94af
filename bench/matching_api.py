"""The matching benchmark's HTTP part: the same index, asked through the API as an ATS would (PERFORMANCE §1).

``candidate → open vacancies ≤ 50 ms through the HTTP endpoint`` is measured here: requests go through
Django's test client, in this process — URL routing, every middleware, the API key check, the ORM reads
(the application's candidate and profile, the vacancies shown with their requirements), the engine,
the suggestion log and audit rows, and the JSON — but no network and no web server.

The database is a fresh SQLite file in a temporary folder (unless Django is already configured, as in
the test suite), filled with the benchmark's generated organisation: every vacancy with its
requirements, every talent-pool candidate with a consent, and one application per query candidate with
its profile. The engine's index is the one the engine benchmark built from the same documents; it is
handed to the app's per-process cache (``matching.index``) so the HTTP figure is the engine's plus what
the product does around it, not the time to build an index from the ORM.
"""

from __future__ import annotations

import atexit
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

CEFR = ["A1", "A2", "B1", "B2", "C1", "C2"]
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "Engels"}
BATCH = 2000


def _set_up_django() -> None:
    """A fresh SQLite database in a temporary folder, migrated; nothing when Django is configured already."""
    from django.conf import settings

    if settings.configured:
        return
    workdir = Path(tempfile.mkdtemp(prefix="nagesprek-bench-api-"))
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)  # the database is only for this run
    saved = os.environ.get("DATABASE_URL")
    os.environ["NAGESPREK_DATA_DIR"] = str(workdir)
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'api.sqlite3'}"  # never the developer's database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nagesprek.conf.dev")
    import django
    from django.core.management import call_command

    django.setup()
    if saved is None:
        os.environ.pop("DATABASE_URL")
    else:
        os.environ["DATABASE_URL"] = saved  # the FTS baseline reads it for PostgreSQL
    call_command("migrate", verbosity=0)


def _percentile(values: Sequence[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def run(
    *, index: Any, vocab: Any, families: dict[str, int], vacancies: list, vac_surfaces: list, pool: list,
    queries: list, pool_queries: list, education: Sequence[str],
) -> dict[str, float | int | str]:  # fmt: skip
    """Seed the database, hand over the index, time every request; returns the figures in ms.

    ``queries`` are (TrueCandidate, surface) pairs, one application each; ``pool_queries`` vacancy ids.
    """
    _set_up_django()
    from django.test import Client

    started = time.perf_counter()
    organisation, secret, application_ids = _seed(families, vacancies, vac_surfaces, pool, queries, education)
    seeded = time.perf_counter() - started
    restore = _hand_over(organisation, index, vocab)
    try:
        return _measure(Client(HTTP_HOST="127.0.0.1"), secret, application_ids, pool_queries, seeded)
    finally:
        restore()


def _measure(client: Any, secret: str, application_ids: list[int], pool_queries: list[int], seeded: float) -> dict:
    """Every request once (after one warm-up per endpoint), timed. The client's host is one the settings allow."""
    headers = {"authorization": f"Bearer {secret}"}

    def timed(paths: list[str]) -> tuple[list[float], list[float]]:
        """Wall-clock and CPU milliseconds per request (CPU: this thread's, which the shared machine's other
        processes cannot inflate; everything here — Django, SQLite, the engine — runs in this thread)."""
        client.get(paths[0], headers=headers)  # warm-up
        wall, cpu = [], []
        for path in paths:
            t, c = time.perf_counter(), time.thread_time()
            response = client.get(path, headers=headers)
            wall.append((time.perf_counter() - t) * 1000)
            cpu.append((time.thread_time() - c) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{path}: {response.status_code} {response.content[:200]!r}")
        return wall, cpu

    vacancies_ms, vacancies_cpu = timed([f"/api/v1/applications/{i}/vacancies" for i in application_ids])
    pool_ms, pool_cpu = timed([f"/api/v1/vacancies/{v}/talent-pool" for v in pool_queries])
    found = client.get(f"/api/v1/applications/{application_ids[0]}/vacancies", headers=headers).json()
    return {
        "candidate_to_vacancies_p50_ms": statistics.median(vacancies_ms),
        "candidate_to_vacancies_p95_ms": _percentile(vacancies_ms, 95),
        "candidate_to_vacancies_cpu_p50_ms": statistics.median(vacancies_cpu),
        "candidate_to_vacancies_cpu_p95_ms": _percentile(vacancies_cpu, 95),
        "talent_pool_p50_ms": statistics.median(pool_ms),
        "talent_pool_p95_ms": _percentile(pool_ms, 95),
        "talent_pool_cpu_p95_ms": _percentile(pool_cpu, 95),
        "requests": len(vacancies_ms) + len(pool_ms),
        "seed_s": round(seeded, 1),
        "first_answer_suggestions": len(found["suggestions"]),
    }


def _hand_over(organisation: Any, match_index: Any, vocab: Any):
    """Make the app use the benchmark's index and vocabulary for this organisation; returns the undo."""
    from nagesprek.matching import index, vocabulary

    own = vocabulary.vocabulary_for(organisation)  # the seeded organisation's own (empty) vocabulary ...
    key = vocabulary._CACHE[organisation.pk][0]
    assert not own.keys, "the seeded organisation has no vocabulary of its own"
    vocabulary._CACHE[organisation.pk] = (key, vocab)  # ... stands for the benchmark's, with the same stamp
    max_age = index.MAX_AGE_SECONDS
    index.MAX_AGE_SECONDS = 10**9  # no rebuild from the ORM in the middle of the run
    index._INDEXES[organisation.pk] = index._Entry(match_index, vocab, time.monotonic())

    def restore() -> None:
        index.MAX_AGE_SECONDS = max_age
        index.forget(organisation.pk)
        vocabulary._CACHE.pop(organisation.pk, None)

    return restore


def _seed(families, vacancies, vac_surfaces, pool, queries, education):
    from django.db import transaction

    from nagesprek.organisations.constants import Role
    from nagesprek.organisations.models import Department, Membership, Organisation

    with transaction.atomic():
        organisation = Organisation.objects.create(name="Benchmark", slug=f"bench-{time.time_ns()}")
        department = Department.objects.create(organisation=organisation, name="Alle afdelingen")
        _vacancies(organisation, department, families, vacancies, vac_surfaces, education)
        _pool(organisation, pool, education)
        application_ids = _applications(organisation, queries, education, vacancies[0].id)
        from nagesprek.accounts.models import User
        from nagesprek.integrations import services
        from nagesprek.organisations.selectors import Actor

        admin = User.objects.create_user(email=f"admin-{organisation.slug}@example.org", full_name="Beheerder")
        Membership.objects.create(user=admin, organisation=organisation, role=Role.ORG_ADMIN)
        actor = Actor(user=admin, organisation=organisation, roles=frozenset({Role.ORG_ADMIN}))
        _key, secret = services.create_api_key(actor=actor, name="Benchmark")
    return organisation, secret, application_ids


def _vacancies(organisation, department, families, vacancies, vac_surfaces, education) -> None:
    from nagesprek.vacancies.constants import RequirementKind, VacancyStatus
    from nagesprek.vacancies.models import JobFamily, Requirement, Vacancy

    JobFamily.objects.bulk_create(JobFamily(pk=i, organisation=organisation, name=name) for name, i in families.items())
    closing = date.today() + timedelta(days=30)
    rows = [
        Vacancy(
            pk=v.id, organisation=organisation, department=department, job_family_id=families[v.family],
            reference=f"B{v.id}", title=s["title"], description=s["text"], location="Delft", hours_min=32,
            hours_max=36, closing_date=closing, status=VacancyStatus.OPEN,
        )
        for v, s in zip(vacancies, vac_surfaces, strict=True)
    ]  # fmt: skip
    Vacancy.objects.bulk_create(rows, batch_size=BATCH)
    requirements = []
    for v, s in zip(vacancies, vac_surfaces, strict=True):
        must = [(RequirementKind.CERTIFICATE, label, True, "", None) for label in s["must"][: len(v.certs)]]
        must += [(RequirementKind.SKILL, label, True, "", None) for label in s["must"][len(v.certs) :]]
        must += [(RequirementKind.SKILL, label, False, "", None) for label in s["nice"]]
        if v.lang:
            must.append((RequirementKind.LANGUAGE, LANGUAGE_NAMES[v.lang[0]], True, CEFR[v.lang[1] - 1], None))
        if v.edu:
            must.append((RequirementKind.EDUCATION_LEVEL, education[v.edu], True, education[v.edu], None))
        if v.years:
            must.append((RequirementKind.EXPERIENCE, s["title"], True, "", v.years))
        requirements += [
            Requirement(vacancy_id=v.id, kind=k, label=label, is_must_have=m, level=level, years=years, position=i)
            for i, (k, label, m, level, years) in enumerate(must)
        ]
    Requirement.objects.bulk_create(requirements, batch_size=BATCH)


def _pool(organisation, pool, education) -> None:
    """Every talent-pool candidate as a row with a valid consent (the API re-checks consent per request)."""
    from django.utils import timezone

    from nagesprek.candidates.models import Candidate
    from nagesprek.consents.constants import ConsentPurpose, ConsentSource
    from nagesprek.consents.models import Consent

    Candidate.objects.bulk_create(
        (
            Candidate(pk=c.id, organisation=organisation, email=f"pool{c.id}@example.org",
                      full_name=f"Kandidaat {c.id}", education_level=education[c.edu])
            for c in pool
        ),
        batch_size=BATCH,
    )  # fmt: skip
    now = timezone.now()
    Consent.objects.bulk_create(
        (
            Consent(organisation=organisation, candidate_id=c.id, purpose=ConsentPurpose.TALENT_POOL, wording="-",
                    language="nl", source=ConsentSource.REJECTION, granted_at=now, expires_at=now + timedelta(days=365))
            for c in pool
        ),
        batch_size=BATCH,
    )  # fmt: skip


def _applications(organisation, queries, education, vacancy_id) -> list[int]:
    """One candidate with their profile and one application per query; returns the applications' ids."""
    from django.utils import timezone

    from nagesprek.applications.models import Application
    from nagesprek.candidates.models import Candidate, Experience, LanguageSkill, Qualification, Skill
    from nagesprek.vacancies.models import Stage

    stage = Stage.objects.create(vacancy_id=vacancy_id, kind="cv_screening", name="Cv", position=0)
    candidates = Candidate.objects.bulk_create(
        Candidate(pk=c.id, organisation=organisation, email=f"q{c.id}@example.org", full_name=f"Sollicitant {c.id}",
                  education_level=education[c.edu], cv_text=s["text"], language="en" if c.english else "nl")
        for c, s in queries
    )  # fmt: skip
    experiences, qualifications, skills, languages = [], [], [], []
    for c, s in queries:
        experiences += [Experience(candidate_id=c.id, role=role, years=round(years, 1)) for role, years in s["roles"]]
        qualifications += [
            Qualification(candidate_id=c.id, kind="certificate", name=name) for name in dict.fromkeys(s["quals"])
        ]
        skills += [Skill(candidate_id=c.id, name=name) for name in dict.fromkeys(s["skills"])]
        languages += [
            LanguageSkill(candidate_id=c.id, language=LANGUAGE_NAMES[language], level=CEFR[level - 1])
            for language, level in c.langs.items()
        ]
    Experience.objects.bulk_create(experiences, batch_size=BATCH)
    Qualification.objects.bulk_create(qualifications, batch_size=BATCH)
    Skill.objects.bulk_create(skills, batch_size=BATCH)
    LanguageSkill.objects.bulk_create(languages, batch_size=BATCH)
    now = timezone.now()
    applications = Application.objects.bulk_create(
        Application(organisation=organisation, candidate=c, vacancy_id=vacancy_id, stage=stage, applied_at=now)
        for c in candidates
    )
    return [a.pk for a in applications]
