"""A session's slot grid for the staff page: one row per slot, one column per recruiter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from nagesprek.accounts.models import User
from nagesprek.consultations import recurrence
from nagesprek.consultations.constants import TAKEN_STATUSES
from nagesprek.consultations.models import ConsultationBooking, ConsultationSession


@dataclass(frozen=True)
class GridCell:
    host: User
    taken: bool
    booking: ConsultationBooking | None  # None for a free place, or when the viewer may not see who booked
    can_record: bool = False  # the conversation has started: held / did not come may be recorded


@dataclass(frozen=True)
class GridRow:
    starts_at: datetime
    ends_at: datetime
    cells: list[GridCell]


@dataclass(frozen=True)
class Grid:
    hosts: list[User]
    rows: list[GridRow]

    @property
    def places(self) -> int:
        return sum(len(row.cells) for row in self.rows)

    @property
    def taken(self) -> int:
        return sum(cell.taken for row in self.rows for cell in row.cells)


def session_grid(
    *, session: ConsultationSession, bookings: list[ConsultationBooking] | None, now: datetime | None = None
) -> Grid:
    """The grid of ``session`` (its hour's hosts prefetched). ``bookings``: the taken ones with their
    candidates, or None when the viewer may not see who booked (then only which places are taken).

    A recruiter who stopped hosting but still has bookings in this session keeps a column.
    """
    hour = session.hour
    now = now or timezone.now()
    if bookings is None:
        taken = list(session.bookings.filter(status__in=TAKEN_STATUSES).values_list("starts_at", "host_id"))
        by_place: dict[tuple[datetime, int], ConsultationBooking | None] = {place: None for place in taken}
    else:
        by_place = {(b.starts_at, b.host_id): b for b in bookings}
    hosts = _hosts(list(hour.hosts.all()), {host_id for _start, host_id in by_place}, bookings)
    step = timedelta(minutes=hour.slot_minutes)
    rows = [
        GridRow(
            starts_at=start,
            ends_at=start + step,
            cells=[_cell(host, by_place.get((start, host.pk)), (start, host.pk) in by_place, now) for host in hosts],
        )
        for start in recurrence.slot_starts(session.starts_at, session.ends_at, hour.slot_minutes)
    ]
    return Grid(hosts=hosts, rows=rows)


def _cell(host: User, booking: ConsultationBooking | None, taken: bool, now: datetime) -> GridCell:
    can_record = booking is not None and booking.has_started(now)
    return GridCell(host=host, taken=taken, booking=booking, can_record=can_record)


def _hosts(current: list[User], booked_ids: set[int], bookings: list[ConsultationBooking] | None) -> list[User]:
    missing = booked_ids - {host.pk for host in current}
    if not missing:
        return current
    if bookings is not None:
        extra = {b.host_id: b.host for b in bookings if b.host_id in missing}
        return current + sorted(extra.values(), key=lambda user: user.full_name)
    return current + list(User.objects.filter(pk__in=missing).order_by("full_name"))
