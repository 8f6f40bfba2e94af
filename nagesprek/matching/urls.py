from django.urls import path

from nagesprek.matching import views

app_name = "matching"
urlpatterns = [
    path("how-it-works/", views.how_it_works, name="how_it_works"),
    path("applications/<int:application_id>/vacancies/", views.application_suggestions, name="application"),
    path("vacancies/<int:vacancy_id>/talent-pool/", views.talent_pool, name="talent_pool"),
]
