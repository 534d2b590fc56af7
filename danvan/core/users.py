"""How people are named on screen and in documents: Vietnamese order, family name first."""


def display_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()
