"""Backups: the database and the uploaded files in one dated archive; restore into an empty install.

Archive `danvan-YYYYMMDD-HHMMSS.tar.gz`:
- `manifest.json`: format, time, database vendor, row count of every table, every file with its size;
- `database.sqlite3` (SQLite's online backup API: consistent while the site runs) or `database.dump`
  (`pg_dump --format=custom`, consistent as one snapshot);
- `media/...`: MEDIA_ROOT as it was.

The archive is written under a temporary name and renamed when complete, so a backup killed halfway
never counts as one (nor pushes a good one out by the retention).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

from danvan.core.db import refresh_statistics

FORMAT = 1
PREFIX = "danvan-"
SUFFIX = ".tar.gz"


MSG_UNSAFE_MEMBER = "Tệp sao lưu có mục không an toàn ({name}): chỉ chứa tệp và thư mục bên trong gói mới hợp lệ."


def extract(tar: tarfile.TarFile, destination: Path) -> None:
    """Unpack an archive only if it holds plain files and folders inside itself (no absolute or `..` names,
    links or devices). Python's "data" filter guards the unpacking too where it exists (3.11.4+); Debian
    12's Python is 3.11.2, so the check above does not rely on it."""
    members = tar.getmembers()
    for member in members:
        parts = Path(member.name).parts
        if member.name.startswith(("/", "\\")) or ".." in parts or not (member.isfile() or member.isdir()):
            raise BackupError(MSG_UNSAFE_MEMBER.format(name=member.name))
    if hasattr(tarfile, "data_filter"):
        tar.extractall(destination, members=members, filter="data")
    else:
        tar.extractall(destination, members=members)


class BackupError(Exception):
    """A backup or restore that cannot go on, with a Vietnamese message for the operator."""


@dataclass
class Restored:
    tables: int
    rows: int
    files: int
    seconds: float


def table_counts(conn=connection) -> dict[str, int]:
    names = sorted(conn.introspection.django_table_names(only_existing=True, include_views=False))
    counts = {}
    with conn.cursor() as cursor:
        for name in names:
            cursor.execute(f"SELECT COUNT(*) FROM {conn.ops.quote_name(name)}")
            counts[name] = cursor.fetchone()[0]
    return counts


def media_files(root: Path) -> dict[str, int]:
    if not root.exists():
        return {}
    return {str(path.relative_to(root)): path.stat().st_size for path in sorted(root.rglob("*")) if path.is_file()}


def _pg_env(db: dict) -> tuple[list[str], dict[str, str]]:
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"Lệnh {command[0]} không thành công: {result.stderr.strip()[:2000]}")


def _dump_database(folder: Path) -> str:
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        target = folder / "database.sqlite3"
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
        return target.name
    if connection.vendor == "postgresql":
        target = folder / "database.dump"
        args, env = _pg_env(connection.settings_dict)
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target), *args], env)
        return target.name
    raise BackupError(f"Chưa hỗ trợ sao lưu CSDL loại {connection.vendor}.")


def backup(directory: Path, keep: int | None = None, now: dt.datetime | None = None) -> Path:
    """Write one archive into `directory`; keep the newest `keep` archives there (None: all)."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    final = directory / f"{PREFIX}{stamp}{SUFFIX}"
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(dir=directory, prefix=".backup-") as work:
        work_path = Path(work)
        database_file = _dump_database(work_path)
        manifest = {
            "format": FORMAT,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "vendor": connection.vendor,
            "database": database_file,
            "tables": table_counts(),
            "files": media_files(media_root),
        }
        (work_path / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
        partial = work_path / "archive.partial"
        with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
            tar.add(work_path / "manifest.json", arcname="manifest.json")
            tar.add(work_path / database_file, arcname=database_file)
            for name in manifest["files"]:
                tar.add(media_root / name, arcname=f"media/{name}")
        partial.chmod(0o600)
        os.replace(partial, final)
    if keep is not None:
        prune(directory, keep)
    return final


def prune(directory: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` archives (by the date in their name)."""
    archives = sorted(directory.glob(f"{PREFIX}*{SUFFIX}"))
    removed = archives[: max(0, len(archives) - keep)]
    for path in removed:
        path.unlink()
    return removed


def read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        member = tar.extractfile("manifest.json")
    except KeyError:
        raise BackupError("Tệp này không phải bản sao lưu danvan (thiếu manifest.json).") from None
    manifest = json.load(member)
    if manifest.get("format") != FORMAT:
        raise BackupError("Bản sao lưu có định dạng không được hỗ trợ.")
    return manifest


def restore(archive: Path, force: bool = False) -> Restored:
    """Put the archive's database and files into this install's (empty unless `force`) database and MEDIA_ROOT."""
    started = time.monotonic()
    if not archive.is_file():
        raise BackupError(f"Không tìm thấy tệp {archive}.")
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(archive, "r:gz") as tar:
        manifest = read_manifest(tar)
        if manifest["vendor"] != connection.vendor:
            raise BackupError(
                f"Bản sao lưu là CSDL {manifest['vendor']}, còn cài đặt này dùng {connection.vendor}: "
                "đặt DANVAN_DATABASE_URL cho đúng loại CSDL."
            )
        existing = connection.introspection.table_names()
        if existing and not force:
            raise BackupError(
                "CSDL đích đã có dữ liệu. Khôi phục vào một CSDL trống, hoặc thêm --force để ghi đè toàn bộ."
            )
        if media_files(media_root) and not force:
            raise BackupError(f"Thư mục tệp tải lên {media_root} không trống. Thêm --force để ghi đè.")
        with tempfile.TemporaryDirectory() as work:
            work_path = Path(work)
            extract(tar, work_path)
            _load_database(work_path / manifest["database"], clean=bool(existing))
            source_media = work_path / "media"
            if source_media.exists():
                if media_root.exists() and force:
                    shutil.rmtree(media_root)
                media_root.parent.mkdir(parents=True, exist_ok=True)
                shutil.copytree(source_media, media_root, dirs_exist_ok=True)
    refresh_statistics()
    counts = table_counts()
    files = media_files(media_root)
    if counts != manifest["tables"]:
        wrong = sorted(name for name in manifest["tables"] if counts.get(name) != manifest["tables"][name])
        raise BackupError(f"Số bản ghi sau khi khôi phục không khớp bản sao lưu ở các bảng: {', '.join(wrong)}.")
    if files != manifest["files"]:
        raise BackupError("Các tệp tải lên sau khi khôi phục không khớp bản sao lưu.")
    return Restored(len(counts), sum(counts.values()), len(files), time.monotonic() - started)


def _load_database(source: Path, clean: bool) -> None:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        connections.close_all()
        target = sqlite3.connect(db["NAME"])
        origin = sqlite3.connect(source)
        try:
            origin.backup(target)
        finally:
            origin.close()
            target.close()
        return
    connections.close_all()
    args, env = _pg_env(db)
    options = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    if clean:
        options += ["--clean", "--if-exists"]
    _run(["pg_restore", *options, *args, str(source)], env)
