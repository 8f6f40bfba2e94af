from django.urls import path

from nagesprek.portal import views

app_name = "portal"
urlpatterns = [
    path("new-link/", views.fresh_link, name="fresh_link"),
    path("new-link/sent/", views.fresh_link_sent, name="fresh_link_sent"),
    path("<str:token>/", views.candidate_page, name="page"),
    path("<str:token>/letters/<int:rejection_id>.pdf", views.letter_pdf, name="letter_pdf"),
]
