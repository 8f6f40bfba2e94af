from django.urls import path

from nagesprek.referrals import views, views_advisor, views_invitations

app_name = "referrals"
urlpatterns = [
    path("", views.referral_list, name="list"),
    path("<int:referral_id>/", views.referral_detail, name="detail"),
    path("<int:referral_id>/accept/", views.referral_accept, name="accept"),
    path("<int:referral_id>/decline/", views.referral_decline, name="decline"),
    path("<int:referral_id>/withdraw/", views.referral_withdraw, name="withdraw"),
    path("hired-after-rejection/", views.hired_after_rejection, name="hires"),
    path("candidates/", views_advisor.rejected_candidates, name="candidates"),
    path("candidates/<int:application_id>/refer/", views_advisor.referral_new, name="new"),
    path("candidates/<int:application_id>/consent/", views_advisor.conversation_consent, name="consent"),
    path("vacancies/<int:vacancy_id>/invitations/", views_invitations.vacancy_invitations, name="invitations"),
    path("vacancies/<int:vacancy_id>/invite/<int:candidate_id>/", views_invitations.invite, name="invite"),
    path("c/<str:token>/invitations/<int:invitation_id>/", views_invitations.invitation_answer, name="answer"),
]
