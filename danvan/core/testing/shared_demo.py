"""The demo province shared by the tests that read it, loaded once per test process.

Loading the demo takes 15–30 s, and a dozen test modules only read it. The tests that ask for the `demo`
fixture are scheduled together on one worker (`--dist loadgroup`, group "demo-province"). The first of
them loads the demo inside a transaction that is left open; each test runs in a savepoint within it
(pytest-django's `db`), so a test's own changes are undone before the next one. After the last of them,
whatever test comes next, the transaction is rolled back and the database is as the migrations left it.
"""

from __future__ import annotations

import io

from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

from danvan.core.testing.seeds import reseed_all


class SharedDemo:
    def __init__(self):
        self.outer = None
        self.blocker = None

    @property
    def loaded(self) -> bool:
        return self.outer is not None

    def load(self, blocker, **settings) -> None:
        if self.outer is not None:
            return
        self.blocker = blocker
        with blocker.unblock(), override_settings(**settings):
            self.outer = transaction.atomic()
            self.outer.__enter__()
            reseed_all()  # a transactional test before this one may have flushed the seeded configuration
            call_command("load_demo", stdout=io.StringIO())
            # PostgreSQL keeps the demo's deferred foreign-key checks pending in the open transaction, and
            # every test's teardown (Django checks constraints there) ran them all again: 1.7 s a test.
            # Checked once here, they are no longer pending.
            connection.check_constraints()

    def release(self) -> None:
        if self.outer is None:
            return
        outer, self.outer = self.outer, None
        with self.blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


shared_demo = SharedDemo()
