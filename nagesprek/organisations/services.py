"""Writes to organisations: theme settings."""

from __future__ import annotations

from django.db import transaction

from nagesprek.accounts.models import User
from nagesprek.organisations.models import Organisation


@transaction.atomic
def update_theme(
    *,
    organisation: Organisation,
    changed_by: User,
    name: str,
    brand_colour: str,
    contact_email: str,
    logo: object | None = None,
) -> Organisation:
    """Change the organisation's name, brand colour, contact address and (optionally) logo.

    Raises ValidationError (nothing saved) when the colour fails WCAG AA contrast.
    """
    organisation.name = name
    organisation.brand_colour = brand_colour.lower()
    organisation.contact_email = contact_email
    if logo is not None:
        organisation.logo = logo  # type: ignore[assignment]
    organisation.full_clean()
    organisation.save()
    return organisation
