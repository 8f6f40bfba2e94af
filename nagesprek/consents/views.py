"""The candidate's consent page, opened from their personal link (no account).

It is a page of its own, not a form on the candidate page: that page sends no Referer at all, and a
form posted from it arrives with "Origin: null", which CSRF protection rightly refuses.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_http_methods

from nagesprek.consents import selectors, services
from nagesprek.consents.constants import CONSENT_VALIDITY, ConsentPurpose, ConsentSource
from nagesprek.consents.forms import ConsentChoiceForm
from nagesprek.consents.wording import consent_wording
from nagesprek.portal import selectors as portal_selectors
from nagesprek.portal.headers import SAME_ORIGIN, candidate_page_headers


def _language(request: HttpRequest, default: str) -> str:
    wanted = request.GET.get("lang", "")
    language = wanted if wanted in dict(settings.LANGUAGES) else default
    translation.activate(language)
    request.LANGUAGE_CODE = language
    return language


# Per purpose: the page's template and the candidate page's section it returns to.
PAGES = {
    ConsentPurpose.TALENT_POOL: ("consents/talent_pool.html", "talent-pool"),
    ConsentPurpose.REFERRAL: ("consents/referral.html", "referral-consent"),
}


@candidate_page_headers(SAME_ORIGIN)
@require_http_methods(["GET", "POST"])
def talent_pool_consent(request: HttpRequest, token: str) -> HttpResponse:
    return _consent_page(request, token, ConsentPurpose.TALENT_POOL)


@candidate_page_headers(SAME_ORIGIN)
@require_http_methods(["GET", "POST"])
def referral_consent(request: HttpRequest, token: str) -> HttpResponse:
    return _consent_page(request, token, ConsentPurpose.REFERRAL)


def _consent_page(request: HttpRequest, token: str, purpose: ConsentPurpose) -> HttpResponse:
    """Give or withdraw one purpose's consent; each purpose has its own page, so neither implies the other."""
    try:
        link = portal_selectors.resolve_link(token=token)
    except portal_selectors.LinkError:
        return redirect("portal:page", token=token)  # the candidate page explains what is wrong with the link
    candidate = link.candidate
    language = _language(request, candidate.language)
    template, anchor = PAGES[purpose]
    current = selectors.current_consent(candidate=candidate, purpose=purpose)
    form = ConsentChoiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["choice"] == ConsentChoiceForm.GIVE:
            services.grant_consent(
                candidate=candidate, purpose=purpose, source=ConsentSource.CANDIDATE_PAGE, language=language
            )
        elif current is not None:
            services.revoke_consent(consent=current)
        return redirect(f"{reverse('portal:page', args=[token])}?lang={language}#{anchor}")
    context = {
        "candidate": candidate,
        "organisation": candidate.organisation,
        "token": token,
        "form": form,
        "current": current,
        "latest": selectors.latest_consent(candidate=candidate, purpose=purpose),
        "wording": consent_wording(purpose=purpose, organisation_name=candidate.organisation.name, language=language),
        "months": CONSENT_VALIDITY[purpose].days // 30,
    }
    return render(request, template, context, status=422 if form.errors else 200)
