from django.tasks import task

from nagesprek.portal import services


@task()
def send_fresh_link(email: str) -> None:
    """Send a fresh candidate-page link to ``email`` if it belongs to a candidate with a sent letter.

    Runs in the background so that a request for a known address and one for an
    unknown address take the same time. Rate-limited per address (see
    ``services.send_fresh_links``); running it twice sends at most one more e-mail
    within that limit.
    """
    services.send_fresh_links(email=email)
