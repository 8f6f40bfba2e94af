"""The API keys page (org admins): make a key (shown once), see when keys were used, revoke one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from nagesprek.integrations import selectors, services
from nagesprek.integrations.forms import ApiKeyForm
from nagesprek.organisations.access import actor_required
from nagesprek.vacancies.form_errors import add_service_errors


@never_cache  # the page that shows a new key must not be kept by the browser or a proxy
@require_http_methods(["GET", "POST"])
@actor_required(*selectors.KEY_ROLES)
def api_keys(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = ApiKeyForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            _api_key, new_key = services.create_api_key(actor=actor, name=form.cleaned_data["name"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            form = ApiKeyForm()
    context = {
        "form": form,
        "keys": selectors.list_api_keys_for_admin(actor=actor),
        "new_key": new_key,
        "api_base": request.build_absolute_uri(reverse("api-v1:api-root")),
        "docs_url": reverse("api-v1:openapi-view"),
    }
    return render(request, "integrations/api_keys.html", context, status=201 if new_key else 200)


@require_POST
@actor_required(*selectors.KEY_ROLES)
def revoke(request: HttpRequest, key_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    api_key = services.revoke_api_key(actor=actor, api_key=selectors.get_api_key_for_admin(actor=actor, key_id=key_id))
    messages.success(request, _("The key “%(name)s” no longer works.") % {"name": api_key.name})
    return redirect("integrations:api_keys")
