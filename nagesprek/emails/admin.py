from django.contrib import admin
from django.http import HttpRequest

from nagesprek.emails.models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Read-only: the outbox is a record of what was sent. Changes go through emails.services."""

    list_display = ["created_at", "recipient", "subject", "template", "status", "attempts", "sent_at"]
    list_filter = ["status", "template", "organisation"]
    list_select_related = ["organisation"]
    search_fields = ["recipient", "subject"]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: OutboxMessage | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: OutboxMessage | None = None) -> bool:
        return False
