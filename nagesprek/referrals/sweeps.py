"""The referral sweeps ``nagesprek/housekeeping.py`` runs every minute: reminders, and withdrawals.

Both are idempotent. A reminder is claimed by setting its timestamp in a conditional UPDATE before
the e-mail is queued (in the same transaction), and the e-mail's outbox key names the referral and the
moment, so two workers running the sweep at once send each reminder once.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from nagesprek.consents.constants import ConsentPurpose
from nagesprek.consents.models import Consent
from nagesprek.referrals import deadlines, emails, services
from nagesprek.referrals.constants import ReferralStatus, WithdrawalCause
from nagesprek.referrals.models import Referral
from nagesprek.vacancies.constants import VacancyStatus


def _remind(referral: Referral, *, field: str, due_today: bool, now: datetime) -> bool:
    with transaction.atomic():
        claimed = Referral.objects.filter(pk=referral.pk, status=ReferralStatus.PENDING, **{field: None}).update(
            **{field: now}
        )
        if claimed:
            emails.referral_reminder(referral, due_today=due_today)
    return bool(claimed)


def send_referral_reminders(*, now: datetime | None = None) -> int:
    """Remind the recruiters of pending referrals: once on the working day before the deadline, once on it.

    A referral found only on its deadline (or later) gets the "due today" reminder alone; its "before"
    reminder is marked as passed, never sent late. Returns how many reminders were sent.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    pending = Referral.objects.filter(status=ReferralStatus.PENDING).select_related(
        "organisation", "candidate", "vacancy", "advisor"
    )
    sent = 0
    for referral in pending.filter(reminded_due_at__isnull=True, respond_by__lte=today):
        Referral.objects.filter(pk=referral.pk, reminded_before_at__isnull=True).update(reminded_before_at=now)
        sent += _remind(referral, field="reminded_due_at", due_today=True, now=now)
    for referral in pending.filter(reminded_before_at__isnull=True, respond_by__gt=today):
        if deadlines.reminder_day(referral.respond_by) <= today:
            sent += _remind(referral, field="reminded_before_at", due_today=False, now=now)
    return sent


def withdraw_stale_referrals(*, now: datetime | None = None) -> int:
    """Withdraw pending referrals whose candidate's REFERRAL consent has ended or whose vacancy is gone.

    A withdrawal of consent takes effect at once in every check (accepting refuses); this sweep makes
    the recruiter's inbox say so. Returns how many referrals were withdrawn.
    """
    now = now or timezone.now()
    valid = Consent.objects.filter(
        candidate=OuterRef("candidate"),
        purpose=ConsentPurpose.REFERRAL,
        revoked_at__isnull=True,
        granted_at__lte=now,
        expires_at__gt=now,
    )
    pending = Referral.objects.filter(status=ReferralStatus.PENDING)
    withdrawn = 0
    for referral in pending.filter(~Exists(valid)):
        services.withdraw_referral(referral=referral, cause=WithdrawalCause.CONSENT)
        withdrawn += 1
    gone = Q(vacancy__status__in=[VacancyStatus.FILLED, VacancyStatus.CANCELLED])
    for referral in pending.filter(gone):
        services.withdraw_referral(referral=referral, cause=WithdrawalCause.VACANCY)
        withdrawn += 1
    return withdrawn


def run_referral_sweeps() -> int:
    """Both sweeps, withdrawals first (no reminder for a referral that can no longer be answered)."""
    return withdraw_stale_referrals() + send_referral_reminders()
