from django.urls import path

from nagesprek.consents import views

app_name = "consents"
urlpatterns = [
    path("<str:token>/talent-pool/", views.talent_pool_consent, name="talent_pool"),
    path("<str:token>/referral/", views.referral_consent, name="referral"),
]
