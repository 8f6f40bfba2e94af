"""The demo's consultation hour: the hospital's monthly sollicitatiespreekuur with three recruiters."""

import pytest

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.consultations import selectors
from nagesprek.consultations.constants import BookingStatus
from nagesprek.consultations.models import ConsultationBooking, ConsultationHour
from nagesprek.demo.services import load_demo_data
from nagesprek.emails.models import OutboxMessage
from nagesprek.rejections.constants import RejectionStatus
from nagesprek.rejections.models import Rejection
from nagesprek.vacancies.constants import StageKind

pytestmark = pytest.mark.django_db


def test_the_hospital_runs_a_monthly_consultation_hour_that_a_candidate_rejected_at_cv_screening_can_book():
    load_demo_data()

    hour = ConsultationHour.objects.get(organisation__slug="ziekenhuis-delftland")
    assert hour.is_published and hour.slot_minutes == 15 and hour.hosts.count() == 3
    assert hour.places_per_session == 18
    assert not ConsultationHour.objects.exclude(pk=hour.pk).exists()  # the agency has none
    bookings = ConsultationBooking.objects.filter(session__hour=hour)
    assert bookings.filter(status=BookingStatus.BOOKED).count() >= 3
    assert bookings.filter(status=BookingStatus.HELD).exists() and bookings.filter(status=BookingStatus.NO_SHOW)

    booked = set(bookings.values_list("candidate_id", flat=True))
    cv_screening = Rejection.objects.filter(
        organisation=hour.organisation, status=RejectionStatus.SENT, stage__kind=StageKind.CV_SCREENING,
        application__status=ApplicationStatus.REJECTED,
    ).exclude(application__candidate_id__in=booked)  # fmt: skip
    candidate = cv_screening.first().application.candidate
    assert selectors.candidate_may_book(candidate=candidate)
    assert selectors.bookable_sessions(organisation=hour.organisation)
    letter = OutboxMessage.objects.get(key=f"rejection:{cv_screening.first().pk}")
    assert "/consultations/c/" in letter.body_text  # the letter invites to the consultation hour
