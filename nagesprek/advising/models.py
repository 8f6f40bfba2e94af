"""What the advisor keeps about a conversation: notes, the outcome, and the summary the candidate gets.

Kept apart from the hiring file: none of these rows is shown on an application, rejection or
evaluation page, nor to recruiters, evaluators or HR leads (``constants.ADVISING_ROLES``). They are
the candidate's data all the same: the access-request export (``privacy_requests.personal_data``) holds
them, and they go with the candidate when the file is erased (the candidate foreign keys cascade).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nagesprek.accounts.constants import Language
from nagesprek.advising.constants import SummaryStatus


class AdvisorNote(models.Model):
    """A note the advisor writes before, during or after a conversation. Written as if the candidate reads it."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    conversation = models.ForeignKey(
        "conversations.Conversation",
        on_delete=models.CASCADE,
        related_name="advisor_notes",
        verbose_name=_("conversation"),
    )
    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="advisor_notes", verbose_name=_("candidate")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("written by")
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("advisor's note")
        verbose_name_plural = _("advisor's notes")
        ordering = ["conversation", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.conversation_id}: {self.text[:40]}"


class ConversationOutcome(models.Model):
    """What came out of a conversation: the advice given (routes from the catalogue and/or free text), a follow-up."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    conversation = models.OneToOneField(
        "conversations.Conversation",
        on_delete=models.CASCADE,
        related_name="advising_outcome",
        verbose_name=_("conversation"),
    )
    candidate = models.ForeignKey(
        "candidates.Candidate",
        on_delete=models.CASCADE,
        related_name="conversation_outcomes",
        verbose_name=_("candidate"),
    )
    advice = models.TextField(_("advice given"), blank=True)
    routes = models.ManyToManyField("routes.Route", blank=True, related_name="+", verbose_name=_("routes advised"))
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    follow_up_done_at = models.DateTimeField(_("followed up at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"))
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("outcome of a conversation")
        verbose_name_plural = _("outcomes of conversations")
        indexes = [models.Index(fields=["organisation", "follow_up_on"], name="outcome_follow_up")]

    def __str__(self) -> str:
        return f"{self.conversation_id}: {self.advice[:40]}"

    @property
    def follow_up_open(self) -> bool:
        return self.follow_up_on is not None and self.follow_up_done_at is None


class AdviceSummary(models.Model):
    """The short written summary of the advice, drafted from the outcome, reviewed, then sent to the candidate.

    Once sent it is not changed: it is what the candidate received, and their page shows it.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    conversation = models.OneToOneField(
        "conversations.Conversation",
        on_delete=models.CASCADE,
        related_name="advice_summary",
        verbose_name=_("conversation"),
    )
    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="advice_summaries", verbose_name=_("candidate")
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    text = models.TextField(_("summary for the candidate"))
    status = models.CharField(_("status"), max_length=10, choices=SummaryStatus.choices, default=SummaryStatus.DRAFT)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("written by")
    )
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sent by"),
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    outbox_message = models.ForeignKey(
        "emails.OutboxMessage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("e-mail"),
    )

    class Meta:
        verbose_name = _("advice summary")
        verbose_name_plural = _("advice summaries")
        ordering = ["-sent_at", "-pk"]
        indexes = [models.Index(fields=["candidate", "status"], name="advice_summary_candidate")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=SummaryStatus.SENT) | models.Q(sent_at__isnull=False),
                name="advice_summary_sent_has_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.conversation_id} · {self.status}"

    @property
    def is_sent(self) -> bool:
        return self.status == SummaryStatus.SENT
