from django.contrib import admin

from nagesprek.organisations.models import Department, Membership, Organisation


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "four_eyes_review", "feedback_deadline_days"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DepartmentInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["organisation", "role"]
    search_fields = ["user__email", "user__full_name"]
    autocomplete_fields = ["user", "organisation"]
