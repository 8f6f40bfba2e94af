"""The vocabulary pages as an org admin uses them: list and search, add and edit, remove, import, try a word."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from nagesprek.audit.models import AuditEvent
from nagesprek.matching import index
from nagesprek.matching.models import Concept, ConceptKind, Label, LabelKind
from nagesprek.matching.vocabulary import add_concept, vocabulary_for
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db

ESCO = """conceptUri,preferredLabel,altLabels,language,conceptType
http://data.europa.eu/esco/occupation/1,verpleegkundige,"verpleger
zorgverlener verpleging",nl,occupation
http://data.europa.eu/esco/occupation/1,nurse,registered nurse,en,occupation
http://data.europa.eu/esco/skill/2,heftruck besturen,heftruckrijden|vorkheftruck besturen,nl,skill/competence
"""


def text(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


@pytest.fixture
def organisation():
    org = OrganisationFactory()
    add_concept(
        organisation=org,
        kind=ConceptKind.OCCUPATION,
        preferred_label_nl="Chauffeur heftruck",
        preferred_label_en="Forklift driver",
        alternatives=[("nl", "heftruckbestuurder")],
    )
    return org


@pytest.fixture
def admin(client, organisation):
    client.force_login(member(organisation, Role.ORG_ADMIN))
    return client


def _concept(organisation, name="Chauffeur heftruck"):
    return Concept.objects.get(organisation=organisation, preferred_label_nl=name)


NEW = {
    "kind": "qualification",
    "preferred_label_nl": "Verpleegkundige",
    "preferred_label_en": "Nurse",
    "other_nl": "verpleger\nverpleegster",
    "other_en": "registered nurse",
    "hidden": "verpleegkundie",
    "uri": "",
}


class TestWhoMayOpenThePages:
    def _urls(self, organisation):
        concept = _concept(organisation)
        label = concept.labels.exclude(kind=LabelKind.PREFERRED).first()
        return [
            ("get", reverse("matching:vocabulary")),
            ("get", reverse("matching:concept_create")),
            ("get", reverse("matching:vocabulary_import")),
            ("get", reverse("matching:concept_edit", args=[concept.pk])),
            ("post", reverse("matching:concept_remove", args=[concept.pk])),
            ("post", reverse("matching:label_remove", args=[label.pk])),
        ]

    @pytest.mark.parametrize("role", [Role.RECRUITER, Role.HR_LEAD, Role.EVALUATOR, Role.ADVISOR, Role.PRIVACY_OFFICER])
    def test_other_roles_are_refused_and_nothing_changes(self, client, organisation, role):
        client.force_login(member(organisation, role))
        codes = [getattr(client, method)(url).status_code for method, url in self._urls(organisation)]
        assert codes == [403] * 6
        assert Label.objects.filter(concept__organisation=organisation).count() == 3

    def test_another_organisations_admin_gets_not_found(self, client, organisation):
        client.force_login(member(OrganisationFactory(), Role.ORG_ADMIN))
        codes = [getattr(client, method)(url).status_code for method, url in self._urls(organisation)[3:]]
        assert codes == [404] * 3
        assert Concept.objects.filter(organisation=organisation).count() == 1

    def test_only_org_admins_find_it_in_the_navigation(self, client, organisation):
        url = reverse("matching:vocabulary")
        client.force_login(member(organisation, Role.ORG_ADMIN))
        assert f'href="{url}"' in client.get(reverse("dashboards:home")).content.decode()
        client.force_login(member(organisation, Role.RECRUITER))
        assert f'href="{url}"' not in client.get(reverse("dashboards:home")).content.decode()


class TestTheList:
    def test_it_shows_concepts_with_their_names_and_finds_them_by_any_name(self, admin, organisation):
        add_concept(organisation=organisation, kind=ConceptKind.SKILL, preferred_label_nl="Excel")
        page = admin.get(reverse("matching:vocabulary")).content.decode()
        assert "Chauffeur heftruck" in page and "heftruckbestuurder" in page and "Excel" in page

        found = admin.get(reverse("matching:vocabulary"), {"q": "BESTUURDER"}).content.decode()
        assert "Chauffeur heftruck" in found and ">Excel<" not in found
        assert ">Excel<" in admin.get(reverse("matching:vocabulary"), {"kind": "skill"}).content.decode()

    def test_queries_do_not_grow_with_the_number_of_concepts(self, admin, organisation):
        def count():
            with CaptureQueriesContext(connection) as queries:
                assert admin.get(reverse("matching:vocabulary")).status_code == 200
            return len(queries)

        few = count()
        for number in range(30):
            add_concept(
                organisation=organisation,
                kind=ConceptKind.SKILL,
                preferred_label_nl=f"Vaardigheid {number}",
                alternatives=[("nl", f"kunde {number}"), ("en", f"skill {number}")],
            )
        assert count() == few  # a page of 25, labels in one query

    def test_a_second_page_shows_the_rest(self, admin, organisation):
        for number in range(30):
            add_concept(organisation=organisation, kind=ConceptKind.SKILL, preferred_label_nl=f"Term {number:02d}")
        second = admin.get(reverse("matching:vocabulary"), {"page": 2}).content.decode()
        assert "Term 29" in second and "Term 00" not in second


class TestAddAndEdit:
    def test_a_new_concept_with_synonyms_and_english_is_matched_at_once(
        self, admin, organisation, monkeypatch, django_capture_on_commit_callbacks
    ):
        forgotten = []
        monkeypatch.setattr(index, "forget", forgotten.append)
        with django_capture_on_commit_callbacks(execute=True):
            response = admin.post(reverse("matching:concept_create"), NEW)

        assert response.status_code == 302
        concept = _concept(organisation, "Verpleegkundige")
        vocabulary = vocabulary_for(organisation)
        assert vocabulary.resolve("verplegers") == vocabulary.resolve("Registered nurses") == concept.concept_id
        assert concept.labels.get(text="verpleegkundie").kind == LabelKind.HIDDEN
        assert forgotten == [organisation.pk]  # the matching index is rebuilt with the new names
        event = AuditEvent.objects.get(object_type="matching.Concept", object_id=str(concept.pk))
        assert event.action == "create" and event.candidate_id is None

    def test_a_name_of_another_concept_is_refused_and_nothing_is_added(self, admin, organisation):
        response = admin.post(reverse("matching:concept_create"), {**NEW, "other_nl": "heftruckbestuurders"})

        assert response.status_code == 200
        assert "heftruckbestuurders" in response.content.decode()
        assert 'class="error-summary"' in response.content.decode()
        assert not Concept.objects.filter(preferred_label_nl="Verpleegkundige").exists()

    def test_an_empty_name_is_refused_with_a_message(self, admin):
        response = admin.post(reverse("matching:concept_create"), {**NEW, "preferred_label_nl": "  "})
        assert response.status_code == 200 and 'class="error-summary"' in response.content.decode()
        assert not Concept.objects.filter(preferred_label_en="Nurse").exists()

    def test_editing_replaces_the_names(self, admin, organisation):
        concept = _concept(organisation)
        form = admin.get(reverse("matching:concept_edit", args=[concept.pk])).content.decode()
        assert "heftruckbestuurder" in form

        data = {
            **NEW,
            "kind": "occupation",
            "preferred_label_nl": "Heftruckchauffeur",
            "other_nl": "reachtruckchauffeur",
        }
        assert admin.post(reverse("matching:concept_edit", args=[concept.pk]), data).status_code == 302

        vocabulary = vocabulary_for(organisation)
        assert vocabulary.resolve("reachtruckchauffeurs") == concept.concept_id
        assert vocabulary.resolve("heftruckbestuurder", fuzzy=False) is None
        assert AuditEvent.objects.filter(object_id=str(concept.pk), action="update").exists()


class TestRemoving:
    def test_removing_a_name_stops_it_matching_and_is_logged(self, admin, organisation):
        concept = _concept(organisation)
        label = concept.labels.get(text="heftruckbestuurder")
        assert vocabulary_for(organisation).resolve("heftruckbestuurder") == concept.concept_id

        response = admin.post(reverse("matching:label_remove", args=[label.pk]))

        assert response.status_code == 302
        assert vocabulary_for(organisation).resolve("heftruckbestuurder", fuzzy=False) is None
        assert "heftruckbestuurder" in AuditEvent.objects.get(object_id=str(concept.pk), action="update").summary

    def test_a_preferred_name_is_not_removed(self, admin, organisation):
        label = _concept(organisation).labels.get(kind=LabelKind.PREFERRED, language="nl")
        response = admin.post(reverse("matching:label_remove", args=[label.pk]), follow=True)
        assert Label.objects.filter(pk=label.pk).exists()
        assert "error" in response.content.decode()

    def test_removing_a_concept_removes_its_names(self, admin, organisation):
        concept = _concept(organisation)
        assert admin.post(reverse("matching:concept_remove", args=[concept.pk])).status_code == 302
        assert not Label.objects.filter(concept__organisation=organisation).exists()
        assert AuditEvent.objects.filter(object_id=str(concept.pk), action="delete").exists()


class TestImport:
    def _upload(self, admin, content: bytes, **extra):
        upload = SimpleUploadedFile("esco.csv", content, content_type="text/csv")
        return admin.post(reverse("matching:vocabulary_import"), {"file": upload, "action": "preview", **extra})

    def test_preview_then_import(self, admin, organisation):
        preview = self._upload(admin, ESCO.encode())
        assert preview.status_code == 200
        assert "zorgverlener verpleging" in preview.content.decode()
        assert Concept.objects.filter(organisation=organisation).count() == 1  # nothing yet

        done = admin.post(
            reverse("matching:vocabulary_import"), {"content": preview.context["content"], "action": "import"}
        )

        assert done.status_code == 302
        assert Concept.objects.filter(organisation=organisation).count() == 3
        assert vocabulary_for(organisation).resolve("Verplegers") is not None
        assert AuditEvent.objects.filter(summary__startswith="2 vocabulary concepts imported").count() == 1

    def test_a_bad_row_is_named_and_nothing_is_imported(self, admin, organisation):
        bad = ESCO + ",zonder uri,,nl,skill\nhttp://x/3,iets,,de,skill\n"
        response = self._upload(admin, bad.encode())
        page = response.content.decode()
        assert text("Nothing has been imported") in page
        assert [e.row for e in response.context["errors"]] == [5, 6]
        assert 'name="action" value="import"' not in page
        forced = admin.post(reverse("matching:vocabulary_import"), {"content": bad, "action": "import"})
        assert forced.status_code == 200
        assert Concept.objects.filter(organisation=organisation).count() == 1

    def test_a_concept_already_imported_is_refused(self, admin, organisation):
        self._upload(admin, ESCO.encode())
        admin.post(reverse("matching:vocabulary_import"), {"content": ESCO, "action": "import"})
        again = self._upload(admin, ESCO.encode())
        assert "http://data.europa.eu/esco/occupation/1" in again.content.decode()
        assert Concept.objects.filter(organisation=organisation).count() == 3

    def test_a_file_that_is_not_utf8_gets_a_message(self, admin):
        response = self._upload(admin, "verpleegkundige;é".encode("latin-1"))
        assert response.status_code == 200 and "UTF-8" in response.content.decode()


class TestTryAWord:
    def test_a_compound_plural_is_read_as_the_concept(self, admin, organisation):
        page = admin.get(reverse("matching:vocabulary"), {"word": "Heftruckchauffeurs"}).content.decode()
        assert "Chauffeur heftruck" in page
        assert "heftruck + chauffeurs" in page  # the compound split shown

    def test_a_typo_is_read_with_its_label_and_similarity(self, admin, organisation):
        page = admin.get(reverse("matching:vocabulary"), {"word": "heftruckbestuuder"}).content.decode()
        assert "heftruckbestuurder" in page and "%" in page

    def test_an_unknown_word_says_so(self, admin):
        response = admin.get(reverse("matching:vocabulary"), {"word": "astronaut"})
        assert response.context["tried"][1] is None
        assert "astronaut" in response.content.decode()
