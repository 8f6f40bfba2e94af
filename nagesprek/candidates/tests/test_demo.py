"""The demo profiles: read from a CV when missing, and documents dated (some expired)."""

import random
from decimal import Decimal

import pytest
from django.utils import timezone

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.candidates.constants import QualificationKind
from nagesprek.candidates.demo import add_demo_profiles, parse_cv
from nagesprek.candidates.models import Qualification
from nagesprek.candidates.tests.factories import CandidateFactory, QualificationFactory
from nagesprek.demo.services import load_demo_data
from nagesprek.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

DUTCH_CV = """Profiel
Doktersassistent met 6 jaar ervaring bij Huisartsenpraktijk De Linde. Ik werk nauwkeurig.

Werkervaring
Doktersassistent bij Huisartsenpraktijk De Linde (6 jaar)
- Spreekuur voorbereiden
Stage: baliemedewerker bij Gemeente Delft (6 maanden)

Opleiding
Mbo-diploma Doktersassistent (niveau 4)

Certificaten en registraties
- BHV-certificaat
- BIG-registratie als verpleegkundige

Vaardigheden
- Werken met HIS
- Plannen

Talen
Nederlands (C2), Engels (B2), Duits (B1)"""

ENGLISH_CV = """Work experience
Nurse at Haga Hospital (3 years)

Skills
- Triage

Languages
English (C2), Dutch (B1)"""


def test_parse_a_dutch_cv():
    parsed = parse_cv(DUTCH_CV)
    assert parsed.experiences == [("Doktersassistent", Decimal(6)), ("Baliemedewerker", Decimal("0.5"))]
    assert parsed.documents == ["BHV-certificaat", "BIG-registratie als verpleegkundige"]
    assert parsed.skills == ["Werken met HIS", "Plannen"]
    assert parsed.languages == [("Nederlands", "C2"), ("Engels", "B2"), ("Duits", "B1")]


def test_parse_an_english_cv_records_languages_in_dutch():
    parsed = parse_cv(ENGLISH_CV)
    assert parsed.experiences == [("Nurse", Decimal(3))]
    assert parsed.languages == [("Engels", "C2"), ("Nederlands", "B1")]


def test_a_candidate_without_profile_gets_it_from_the_cv_and_documents_get_dates():
    organisation = OrganisationFactory()
    candidate = CandidateFactory(organisation=organisation, cv_text=DUTCH_CV)
    add_demo_profiles(organisation, random.Random(5))
    assert candidate.experiences.count() == 2
    assert sorted(candidate.languages.values_list("language", flat=True)) == ["Duits", "Engels", "Nederlands"]
    big = candidate.qualifications.get(kind=QualificationKind.REGISTRATION)
    assert big.issued_on is not None and big.expires_on is not None
    assert (big.expires_on - big.issued_on).days == 5 * 365
    assert add_demo_profiles(organisation, random.Random(5)) == 0


def test_some_documents_of_candidates_not_hired_expire_never_those_of_the_hired():
    organisation = OrganisationFactory()
    hired = ApplicationFactory(vacancy__organisation=organisation, status=ApplicationStatus.HIRED).candidate
    others = [ApplicationFactory(vacancy__organisation=organisation).candidate for _ in range(4)]
    for candidate in [hired, *others]:
        for _ in range(15):
            QualificationFactory(candidate=candidate, issued_on=None, kind=QualificationKind.CERTIFICATE)
        QualificationFactory(candidate=candidate, issued_on=None, kind=QualificationKind.DIPLOMA)
    add_demo_profiles(organisation, random.Random(11))
    today = timezone.localdate()
    expired = Qualification.objects.filter(expires_on__lt=today)
    assert expired.exists()
    assert not expired.filter(candidate=hired).exists()
    assert not Qualification.objects.filter(kind=QualificationKind.DIPLOMA, expires_on__isnull=False).exists()
    assert not Qualification.objects.filter(issued_on__isnull=True).exists()


def test_on_the_demo_data_documents_are_dated_some_expired_and_it_runs_once():
    today = timezone.localdate()
    for data in load_demo_data():
        add_demo_profiles(data.organisation, random.Random(3))  # the loader may have run it already
        documents = Qualification.objects.filter(candidate__organisation=data.organisation)
        assert not documents.filter(issued_on__isnull=True).exists()
        assert documents.filter(expires_on__lt=today).exists()
        assert add_demo_profiles(data.organisation, random.Random(3)) == 0
