from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from nagesprek.letters import selectors, services
from nagesprek.letters.readability import B1_MAX_WORDS_PER_SENTENCE, B1_MIN_FLESCH_DOUMA
from nagesprek.organisations.access import actor_required


def _requested_language(request: HttpRequest) -> str | None:
    language = request.GET.get("language", "")
    return language if language in dict(settings.LANGUAGES) else None


@actor_required(*selectors.LETTER_ROLES)
@require_GET
@never_cache
def preview(request: HttpRequest, rejection_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    rejection = selectors.get_rejection_for_letter(actor=actor, rejection_id=rejection_id)
    letter = services.open_letter_preview(actor=actor, rejection=rejection, language=_requested_language(request))
    context = {
        "rejection": rejection,
        "application": rejection.application,
        "letter": letter,
        "languages": settings.LANGUAGES,
        "min_score": B1_MIN_FLESCH_DOUMA,
        "max_sentence": B1_MAX_WORDS_PER_SENTENCE,
    }
    return render(request, "letters/preview.html", context)


@actor_required(*selectors.LETTER_ROLES)
@require_GET
@never_cache
def pdf(request: HttpRequest, rejection_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    rejection = selectors.get_rejection_for_letter(actor=actor, rejection_id=rejection_id)
    content = services.export_letter_pdf(actor=actor, rejection=rejection, language=_requested_language(request))
    response = HttpResponse(content, content_type="application/pdf")
    name = slugify(f"{rejection.application.vacancy.reference} {rejection.application.candidate.full_name}")
    response["Content-Disposition"] = f'attachment; filename="{name or "letter"}.pdf"'
    return response
