from django.urls import path

from nagesprek.evaluations import views

app_name = "evaluations"
urlpatterns = [
    path("applications/<int:application_id>/stages/<int:stage_id>/", views.scorecard, name="scorecard"),
]
