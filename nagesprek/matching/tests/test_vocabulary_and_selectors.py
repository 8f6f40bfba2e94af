"""The vocabulary (services, ESCO import), the engine inputs from the ORM, the per-process index, the demo terms."""

import datetime
from decimal import Decimal

import pytest

from nagesprek.candidates.tests.factories import (
    CandidateFactory,
    ExperienceFactory,
    LanguageSkillFactory,
    QualificationFactory,
    SkillFactory,
)
from nagesprek.consents.constants import ConsentPurpose, ConsentSource
from nagesprek.consents.services import grant_consent
from nagesprek.matching import engine, index, selectors
from nagesprek.matching.demo import add_demo_vocabulary
from nagesprek.matching.models import Concept, ConceptKind, Label
from nagesprek.matching.vocabulary import add_concept, import_esco_csv, update_concept, vocabulary_for
from nagesprek.organisations.tests.factories import OrganisationFactory
from nagesprek.rejections.assessment import CandidateProfile, RequirementSpec, Status, assess_requirements
from nagesprek.rejections.drafting import draft_reasons
from nagesprek.rejections.selectors import candidate_profile
from nagesprek.routes.models import Route, RouteTarget
from nagesprek.vacancies.constants import RequirementKind, VacancyStatus
from nagesprek.vacancies.tests.factories import RequirementFactory, VacancyFactory

pytestmark = pytest.mark.django_db

ESCO = """conceptUri,preferredLabel,altLabels,language,conceptType
http://data.europa.eu/esco/occupation/1,verpleegkundige,"verpleger
zorgverlener verpleging",nl,occupation
http://data.europa.eu/esco/occupation/1,nurse,registered nurse,en,occupation
http://data.europa.eu/esco/skill/2,heftruck besturen,heftruckrijden|vorkheftruck besturen,nl,skill/competence
"""


@pytest.fixture
def organisation():
    org = OrganisationFactory()
    add_concept(
        organisation=org,
        kind=ConceptKind.OCCUPATION,
        preferred_label_nl="Anesthesiemedewerker",
        preferred_label_en="Anaesthesia assistant",
        alternatives=[("nl", "medewerker anesthesie")],
    )
    add_concept(
        organisation=org,
        kind=ConceptKind.QUALIFICATION,
        preferred_label_nl="Deelcertificaat Anesthesiologie",
        alternatives=[("nl", "certificaat anesthesiologie"), ("en", "anaesthesiology certificate")],
    )
    add_concept(
        organisation=org,
        kind=ConceptKind.SKILL,
        preferred_label_nl="Excel",
        alternatives=[("nl", "Microsoft Excel")],
    )
    return org


def test_the_vocabulary_resolves_synonyms_english_and_compounds(organisation):
    vocabulary = vocabulary_for(organisation)
    concept = Concept.objects.get(organisation=organisation, preferred_label_nl="Excel")
    assert vocabulary.resolve("Microsoft Exel") == concept.concept_id
    assert vocabulary.resolve("anaesthesiology certificate") == vocabulary.resolve("Deelcertificaat anesthesiologie")
    assert vocabulary.resolve("Medewerkers anesthesie") == vocabulary.resolve("anesthesiemedewerker") is not None


def test_an_edit_is_seen_by_the_next_vocabulary_read(organisation):
    concept = Concept.objects.get(organisation=organisation, preferred_label_nl="Excel")
    assert vocabulary_for(organisation).resolve("spreadsheets") is None
    update_concept(concept=concept, preferred_label_nl="Excel", alternatives=[("nl", "spreadsheets")])
    assert vocabulary_for(organisation).resolve("Spreadsheets") == concept.concept_id
    assert vocabulary_for(organisation).resolve("Microsoft Excel") is None  # its labels were replaced


def test_esco_import_merges_languages_and_splits_alternative_labels():
    org = OrganisationFactory()
    result = import_esco_csv(organisation=org, data=ESCO)
    assert result.created == 2 and not result.errors
    nurse = Concept.objects.get(organisation=org, uri="http://data.europa.eu/esco/occupation/1")
    assert (nurse.kind, nurse.preferred_label_nl, nurse.preferred_label_en) == (
        "occupation",
        "verpleegkundige",
        "nurse",
    )
    assert set(nurse.labels.values_list("text", flat=True)) == {
        "verpleegkundige",
        "verpleger",
        "zorgverlener verpleging",
        "nurse",
        "registered nurse",
    }
    vocabulary = vocabulary_for(org)
    assert vocabulary.resolve("Verplegers") == vocabulary.resolve("Registered nurses") == nurse.concept_id


def test_esco_import_with_a_bad_row_names_it_and_imports_nothing():
    org = OrganisationFactory()
    bad = ESCO + ",zonder uri,,nl,skill\nhttp://x/3,iets,,de,skill\n"
    result = import_esco_csv(organisation=org, data=bad)
    assert result.created == 0
    assert [e.row for e in result.errors] == [5, 6]  # spreadsheet rows: the header is row 1
    assert not Concept.objects.filter(organisation=org).exists()


def test_esco_import_refuses_a_file_without_the_columns():
    result = import_esco_csv(organisation=OrganisationFactory(), data="uri,label\nx,y\n")
    assert result.created == 0 and "conceptUri" in result.errors[0].message


def test_the_assessment_meets_a_requirement_through_a_synonym_only_with_the_vocabulary(organisation):
    requirement = RequirementSpec(1, "certificate", "Deelcertificaat Anesthesiologie")
    profile = CandidateProfile(qualifications=(_fact("Anaesthesiology certificate"),))
    today = datetime.date(2026, 11, 1)
    assert assess_requirements([requirement], profile, today)[0].status == Status.UNMET
    matcher = vocabulary_for(organisation).matcher()
    assert assess_requirements([requirement], profile, today, matcher=matcher)[0].status == Status.MET


def _fact(name):
    from nagesprek.rejections.assessment import QualificationFact

    return QualificationFact(name=name)


def _vacancy(organisation, title="Anesthesiemedewerker", **kwargs):
    vacancy = VacancyFactory(organisation=organisation, title=title, **kwargs)
    RequirementFactory(vacancy=vacancy, kind=RequirementKind.CERTIFICATE, label="Deelcertificaat Anesthesiologie")
    RequirementFactory(vacancy=vacancy, kind=RequirementKind.LANGUAGE, label="Nederlands", level="B2")
    RequirementFactory(vacancy=vacancy, kind=RequirementKind.EDUCATION_LEVEL, label="Mbo 4", level="mbo4")
    RequirementFactory(
        vacancy=vacancy,
        kind=RequirementKind.EXPERIENCE,
        label="Minimaal 2 jaar ervaring als anesthesiemedewerker",
        years=2,
    )
    RequirementFactory(vacancy=vacancy, kind=RequirementKind.SKILL, label="Excel", is_must_have=False)
    RequirementFactory(vacancy=vacancy, kind=RequirementKind.COMPETENCY, label="Rustig blijven onder druk")
    return vacancy


def _candidate(organisation, certificate="certificaat anesthesiologie"):
    candidate = CandidateFactory(organisation=organisation, education_level="hbo", cv_text="Dierenkliniek, narcose.")
    ExperienceFactory(candidate=candidate, role="Medewerker anesthesie", years=Decimal("3"))
    LanguageSkillFactory(candidate=candidate, language="Dutch", level="C1")
    SkillFactory(candidate=candidate, name="Microsoft excell")
    if certificate:
        QualificationFactory(candidate=candidate, name=certificate)
    return candidate


def test_selectors_build_documents_with_every_hard_requirement(organisation, django_assert_num_queries):
    vacancy = _vacancy(organisation)
    vocabulary = vocabulary_for(organisation)
    with django_assert_num_queries(2):
        (found,) = selectors.vacancies_for_index(organisation=organisation)
        doc = selectors.vacancy_doc(found, vocabulary)
    occupation = vocabulary.resolve("Anesthesiemedewerker")
    assert doc.occupation == occupation and doc.family == f"jf{vacancy.job_family_id}"
    assert set(doc.must) == {
        engine.Need(vocabulary.resolve("Deelcertificaat Anesthesiologie")),
        engine.Need("lang:nederlands", 4),
        engine.Need("edu", 4),
        engine.Need(f"years:{occupation}", 2),
    }
    assert doc.nice == (vocabulary.resolve("Excel"),)


def test_profiles_take_five_queries_whatever_their_number(organisation, django_assert_num_queries):
    for _ in range(3):
        _candidate(organisation)
    vocabulary = vocabulary_for(organisation)
    with django_assert_num_queries(5):
        docs = [selectors.profile_doc(c, vocabulary) for c in selectors.profiles_for_index(organisation=organisation)]
    occupation = vocabulary.resolve("Anesthesiemedewerker")
    assert docs[0].levels[f"years:{occupation}"] == 3.0 and docs[0].levels["lang:nederlands"] == 5
    assert docs[0].levels[vocabulary.resolve("Excel")] == 1.0 and docs[0].occupations == {occupation}


def test_the_index_finds_the_near_miss_with_the_route_and_stays_inside_the_organisation(organisation):
    index.forget(organisation.pk)
    vacancy = _vacancy(organisation)
    other_org = OrganisationFactory()
    _vacancy(other_org)
    route = Route.objects.create(
        organisation=organisation,
        kind="partial_certificate",
        title="Deelcertificaat Anesthesiologie (CZO)",
        provider="Erasmus MC Academie",
        duration_weeks=26,
    )
    RouteTarget.objects.create(route=route, kind=RequirementKind.CERTIFICATE, name="Deelcertificaat anesthesiologie")
    joyce = _candidate(organisation, certificate="BIG-registratie")
    vocabulary = index.vocabulary_of(organisation)
    profile = selectors.profile_doc(
        selectors.profiles_for_index(organisation=organisation).get(pk=joyce.pk), vocabulary
    )
    (suggestion,) = engine.rank_vacancies(index.index_for(organisation), profile, 10)
    assert suggestion.target_id == vacancy.pk and not suggestion.fits_now
    assert suggestion.route.id == route.pk and suggestion.route.title == route.title


def test_refreshes_update_the_cached_index(organisation):
    index.forget(organisation.pk)
    vacancy = _vacancy(organisation)
    holder = _candidate(organisation)
    match_index = index.index_for(organisation)
    assert len(match_index.vacancies) == 1 and len(match_index.profiles) == 0  # no consent: not in the pool
    grant_consent(candidate=holder, purpose=ConsentPurpose.TALENT_POOL, source=ConsentSource.CANDIDATE_PAGE)
    index.refresh_candidate(holder.pk)
    (found,) = engine.rank_candidates(match_index, selectors.vacancy_doc(vacancy, index.vocabulary_of(organisation)))
    assert found.target_id == holder.pk and found.fits_now
    vacancy.status = VacancyStatus.CLOSED
    vacancy.save()
    index.refresh_vacancy(vacancy.pk)
    assert len(match_index.vacancies) == 0


def test_drafting_uses_the_vocabulary_for_the_organisation(organisation):
    from nagesprek.matching.vocabulary import OrganisationMatcher
    from nagesprek.rejections.drafting import RejectionRecord

    candidate = _candidate(organisation, certificate="Anaesthesiology certificate")
    spec = RequirementSpec(1, "certificate", "Deelcertificaat Anesthesiologie")
    record = RejectionRecord(
        language="nl", today=datetime.date(2026, 11, 1), requirements=(spec,), profile=candidate_profile(candidate)
    )
    assert draft_reasons(record)  # without the vocabulary the certificate looks missing
    with_vocabulary = RejectionRecord(
        language="nl",
        today=record.today,
        requirements=(spec,),
        profile=record.profile,
        matcher=OrganisationMatcher(organisation.pk),
    )
    assert not draft_reasons(with_vocabulary)


def test_demo_vocabulary_covers_labels_and_titles_once():
    org = OrganisationFactory()
    _vacancy(org, title="Medisch secretaresse Oncologie")
    added = add_demo_vocabulary(org, None)
    assert added == 3  # the certificate, the skill and the title; languages, levels, competencies are not terms
    assert add_demo_vocabulary(org, None) == 0
    vocabulary = vocabulary_for(org)
    assert vocabulary.resolve("medisch secretaris") == vocabulary.resolve("Medisch secretaresse Oncologie")
    assert Label.objects.filter(concept__organisation=org, text="certificaat anesthesiologie").exists()
