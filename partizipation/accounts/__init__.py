"""Accounts: sign-in, invitations, profiles, password reset, user administration."""

from ..domains import Domain

DOMAIN = Domain("accounts", blueprint="blueprint", views=("views", "admin_views", "profile_views"),
                demo=True, personal=True, my_area=True)
