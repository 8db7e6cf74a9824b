"""The cnnewsclean command end to end, through a subprocess."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS_DIR

SEED = SEEDS_DIR / "003_0bf3a46272197683.txt"


def cli(*args: str, stdin: bytes | None = None, check: bool = False) -> subprocess.CompletedProcess[bytes]:
    proc = subprocess.run([sys.executable, "-m", "cnnewsclean", *args], input=stdin, capture_output=True, timeout=300)
    if check:
        assert proc.returncode == 0, proc.stderr.decode()
    return proc


def test_file_and_stdin_give_the_same_output() -> None:
    a = cli(str(SEED), check=True).stdout
    b = cli(stdin=SEED.read_bytes(), check=True).stdout
    assert a == b
    text = a.decode("utf-8")
    assert "大国工匠" in text.replace("\n", "") and not text.startswith("\n")
    assert "\n\n" not in text


def test_paragraph_sep() -> None:
    out = cli("--paragraph-sep", "\\n\\n", str(SEED), check=True).stdout.decode()
    assert "\n\n" in out and "\n\n\n" not in out


def test_version_help_and_listings() -> None:
    assert cli("--version", check=True).stdout.decode().startswith("cnnewsclean ")
    helptext = cli("--help", check=True).stdout.decode()
    assert "exit codes" in helptext and "--explain" in helptext
    listing = cli("--list-cleaners", check=True).stdout.decode()
    assert "normalize_layout" in listing
    assert "default" in cli("--list-presets", check=True).stdout.decode()


def test_explain_lists_edits_on_stderr() -> None:
    proc = cli("--explain", str(SEEDS_DIR / "000_04f726505ebab9a0.txt"), check=True)
    err = proc.stderr.decode()
    assert "normalize_layout" in err and "indentation" in err
    assert proc.stdout  # the clean text still goes to stdout


def test_edits_out_replays(tmp_path: Path) -> None:
    from cnnewsclean import Edit, replay

    edits_file = tmp_path / "edits.jsonl"
    raw = (SEEDS_DIR / "000_04f726505ebab9a0.txt").read_text("utf-8")
    out = cli("--edits-out", str(edits_file), stdin=raw.encode(), check=True).stdout.decode()
    edits = [json.loads(line) for line in edits_file.read_text("utf-8").splitlines()]
    assert edits and all(e["reason"] for e in edits)
    log = [Edit(**{k: v for k, v in e.items() if k != "doc"}) for e in edits]
    assert replay(raw, log) + "\n" == out


def test_jsonl_passes_other_fields_and_adds_meta(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": 1, "text": "　　第一篇。\n\n　　正文。", "url": "http://a"}, ensure_ascii=False),
        json.dumps({"id": 2, "text": "第二篇。"}, ensure_ascii=False),
    ]
    proc = cli("--jsonl", "--meta-field", "meta", stdin=("\n".join(lines) + "\n").encode(), check=True)
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == [1, 2]
    assert out[0]["text"] == "第一篇。\n正文。" and out[0]["url"] == "http://a"
    assert out[0]["meta"]["edit_count"] >= 1 and out[1]["meta"]["edit_count"] == 0


def test_jsonl_custom_field_and_gzip_file(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"body": "　正文。"}, ensure_ascii=False) + "\n")
    out = cli("--field", "body", str(path), check=True).stdout.decode()
    assert json.loads(out)["body"] == "正文。"


def test_malformed_jsonl_is_skipped_with_line_number() -> None:
    data = b'{"text": "\xe7\xac\xac\xe4\xb8\x80"}\n{not json}\n{"other": 1}\n{"text": "ok"}\n'
    proc = cli("--jsonl", stdin=data)
    assert proc.returncode == 1
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [o["text"] for o in out] == ["第一", "ok"]
    err = proc.stderr.decode()
    assert "<stdin>:2: malformed JSON" in err and "<stdin>:3: field 'text' is missing" in err


def test_on_error_fail_stops_with_exit_3() -> None:
    proc = cli("--jsonl", "--on-error", "fail", stdin=b'{"text": "a"}\n[1]\n{"text": "b"}\n')
    assert proc.returncode == 3
    assert "<stdin>:2" in proc.stderr.decode()


def test_binary_input_is_skipped_not_crashed() -> None:
    proc = cli(stdin=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert proc.returncode == 1
    assert "binary" in proc.stderr.decode()
    assert proc.stdout == b""


def test_empty_input() -> None:
    proc = cli(stdin=b"")
    assert proc.returncode == 0 and proc.stdout == b""


def test_gbk_and_big5_input_are_detected_and_reported() -> None:
    text = "廣東省總工會團結動員職工奮進新征程。這是一段正文，說明工會的工作。"
    proc = cli(stdin=text.encode("big5"), check=True)
    assert proc.stdout.decode().startswith("廣東省總工會團結動員職工")
    assert "big5" in proc.stderr.decode()
    simp = "广东省总工会团结动员职工奋进新征程。这是一段正文，说明工会的工作。"
    proc = cli(stdin=simp.encode("gbk"), check=True)
    assert proc.stdout.decode().startswith("广东省总工会团结动员职工")
    assert "gb18030" in proc.stderr.decode()
    forced = cli("--encoding", "gbk", stdin=simp.encode("gbk"), check=True)
    assert forced.stdout.decode().startswith("广东省总工会")


@pytest.mark.slow
def test_huge_single_line_is_not_truncated() -> None:
    line = ("工会组织动员广大职工建功立业" * 200_000 + "。").encode()  # ~8.4 MB, one line
    proc = cli(stdin=line, check=True)
    assert len(proc.stdout) == len(line) + 1


def test_directory_input_mirrors_to_output_dir(tmp_path: Path) -> None:
    src = tmp_path / "in" / "sub"
    src.mkdir(parents=True)
    (src / "a.txt").write_text("　　甲文。\n", encoding="utf-8")
    (tmp_path / "in" / "b.jsonl").write_text('{"text": "　乙文。"}\n', encoding="utf-8")
    (tmp_path / "in" / "skip.bin").write_bytes(b"\x00")
    stats = tmp_path / "stats.json"
    cli(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--stats", str(stats), check=True)
    assert (tmp_path / "out" / "sub" / "a.txt").read_text("utf-8") == "甲文。\n"
    assert json.loads((tmp_path / "out" / "b.jsonl").read_text("utf-8"))["text"] == "乙文。"
    summary = json.loads(stats.read_text("utf-8"))
    assert summary["docs_in"] == 2 and summary["docs_out"] == 2
    assert summary["cleaners"]["normalize_layout"]["edits"] >= 2


def test_workers_keep_order(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(3000):
            fh.write(json.dumps({"id": i, "text": f"　　第{i}篇。\n\n正文。"}, ensure_ascii=False) + "\n")
    proc = cli("-j", "2", str(path), check=True)
    ids = [json.loads(line)["id"] for line in proc.stdout.decode().splitlines()]
    assert ids == list(range(3000))


def test_usage_errors_exit_2() -> None:
    assert cli("--preset", "nope", stdin=b"x").returncode == 2
    assert cli("--skip", "nope", stdin=b"x").returncode == 2
    assert cli("--no-such-flag").returncode == 2


def test_missing_file_exit_4(tmp_path: Path) -> None:
    proc = cli(str(tmp_path / "missing.txt"))
    assert proc.returncode == 4 and "no such file" in proc.stderr.decode()
