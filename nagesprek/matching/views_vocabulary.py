"""The vocabulary pages (org admins): concepts and their names, "try a word", and the ESCO CSV import."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from nagesprek.matching import esco_csv, selectors, vocabulary
from nagesprek.matching.forms import ConceptForm, TryWordForm, VocabularyFilterForm, VocabularyImportForm
from nagesprek.organisations.access import actor_required
from nagesprek.organisations.selectors import get_organisation_for_admin
from nagesprek.vacancies.form_errors import add_service_errors

PAGE_SIZE = 25
PREVIEW_ROWS = 50


@require_http_methods(["GET"])
@actor_required(*selectors.VOCABULARY_ROLES)
def vocabulary_list(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    filters = VocabularyFilterForm(request.GET or None)
    clean = filters.cleaned_data if filters.is_valid() else {}
    concepts = selectors.list_concepts_for_admin(actor=actor, query=clean.get("q", ""), kind=clean.get("kind", ""))
    page = Paginator(concepts, PAGE_SIZE).get_page(request.GET.get("page"))
    trial = TryWordForm(request.GET if "word" in request.GET else None)
    tried = selectors.explain_word_for_admin(actor=actor, word=trial.cleaned_data["word"]) if trial.is_valid() else None
    context = {"filters": filters, "page": page, "trial": trial, "tried": tried}
    return render(request, "matching/vocabulary_list.html", context)


@require_http_methods(["GET", "POST"])
@actor_required(*selectors.VOCABULARY_ROLES)
def concept_create(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    organisation = get_organisation_for_admin(actor=actor)
    form = ConceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            concept = vocabulary.add_concept(
                organisation=organisation,
                kind=data["kind"],
                preferred_label_nl=data["preferred_label_nl"],
                preferred_label_en=data["preferred_label_en"],
                alternatives=form.labels(),
                uri=data["uri"],
                user=actor.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("“%(name)s” added to the vocabulary.") % {"name": concept.preferred_label_nl})
            return redirect("matching:vocabulary")
    return render(request, "matching/concept_form.html", {"form": form, "concept": None})


@require_http_methods(["GET", "POST"])
@actor_required(*selectors.VOCABULARY_ROLES)
def concept_edit(request: HttpRequest, concept_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    concept = selectors.get_concept_for_admin(actor=actor, concept_id=concept_id)
    form = ConceptForm(request.POST or None, initial=ConceptForm.initial_for(concept))
    form.fields["uri"].disabled = True  # the URI ties the concept to its taxonomy; a new URI is a new concept
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            vocabulary.update_concept(
                concept=concept,
                kind=data["kind"],
                preferred_label_nl=data["preferred_label_nl"],
                preferred_label_en=data["preferred_label_en"],
                alternatives=form.labels(),
                user=actor.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("“%(name)s” saved.") % {"name": concept.preferred_label_nl})
            return redirect("matching:concept_edit", concept.pk)
    return render(request, "matching/concept_form.html", {"form": form, "concept": concept})


@require_POST
@actor_required(*selectors.VOCABULARY_ROLES)
def label_remove(request: HttpRequest, label_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    label = selectors.get_label_for_admin(actor=actor, label_id=label_id)
    try:
        concept = vocabulary.remove_label(label=label, user=actor.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("matching:concept_edit", label.concept_id)
    messages.success(request, _("The name “%(name)s” has been removed.") % {"name": label.text})
    return redirect("matching:concept_edit", concept.pk)


@require_POST
@actor_required(*selectors.VOCABULARY_ROLES)
def concept_remove(request: HttpRequest, concept_id: int) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    concept = selectors.get_concept_for_admin(actor=actor, concept_id=concept_id)
    name = concept.preferred_label_nl
    vocabulary.remove_concept(concept=concept, user=actor.user)
    messages.success(request, _("“%(name)s” has been removed from the vocabulary.") % {"name": name})
    return redirect("matching:vocabulary")


@require_http_methods(["GET", "POST"])
@actor_required(*selectors.VOCABULARY_ROLES)
def vocabulary_import(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    organisation = get_organisation_for_admin(actor=actor)
    form = VocabularyImportForm(request.POST or None, request.FILES or None)
    context: dict = {"form": form, "parsed": None, "errors": (), "content": ""}
    if request.method == "POST" and form.is_valid():
        text = esco_csv.decode(form.cleaned_data["bytes"])
        if text is None:
            context["errors"] = [esco_csv.RowError(0, _("The file is not UTF-8 text. Save it as “CSV UTF-8”."))]
            return render(request, "matching/vocabulary_import.html", context)
        if request.POST.get("action") == "import":
            result = vocabulary.import_esco_csv(organisation=organisation, data=text, user=actor.user)
            if not result.errors:
                count = result.created
                messages.success(
                    request,
                    ngettext("%(count)d concept imported.", "%(count)d concepts imported.", count) % {"count": count},
                )
                return redirect("matching:vocabulary")
            context["errors"] = result.errors
        else:
            parsed = vocabulary.check_esco_csv(organisation=organisation, data=text)
            context.update(parsed=parsed, errors=parsed.errors, preview=parsed.concepts[:PREVIEW_ROWS])
            context["content"] = text if parsed.ok else ""
    return render(request, "matching/vocabulary_import.html", context)
