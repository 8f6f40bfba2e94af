from django.urls import path

from nagesprek.privacy_requests import views

app_name = "privacy_requests"
urlpatterns = [
    path("", views.find, name="find"),
    path("candidates/<int:candidate_id>/", views.candidate, name="candidate"),
    path("candidates/<int:candidate_id>/export.json", views.export, name="export"),
]
