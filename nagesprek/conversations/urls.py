from django.urls import path

from nagesprek.conversations import views, views_candidate, views_proposals, views_setup, views_waves

app_name = "conversations"
urlpatterns = [
    # Staff: the advisors' agenda and the conversation itself.
    path("", views.agenda, name="agenda"),
    path("<int:conversation_id>/", views.detail, name="detail"),
    path("<int:conversation_id>/held/", views.mark_held, name="held"),
    path("<int:conversation_id>/no-show/", views.mark_no_show, name="no_show"),
    path("<int:conversation_id>/cancel/", views.cancel, name="cancel"),
    # Staff: setting up (policy, advisors).
    path("policy/", views_setup.policy, name="policy"),
    path("policy/vacancy/<int:vacancy_id>/", views_setup.vacancy_policy, name="vacancy_policy"),
    path("advisors/", views_setup.advisor_list, name="advisors"),
    path("advisors/new/", views_setup.advisor_create, name="advisor_create"),
    path("advisors/<int:profile_id>/", views_setup.advisor_edit, name="advisor_edit"),
    path("advisors/<int:profile_id>/hours/", views_setup.advisor_hours, name="advisor_hours"),
    path("advisors/<int:profile_id>/exceptions/", views_setup.absence_add, name="absence_add"),
    path(
        "advisors/<int:profile_id>/exceptions/<int:absence_id>/remove/",
        views_setup.absence_remove,
        name="absence_remove",
    ),
    # Staff: the wave planner (HR leads, org admins).
    path("waves/", views_waves.wave_list, name="waves"),
    path("waves/plan/", views_waves.plan, name="wave_plan"),
    path("waves/<int:wave_id>/", views_waves.wave_detail, name="wave"),
    path("waves/<int:wave_id>/replan/", views_waves.replan, name="wave_replan"),
    # The candidate, through their personal link (no account).
    path("c/<str:token>/offer/<int:offer_id>/", views_candidate.book, name="book"),
    path("c/<str:token>/offer/<int:offer_id>/confirm/", views_candidate.book_confirm, name="book_confirm"),
    path("c/<str:token>/<int:conversation_id>/", views_candidate.mine, name="mine"),
    path("c/<str:token>/<int:conversation_id>/move/", views_candidate.move, name="move"),
    path("c/<str:token>/<int:conversation_id>/move/confirm/", views_candidate.move_confirm, name="move_confirm"),
    path("c/<str:token>/<int:conversation_id>/cancel/", views_candidate.cancel, name="cancel_mine"),
    path("c/<str:token>/<int:conversation_id>/calendar.ics", views_candidate.calendar_file, name="ics"),
    path("c/<str:token>/<int:conversation_id>/accept/", views_proposals.accept, name="accept"),
    path("c/<str:token>/<int:conversation_id>/other-time/", views_proposals.other_time, name="other_time"),
]
