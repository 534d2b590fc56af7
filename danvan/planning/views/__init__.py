"""The planning pages: thin views (access check → service → redirect)."""
