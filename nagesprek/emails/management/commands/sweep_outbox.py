"""Re-enqueue e-mail whose worker died or whose task was lost. Run it every few minutes (cron, systemd timer)."""

from typing import Any

from django.core.management.base import BaseCommand

from nagesprek.emails import services


class Command(BaseCommand):
    help = "Enqueue delivery again for outbox messages stuck in SENDING or QUEUED for more than 10 minutes."

    def handle(self, *args: Any, **options: Any) -> None:
        count = services.requeue_stalled_messages()
        self.stdout.write(f"{count} stalled message(s) queued again.")
