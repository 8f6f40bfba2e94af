from django.urls import path

from nagesprek.routes import views

app_name = "routes"
urlpatterns = [
    path("", views.route_list, name="list"),
    path("new/", views.route_create, name="create"),
    path("import/", views.route_import, name="import"),
    path("<int:route_id>/", views.route_edit, name="edit"),
    path("<int:route_id>/active/", views.route_toggle, name="toggle"),
]
