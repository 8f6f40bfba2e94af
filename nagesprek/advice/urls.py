from django.urls import path

from nagesprek.advice import views

app_name = "advice"
urlpatterns = [
    path("rejections/<int:rejection_id>/", views.advice_page, name="page"),
    path("rejections/<int:rejection_id>/items/<int:item_id>/", views.item_save, name="item_save"),
    path("rejections/<int:rejection_id>/items/<int:item_id>/remove/", views.item_remove, name="item_remove"),
    path("rejections/<int:rejection_id>/items/new/", views.item_add, name="item_add"),
    path("rejections/<int:rejection_id>/redraft/", views.redraft, name="redraft"),
]
