"""Advisors with weekly hours, offers from sent rejections, and conversations, for the conversation tests."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

import factory
from django.utils import timezone

from nagesprek.accounts.models import User
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.applications.tests.factories import ApplicationFactory
from nagesprek.conversations.constants import ConversationMode, ConversationStatus
from nagesprek.conversations.models import AdvisorProfile, Conversation, ConversationOffer, WorkingHours
from nagesprek.conversations.tests.support import TODAY
from nagesprek.organisations.constants import Role
from nagesprek.organisations.models import Organisation
from nagesprek.organisations.selectors import Actor
from nagesprek.organisations.tests.factories import member
from nagesprek.rejections.tests.factories import actor_for
from nagesprek.vacancies.models import Vacancy
from nagesprek.vacancies.tests.factories import VacancyFactory

NINE_TO_FIVE = tuple((weekday, "09:00", "17:00") for weekday in range(5))
ALL_MODES = [ConversationMode.VIDEO, ConversationMode.PHONE, ConversationMode.ON_SITE]


def make_advisor(
    organisation: Organisation,
    *,
    languages: tuple[str, ...] = ("nl",),
    modes: tuple[str, ...] = tuple(ALL_MODES),
    hours: tuple[tuple[int, str, str], ...] = NINE_TO_FIVE,
    job_families=(),
    minutes: int = 45,
    max_per_day: int | None = None,
    user: User | None = None,
    **user_fields: object,
) -> AdvisorProfile:
    """An advisor (a member with the advisor role) and their profile; by default Monday to Friday 9 to 5."""
    user = user or member(organisation, Role.ADVISOR, **user_fields)
    profile = AdvisorProfile.objects.create(
        organisation=organisation,
        user=user,
        languages=list(languages),
        modes=list(modes),
        location="Hoofdgebouw, kamer 2.14",
        conversation_minutes=minutes,
        max_per_day=max_per_day,
    )
    profile.job_families.set(job_families)
    WorkingHours.objects.bulk_create(
        WorkingHours(
            profile=profile,
            weekday=day,
            start=datetime.time.fromisoformat(start),
            end=datetime.time.fromisoformat(end),
        )
        for day, start, end in hours
    )
    return profile


def make_offer(
    application: Application | None = None,
    *,
    deadline: datetime.date | None = None,
    modes=ALL_MODES,
    **application_fields: object,
) -> ConversationOffer:
    rejected: Application = application or ApplicationFactory(status=ApplicationStatus.REJECTED, **application_fields)
    return ConversationOffer.objects.create(
        organisation=rejected.organisation,
        application=rejected,
        candidate=rejected.candidate,
        deadline=deadline or timezone.localdate() + datetime.timedelta(days=21),
        modes=list(modes),
        offered_at=timezone.now(),
    )


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation

    offer = factory.LazyFunction(make_offer)
    organisation = factory.SelfAttribute("offer.organisation")
    application = factory.SelfAttribute("offer.application")
    candidate = factory.SelfAttribute("offer.candidate")
    advisor = factory.LazyAttribute(lambda o: member(o.organisation, Role.ADVISOR))
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=2))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(minutes=45))
    mode = ConversationMode.VIDEO
    language = "nl"
    status = ConversationStatus.BOOKED
    uid = factory.LazyFunction(lambda: f"{uuid.uuid4()}@nagesprek")
    booked_at = factory.LazyFunction(timezone.now)


# --- A small wave for the wave planner: one vacancy's rejected candidates and two advisors. ---

DEADLINE = TODAY + datetime.timedelta(days=14)  # Monday 15 March 2027: ten working days


@dataclass
class WaveSetting:
    organisation: Organisation
    vacancy: Vacancy
    expert: AdvisorProfile  # Dutch, knows the vacancy's job family, at most two conversations a day
    bilingual: AdvisorProfile  # Dutch and English, other expertise
    offers: list[ConversationOffer]  # the last one is an English-speaking candidate's
    hr_lead: Actor


def make_wave_setting(*, size: int = 6, deadline: datetime.date = DEADLINE) -> WaveSetting:
    vacancy = VacancyFactory(title="Medisch secretaresse Cardiologie")
    organisation = vacancy.organisation
    expert = make_advisor(organisation, job_families=[vacancy.job_family], max_per_day=2, full_name="Ingrid Bakker")
    bilingual = make_advisor(organisation, languages=("nl", "en"), modes=("video", "phone"), full_name="Grace Mensah")
    offers = [rejected(vacancy, deadline=deadline) for _ in range(size - 1)]
    offers.append(rejected(vacancy, language="en", deadline=deadline))
    lead = member(organisation, Role.HR_LEAD, full_name="Hanna de Leider")
    return WaveSetting(organisation, vacancy, expert, bilingual, offers, actor_for(lead, organisation))


def rejected(
    vacancy: Vacancy, *, language: str = "nl", deadline: datetime.date = DEADLINE, **offer
) -> ConversationOffer:
    application = ApplicationFactory(vacancy=vacancy, status=ApplicationStatus.REJECTED, candidate__language=language)
    return make_offer(application, deadline=deadline, **offer)
