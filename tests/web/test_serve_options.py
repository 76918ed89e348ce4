"""`elysium serve`'s options are checked before anything listens: a clear sentence, no traceback."""

from __future__ import annotations

import pytest

from elysium.cli import main


def test_a_public_url_must_be_a_whole_address(capsys) -> None:
    assert main(["serve", "--public-url", "games.example.org"]) == 2
    assert "--public-url needs a whole address such as https://" in capsys.readouterr().err


@pytest.mark.parametrize("count", ["0", "-3", "many"])
def test_max_sessions_must_be_a_positive_number(capsys, count: str) -> None:
    with pytest.raises(SystemExit) as leaving:
        main(["serve", "--max-sessions", count])
    assert leaving.value.code == 2
    assert "needs a whole number of at least 1" in capsys.readouterr().err


def test_a_broken_pack_is_told_once_before_serving(tmp_path, capsys) -> None:
    (tmp_path / "pack.yaml").write_text("game: [unclosed\n", encoding="utf-8")
    assert main(["serve", "--content", str(tmp_path), "--no-mods"]) == 2
    assert "nothing was started" in capsys.readouterr().err
