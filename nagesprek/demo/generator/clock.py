"""Days relative to today, turned into aware datetimes at plausible times of day."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class DemoClock:
    """Everything in the demo is planned in whole days from `today` (negative: the past).

    Planning in days keeps a seed's data the same whatever the time of day it is loaded,
    and keeps every history strictly ordered: each step of an application is on a later day.
    """

    today: datetime.date
    zone: ZoneInfo

    def date(self, day: int) -> datetime.date:
        return self.today + datetime.timedelta(days=day)

    def at(self, day: int, rng: random.Random, hours: tuple[int, int] = (9, 17)) -> datetime.datetime:
        moment = datetime.time(rng.randint(*hours), rng.randrange(0, 60, 5))
        return datetime.datetime.combine(self.date(day), moment, tzinfo=self.zone)
