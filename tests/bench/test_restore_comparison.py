from bench.compare import differences, rows_fingerprint


def test_same_rows_and_files_give_the_same_fingerprint(tmp_path):
    for root in ("a", "b"):
        (tmp_path / root / "images").mkdir(parents=True)
        (tmp_path / root / "images" / "x.jpg").write_bytes(b"pixels")
    rows = [(1, "Logo", "images/x.jpg")]
    columns = ["id", "title", "file"]

    assert rows_fingerprint(columns, rows, tmp_path / "a", "file") == rows_fingerprint(
        columns, rows, tmp_path / "b", "file"
    )


def test_a_changed_or_missing_file_changes_the_fingerprint(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "doc.pdf").write_bytes(b"original")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "doc.pdf").write_bytes(b"tronque")
    rows = [(1, "Rapport", "doc.pdf")]
    columns = ["id", "title", "file"]

    original = rows_fingerprint(columns, rows, tmp_path / "a", "file")
    assert rows_fingerprint(columns, rows, tmp_path / "b", "file") != original
    assert rows_fingerprint(columns, rows, tmp_path / "vide", "file") != original


def test_differences_name_each_part_that_differs():
    original = {"pages": (3, "abc"), "subscribers": (2, "def"), "images": (1, "123")}
    restored = {"pages": (3, "abc"), "subscribers": (2, "fff"), "images": (0, "000")}

    assert differences(original, restored) == [
        "images : 1 lignes à l'origine, 0 restaurées",
        "subscribers : même nombre de lignes (2), contenu différent",
    ]


def test_equal_sites_have_no_differences():
    fingerprint = {"pages": (3, "abc"), "consent events": (5, "e")}

    assert differences(fingerprint, dict(fingerprint)) == []
