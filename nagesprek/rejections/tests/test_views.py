"""Rejection pages per role, the form round trip with the gate, review, and the gate rules page."""

import html

import pytest
from django.urls import reverse
from django.utils import translation

from nagesprek.audit.constants import AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.rejections import services
from nagesprek.rejections.constants import Outcome, RejectionStatus
from nagesprek.rejections.defaults import install_default_gate_rules
from nagesprek.rejections.models import BoilerplatePhrase, ProtectedGround, Rejection
from nagesprek.rejections.tests.factories import GOOD_REASON, make_setting

pytestmark = pytest.mark.django_db

ROLES = [
    "vacancy_recruiter",
    "other_recruiter",
    Role.EVALUATOR,
    Role.ADVISOR,
    Role.HR_LEAD,
    Role.PRIVACY_OFFICER,
    Role.ORG_ADMIN,
    "other_organisation",
]


@pytest.fixture
def setting():
    return make_setting()


def user_for(setting, role):
    if role == "vacancy_recruiter":
        return setting.recruiter
    if role == "other_recruiter":
        return member(setting.organisation, Role.RECRUITER)
    if role == "other_organisation":
        other = OrganisationFactory()
        install_default_gate_rules(other)
        return member(other, *[r.value for r in Role])
    user = member(setting.organisation, role)
    if role == Role.EVALUATOR:
        setting.vacancy.evaluators.add(user)
    return user


def draft(setting, outcome=Outcome.REJECTED):
    return services.start_rejection(actor=setting.actor(), application=setting.application, outcome=outcome)


def expect(role, allowed):
    if role == "other_organisation":
        return 404
    return 200 if role in allowed else 403


DECIDERS = ("vacancy_recruiter", "other_recruiter")
READERS = (*DECIDERS, Role.HR_LEAD, Role.PRIVACY_OFFICER)
REVIEWERS = (*DECIDERS, Role.HR_LEAD)


@pytest.mark.parametrize("role", ROLES)
def test_start_page(client, setting, role):
    client.force_login(user_for(setting, role))
    response = client.get(reverse("rejections:start", args=[setting.application.pk]))
    assert response.status_code == expect(role, DECIDERS)


@pytest.mark.parametrize("role", ROLES)
def test_start_action(client, setting, role):
    client.force_login(user_for(setting, role))
    response = client.post(reverse("rejections:start", args=[setting.application.pk]), {"outcome": "rejected"})
    if role in DECIDERS:
        rejection = Rejection.objects.get()
        assert response.status_code == 302 and response.url == reverse("rejections:edit", args=[rejection.pk])
    else:
        assert response.status_code == expect(role, DECIDERS)
        assert not Rejection.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_edit_page(client, setting, role):
    rejection = draft(setting)
    client.force_login(user_for(setting, role))
    response = client.get(reverse("rejections:edit", args=[rejection.pk]))
    assert response.status_code == expect(role, DECIDERS)
    if response.status_code == 200:
        assert "Kon geen voorbeeld geven" in response.content.decode()  # the evidence is quoted


@pytest.mark.parametrize("role", ROLES)
def test_detail_page(client, setting, role):
    rejection = draft(setting)
    client.force_login(user_for(setting, role))
    response = client.get(reverse("rejections:detail", args=[rejection.pk]))
    assert response.status_code == expect(role, READERS)


@pytest.mark.parametrize("role", ROLES)
def test_review_queue(client, role):
    setting = make_setting(four_eyes=True)
    rejection = draft(setting)
    services.submit_rejection(actor=setting.actor(), rejection=rejection)
    client.force_login(user_for(setting, role))
    response = client.get(reverse("rejections:review"))
    # A member of another organisation sees their own (empty) queue, never this one.
    assert response.status_code == (200 if role == "other_organisation" else expect(role, REVIEWERS))
    body = response.content.decode()
    assert (setting.candidate.full_name in body) is (role in REVIEWERS)
    if role == "vacancy_recruiter":
        with translation.override("nl"):
            notice = translation.gettext("You decided this rejection yourself, so someone else must review it.")
        assert notice in html.unescape(body)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ["approve", "return"])
def test_review_actions(client, role, action):
    setting = make_setting(four_eyes=True)
    rejection = draft(setting)
    services.submit_rejection(actor=setting.actor(), rejection=rejection)
    client.force_login(user_for(setting, role))
    data = {f"review-{rejection.pk}-note": "Noem bij reden 2 het criterium."}
    response = client.post(reverse(f"rejections:{action}", args=[rejection.pk]), data)
    rejection.refresh_from_db()
    may = role in ("other_recruiter", Role.HR_LEAD)  # the vacancy recruiter decided it: not theirs to review
    if may:
        assert response.status_code == 302
        expected = RejectionStatus.SCHEDULED if action == "approve" else RejectionStatus.DRAFT
        assert rejection.status == expected
    else:
        assert response.status_code in (302, 403, 404)
        assert rejection.status == RejectionStatus.IN_REVIEW


@pytest.mark.parametrize("role", ROLES)
def test_rules_pages(client, setting, role):
    ground = ProtectedGround.objects.get(organisation=setting.organisation, ground="age")
    client.force_login(user_for(setting, role))
    assert client.get(reverse("rejections:rules")).status_code == (
        200 if role in (Role.ORG_ADMIN, "other_organisation") else 403
    )
    assert client.get(reverse("rejections:ground_edit", args=[ground.pk])).status_code == expect(
        role, (Role.ORG_ADMIN,)
    )


@pytest.mark.parametrize("role", ROLES)
def test_application_page_shows_the_action_only_to_deciders(client, setting, role):
    client.force_login(user_for(setting, role))
    response = client.get(reverse("applications:detail", args=[setting.application.pk]))
    if role == "other_organisation":
        assert response.status_code == 404
        return
    if response.status_code != 200:  # roles that cannot open candidate files at all
        return
    has_action = reverse("rejections:start", args=[setting.application.pk]) in response.content.decode()
    assert has_action is (role in DECIDERS)


def form_data(rejection, reasons, **letter):
    data = {
        "reasons-TOTAL_FORMS": str(len(reasons)),
        "reasons-INITIAL_FORMS": "0",
        "reasons-MIN_NUM_FORMS": "0",
        "reasons-MAX_NUM_FORMS": "12",
        "letter-personal_note": letter.get("note", ""),
        "letter-language": letter.get("language", "nl"),
        "letter-when": letter.get("when", "now"),
        "letter-send_at": letter.get("send_at", ""),
        "action": letter.get("action", "submit"),
    }
    for index, (target, explanation) in enumerate(reasons):
        data[f"reasons-{index}-target"] = target
        data[f"reasons-{index}-explanation"] = explanation
    return data


def test_gate_refusals_are_listed_with_explanations_and_change_nothing(client, setting):
    rejection = draft(setting)
    before = list(rejection.reasons.values_list("explanation", flat=True))
    client.force_login(setting.recruiter)
    data = form_data(
        rejection,
        [
            (f"r:{setting.dutch.pk}", "We hebben voor een andere kandidaat gekozen."),
            (f"c:{setting.planning.pk}", "U bent met uw leeftijd eerlijk gezegd te oud voor dit jonge team."),
        ],
    )
    response = client.post(reverse("rejections:edit", args=[rejection.pk]), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    body = response.content.decode()
    assert 'class="error-summary"' in body
    assert "stock phrase" in body
    assert "Leeftijd is een beschermde grond" in body or "Age is a protected ground" in body
    assert 'href="#id_reasons-1-explanation"' in body
    rejection.refresh_from_db()
    assert rejection.status == RejectionStatus.DRAFT
    assert list(rejection.reasons.values_list("explanation", flat=True)) == before


def test_submit_with_good_reasons_schedules_and_shows_status(client, setting):
    rejection = draft(setting)
    client.force_login(setting.recruiter)
    data = form_data(
        rejection,
        [
            (f"r:{setting.dutch.pk}", GOOD_REASON),
            (f"c:{setting.planning.pk}", "Bij de planningscasus kon u geen eigen planning laten zien of uitleggen."),
        ],
    )
    response = client.post(reverse("rejections:edit", args=[rejection.pk]), data)
    assert response.status_code == 302
    rejection.refresh_from_db()
    assert rejection.status == RejectionStatus.SCHEDULED
    assert rejection.reasons.count() == 2
    page = client.get(response.url).content.decode()
    assert "Scheduled for" in page or "Gepland voor" in page or rejection.get_status_display() in page


def test_save_draft_and_add_a_reason_without_javascript(client, setting):
    rejection = draft(setting)
    client.force_login(setting.recruiter)
    data = form_data(rejection, [(f"r:{setting.dutch.pk}", GOOD_REASON)], action="add")
    body = client.post(reverse("rejections:edit", args=[rejection.pk]), data).content.decode()
    assert 'name="reasons-1-explanation"' in body
    data = form_data(rejection, [(f"r:{setting.dutch.pk}", GOOD_REASON), ("", "")], action="save")
    assert client.post(reverse("rejections:edit", args=[rejection.pk]), data).status_code == 302
    assert [r.explanation for r in rejection.reasons.all()] == [GOOD_REASON]


def test_a_reason_without_target_gets_a_field_error(client, setting):
    rejection = draft(setting)
    client.force_login(setting.recruiter)
    data = form_data(rejection, [("", GOOD_REASON)])
    response = client.post(reverse("rejections:edit", args=[rejection.pk]), data)
    assert response.status_code == 200
    assert 'href="#id_reasons-0-target"' in response.content.decode()
    assert Rejection.objects.get().status == RejectionStatus.DRAFT


def test_a_target_of_another_vacancy_is_refused_by_the_form(client, setting):
    other = make_setting()
    rejection = draft(setting)
    client.force_login(setting.recruiter)
    data = form_data(rejection, [(f"r:{other.dutch.pk}", GOOD_REASON)])
    response = client.post(reverse("rejections:edit", args=[rejection.pk]), data)
    assert response.status_code == 200
    assert Rejection.objects.get(pk=rejection.pk).status == RejectionStatus.DRAFT


def test_send_time_in_the_past_is_refused(client, setting):
    rejection = draft(setting)
    client.force_login(setting.recruiter)
    data = form_data(rejection, [(f"r:{setting.dutch.pk}", GOOD_REASON)], when="later", send_at="2020-01-01T09:00")
    response = client.post(reverse("rejections:edit", args=[rejection.pk]), data)
    assert response.status_code == 200
    assert 'href="#id_letter-send_at"' in response.content.decode()


def test_withdrawn_has_no_reasons_in_the_form(client, setting):
    rejection = draft(setting, Outcome.WITHDRAWN)
    client.force_login(setting.recruiter)
    assert "reasons-0-explanation" not in client.get(reverse("rejections:edit", args=[rejection.pk])).content.decode()
    response = client.post(reverse("rejections:edit", args=[rejection.pk]), form_data(rejection, []))
    assert response.status_code == 302
    assert Rejection.objects.get().status == RejectionStatus.SCHEDULED


def test_opening_a_rejection_is_audited(client, setting):
    rejection = draft(setting)
    client.force_login(setting.recruiter)
    client.get(reverse("rejections:detail", args=[rejection.pk]))
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, object_id=str(rejection.pk), candidate_id=setting.candidate.pk
    ).exists()


def test_pages_have_no_inline_scripts_or_styles(client, setting):
    rejection = draft(setting)
    client.force_login(setting.recruiter)
    for url in (
        reverse("rejections:edit", args=[rejection.pk]),
        reverse("rejections:start", args=[rejection.application_id]),
    ):
        body = client.get(url).content.decode()
        assert "<script" not in body and "style=" not in body and "<style" not in body


class TestRulesPage:
    @pytest.fixture
    def admin(self, client, setting):
        user = member(setting.organisation, Role.ORG_ADMIN)
        client.force_login(user)
        return user

    def test_edit_a_ground(self, client, setting, admin):
        ground = ProtectedGround.objects.get(organisation=setting.organisation, ground="age")
        data = {"terms": "leeftijd*\nsenior*", "exceptions": "senior beleidsmedewerker", "explanation_nl": "Uitleg.",
                "explanation_en": "Explanation."}  # fmt: skip
        assert client.post(reverse("rejections:ground_edit", args=[ground.pk]), data).status_code == 302
        ground.refresh_from_db()
        assert ground.terms == "leeftijd*\nsenior*"

    def test_invalid_terms_are_refused_with_a_message(self, client, setting, admin):
        ground = ProtectedGround.objects.get(organisation=setting.organisation, ground="age")
        data = {"terms": "leeftijd*\n<script>", "exceptions": "", "explanation_nl": "x", "explanation_en": "y"}
        response = client.post(reverse("rejections:ground_edit", args=[ground.pk]), data)
        assert response.status_code == 200
        assert "is not a term" in response.content.decode() or "geen term" in response.content.decode()
        ground.refresh_from_db()
        assert "<script>" not in ground.terms

    def test_add_and_remove_a_stock_phrase(self, client, setting, admin):
        client.post(reverse("rejections:phrase_add"), {"phrase": "Past niet in ons plaatje"})
        phrase = BoilerplatePhrase.objects.get(organisation=setting.organisation, phrase="Past niet in ons plaatje")
        client.post(reverse("rejections:phrase_delete", args=[phrase.pk]))
        assert not BoilerplatePhrase.objects.filter(pk=phrase.pk).exists()

    def test_the_sample_box_shows_what_the_gate_says(self, client, setting, admin):
        body = client.get(reverse("rejections:rules"), {"sample": "U bent zwanger en dat past nu niet."}).content
        assert "zwanger" in body.decode()

    def test_another_organisations_rows_are_404(self, client, setting, admin):
        other = OrganisationFactory()
        install_default_gate_rules(other)
        ground = ProtectedGround.objects.filter(organisation=other).first()
        phrase = BoilerplatePhrase.objects.filter(organisation=other).first()
        assert client.get(reverse("rejections:ground_edit", args=[ground.pk])).status_code == 404
        assert client.post(reverse("rejections:phrase_delete", args=[phrase.pk])).status_code == 404
        assert BoilerplatePhrase.objects.filter(pk=phrase.pk).exists()


@pytest.mark.parametrize("action", ["submit", "add", "save"])
def test_a_tampered_formset_gets_a_message_not_an_error_page(client, setting, action):
    rejection = draft(setting)
    client.force_login(setting.recruiter)
    data = {"reasons-TOTAL_FORMS": "x", "letter-language": "nl", "letter-when": "now", "action": action}
    response = client.post(reverse("rejections:edit", args=[rejection.pk]), data)
    assert response.status_code == 200
    assert Rejection.objects.get(pk=rejection.pk).reasons.count() == 3


def test_review_queue_queries_do_not_grow_with_the_number_of_rejections(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    setting = make_setting(four_eyes=True)
    reviewer = member(setting.organisation, Role.HR_LEAD)
    client.force_login(reviewer)

    def queue_queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("rejections:review")).status_code == 200
        return len(captured)

    services.submit_rejection(actor=setting.actor(), rejection=draft(setting))
    one = queue_queries()
    for _ in range(3):
        other = setting.other_application()
        rejection = services.start_rejection(actor=setting.actor(), application=other, outcome=Outcome.REJECTED)
        services.save_reasons(
            actor=setting.actor(),
            rejection=rejection,
            reasons=[services.ReasonInput(GOOD_REASON, requirement_id=setting.dutch.pk)],
        )
        services.submit_rejection(actor=setting.actor(), rejection=rejection)
    assert queue_queries() == one
