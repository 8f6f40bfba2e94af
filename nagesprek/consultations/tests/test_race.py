"""No overbooking, ever: two candidates racing for the last place get one booking and one "just taken".

The race needs two database connections at once, which the in-memory SQLite of the test suite cannot
give (it serialises everything anyway); it runs against PostgreSQL, as in CI.
"""

import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import translation

from nagesprek.consultations import selectors, services
from nagesprek.consultations.constants import BookingStatus
from nagesprek.consultations.models import ConsultationBooking
from nagesprek.consultations.services import bookings
from nagesprek.consultations.tests.factories import applicant, hour_with_session, token_for

RACE_NEEDS_POSTGRES = pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="two concurrent database connections need PostgreSQL (run with DATABASE_URL=postgres://…)",
)


@RACE_NEEDS_POSTGRES
@pytest.mark.django_db(transaction=True)
def test_two_candidates_racing_for_the_last_place_get_one_booking_and_one_clear_refusal(monkeypatch):
    hour, session = hour_with_session(hosts=2)
    book_first = applicant(hour.organisation)
    services.book_slot(
        candidate=book_first, session=session, starts_at=session.starts_at, token=token_for(book_first)
    )  # one of the two places of 16:00 is gone: one place left
    racers = [applicant(hour.organisation) for _ in range(2)]
    tokens = {racer.pk: token_for(racer) for racer in racers}
    # Widen the race: having taken the session lock and read the free places, each racer waits for the other to
    # get that far too. With the lock the other cannot, so the barrier breaks after a second and the first books.
    both_inside = threading.Barrier(2)
    barrier_broke = []
    free_slot = bookings._free_slot

    def free_slot_after_both_read(*args):
        try:
            both_inside.wait(timeout=1)
        except threading.BrokenBarrierError:
            barrier_broke.append(True)
        return free_slot(*args)

    monkeypatch.setattr(bookings, "_free_slot", free_slot_after_both_read)
    outcomes: dict[int, object] = {}

    def racer(candidate):
        try:
            translation.activate("en")  # a thread starts in the default language
            outcomes[candidate.pk] = services.book_slot(
                candidate=candidate, session=session, starts_at=session.starts_at, token=tokens[candidate.pk]
            )
        except services.BookingRefused as refused:
            outcomes[candidate.pk] = refused
        finally:
            connection.close()  # each thread has its own database connection

    threads = [threading.Thread(target=racer, args=(candidate,)) for candidate in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    booked = [o for o in outcomes.values() if isinstance(o, ConsultationBooking)]
    refused = [o for o in outcomes.values() if isinstance(o, services.BookingRefused)]
    assert len(booked) == 1 and len(refused) == 1
    assert isinstance(refused[0], services.SlotTaken)
    assert "just taken" in str(refused[0])
    assert barrier_broke, "the second racer got past the session lock while the first held it"
    assert ConsultationBooking.objects.filter(session=session, starts_at=session.starts_at).count() == 2
    fresh = selectors.bookable_sessions(organisation=hour.organisation)
    assert session.starts_at not in [slot.starts_at for slot in fresh[0].slots]  # the fresh options leave it out


@pytest.mark.django_db
def test_the_database_itself_refuses_a_second_taken_booking_for_the_same_recruiter_and_time():
    hour, session = hour_with_session(hosts=1)
    candidate = applicant(hour.organisation)
    booking = services.book_slot(
        candidate=candidate, session=session, starts_at=session.starts_at, token=token_for(candidate)
    )
    twin = ConsultationBooking(
        organisation=hour.organisation, session=session, candidate=applicant(hour.organisation), host=booking.host,
        starts_at=booking.starts_at, ends_at=booking.ends_at, uid="twin@test",
    )  # fmt: skip

    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()  # past the service, past the lock: the partial unique constraint still holds
    twin.status = BookingStatus.CANCELLED_BY_CANDIDATE
    twin.save()  # a cancelled booking holds no place, so it may sit beside the taken one
