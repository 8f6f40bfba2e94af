from django.urls import path

from nagesprek.emails import views

app_name = "emails"
urlpatterns = [
    path("", views.outbox, name="outbox"),
    path("<int:message_id>/", views.outbox_message, name="message"),
    path("<int:message_id>/retry/", views.retry_message, name="retry"),
]
