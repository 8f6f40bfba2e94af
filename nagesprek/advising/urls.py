from django.urls import path

from nagesprek.advising import views

app_name = "advising"
urlpatterns = [
    path("<int:conversation_id>/", views.brief, name="brief"),
    path("<int:conversation_id>/notes/", views.note_add, name="note_add"),
    path("<int:conversation_id>/outcome/", views.outcome, name="outcome"),
    path("<int:conversation_id>/consent/", views.referral_consent, name="referral_consent"),
    path("<int:conversation_id>/referral/", views.refer, name="refer"),
    path("<int:conversation_id>/summary/", views.summary, name="summary"),
    path("<int:conversation_id>/summary/send/", views.summary_send, name="summary_send"),
    path("notes/<int:note_id>/", views.note_edit, name="note_edit"),
    path("follow-ups/<int:outcome_id>/done/", views.follow_up_done, name="follow_up_done"),
]
