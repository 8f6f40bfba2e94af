import factory

from nagesprek.emails.constants import OutboxStatus
from nagesprek.emails.models import OutboxMessage
from nagesprek.organisations.tests.factories import OrganisationFactory


class OutboxMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutboxMessage

    organisation = factory.SubFactory(OrganisationFactory)
    key = factory.Sequence(lambda n: f"test-message:{n}")
    recipient = factory.Sequence(lambda n: f"ontvanger{n}@example.net")
    language = "nl"
    template = "password_reset"
    subject = factory.Sequence(lambda n: f"Bericht {n}")
    body_text = "Beste ontvanger,\n\nDit is een bericht.\n"
    body_html = '<html lang="nl"><body><p>Beste ontvanger,</p></body></html>'
    status = OutboxStatus.SENT
