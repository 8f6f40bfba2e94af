from django.core.management.base import BaseCommand

from nagesprek.rejections.services import send_due_rejections


class Command(BaseCommand):
    help = "Enqueue sending of scheduled rejections that are due (run every few minutes, like sweep_outbox)."

    def handle(self, *args, **options) -> None:
        count = send_due_rejections()
        self.stdout.write(f"{count} rejection(s) enqueued for sending.")
