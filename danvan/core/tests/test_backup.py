"""`danvan backup` / `danvan restore`: one archive; restored into a fresh install, every record and file is there."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

import danvan
from danvan.core import backup
from danvan.core.models import User

ROOT = Path(danvan.__file__).resolve().parent.parent

pytestmark = pytest.mark.django_db(transaction=True)


def clean_environ() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("DANVAN_", "DJANGO_ALLOW_ASYNC_UNSAFE"))}


def all_rows(cursor, tables) -> dict[str, list]:
    rows = {}
    for table in tables:
        cursor.execute(f'SELECT * FROM "{table}"')
        rows[table] = sorted(map(repr, cursor.fetchall()))
    return rows


@pytest.fixture
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    files = {
        "practices/2024/bao-cao.pdf": b"%PDF-1.7\n" + os.urandom(3000),
        "emulation/minh-chung/anh chụp.jpg": b"\xff\xd8\xff\xe0" + os.urandom(5000),
    }
    for name, content in files.items():
        path = settings.MEDIA_ROOT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return files


def _fresh_database(tmp_path) -> tuple[str, object]:
    """A database URL with nothing in it, of the same kind as the test database; and a cleanup."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path}/fresh.sqlite3", lambda: None
    import psycopg

    db = connection.settings_dict
    name = f"{db['NAME']}_restore"
    admin = psycopg.connect(
        host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"], password=db["PASSWORD"], dbname="postgres",
        autocommit=True,
    )  # fmt: skip
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    auth = f"{db['USER']}:{db['PASSWORD']}@" if db["PASSWORD"] else f"{db['USER']}@"
    url = f"postgres://{auth}{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"

    def drop():
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    return url, drop


def _connect(url: str, tmp_path):
    if url.startswith("sqlite"):
        return sqlite3.connect(tmp_path / "fresh.sqlite3")
    import psycopg

    return psycopg.connect(url.replace("postgres://", "postgresql://"))


def test_a_backup_restored_into_a_fresh_install_has_every_record_and_file(cast, uploads, tmp_path, settings):
    User.objects.filter(pk=cast.c1_officer.pk).update(first_name="Thị Hoa", last_name="Nguyễn")
    call_command("backup", output=str(tmp_path / "backups"), keep=3)
    (archive,) = (tmp_path / "backups").glob("danvan-*.tar.gz")
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    assert {"manifest.json", f"media/{next(iter(uploads))}"} <= names

    url, drop = _fresh_database(tmp_path)
    try:
        media = tmp_path / "restored-media"
        env = {**clean_environ(), "DANVAN_DATABASE_URL": url, "DANVAN_MEDIA_ROOT": str(media),
               "DANVAN_VAR_DIR": str(tmp_path / "var")}  # fmt: skip
        restore = [sys.executable, "-m", "danvan.cli", "restore", str(archive)]
        result = subprocess.run(restore, env=env, capture_output=True, text=True, cwd=ROOT, timeout=300)
        assert result.returncode == 0, result.stderr
        assert "Đã khôi phục" in result.stdout

        tables = sorted(connection.introspection.django_table_names(only_existing=True))
        if connection.vendor == "sqlite":
            # Read the source without Django's type converters, like the restored side.
            source = sqlite3.connect(connection.settings_dict["NAME"], uri=True)
            expected = all_rows(source.cursor(), tables)
            source.close()
        else:
            source = _connect(url.rsplit("/", 1)[0] + "/" + connection.settings_dict["NAME"], tmp_path)
            expected = all_rows(source.cursor(), tables)
            source.close()
        assert sum(map(len, expected.values())) > 100
        restored_db = _connect(url, tmp_path)
        try:
            restored = all_rows(restored_db.cursor(), tables)
            if connection.vendor == "postgresql":  # statistics made at once: pg_restore brings none
                cursor = restored_db.cursor()
                cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = 'core_user'")
                assert cursor.fetchone()[0] > 0
        finally:
            restored_db.close()
        assert restored == expected
        assert any("Thị Hoa" in row for row in restored["core_user"])
        for name, content in uploads.items():
            assert (media / name).read_bytes() == content

        # A second restore onto the now filled install is refused unless forced.
        again = subprocess.run(restore, env=env, capture_output=True, text=True, cwd=ROOT, timeout=300)
        assert again.returncode != 0 and "CSDL đích đã có dữ liệu" in again.stderr
    finally:
        drop()


def test_retention_keeps_the_newest_archives(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in range(1, 6):
        (folder / f"danvan-202601{day:02d}-020000.tar.gz").write_bytes(b"x")
    (folder / "notes.txt").write_text("kept")
    removed = backup.prune(folder, keep=2)
    assert [p.name for p in removed] == [f"danvan-202601{d:02d}-020000.tar.gz" for d in (1, 2, 3)]
    assert sorted(p.name for p in folder.iterdir()) == [
        "danvan-20260104-020000.tar.gz",
        "danvan-20260105-020000.tar.gz",
        "notes.txt",
    ]


@pytest.mark.parametrize("python", ["3.11.4 and later", "3.11.2 (Debian 12)"])
def test_restore_unpacks_only_plain_files_inside_the_archive(tmp_path, monkeypatch, python):
    if python.startswith("3.11.2"):
        monkeypatch.delattr(tarfile, "data_filter", raising=False)  # what Debian 12's Python lacks

    def archive(name: str, *members: tarfile.TarInfo) -> Path:
        path = tmp_path / name
        with tarfile.open(path, "w:gz") as tar:
            for member in members:
                tar.addfile(member, io.BytesIO(b"x" * member.size) if member.isfile() else None)
        return path

    def plain(name: str) -> tarfile.TarInfo:
        info = tarfile.TarInfo(name)
        info.size = 1
        return info

    folder = tarfile.TarInfo("media")
    folder.type = tarfile.DIRTYPE
    good = archive("good.tar.gz", plain("manifest.json"), folder, plain("media/anh.png"))
    with tarfile.open(good) as tar:
        backup.extract(tar, tmp_path / "out")
    assert (tmp_path / "out" / "media" / "anh.png").read_bytes() == b"x"

    link = tarfile.TarInfo("media/link")
    link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
    for bad in (plain("../evil.txt"), plain("/tmp/evil.txt"), link):
        path = archive("bad.tar.gz", plain("manifest.json"), bad)
        with tarfile.open(path) as tar, pytest.raises(backup.BackupError, match="không an toàn"):
            backup.extract(tar, tmp_path / "bad")
    assert not (tmp_path / "evil.txt").exists()
