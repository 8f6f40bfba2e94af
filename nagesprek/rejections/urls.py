from django.urls import path

from nagesprek.rejections import views, views_bulk

app_name = "rejections"
urlpatterns = [
    path("applications/<int:application_id>/reject/", views.rejection_start, name="start"),
    path("<int:rejection_id>/", views.rejection_detail, name="detail"),
    path("<int:rejection_id>/edit/", views.rejection_edit, name="edit"),
    path("<int:rejection_id>/approve/", views.rejection_approve, name="approve"),
    path("<int:rejection_id>/return/", views.rejection_return, name="return"),
    path("review/", views.review_queue, name="review"),
    path("rules/", views.gate_rules, name="rules"),
    path("rules/grounds/<int:ground_id>/", views.ground_edit, name="ground_edit"),
    path("rules/phrases/", views.phrase_add, name="phrase_add"),
    path("rules/phrases/<int:phrase_id>/delete/", views.phrase_delete, name="phrase_delete"),
    path("rules/install/", views.rules_install, name="rules_install"),
    # Bulk rejection and timeliness (part D).
    path("vacancies/<int:vacancy_id>/bulk/", views_bulk.bulk_start, name="bulk_start"),
    path("bulk/<int:bulk_id>/", views_bulk.bulk_progress, name="bulk_progress"),
    path("bulk/<int:bulk_id>/continue/", views_bulk.bulk_resume, name="bulk_resume"),
    path("bulk/<int:bulk_id>/exceptions/", views_bulk.bulk_exceptions, name="bulk_exceptions"),
    path("late/", views_bulk.late_vacancies, name="late_vacancies"),
]
