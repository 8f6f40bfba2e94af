from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from nagesprek.audit.constants import AuditAction
from nagesprek.audit.services import record_event
from nagesprek.organisations.access import actor_required
from nagesprek.organisations.constants import Role
from nagesprek.privacy_requests import selectors, services
from nagesprek.privacy_requests.forms import EraseForm, FindCandidateForm
from nagesprek.privacy_requests.personal_data import record_counts


@actor_required(Role.PRIVACY_OFFICER)
def find(request: HttpRequest) -> HttpResponse:
    form = FindCandidateForm(request.GET or None)
    found = None
    if form.is_valid():
        found = list(selectors.find_candidates_for_actor(actor=request.actor, email=form.cleaned_data["email"]))  # type: ignore[attr-defined]
    return render(request, "privacy_requests/find.html", {"form": form, "found": found})


@actor_required(Role.PRIVACY_OFFICER)
@require_http_methods(["GET", "POST"])
def candidate(request: HttpRequest, candidate_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    person = selectors.get_candidate_for_actor(actor=actor, candidate_id=candidate_id)
    form = EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        erasure = services.erase_on_request(actor=actor, candidate=person)
        messages.success(
            request, _("The file of candidate %(number)s has been erased.") % {"number": erasure.candidate_id}
        )
        return redirect("retention:overview")
    record_event(
        organisation=person.organisation,
        action=AuditAction.VIEW,
        target=person,
        candidate_id=person.pk,
        user=actor.user,
        summary="Privacy request: overview of the file",
    )
    context = {"person": person, "counts": record_counts(person), "form": form}
    return render(request, "privacy_requests/candidate.html", context, status=422 if form.errors else 200)


@actor_required(Role.PRIVACY_OFFICER)
@require_POST
def export(request: HttpRequest, candidate_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    person = selectors.get_candidate_for_actor(actor=actor, candidate_id=candidate_id)
    response = HttpResponse(
        services.export_personal_data(actor=actor, candidate=person), content_type="application/json"
    )
    filename = slugify(f"{person.organisation.name} {person.pk}") or "export"
    response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
    return response
