"""The `make load` scenario: demo accounts reading the dashboard, lists and detail pages, 10% writing.

Run by bench/load.py, which prepares the database, starts gunicorn and writes the plan this file
reads (LOAD_PLAN: the accounts, the pages each may read, what each may write). LOAD_THINK=1 waits
0.5–2 s between requests, 0 not at all. Every write the server acknowledged is appended to
LOAD_ACKS as one JSON line, so that load.py can look for each of them in the database afterwards.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import threading
import uuid
from pathlib import Path

from locust import FastHttpUser, between, constant, task

PLAN = json.loads(Path(os.environ["LOAD_PLAN"]).read_text(encoding="utf-8"))
ACKS = os.environ["LOAD_ACKS"]
PASSWORD = PLAN["password"]
_TOKEN = re.compile(r'name="token" value="([^"]+)"')
_accounts = itertools.cycle(PLAN["accounts"])
_lock = threading.Lock()
_claimed: dict[str, int] = {}


def _acknowledge(record: dict) -> None:
    with _lock, open(ACKS, "a", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


class Officer(FastHttpUser):
    # geventhttpclient, not requests: the load generator shares the two cores with gunicorn, and this
    # client spends several times less CPU per request, so the figures measure the server.
    wait_time = between(0.5, 2) if os.environ.get("LOAD_THINK", "1") == "1" else constant(0)

    def on_start(self) -> None:
        with _lock:
            self.account = next(_accounts)
            name = self.account["username"]
            # Each simulated officer scores its own criteria, so the last value it saw saved is the one to find.
            index = _claimed.get(name, 0)
            _claimed[name] = index + 1
        items = self.account["score_items"]
        self.score_item = items[index] if index < len(items) else None
        self.client.get("/dang-nhap/", name="/dang-nhap/")
        csrf = self._csrf()
        response = self.client.post(
            "/dang-nhap/",
            {"username": self.account["username"], "password": PASSWORD, "csrfmiddlewaretoken": csrf},
            name="/dang-nhap/ (POST)",
            allow_redirects=False,
        )
        if response.status_code != 302:
            raise RuntimeError(f"đăng nhập {self.account['username']} không được: HTTP {response.status_code}")

    def _csrf(self) -> str:
        return next((c.value for c in self.client.cookiejar if c.name == "csrftoken"), "")

    @task(9)
    def read(self) -> None:
        kind = random.random()
        if kind < 0.15:
            self.client.get("/", name="tổng quan")
        elif kind < 0.55:
            url = random.choice(self.account["lists"])
            self.client.get(url, name=f"danh sách {url.split('?')[0]}")
        else:
            url = random.choice(self.account["details"])
            self.client.get(url, name=f"chi tiết {'/'.join(url.split('/')[:2])}/…")

    @task(1)
    def write(self) -> None:
        if self.account["practice"] and (self.score_item is None or random.random() < 0.5):
            self.register_practice()
        elif self.score_item:
            self.score()

    def register_practice(self) -> None:
        form = self.client.get("/dan-van-kheo/them/", name="đăng ký mô hình (mẫu)")
        token = _TOKEN.search(form.text)
        marker = uuid.uuid4().hex[:12]
        data = dict(self.account["practice"], csrfmiddlewaretoken=self._csrf(), token=token.group(1) if token else "")
        data["name"] = f"Mô hình thử tải {marker}: vận động Nhân dân giữ gìn vệ sinh môi trường"
        with self.client.post(
            "/dan-van-kheo/them/", data, name="đăng ký mô hình (lưu)", allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code == 302:
                _acknowledge({"kind": "practice", "marker": marker})
            else:
                response.failure(f"không lưu được mô hình: HTTP {response.status_code}")

    def score(self) -> None:
        item = self.score_item
        value = random.randint(0, int(item["max"]))
        # Sent first: when the run stops, a request in flight may be saved without its answer being read.
        _acknowledge({"kind": "score-sent", "card": item["card"], "criterion": item["criterion"], "value": value})
        with self.client.post(
            item["url"],
            {"self_score": str(value), "evidence": "", "csrfmiddlewaretoken": self._csrf()},
            headers={"HX-Request": "true", "X-CSRFToken": self._csrf()},
            name="chấm điểm một tiêu chí",
            catch_response=True,
        ) as response:
            if response.status_code == 200 and 'data-testid="saved"' in response.text:
                _acknowledge({"kind": "score", "card": item["card"], "criterion": item["criterion"], "value": value})
            else:
                response.failure(f"không lưu được điểm: HTTP {response.status_code}")
