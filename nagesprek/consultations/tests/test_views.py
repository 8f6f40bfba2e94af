"""The staff pages per role, and the candidate's pages behind their personal link."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from nagesprek.audit.constants import AuditAction
from nagesprek.audit.models import AuditEvent
from nagesprek.consultations import services
from nagesprek.consultations.constants import BookingStatus, ConsultationAudience
from nagesprek.consultations.forms import slot_value
from nagesprek.consultations.models import ConsultationBooking, ConsultationHour, ConsultationPolicy
from nagesprek.consultations.tests.factories import applicant, hour_with_session, token_for
from nagesprek.emails.models import OutboxMessage
from nagesprek.organisations.constants import Role
from nagesprek.organisations.tests.factories import member

pytestmark = pytest.mark.django_db
MANAGERS = [Role.RECRUITER, Role.HR_LEAD, Role.ORG_ADMIN]
OTHERS = [Role.EVALUATOR, Role.ADVISOR, Role.PRIVACY_OFFICER]


def booked(session, candidate=None, slot=0, **kwargs):
    """Book the session's ``slot``-th slot (of 15 minutes) for ``candidate`` (a new applicant by default)."""
    candidate = candidate or applicant(session.organisation)
    starts_at = session.starts_at + timedelta(minutes=15 * slot)
    return services.book_slot(
        candidate=candidate, session=session, starts_at=starts_at, token=token_for(candidate), **kwargs
    )


class TestStaffAccess:
    @pytest.mark.parametrize("role", MANAGERS)
    def test_managers_open_the_list_the_hour_and_the_dates_grid(self, client, role):
        hour, session = hour_with_session()
        client.force_login(member(hour.organisation, role))

        assert client.get("/consultations/").status_code == 200
        assert client.get(f"/consultations/{hour.pk}/").status_code == 200
        assert client.get(f"/consultations/dates/{session.pk}/").status_code == 200
        assert client.get("/consultations/new/").status_code == 200

    @pytest.mark.parametrize("role", OTHERS)
    def test_other_roles_are_refused(self, client, role):
        hour, session = hour_with_session()
        client.force_login(member(hour.organisation, role))

        assert client.get("/consultations/").status_code == 403
        assert client.get(f"/consultations/dates/{session.pk}/").status_code == 403

    def test_anonymous_goes_to_the_login_page(self, client):
        _hour, session = hour_with_session()

        assert client.get(f"/consultations/dates/{session.pk}/")["Location"].startswith("/accounts/login/")

    def test_another_organisations_hour_and_date_are_not_found(self, client):
        hour, _session = hour_with_session()
        _other_hour, other_session = hour_with_session()
        client.force_login(member(hour.organisation, Role.RECRUITER))

        assert client.get(f"/consultations/{other_session.hour_id}/").status_code == 404
        assert client.get(f"/consultations/dates/{other_session.pk}/").status_code == 404
        assert client.post(f"/consultations/dates/{other_session.pk}/cancel/").status_code == 404

    @pytest.mark.parametrize(("role", "status"), [(Role.HR_LEAD, 200), (Role.ORG_ADMIN, 200), (Role.RECRUITER, 403)])
    def test_the_policy_page_is_for_hr_leads_and_organisation_admins(self, client, role, status):
        hour, _session = hour_with_session()
        client.force_login(member(hour.organisation, role))

        assert client.get("/consultations/policy/").status_code == status


class TestTheGrid:
    def test_the_recruiter_sees_who_booked_with_vacancy_and_question_and_the_view_is_audited(self, client):
        hour, session = hour_with_session()
        booking = booked(session, question="Kan ik ook in deeltijd werken?")
        recruiter = member(hour.organisation, Role.RECRUITER)
        client.force_login(recruiter)

        page = client.get(f"/consultations/dates/{session.pk}/").content.decode()

        assert booking.candidate.full_name in page
        assert booking.application.vacancy.title in page
        assert "Kan ik ook in deeltijd werken?" in page
        assert AuditEvent.objects.filter(
            action=AuditAction.VIEW, candidate_id=booking.candidate_id, actor=recruiter
        ).exists()

    def test_an_organisation_admin_sees_which_places_are_taken_but_not_by_whom(self, client):
        hour, session = hour_with_session()
        booking = booked(session)
        client.force_login(member(hour.organisation, Role.ORG_ADMIN))

        page = client.get(f"/consultations/dates/{session.pk}/").content.decode()

        assert "Booked" in page
        assert booking.candidate.full_name not in page
        assert not AuditEvent.objects.filter(action=AuditAction.VIEW, candidate_id=booking.candidate_id).exists()

    def test_the_recruiter_records_that_the_conversation_was_held(self, client):
        hour, session = hour_with_session()
        booking = booked(session)
        ConsultationBooking.objects.filter(pk=booking.pk).update(starts_at=timezone.now() - timedelta(minutes=1))
        client.force_login(member(hour.organisation, Role.RECRUITER))

        response = client.post(f"/consultations/bookings/{booking.pk}/outcome/", {"status": "held"})

        assert response.status_code == 302
        booking.refresh_from_db()
        assert booking.status == BookingStatus.HELD

    def test_the_grid_takes_a_fixed_number_of_queries_however_many_bookings(self, client):
        hour, session = hour_with_session(hosts=3)
        client.force_login(member(hour.organisation, Role.RECRUITER))
        booked(session)
        with CaptureQueriesContext(connection) as few:
            client.get(f"/consultations/dates/{session.pk}/")
        for slot in range(1, 5):
            booked(session, slot=slot)
        with CaptureQueriesContext(connection) as many:
            client.get(f"/consultations/dates/{session.pk}/")

        audit_rows = 4  # one view event per extra candidate shown (AVG), nothing else grows
        assert len(many) == len(few) + audit_rows


def test_the_list_of_hours_takes_a_fixed_number_of_queries(client):
    hour, _session = hour_with_session()
    client.force_login(member(hour.organisation, Role.RECRUITER))
    with CaptureQueriesContext(connection) as one:
        assert client.get("/consultations/").status_code == 200
    for _ in range(3):
        hour_with_session(organisation=hour.organisation, hosts=2)
    with CaptureQueriesContext(connection) as four:
        page = client.get("/consultations/").content.decode()

    assert len(four) == len(one)
    assert page.count("consultation-hour") == 4


class TestSettingUp:
    def test_creating_an_hour_from_the_form_makes_its_dates(self, client):
        hour, _session = hour_with_session()
        organisation = hour.organisation
        recruiter = member(organisation, Role.RECRUITER)
        client.force_login(recruiter)
        form = {
            "title": "Spreekuur verpleging", "frequency": "weekly", "week_of_month": "", "weekday": "3",
            "start_time": "16:00", "end_time": "17:00", "slot_minutes": "15", "hosts": [recruiter.pk],
            "mode": "video", "location": "", "description": "", "starts_on": timezone.localdate().isoformat(),
            "ends_on": "", "is_published": "on",
        }  # fmt: skip

        response = client.post("/consultations/new/", form)

        created = ConsultationHour.objects.get(title="Spreekuur verpleging")
        assert response.status_code == 302
        assert created.sessions.count() >= 15

    def test_a_form_with_errors_says_what_is_wrong_and_changes_nothing(self, client):
        hour, _session = hour_with_session()
        client.force_login(member(hour.organisation, Role.RECRUITER))

        response = client.post("/consultations/new/", {"title": "Spreekuur", "frequency": "monthly"})

        assert response.status_code == 422
        assert "error-summary" in response.content.decode()
        assert ConsultationHour.objects.count() == 1

    def test_hr_lead_sets_who_may_book(self, client):
        hour, _session = hour_with_session()
        client.force_login(member(hour.organisation, Role.HR_LEAD))

        client.post("/consultations/policy/", {"audience": ConsultationAudience.REJECTED})

        assert ConsultationPolicy.objects.get(organisation=hour.organisation).audience == ConsultationAudience.REJECTED


class TestTheCandidatesPages:
    def test_the_candidate_page_offers_the_consultation_hour(self, client):
        hour, _session = hour_with_session()
        candidate = applicant(hour.organisation)

        page = client.get(f"/c/{token_for(candidate)}/").content.decode()

        assert "consultation-hour" in page
        assert "/consultations/c/" in page

    def test_choose_check_and_confirm_a_slot(self, client):
        hour, session = hour_with_session()
        candidate = applicant(hour.organisation)
        token = token_for(candidate)
        url = f"/consultations/c/{token}/"
        value = slot_value(session.pk, session.starts_at)

        choice = client.get(url)
        assert choice.status_code == 200
        assert f'value="{value}"' in choice.content.decode()
        assert choice["Referrer-Policy"] == "same-origin"
        check = client.post(url, {"slot": value, "question": "Wat kan ik verbeteren?", "step": "review"})
        assert check.status_code == 200
        assert not ConsultationBooking.objects.exists()  # checking writes nothing
        done = client.post(url, {"slot": value, "question": "Wat kan ik verbeteren?", "step": "confirm"})

        booking = ConsultationBooking.objects.get()
        assert done.status_code == 302
        assert done["Location"].startswith(f"/consultations/c/{token}/{booking.pk}/")
        assert booking.question == "Wat kan ik verbeteren?"
        page = client.get(done["Location"]).content.decode()
        assert booking.host.full_name in page
        ics = client.get(f"/consultations/c/{token}/{booking.pk}/invitation.ics")
        assert ics["Content-Type"].startswith("text/calendar")
        assert b"METHOD:REQUEST" in ics.content

    def test_no_choice_says_so_and_books_nothing(self, client):
        hour, _session = hour_with_session()
        url = f"/consultations/c/{token_for(applicant(hour.organisation))}/?lang=en"

        response = client.post(url, {"step": "confirm"})

        assert response.status_code == 422
        assert "Choose a time." in response.content.decode()
        assert not ConsultationBooking.objects.exists()

    def test_a_time_just_taken_gets_a_clear_message_and_fresh_options(self, client):
        hour, session = hour_with_session(hosts=1)
        url = f"/consultations/c/{token_for(applicant(hour.organisation))}/?lang=en"
        value = slot_value(session.pk, session.starts_at)
        booked(session)  # someone else was quicker

        response = client.post(url, {"slot": value, "step": "confirm"})

        page = response.content.decode()
        assert response.status_code == 409
        assert "This time was just taken" in page
        assert f'value="{value}"' not in page
        assert f'value="{slot_value(session.pk, session.starts_at + timedelta(minutes=15))}"' in page

    def test_cancel_through_the_link(self, client):
        hour, session = hour_with_session()
        candidate = applicant(hour.organisation)
        token = token_for(candidate)
        booking = booked(session, candidate=candidate)

        response = client.post(f"/consultations/c/{token}/{booking.pk}/cancel/")

        booking.refresh_from_db()
        assert response.status_code == 302
        assert booking.status == BookingStatus.CANCELLED_BY_CANDIDATE
        assert OutboxMessage.objects.filter(template="consultation_cancelled").count() == 1

    def test_another_candidates_booking_and_a_bad_link_lead_back_to_the_candidate_page(self, client):
        hour, session = hour_with_session()
        booking = booked(session)
        other_token = token_for(applicant(hour.organisation))

        assert client.get(f"/consultations/c/{other_token}/{booking.pk}/")["Location"] == f"/c/{other_token}/"
        assert client.post(f"/consultations/c/{other_token}/{booking.pk}/cancel/").status_code == 302
        booking.refresh_from_db()
        assert booking.status == BookingStatus.BOOKED
        assert client.get("/consultations/c/not-a-token/")["Location"] == "/c/not-a-token/"

    def test_the_choice_page_takes_a_fixed_number_of_queries(self, client):
        hour, session = hour_with_session(hosts=3)
        url = f"/consultations/c/{token_for(applicant(hour.organisation))}/"
        client.get(url)
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        for slot in range(1, 5):
            booked(session, slot=slot)
        with CaptureQueriesContext(connection) as many:
            client.get(url)

        assert len(many) == len(few) <= 12
