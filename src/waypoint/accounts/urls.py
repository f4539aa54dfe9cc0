from django.urls import path

from waypoint.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.logout, name="logout"),
    path("home/", views.home, name="home"),
    path("account/", views.account, name="account"),
    path("two-step/", views.two_step, name="two_step"),
    path("two-step/setup/", views.two_step_setup, name="two_step_setup"),
    path("two-step/recovery-codes/", views.recovery_codes_new, name="recovery_codes_new"),
    path("two-step/off/", views.two_step_off, name="two_step_off"),
    path("users/<int:user_id>/two-step/reset/", views.user_two_step_reset, name="user_two_step"),
    path("account/tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path("account/sign-out-everywhere/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("account/passkeys/options/", views.passkey_options, name="passkey_options"),
    path("account/passkeys/", views.passkey_add, name="passkey_add"),
    path("account/passkeys/<int:passkey_id>/remove/", views.passkey_remove, name="passkey_remove"),
    path(
        "two-step/passkey/options/",
        views.two_step_passkey_options,
        name="two_step_passkey_options",
    ),
    path("two-step/passkey/", views.two_step_passkey, name="two_step_passkey"),
    path("account/emergency-access/", views.break_glass_start, name="break_glass_start"),
    path(
        "account/emergency-access/<int:grant_id>/end/",
        views.break_glass_end,
        name="break_glass_end",
    ),
    path("emergency-access/", views.break_glass_review, name="break_glass_review"),
    path("users/", views.users, name="users"),
    path("users/new/", views.user_new, name="user_new"),
    path("users/<int:user_id>/", views.user_detail, name="user"),
    path("users/<int:user_id>/password/", views.user_password_reset, name="user_password"),
    path("users/<int:user_id>/assignments/", views.assignment_new, name="assignment_new"),
    path(
        "assignments/<int:assignment_id>/delete/", views.assignment_delete, name="assignment_delete"
    ),
]
