from django.urls import path

from nagesprek.integrations import views

app_name = "integrations"
urlpatterns = [
    path("api-keys/", views.api_keys, name="api_keys"),
    path("api-keys/<int:key_id>/revoke/", views.revoke, name="revoke"),
]
