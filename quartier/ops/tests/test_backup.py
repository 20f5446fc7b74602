"""manage.py backup and restore: a round trip into an empty installation."""

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from quartier.ops.backup import backup_create, row_counts, sha256

ROOT = Path(__file__).resolve().parents[3]
FILES = {
    "funds/7/kostenplan.pdf": b"%PDF-1.7 private cost plan",
    "ideas/2026/12/bank.jpg": b"\xff\xd8\xff\xe0 a bench in the park",
}


@pytest.fixture
def installation(settings, quarter, resident, city_admin):
    media = Path(settings.MEDIA_ROOT)
    for name, content in FILES.items():
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(content)
    return media


def _restore_elsewhere(folder: Path, database_url: str, media: Path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "DJANGO", "QUARTIER"))
    }
    env.update(
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media),
        SECRET_KEY="test-only-secret-key-for-the-restore",
        QUARTIER_TESTING="false",
        DEBUG="false",
    )
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "restore", str(folder)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _check_media(folder: Path, restored_media: Path, media: Path):
    for name in FILES:
        assert sha256(restored_media / name) == sha256(media / name)
        # Fund attachments stay owner-only inside the backup.
        mode = stat.S_IMODE((folder / "media" / name).stat().st_mode)
        assert mode == 0o600


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite round trip")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sqlite_round_trip(tmp_path, installation):
    folder = backup_create(target=tmp_path / "backups")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    saved = row_counts()
    assert saved["accounts_user"] == 2
    restored_db = tmp_path / "restored.sqlite3"
    completed = _restore_elsewhere(
        folder, f"sqlite:///{restored_db}", tmp_path / "restored-media"
    )
    assert completed.returncode == 0, completed.stderr
    assert "every count matches" in completed.stdout
    with sqlite3.connect(restored_db) as restored:
        for table, count in saved.items():
            query = f'SELECT COUNT(*) FROM "{table}"'  # noqa: S608 - introspected names
            assert restored.execute(query).fetchone()[0] == count, table
    _check_media(folder, tmp_path / "restored-media", installation)


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump round trip")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_postgres_round_trip(tmp_path, installation):
    import psycopg

    folder = backup_create(target=tmp_path / "backups")
    saved = row_counts()
    params = connection.settings_dict
    name = f"{params['NAME']}_restore"
    admin_url = f"postgresql://{params['USER']}@{params['HOST']}:{params['PORT'] or 5432}/postgres"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = f"postgres://{params['USER']}@{params['HOST']}:{params['PORT'] or 5432}/{name}"
        completed = _restore_elsewhere(folder, url, tmp_path / "restored-media")
        assert completed.returncode == 0, completed.stderr
        with psycopg.connect(url.replace("postgres://", "postgresql://")) as restored:
            for table, count in saved.items():
                query = f'SELECT COUNT(*) FROM "{table}"'  # noqa: S608
                assert restored.execute(query).fetchone()[0] == count, table
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    _check_media(folder, tmp_path / "restored-media", installation)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_refuses_a_database_with_data(tmp_path, installation):
    folder = backup_create(target=tmp_path / "backups")
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(folder))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_refuses_a_changed_backup(tmp_path, installation):
    folder = backup_create(target=tmp_path / "backups")
    (folder / "media" / "funds/7/kostenplan.pdf").write_bytes(b"%PDF tampered")
    with pytest.raises(CommandError, match="changed since the backup"):
        call_command("restore", str(folder))
