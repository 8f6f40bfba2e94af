from django.urls import path

from nagesprek.matching import views, views_vocabulary

app_name = "matching"
urlpatterns = [
    path("how-it-works/", views.how_it_works, name="how_it_works"),
    path("applications/<int:application_id>/vacancies/", views.application_suggestions, name="application"),
    path("vacancies/<int:vacancy_id>/talent-pool/", views.talent_pool, name="talent_pool"),
    path("vocabulary/", views_vocabulary.vocabulary_list, name="vocabulary"),
    path("vocabulary/new/", views_vocabulary.concept_create, name="concept_create"),
    path("vocabulary/import/", views_vocabulary.vocabulary_import, name="vocabulary_import"),
    path("vocabulary/<int:concept_id>/", views_vocabulary.concept_edit, name="concept_edit"),
    path("vocabulary/<int:concept_id>/remove/", views_vocabulary.concept_remove, name="concept_remove"),
    path("vocabulary/labels/<int:label_id>/remove/", views_vocabulary.label_remove, name="label_remove"),
]
