import datetime
from urllib.parse import urlsplit

import factory
from django.utils import timezone

from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.candidates.models import Candidate
from nagesprek.consultations.constants import ConsultationMode, Frequency, Weekday, WeekOfMonth
from nagesprek.consultations.models import ConsultationHour, ConsultationSession
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Organisation
from nagesprek.organisations.tests.factories import OrganisationFactory, member
from nagesprek.portal.services import issue_link
from nagesprek.vacancies.tests.factories import VacancyFactory


class ConsultationHourFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsultationHour
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = "Sollicitatiespreekuur"
    frequency = Frequency.MONTHLY
    weekday = Weekday.TUESDAY
    week_of_month = WeekOfMonth.FIRST
    start_time = datetime.time(16, 0)
    end_time = datetime.time(17, 30)
    slot_minutes = 15
    mode = ConsultationMode.ON_SITE
    location = "Hoofdingang, balie Werving en selectie"
    is_published = True
    starts_on = factory.LazyFunction(timezone.localdate)

    @factory.post_generation
    def hosts(obj, create, extracted, **kwargs):
        if create:
            obj.hosts.set(extracted if extracted is not None else [member(obj.organisation, Role.RECRUITER)])


def recruiters(organisation: Organisation, count: int) -> list:
    return [member(organisation, Role.RECRUITER, full_name=f"Recruiter {n}") for n in range(count)]


def hour_with_session(*, hosts: int = 2, days_ahead: int = 3, **fields) -> tuple[ConsultationHour, ConsultationSession]:
    """A published hour with ``hosts`` recruiters and one session (16:00 to 17:30) ``days_ahead`` from today."""
    organisation = fields.pop("organisation", None) or OrganisationFactory()
    hour = ConsultationHourFactory(organisation=organisation, hosts=recruiters(organisation, hosts), **fields)
    return hour, session_on(hour, timezone.localdate() + datetime.timedelta(days=days_ahead))


def session_on(hour: ConsultationHour, day: datetime.date) -> ConsultationSession:
    zone = timezone.get_default_timezone()
    return ConsultationSession.objects.create(
        organisation=hour.organisation,
        hour=hour,
        date=day,
        starts_at=datetime.datetime.combine(day, hour.start_time, tzinfo=zone),
        ends_at=datetime.datetime.combine(day, hour.end_time, tzinfo=zone),
    )


def applicant(organisation: Organisation, status: str = ApplicationStatus.REJECTED, **fields) -> Candidate:
    """A candidate of ``organisation`` with one application of ``status`` (rejected at CV screening by default)."""
    application = ApplicationFactory(vacancy=VacancyFactory(organisation=organisation), status=status, **fields)
    return application.candidate


def token_for(candidate: Candidate) -> str:
    return urlsplit(issue_link(candidate=candidate)).path.split("/")[2]
