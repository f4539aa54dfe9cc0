from django.contrib import admin

from waypoint.accounts.models import Assignment, User


class AssignmentInline(admin.TabularInline):
    model = Assignment
    fk_name = "user"
    extra = 0
    exclude = ["created_by"]


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["email", "full_name", "is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    list_filter = ["is_active", "assignments__role"]
    exclude = ["password", "groups", "user_permissions", "last_login"]
    inlines = [AssignmentInline]
