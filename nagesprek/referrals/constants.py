from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.organisations.constants import Role


class ReferralStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the recruiter")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class WithdrawalCause(models.TextChoices):
    ADVISOR = "advisor", _("The advisor withdrew it")
    CONSENT = "consent", _("The candidate withdrew their permission")
    VACANCY = "vacancy", _("The vacancy is no longer open")


class InvitationStatus(models.TextChoices):
    SENT = "sent", _("Invited, no answer yet")
    APPLIED = "applied", _("Applied")
    DECLINED = "declined", _("Not interested")


# A recruiter answers a referral within this many working days (issue 6); reminders go out on the working
# day before and on the day itself.
RESPONSE_WORKING_DAYS = 5

# Who refers (the contract in notes/contracts.md): career advisors only.
REFERRING_ROLES = (Role.ADVISOR,)
# Who receives and answers referrals, and invites from the talent pool: the vacancy's recruiters.
RECEIVING_ROLES = (Role.RECRUITER,)
# Who reads every referral of the organisation and the hired-after-rejection figures.
OVERSEEING_ROLES = (Role.HR_LEAD,)
REFERRAL_ROLES = (*REFERRING_ROLES, *RECEIVING_ROLES, *OVERSEEING_ROLES)
