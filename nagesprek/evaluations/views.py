from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from nagesprek.applications import services as application_services
from nagesprek.evaluations import selectors, services
from nagesprek.evaluations.forms import ScorecardForm
from nagesprek.organisations.access import actor_required
from nagesprek.vacancies.form_errors import add_service_errors


@actor_required(*selectors.SCORING_ROLES)
def scorecard(request: HttpRequest, application_id: int, stage_id: int) -> HttpResponse:
    """Fill in, save as draft, or submit the actor's own scorecard; a submitted one is shown read-only."""
    actor = request.actor  # type: ignore[attr-defined]
    application = selectors.get_application_for_scorer(actor=actor, application_id=application_id)
    stage = selectors.get_stage_for_scoring(application=application, stage_id=stage_id)
    own = selectors.get_own_scorecard(actor=actor, application=application, stage=stage)
    criteria = list(stage.criteria.all())
    if request.method == "POST" and own is not None and own.submitted_at is not None:
        messages.error(request, _("You submitted this scorecard already; it can no longer be changed."))
        return redirect("evaluations:scorecard", application.pk, stage.pk)
    form = ScorecardForm(request.POST or None, criteria=criteria, scorecard=own)
    if request.method != "POST":
        # Opening the scorecard shows the candidate's name and file: it is a view of the file.
        application_services.record_application_viewed(actor=actor, application=application)
    elif form.is_valid():
        save = services.submit_scorecard if form.is_submit else services.save_scorecard_draft
        try:
            save(
                actor=actor,
                application=application,
                stage=stage,
                ratings=form.ratings(),
                summary=form.cleaned_data["summary"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if form.is_submit:
                messages.success(request, _("Your scorecard has been submitted."))
                return redirect("applications:detail", application.pk)
            messages.success(request, _("Your draft has been saved. Only you can see it."))
            return redirect("evaluations:scorecard", application.pk, stage.pk)
    context = {"application": application, "stage": stage, "form": form, "scorecard": own}
    return render(request, "evaluations/scorecard_form.html", context)
