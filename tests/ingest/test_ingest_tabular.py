"""CSV and TSV readers."""

from __future__ import annotations

from warlog.ingest import CsvColumns, read_csv
from warlog.types import IngestProblem, RawArticle


def test_tabular_detects_common_column_names(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(
        "Article_ID,Headline,Body,PubDate,Publisher,Link\n"
        'k-1,Road cut,"Fighters cut the coast road.\nTraffic stopped.",2024-03-01,Kessa Post,https://kp.example/1\n'
        "k-2,Quiet day,No incidents were reported.,,,\n",
        encoding="utf-8",
    )
    first, second = read_csv(path)
    assert isinstance(first, RawArticle)
    assert (first.id, first.title, first.published, first.outlet, first.url) == (
        "k-1",
        "Road cut",
        "2024-03-01",
        "Kessa Post",
        "https://kp.example/1",
    )
    assert first.text == "Fighters cut the coast road.\nTraffic stopped."
    assert (first.line, second.line) == (2, 4)
    assert (second.published, second.outlet, second.published_from) == (None, None, None)


def test_tabular_explicit_columns_win(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("text,summary,when\nignored,The real report.,5 April 2024\n", encoding="utf-8")
    (item,) = read_csv(path, columns=CsvColumns(text="summary", date="when"))
    assert (item.text, item.published) == ("The real report.", "5 April 2024")


def test_tabular_missing_text_column_is_w111(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("headline,date\nA title,2024-01-01\n", encoding="utf-8")
    (problem,) = read_csv(path)
    assert isinstance(problem, IngestProblem)
    assert (problem.code, problem.line) == ("W111", 1)
    (explicit,) = read_csv(path, columns=CsvColumns(text="story_text"))
    assert explicit.code == "W111"
    assert "story_text" in explicit.reason


def test_tabular_missing_named_column_is_w113(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("text,date\nA report.,2024-01-01\n", encoding="utf-8")
    (problem,) = read_csv(path, columns=CsvColumns(title="headline_txt"))
    assert problem.code == "W113"
    assert "headline_txt" in problem.reason


def test_tabular_tsv_and_semicolon_delimiters(tmp_path):
    tsv = tmp_path / "in.tsv"
    tsv.write_text("content\ttitle\nShelling, then silence.\tNight\n", encoding="utf-8")
    (item,) = read_csv(tsv, delimiter="\t")
    assert (item.text, item.title) == ("Shelling, then silence.", "Night")
    semi = tmp_path / "in.csv"
    semi.write_text("story;source\nTroops withdrew, residents said.;Radio Orvin\n", encoding="utf-8")
    (item,) = read_csv(semi)
    assert (item.text, item.outlet) == ("Troops withdrew, residents said.", "Radio Orvin")


def test_tabular_reads_long_fields(tmp_path):
    long_text = "Word " * 60000  # 300,000 characters: past the csv module's default cap
    path = tmp_path / "in.csv"
    path.write_text(f"text\n{long_text}\n", encoding="utf-8")
    (item,) = read_csv(path)
    assert item.text == long_text


def test_tabular_binary_file_is_w103(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(b"text,title\nok,fine\n\x00\x01\x02\xff\xfe\x00,x\n")
    (problem,) = read_csv(path)
    assert (problem.code, problem.line) == ("W103", None)
