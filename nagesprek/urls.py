from django.contrib import admin
from django.urls import include, path, re_path

from nagesprek import health
from nagesprek.integrations.api import api, not_found

urlpatterns = [
    path("", include("nagesprek.dashboards.urls")),
    path("accounts/", include("nagesprek.accounts.urls")),
    path("organisation/", include("nagesprek.organisations.urls")),
    path("outbox/", include("nagesprek.emails.urls")),
    path("audit/", include("nagesprek.audit.urls")),
    path("retention/", include("nagesprek.retention.urls")),
    path("privacy-requests/", include("nagesprek.privacy_requests.urls")),
    path("vacancies/", include("nagesprek.vacancies.urls")),
    path("applications/", include("nagesprek.applications.urls")),
    path("candidates/", include("nagesprek.candidates.urls")),
    path("evaluations/", include("nagesprek.evaluations.urls")),
    path("rejections/", include("nagesprek.rejections.urls")),
    path("letters/", include("nagesprek.letters.urls")),
    path("routes/", include("nagesprek.routes.urls")),
    path("advice/", include("nagesprek.advice.urls")),
    path("c/", include("nagesprek.portal.urls")),
    path("consents/", include("nagesprek.consents.urls")),
    path("matching/", include("nagesprek.matching.urls")),
    path("consultations/", include("nagesprek.consultations.urls")),
    path("referrals/", include("nagesprek.referrals.urls")),
    path("advising/", include("nagesprek.advising.urls")),
    path("conversations/", include("nagesprek.conversations.urls")),
    path("integrations/", include("nagesprek.integrations.urls")),
    path("api/v1/", api.urls),
    re_path(r"^api/v1/(?P<rest>.*)$", not_found),  # JSON 404 for any other path of the API
    path("healthz", health.healthz, name="healthz"),
    path("django-admin/", admin.site.urls),
]

# MEDIA_ROOT is never served by URL, not even with DEBUG: it holds CVs. Files go out through
# views that check access and audit (CV downloads) or are public by nature (organisation logos).

handler403 = "nagesprek.errors.permission_denied"
handler404 = "nagesprek.errors.page_not_found"
handler500 = "nagesprek.errors.server_error"
