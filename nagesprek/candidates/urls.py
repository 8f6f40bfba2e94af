from django.urls import path

from nagesprek.candidates import views

app_name = "candidates"
urlpatterns = [
    path("apply/<int:vacancy_id>/", views.add_application, name="add_application"),
    path("<int:candidate_id>/profile/", views.profile_edit, name="profile"),
    path("<int:candidate_id>/cv/", views.cv_download, name="cv"),
]
