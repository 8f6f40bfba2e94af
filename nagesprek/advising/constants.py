from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.organisations.constants import Role

# Who prepares and holds the conversation, and reads and writes what is said in it: the organisation's
# career advisors, all of them (a colleague takes over a conversation during leave, and needs the brief
# and the notes to do so). Nobody else: recruiters, evaluators and HR leads decide or review hiring, and
# the notes are kept apart from the hiring file so that what a candidate tells an advisor never weighs in a
# selection. Privacy officers disclose the notes on an access request (the privacy_requests export holds
# every row that hangs off the candidate) without a page of their own to browse them.
ADVISING_ROLES = (Role.ADVISOR,)

# The written summary a candidate gets: short, so it is read.
SUMMARY_MAX_LENGTH = 3000
NOTE_MAX_LENGTH = 5000
ADVICE_MAX_LENGTH = 3000


class SummaryStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent")
