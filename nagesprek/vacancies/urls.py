from django.urls import path

from nagesprek.vacancies import views

app_name = "vacancies"
urlpatterns = [
    path("", views.vacancy_list, name="list"),
    path("new/", views.vacancy_create, name="create"),
    path("<int:vacancy_id>/", views.vacancy_detail, name="detail"),
    path("<int:vacancy_id>/edit/", views.vacancy_edit, name="edit"),
    path("<int:vacancy_id>/requirements/", views.requirements_edit, name="requirements"),
    path("<int:vacancy_id>/pipeline/", views.pipeline, name="pipeline"),
    path("<int:vacancy_id>/stages/new/", views.stage_add, name="stage_add"),
    path("stages/<int:stage_id>/", views.stage_edit, name="stage_edit"),
    path("stages/<int:stage_id>/move/", views.stage_move, name="stage_move"),
    path("stages/<int:stage_id>/remove/", views.stage_remove, name="stage_remove"),
    path("stages/<int:stage_id>/criteria/new/", views.criterion_add, name="criterion_add"),
    path("criteria/<int:criterion_id>/", views.criterion_edit, name="criterion_edit"),
    path("criteria/<int:criterion_id>/remove/", views.criterion_remove, name="criterion_remove"),
]
