from django.urls import path

from nagesprek.retention import views

app_name = "retention"
urlpatterns = [path("", views.overview, name="overview")]
