from django.contrib import admin
from django.http import HttpRequest

from nagesprek.emails.models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Read-only delivery metadata. Changes go through emails.services.

    The message bodies are left out: a letter is part of a candidate's file, and reading it
    belongs in the application's outbox page, where the view is audited.
    """

    list_display = ["created_at", "recipient", "subject", "template", "status", "attempts", "sent_at"]
    list_filter = ["status", "template", "organisation"]
    list_select_related = ["organisation"]
    search_fields = ["recipient", "subject"]
    exclude = ["body_text", "body_html"]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields if f.name not in ("body_text", "body_html")]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: OutboxMessage | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: OutboxMessage | None = None) -> bool:
        return False
