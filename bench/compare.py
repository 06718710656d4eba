"""What a restored site must have kept: a fingerprint of a database and its media folder.

Each part is a row count and a SHA-256 over its rows in id order (and, for images and
documents, over the bytes of each file they name), so two sites compare equal only if every
page, revision pointer, file and consent event came back as it was.
"""

import hashlib
from pathlib import Path

import psycopg

# name: (query, the column holding a file path relative to MEDIA_ROOT, or None)
PARTS = {
    "pages": (
        "SELECT id, path, url_path, title, live, latest_revision_id FROM wagtailcore_page "
        "ORDER BY id",
        None,
    ),
    "revisions": ("SELECT id, object_id, created_at FROM wagtailcore_revision ORDER BY id", None),
    "documents": ("SELECT id, title, file FROM wagtaildocs_document ORDER BY id", "file"),
    "images": (
        "SELECT id, title, file, width, height FROM wagtailimages_image ORDER BY id",
        "file",
    ),
    "subscribers": ("SELECT * FROM newsletter_subscriber ORDER BY id", None),
    "consent events": ("SELECT * FROM newsletter_consentevent ORDER BY id", None),
}


def file_digest(path):
    """SHA-256 of a file's bytes, or a marker when it is missing."""
    path = Path(path)
    if not path.is_file():
        return "absent"
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def rows_fingerprint(columns, rows, media_root=None, file_column=None):
    """(row count, SHA-256) of rows; a file column adds the digest of the file it names."""
    digest = hashlib.sha256()
    file_index = columns.index(file_column) if file_column else None
    for row in rows:
        digest.update(repr(tuple(row)).encode())
        if file_index is not None:
            digest.update(file_digest(Path(media_root) / row[file_index]).encode())
    return len(rows), digest.hexdigest()


def site_fingerprint(database_url, media_root):
    fingerprint = {}
    with psycopg.connect(database_url) as connection:
        for name, (query, file_column) in PARTS.items():
            cursor = connection.execute(query)
            columns = [column.name for column in cursor.description]
            fingerprint[name] = rows_fingerprint(
                columns, cursor.fetchall(), media_root, file_column
            )
    return fingerprint


def differences(original, restored):
    """The parts whose count or digest differ, as French sentences (empty when equal)."""
    found = []
    for name in original.keys() | restored.keys():
        before, after = original.get(name), restored.get(name)
        if before is None or after is None:
            found.append(f"{name} : présent d'un seul côté")
        elif before[0] != after[0]:
            found.append(f"{name} : {before[0]} lignes à l'origine, {after[0]} restaurées")
        elif before[1] != after[1]:
            found.append(f"{name} : même nombre de lignes ({before[0]}), contenu différent")
    return sorted(found)
