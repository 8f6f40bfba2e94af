"""The candidate's own page, opened from a personal link; no account, no login."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from nagesprek.advising.page import advice_summary_context
from nagesprek.consents.page import consent_context
from nagesprek.consultations.page import consultation_context
from nagesprek.conversations.page import conversation_context
from nagesprek.letters.context import letter_context
from nagesprek.letters.rendering import render_letter_pdf
from nagesprek.matching.page import suggestion_context
from nagesprek.portal import selectors, services
from nagesprek.portal.forms import FreshLinkForm
from nagesprek.portal.headers import SAME_ORIGIN, candidate_page_headers
from nagesprek.portal.models import CandidateLink
from nagesprek.referrals.page import referral_context

LINK_PROBLEM_STATUS = {selectors.LinkExpired: 410, selectors.LinkRevoked: 410, selectors.LinkInvalid: 404}


def _use_language(request: HttpRequest, default: str) -> str:
    """Activate ``?lang=`` when it names a language we offer, else ``default``; returns the one used."""
    wanted = request.GET.get("lang", "")
    language = wanted if wanted in dict(settings.LANGUAGES) else default
    translation.activate(language)
    request.LANGUAGE_CODE = language
    return language


def _link_problem(request: HttpRequest, error: selectors.LinkError) -> HttpResponse:
    """A kind page for a link that does not work (404 unknown, 410 expired or revoked), with the fresh-link form."""
    _use_language(request, translation.get_language() or settings.LANGUAGE_CODE)
    context = {"problem": type(error).__name__, "form": FreshLinkForm()}
    response = render(request, "portal/link_problem.html", context, status=LINK_PROBLEM_STATUS[type(error)])
    response["Referrer-Policy"] = SAME_ORIGIN  # the page holds a form (see headers.SAME_ORIGIN)
    return response


@candidate_page_headers()
@require_GET
def candidate_page(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = selectors.resolve_link(token=token)
    except selectors.LinkError as error:
        return _link_problem(request, error)
    candidate = link.candidate
    _use_language(request, candidate.language)
    letters = [
        {**letter_context(rejection=rejection, candidate_url=""), "rejection_id": rejection.pk}
        for rejection in selectors.list_sent_rejections_for_candidate(candidate=candidate)
    ]
    services.record_page_viewed(link=link)
    context = {
        "candidate": candidate,
        "organisation": candidate.organisation,
        "letters": letters,
        "token": token,
        "link_valid_until": timezone.localdate(link.expires_at),
        "retention_days": settings.RETENTION_DAYS_WITHOUT_CONSENT,
        "retention_weeks": letters[0]["retention_weeks"] if letters else None,
        "contact_email": candidate.organisation.contact_email,
        "organisation_name": candidate.organisation.name,
        **advice_summary_context(candidate=candidate),  # issue 6: the advisor's written summary
        **consent_context(candidate=candidate),  # issue 4 part G: the talent-pool consent section
        **suggestion_context(candidate=candidate),  # issue 4 part G: vacancies that fit
        **consultation_context(candidate=candidate),  # issue 5: the open consultation hour
        **referral_context(candidate=candidate),  # issue 6: referrals and talent-pool invitations
        **conversation_context(candidate=candidate),  # issue 5: the conversation with a career advisor
    }
    return render(request, "portal/page.html", context)


@candidate_page_headers()
@require_GET
def letter_pdf(request: HttpRequest, token: str, rejection_id: int) -> HttpResponse:
    try:
        link: CandidateLink = selectors.resolve_link(token=token)
    except selectors.LinkError as error:
        return _link_problem(request, error)
    rejection = selectors.get_sent_rejection_for_candidate(candidate=link.candidate, rejection_id=rejection_id)
    if rejection is None:
        return _link_problem(request, selectors.LinkInvalid())
    services.record_letter_downloaded(link=link, rejection=rejection)
    response = HttpResponse(render_letter_pdf(rejection=rejection), content_type="application/pdf")
    filename = slugify(f"{rejection.organisation.name} {rejection.application.vacancy.reference}") or "letter"
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response


@candidate_page_headers(SAME_ORIGIN)
@require_http_methods(["GET", "POST"])
def fresh_link(request: HttpRequest) -> HttpResponse:
    """Ask for a fresh link by e-mail. The answer is the same whether or not we know the address."""
    language = _use_language(request, translation.get_language() or settings.LANGUAGE_CODE)
    form = FreshLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.request_fresh_link(email=form.cleaned_data["email"])
        return redirect(f"{reverse('portal:fresh_link_sent')}?lang={language}")
    return render(request, "portal/fresh_link.html", {"form": form})


@candidate_page_headers(SAME_ORIGIN)
@require_GET
def fresh_link_sent(request: HttpRequest) -> HttpResponse:
    _use_language(request, translation.get_language() or settings.LANGUAGE_CODE)
    return render(request, "portal/fresh_link_sent.html")
