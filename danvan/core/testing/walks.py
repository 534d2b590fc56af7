"""pytest plugin (loaded from pyproject's addopts, as an option must be known before the conftests load):
`--walk-as WHO` runs the scope walks, marked `scope_walk`, as one member of the cast only."""


def pytest_addoption(parser):
    parser.addoption(
        "--walk-as",
        metavar="WHO",
        help="run the scope walks (marked scope_walk) as this member of the cast only, e.g. admin",
    )


def pytest_collection_modifyitems(config, items):
    # The PostgreSQL pass: every page's queries still run, as the admin who may open them all; which
    # person gets a 404 or a 403 is decided in Python and is walked for everyone on SQLite.
    who = config.getoption("--walk-as")
    if not who:
        return
    kept, dropped = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        other = item.get_closest_marker("scope_walk") and params.get("who", who) != who
        (dropped if other else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
