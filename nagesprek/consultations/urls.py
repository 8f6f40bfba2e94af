from django.urls import path

from nagesprek.consultations import views, views_candidate

app_name = "consultations"
urlpatterns = [
    path("", views.hour_list, name="list"),
    path("new/", views.hour_create, name="create"),
    path("policy/", views.policy, name="policy"),
    path("<int:hour_id>/", views.hour_detail, name="hour"),
    path("<int:hour_id>/edit/", views.hour_edit, name="edit"),
    path("dates/<int:session_id>/", views.session_detail, name="session"),
    path("dates/<int:session_id>/cancel/", views.session_cancel, name="session_cancel"),
    path("bookings/<int:booking_id>/outcome/", views.booking_outcome, name="outcome"),
    # The candidate's pages, behind their personal link.
    path("c/<str:token>/", views_candidate.book, name="book"),
    path("c/<str:token>/<int:booking_id>/", views_candidate.booking_detail, name="booking"),
    path("c/<str:token>/<int:booking_id>/cancel/", views_candidate.booking_cancel, name="cancel"),
    path("c/<str:token>/<int:booking_id>/invitation.ics", views_candidate.booking_ics, name="ics"),
]
