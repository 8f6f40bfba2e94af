from django.urls import path

from nagesprek.applications import views

app_name = "applications"
urlpatterns = [
    path("<int:application_id>/", views.application_detail, name="detail"),
    path("<int:application_id>/next-stage/", views.move_to_next_stage, name="next_stage"),
    path("<int:application_id>/hire/", views.hire, name="hire"),
]
