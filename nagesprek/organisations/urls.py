from django.urls import path

from nagesprek.organisations import views

app_name = "organisations"
urlpatterns = [
    path("settings/", views.theme_settings, name="theme"),
    path("switch/", views.switch_organisation, name="switch"),
    path("theme/<slug:slug>.css", views.theme_css, name="theme_css"),
    path("logo/<slug:slug>/", views.logo, name="logo"),
]
