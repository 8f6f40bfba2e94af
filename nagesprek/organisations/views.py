import mimetypes

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from nagesprek.organisations import selectors, services
from nagesprek.organisations.access import actor_required
from nagesprek.organisations.constants import Role
from nagesprek.organisations.forms import ThemeForm
from nagesprek.organisations.middleware import SESSION_KEY
from nagesprek.organisations.models import Organisation


@require_GET
def theme_css(request: HttpRequest, slug: str) -> HttpResponse:
    """The organisation's brand colour as CSS custom properties (no inline styles: the CSP forbids them)."""
    organisation = get_object_or_404(Organisation.objects.only("brand_colour", "slug"), slug=slug)
    css = f":root {{ --brand: {organisation.brand_colour}; }}\n"
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def logo(request: HttpRequest, slug: str) -> FileResponse:
    """The organisation's logo. Served by this view, not from /media/: the media folder also holds CVs,
    which must never be reachable by URL alone (they are downloaded through an audited view)."""
    organisation = get_object_or_404(Organisation.objects.only("logo", "slug"), slug=slug)
    if not organisation.logo:
        raise Http404
    content_type = mimetypes.guess_type(organisation.logo.name or "")[0] or "application/octet-stream"
    if not content_type.startswith("image/"):
        raise Http404
    response = FileResponse(organisation.logo.open("rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=300"
    return response


@actor_required(Role.ORG_ADMIN)
def theme_settings(request: HttpRequest) -> HttpResponse:
    organisation = selectors.get_organisation_for_admin(actor=request.actor)  # type: ignore[attr-defined]
    if request.method == "POST":
        form = ThemeForm(request.POST, request.FILES, instance=Organisation.objects.get(pk=organisation.pk))
        if form.is_valid():
            services.update_theme(
                organisation=organisation,
                changed_by=request.user,  # type: ignore[arg-type]
                name=form.cleaned_data["name"],
                brand_colour=form.cleaned_data["brand_colour"],
                contact_email=form.cleaned_data["contact_email"],
                logo=request.FILES.get("logo"),
            )
            messages.success(request, _("The organisation's settings have been saved."))
            return redirect("organisations:theme")
    else:
        form = ThemeForm(instance=organisation)
    return render(request, "organisations/theme.html", {"form": form})


@actor_required()
@require_POST
def switch_organisation(request: HttpRequest) -> HttpResponse:
    """Switch the current organisation among the user's own memberships."""
    wanted = request.POST.get("organisation")
    allowed = selectors.list_organisations_for_user(user=request.user)  # type: ignore[arg-type]
    chosen = allowed.filter(pk=wanted).first() if wanted and wanted.isdigit() else None
    if chosen is None:
        messages.error(request, _("You are not a member of that organisation."))
    else:
        request.session[SESSION_KEY] = chosen.pk
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("dashboards:home")
    return HttpResponseRedirect(next_url)
