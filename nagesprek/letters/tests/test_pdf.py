"""The PDF letter renders, and its laid-out pages hold the letter: reasons, date, page numbers.

pypdf is not a dependency, so the text is read from WeasyPrint's own layout of the same
HTML (the boxes it draws into the PDF) rather than parsed back out of the PDF bytes.
"""

import pytest
from django.core.files.base import ContentFile
from weasyprint import HTML
from weasyprint.formatting_structure.boxes import TextBox

from nagesprek.letters.rendering import letter_pdf_html, render_letter_pdf
from nagesprek.letters.tests.factories import rejection_with_reasons

pytestmark = pytest.mark.django_db

# The smallest valid PNG (1x1 pixel).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)


def _laid_out_text(html: str) -> list[str]:
    """The text of each page as WeasyPrint lays it out (body and page margins)."""
    document = HTML(string=html).render()
    return [
        " ".join(box.text for box in page._page_box.descendants() if isinstance(box, TextBox))
        for page in document.pages
    ]


def test_pdf_is_a_real_pdf():
    pdf = render_letter_pdf(rejection=rejection_with_reasons(reasons=2))

    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert 5_000 < len(pdf) < 500_000


def test_pdf_pages_hold_the_reasons_the_vacancy_and_page_numbers():
    rejection = rejection_with_reasons(reasons=3, language="en")
    rejection.organisation.name = "Ziekenhuis Delftzicht"

    pages = _laid_out_text(letter_pdf_html(rejection=rejection))

    text = " ".join(pages)
    for reason in rejection.reasons.all():
        assert reason.explanation.split(".")[0] in text
    assert rejection.application.vacancy.title in text
    assert "Ziekenhuis Delftzicht" in text
    assert f"1 / {len(pages)}" in pages[0]


def test_pdf_date_is_written_out_in_the_letters_language():
    rejection = rejection_with_reasons(reasons=1, language="nl")
    rejection.sent_at = rejection.sent_at.replace(year=2026, month=3, day=4, hour=12)

    dutch = " ".join(_laid_out_text(letter_pdf_html(rejection=rejection)))
    english = " ".join(_laid_out_text(letter_pdf_html(rejection=rejection, language="en")))

    assert "4 maart 2026" in dutch
    assert "4 March 2026" in english


def test_pdf_carries_no_personal_link():
    rejection = rejection_with_reasons(reasons=1, language="en")

    html = letter_pdf_html(rejection=rejection)

    assert "/c/new-link/" in html
    assert "You can read this letter again on your own page" not in html


def test_pdf_embeds_the_logo_and_fetches_nothing_from_outside(settings):
    rejection = rejection_with_reasons(reasons=1, personal_note='<img src="http://169.254.169.254/latest/">')
    rejection.organisation.logo.save("logo.png", ContentFile(PNG), save=True)

    html = letter_pdf_html(rejection=rejection)
    pdf = render_letter_pdf(rejection=rejection)

    assert 'src="data:image/png;base64,' in html
    assert "&lt;img src=" in html  # the note is text, never markup
    assert pdf.startswith(b"%PDF-")


def test_an_invalid_brand_colour_never_reaches_the_stylesheet():
    rejection = rejection_with_reasons(reasons=1)
    rejection.organisation.brand_colour = "red; } body { display: none"

    html = letter_pdf_html(rejection=rejection)

    assert "display: none" not in html
    assert "#154273" in html
