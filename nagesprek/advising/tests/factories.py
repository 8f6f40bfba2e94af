"""A rejected candidate with a sent letter and a booked conversation with a career advisor."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from nagesprek.accounts.models import User
from nagesprek.advice.tests.factories import setting_routes
from nagesprek.applications.constants import ApplicationStatus
from nagesprek.applications.models import Application
from nagesprek.conversations.constants import ConversationMode, ConversationStatus
from nagesprek.conversations.models import Conversation
from nagesprek.organisations.constants import Role
from nagesprek.organisations.selectors import Actor
from nagesprek.organisations.tests.factories import member
from nagesprek.rejections import services as rejection_services
from nagesprek.rejections.constants import Outcome, RejectionStatus
from nagesprek.rejections.models import Rejection
from nagesprek.rejections.tests.factories import Setting, actor_for, make_setting
from nagesprek.routes.models import Route


@dataclass
class Story:
    setting: Setting
    rejection: Rejection
    advisor: User
    conversation: Conversation
    routes: dict[str, Route]

    @property
    def organisation(self):
        return self.setting.organisation

    @property
    def candidate(self):
        return self.setting.candidate

    @property
    def application(self) -> Application:
        return self.setting.application

    def actor(self, user: User | None = None) -> Actor:
        return actor_for(user or self.advisor, self.organisation)

    def someone(self, role: str) -> Actor:
        return actor_for(member(self.organisation, role), self.organisation)


def send_letter(setting: Setting, *, sent_at: datetime | None = None) -> Rejection:
    """Start a rejection (reasons and advice drafted from the record) and record it as sent."""
    rejection = rejection_services.start_rejection(
        actor=setting.actor(), application=setting.application, outcome=Outcome.REJECTED
    )
    sent_at = sent_at or timezone.now() - timedelta(days=5)
    Rejection.objects.filter(pk=rejection.pk).update(status=RejectionStatus.SENT, sent_at=sent_at)
    Application.objects.filter(pk=setting.application.pk).update(status=ApplicationStatus.REJECTED, closed_at=sent_at)
    setting.application.refresh_from_db()
    rejection.refresh_from_db()
    return rejection


def make_conversation(
    application: Application,
    advisor: User,
    *,
    starts_at: datetime | None = None,
    status: str = ConversationStatus.BOOKED,
) -> Conversation:
    starts_at = starts_at or timezone.now() + timedelta(days=2)
    return Conversation.objects.create(
        organisation=application.organisation,
        candidate=application.candidate,
        application=application,
        advisor=advisor,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=45),
        mode=ConversationMode.VIDEO,
        language=application.candidate.language,
        status=status,
        uid=f"{uuid.uuid4()}@test",
        booked_at=timezone.now(),
    )


def make_story(*, starts_at: datetime | None = None, status: str = ConversationStatus.BOOKED) -> Story:
    setting = make_setting()
    setting.candidate.cv_text = ""
    setting.candidate.save()
    routes = setting_routes(setting.organisation)
    rejection = send_letter(setting)
    advisor = member(setting.organisation, Role.ADVISOR, full_name="Marieke van Dijk")
    conversation = make_conversation(setting.application, advisor, starts_at=starts_at, status=status)
    return Story(setting, rejection, advisor, conversation, routes)
