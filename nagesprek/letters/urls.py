from django.urls import path

from nagesprek.letters import views

app_name = "letters"
urlpatterns = [
    path("rejection/<int:rejection_id>/preview/", views.preview, name="preview"),
    path("rejection/<int:rejection_id>/letter.pdf", views.pdf, name="pdf"),
]
