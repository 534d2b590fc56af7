"""People as the system shows and stands for them: names on screen and in documents (Vietnamese order, family
name first), and the account a server-side command acts as."""

from django.contrib.auth import get_user_model


def display_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def system_account():
    """Who a command run on the server (`danvan report` without --user) acts as: an administrator who sees
    everything. Not saved: nothing is written in its name."""
    return get_user_model()(username="he-thong", is_superuser=True, is_active=True)
