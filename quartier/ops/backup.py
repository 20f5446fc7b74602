"""Backups of one installation: the database, the media files and a manifest.

A backup is a directory readable by its owner only (0700, files 0600), because it
holds personal data: the database has applicants' bank details, `media/funds/` the
fund attachments. The manifest lists every file with its SHA-256 and every table with
its row count, so a restore can prove it brought back what was saved.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.pgdump"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def row_counts(db=connection) -> dict[str, int]:
    """Rows per table of the database behind `db` (every table, not just models)."""
    with db.cursor() as cursor:
        tables = sorted(db.introspection.table_names(cursor))
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {db.ops.quote_name(table)}")  # noqa: S608 - names from introspection
            counts[table] = cursor.fetchone()[0]
    return counts


def _pg_env(db=connection) -> dict[str, str]:
    """libpq environment for pg_dump/pg_restore: no password on the command line."""
    params = db.settings_dict
    env = dict(os.environ)
    for key, value in {
        "PGHOST": params.get("HOST"),
        "PGPORT": str(params.get("PORT") or ""),
        "PGUSER": params.get("USER"),
        "PGPASSWORD": params.get("PASSWORD"),
        "PGDATABASE": params.get("NAME"),
    }.items():
        if value:
            env[key] = value
    return env


def _tool(name: str) -> str:
    """The full path of a PostgreSQL client program (same major version as the server)."""
    if path := shutil.which(name):
        return path
    raise ImproperlyConfigured(f"{name} is not installed (postgresql-client).")


def _private(path: Path) -> None:
    path.chmod(0o700 if path.is_dir() else 0o600)


def _media_root() -> Path:
    backend = settings.STORAGES["default"]["BACKEND"]
    if not backend.endswith("FileSystemStorage"):
        raise ImproperlyConfigured(
            "Media live in object storage: back the bucket up with its own versioning "
            "or replication and run backup with --skip-media."
        )
    return Path(settings.MEDIA_ROOT)


def backup_create(*, target: Path, include_media: bool = True) -> Path:
    """Write a backup directory under `target` and return it.

    SQLite: the online backup API, consistent while the portal keeps writing.
    PostgreSQL: `pg_dump --format=custom` (one snapshot, no owners or grants).
    """
    if connection.in_atomic_block:
        # SQLite's backup would wait forever for this connection's own write lock.
        raise RuntimeError("Run a backup outside a transaction.")
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    folder = target / f"quartier-{stamp}"
    folder.mkdir(parents=True)
    _private(folder)
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        database = folder / SQLITE_FILE
        destination = sqlite3.connect(database)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
    elif connection.vendor == "postgresql":
        database = folder / PG_FILE
        subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [
                _tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "-f",
                database,
            ],
            env=_pg_env(),
            check=True,
        )
    else:
        raise ImproperlyConfigured(f"No backup for {connection.vendor} databases.")
    _private(database)
    files = {
        database.name: {"sha256": sha256(database), "size": database.stat().st_size}
    }
    if include_media and (media := _media_root()).exists():
        copy = folder / "media"
        shutil.copytree(media, copy)
        for path in [copy, *copy.rglob("*")]:
            _private(path)
            if path.is_file():
                files[path.relative_to(folder).as_posix()] = {
                    "sha256": sha256(path),
                    "size": path.stat().st_size,
                }
    manifest = {
        "format": 1,
        "created_at": timezone.now().isoformat(),
        "database": {"vendor": connection.vendor, "file": database.name},
        "row_counts": row_counts(),
        "files": files,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    _private(folder / MANIFEST)
    return folder


class RestoreError(Exception):
    pass


def backup_verify(*, folder: Path) -> dict:
    """The manifest, once every file it lists has its size and checksum."""
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.is_file() or sha256(path) != expected["sha256"]:
            raise RestoreError(f"{name}: missing or changed since the backup")
    return manifest


def _database_is_empty() -> bool:
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def backup_restore(*, folder: Path) -> dict[str, tuple[int, int]]:
    """Restore `folder` into this installation, which must be empty.

    Empty means no tables in the database and no files under MEDIA_ROOT: a restore
    never overwrites data. Returns {table: (saved, restored)} for every table and
    raises RestoreError when a count differs.
    """
    manifest = backup_verify(folder=folder)
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise RestoreError(f"The backup is of a {vendor} database.")
    if not _database_is_empty():
        raise RestoreError("The database is not empty; restore only into a new one.")
    media_files = [name for name in manifest["files"] if name.startswith("media/")]
    media = _media_root() if media_files else None
    if media and media.exists() and any(media.iterdir()):
        raise RestoreError(f"{media} is not empty; restore only into a new one.")
    database = folder / manifest["database"]["file"]
    connection.ensure_connection()
    if vendor == "sqlite":
        source = sqlite3.connect(database)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [
                _tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--dbname",
                _pg_env()["PGDATABASE"],
                database,
            ],
            env=_pg_env(),
            check=True,
        )
    if media:
        shutil.copytree(folder / "media", media, dirs_exist_ok=True)
        for name in media_files:
            restored = media / Path(name).relative_to("media")
            if sha256(restored) != manifest["files"][name]["sha256"]:
                raise RestoreError(f"{name}: restored file differs")
    connection.close()  # the next query sees the restored schema
    restored = row_counts()
    comparison = {
        table: (saved, restored.get(table, -1))
        for table, saved in manifest["row_counts"].items()
    }
    if differing := [t for t, (a, b) in comparison.items() if a != b]:
        raise RestoreError("Row counts differ: " + ", ".join(differing))
    return comparison
