"""Render a rejection letter: as e-mail (subject, text, HTML) and as an A4 PDF (WeasyPrint)."""

from __future__ import annotations

import base64
import logging
import mimetypes
from datetime import date
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from nagesprek.emails.rendering import RenderedEmail, render_email
from nagesprek.letters.context import letter_context
from nagesprek.organisations.contrast import HEX_COLOUR
from nagesprek.organisations.models import Organisation
from nagesprek.rejections.models import Rejection

logger = logging.getLogger(__name__)
# WeasyPrint logs every rendering step at INFO; only its warnings (a missing font, a refused URL) matter here.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

TEMPLATE = "rejection_letter"
PDF_TEMPLATE = "letters/letter_pdf.html"
DEFAULT_BRAND_COLOUR = "#154273"
MAX_LOGO_BYTES = 512 * 1024


def letter_language(rejection: Rejection, language: str | None = None) -> str:
    """The language to write in: the one asked for, else the rejection's, else the candidate's."""
    return language or rejection.language or rejection.application.candidate.language


def render_letter(
    *,
    rejection: Rejection,
    language: str | None = None,
    candidate_url: str = "",
    link_valid_until: date | None = None,
    extra_context: dict[str, Any] | None = None,
) -> RenderedEmail:
    """The letter as the candidate receives it by e-mail, in ``language`` (default: the letter's language).

    Exactly what ``emails.services.queue_email(template="rejection_letter", context=letter_context(...))``
    records in the outbox, so a preview shows what will be sent. ``extra_context`` carries the
    optional sections later capabilities add (``context.LATER_SECTIONS``).
    """
    context = letter_context(rejection=rejection, candidate_url=candidate_url, link_valid_until=link_valid_until)
    context.update(extra_context or {})
    return render_email(template=TEMPLATE, context=context, language=letter_language(rejection, language))


def render_letter_pdf(*, rejection: Rejection, language: str | None = None) -> bytes:
    """The letter as an A4 PDF: letterhead in the organisation's colour, long date, page numbers.

    Without the personal link (a PDF gets passed around): it points at the page
    where the candidate can ask for a fresh one. Fetches nothing from the network
    or disk: only ``data:`` URLs (the embedded logo) are allowed.
    """
    from weasyprint import HTML  # heavy import (Pango, fonts): only when a PDF is actually made
    from weasyprint.urls import URLFetcher

    html = letter_pdf_html(rejection=rejection, language=language)
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()


def letter_pdf_html(*, rejection: Rejection, language: str | None = None) -> str:
    """The HTML WeasyPrint turns into the PDF (separate so tests can inspect the laid-out text)."""
    language = letter_language(rejection, language)
    context = letter_context(rejection=rejection, candidate_url="")
    subject = render_email(template=TEMPLATE, context=context, language=language).subject
    pdf_context: dict[str, Any] = {
        **context,
        "language": language,
        "subject": subject,
        "brand_colour": _safe_colour(rejection.organisation.brand_colour),
        "logo_data_uri": _logo_data_uri(rejection.organisation),
    }
    with translation.override(language):
        return render_to_string(PDF_TEMPLATE, pdf_context)


def _safe_colour(colour: str) -> str:
    # The colour is written into a stylesheet: only a validated #rrggbb may get there.
    return colour if HEX_COLOUR.match(colour or "") else DEFAULT_BRAND_COLOUR


def _logo_data_uri(organisation: Organisation) -> str:
    """The logo inlined as a data: URL (the PDF renderer may fetch nothing else), or "" without one."""
    if not organisation.logo:
        return ""
    content_type = mimetypes.guess_type(organisation.logo.name or "")[0]
    if content_type not in ("image/png", "image/jpeg", "image/webp"):
        return ""
    try:
        if organisation.logo.size > MAX_LOGO_BYTES:
            return ""
        with organisation.logo.open("rb") as file:
            data = file.read()
    except OSError:
        logger.warning("Logo of organisation %s could not be read; the letter is made without it", organisation.pk)
        return ""
    return f"data:{content_type};base64,{base64.b64encode(data).decode('ascii')}"
