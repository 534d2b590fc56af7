"""`make bench`: visitors of the public showcase, without login or think time (bench/load.py: showcase).

LOAD_CODES names a file of published practice codes; each visitor opens the list, searches, and reads
models' pages, as a reader coming from a portal or a search engine does.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from locust import HttpUser, constant, task

CODES = Path(os.environ["LOAD_CODES"]).read_text(encoding="utf-8").split()
SEARCHES = ["chuyen doi so", "dan van kheo", "nong thon moi", "hien dat", "an sinh"]


class Visitor(HttpUser):
    wait_time = constant(0)

    @task(3)
    def model_page(self) -> None:
        self.client.get(f"/mo-hinh/{random.choice(CODES)}/", name="/mo-hinh/<mã>/")

    @task(2)
    def list_page(self) -> None:
        self.client.get(f"/mo-hinh/?trang={random.randint(1, 5)}", name="/mo-hinh/")

    @task(1)
    def search(self) -> None:
        self.client.get("/mo-hinh/", params={"q": random.choice(SEARCHES)}, name="/mo-hinh/?q=")
