"""`elysium audit`: each kind of finding in a small pack made for it, a clean pack that passes, the
packs' allowances, the summary line, the exit status and the JSON report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from elysium.audit.verbs import invited_verbs
from elysium.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def run_audit(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["audit", *args])
    out, err = capsys.readouterr()
    return status, out, err


def findings(capsys, pack: str) -> list[dict]:
    status, out, _ = run_audit(capsys, "--content", str(FIXTURES / pack), "--json")
    report = json.loads(out)
    assert status == (1 if report["findings"] else 0)
    return report["findings"]


def subjects(found: list[dict], kind: str) -> set[tuple[tuple[str, str], ...]]:
    return {tuple(sorted(f["subject"].items())) for f in found if f["kind"] == kind}


def test_a_clean_pack_exits_0_with_only_the_summary(capsys):
    status, out, _ = run_audit(capsys, "--content", str(FIXTURES / "audit_clean"))
    assert status == 0
    assert out == "audit: 2 rooms, 0 nouns unexaminable, 0 unreachable, 0 unused, 0 unset\n"


def test_nouns_in_room_text_presence_lines_and_reply_narration_that_examine_cannot_find(capsys):
    found = findings(capsys, "audit_scenery")
    assert subjects(found, "scenery") == {
        (("noun", "counter"), ("room", "shop")), (("noun", "till"), ("room", "shop")),
        (("noun", "brass lanterns"), ("room", "shop")), (("noun", "apron"), ("room", "shop")),
        # read in the narration of the clerk's default reply; what she says aloud (the harbour) is
        # not, nor her nose, and the candle her reply hands over is the player's as they read it
        (("noun", "ledger"), ("npc", "clerk"), ("room", "shop")),
    }
    till = next(f for f in found if f["subject"].get("noun") == "till")
    line = Path(till["file"]).read_text(encoding="utf-8").splitlines()[till["line"] - 1]
    assert line[till["column"] - 1:].startswith("till")


def test_the_scenery_gaps_are_counted_per_room_and_in_the_summary(capsys):
    status, out, _ = run_audit(capsys, "--content", str(FIXTURES / "audit_scenery"))
    assert status == 1
    lines = out.splitlines()
    assert lines[-2] == "nouns unexaminable by room: shop 5"
    assert lines[-1] == "audit: 2 rooms, 5 nouns unexaminable, 0 unreachable, 0 unused, 0 unset"
    assert lines[0].endswith("world.yaml:10:75: shop: 'counter' (room shop description) cannot be examined there")


def test_a_noun_close_to_one_the_room_knows_gets_a_did_you_mean(capsys):
    found = findings(capsys, "audit_scenery")
    lanterns = next(f for f in found if f["subject"].get("noun") == "brass lanterns")
    assert lanterns["message"].endswith("cannot be examined there (did you mean 'lantern'?)")
    till = next(f for f in found if f["subject"].get("noun") == "till")
    assert "did you mean" not in till["message"]


def test_what_no_path_reaches_with_a_flag_nothing_sets_closing_its_exit(capsys):
    found = findings(capsys, "audit_reach")
    assert subjects(found, "unreachable") == {
        (("room", "garden"),),  # its exit waits on gate_open, which nothing sets
        (("room", "vault"),),  # locked, and its key is never placed
        (("room", "attic"),),  # no way in
        (("item", "vault_key"),), (("item", "map"),),
        (("item", "diary"),),  # moved only into the closed garden
        (("topic", "butler.garden"),),  # waits on gate_open
        (("topic", "hermit.attic"),),  # he is never met; his scenery line is no finding of its own
        (("lore", "garden_secret"),),  # only the diary teaches it
        (("ending", "lost"),),  # nothing ends there
        (("ending", "bloomed"),),  # only the rose in the closed garden does
    }
    # the study opens on a flag the bell's rule sets: it, its lore and its ending are reached
    assert not {("room", "study"), ("lore", "study_lore"), ("ending", "rung")} & {
        pair for subject in subjects(found, "unreachable") for pair in subject}
    assert subjects(found, "unset") == {(("flag", "gate_open"),)}


def test_names_read_but_never_set_or_set_but_never_read_with_did_you_mean(capsys):
    found = findings(capsys, "audit_names")
    messages = {f["message"] for f in found}
    assert "the flag 'lamp_lt' is read here, but nothing ever sets it (did you mean 'lamp_lit'?)" in messages
    assert subjects(found, "unset") == {(("flag", "lamp_lt"),), (("state", "mood"),)}
    assert subjects(found, "unused") == {(("flag", "lamp_lit"),), (("counter", "pages_read"),)}
    lamp = next(f for f in found if f["subject"] == {"flag": "lamp_lt"})
    assert (Path(lamp["file"]).name, lamp["line"], lamp["column"]) == ("world.yaml", 10, 20)


def test_verbs_the_text_invites_that_the_parser_does_not_know(capsys):
    found = findings(capsys, "audit_verbs")
    # touch is built in and knead is the game's own; "the bells ring" and the plate's inscription
    # in capitals invite nothing
    assert subjects(found, "verbs") == {(("verb", "polish"),), (("verb", "wish"),)}
    assert [f["kind"] for f in found] == ["verbs", "verbs"]


def test_verbs_are_named_beside_the_five_figures_which_stay_as_they_are(capsys):
    status, out, _ = run_audit(capsys, "--content", str(FIXTURES / "audit_verbs"))
    assert status == 1
    assert out.splitlines()[-2:] == ["audit also found: 2 verbs not understood",
                                     "audit: 1 rooms, 0 nouns unexaminable, 0 unreachable, 0 unused, 0 unset"]


def test_the_heuristic_reads_invitations_and_not_other_uses_of_a_verb():
    assert list(invited_verbs("You could touch the star.")) == [("touch", "You could touch")]
    assert list(invited_verbs('She smiles. "Toss one in, for luck."')) == [("toss", "Toss one")]
    assert list(invited_verbs("Type RING BELL to call him.")) == [("ring", "RING BELL")]
    assert list(invited_verbs("The bells ring. You toss and turn.")) == []
    assert list(invited_verbs('"Touchy, aren\'t we," he says.')) == []
    assert list(invited_verbs("RING THE BELL TWICE AND WAIT.")) == []  # an inscription


def test_the_invitation_patterns_match_what_they_match_without_their_look_ahead():
    import re

    from elysium.audit import verbs
    from elysium.content import load_content
    from elysium.content.loader import default_content_dir
    from elysium.content.styles import plain

    texts = ["You could TOUCH the star.", "why NOT Ring it", "Try  to\ngently polish it", "x-you can tap",
             "TOUCH STAR and PULL LEVER", "ÉTOUCH STAR", "R2 D2", "AB CD", "ſure", "be ſure to rub"]
    for game in (default_content_dir(), ROOT / "examples" / "cloak_of_darkness", FIXTURES / "world"):
        texts += [plain(text) for _, text in verbs._texts(load_content(game))]
    for pattern in (verbs.INVITATIONS, verbs.CAPITALS):
        plainly = re.compile(pattern.pattern.split(")", 1)[1], pattern.flags)  # without its look-ahead
        for text in texts:
            assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == \
                   [(m.span(), m.groups()) for m in plainly.finditer(text)], text


def test_allowances_in_the_pack_set_findings_aside_and_one_that_matches_nothing_is_a_finding(capsys):
    status, out, _ = run_audit(capsys, "--content", str(FIXTURES / "audit_allowed"))
    assert status == 1
    stale, also, summary = out.splitlines()
    assert stale.endswith("audit_allowed/audit.yaml:11:7: this allowance of audit: scenery (room 'yard', noun "
                          "'bucket') matches no finding: remove it")
    assert also == "audit also found: 1 allowance matching nothing"
    assert summary == "audit: 1 rooms, 0 nouns unexaminable, 0 unreachable, 0 unused, 0 unset"


def test_without_its_allowances_the_pack_shows_what_they_allow(capsys, tmp_path):
    pack = tmp_path / "yard"
    shutil.copytree(FIXTURES / "audit_allowed", pack)
    (pack / "audit.yaml").unlink()
    found = findings(capsys, str(pack))
    assert subjects(found, "scenery") == {(("noun", "crank"), ("room", "yard")),
                                          (("noun", "pitchfork"), ("npc", "ostler"), ("room", "yard"))}


def test_an_allowance_is_checked_with_its_position(capsys, tmp_path):
    pack = tmp_path / "yard"
    shutil.copytree(FIXTURES / "audit_allowed", pack)
    (pack / "audit.yaml").write_text("audit:\n  scenery:\n    - room: yard\n      noun: crank\n"
                                     "  unset:\n    - flg: lamp\n      why: typo\n  sceneyr: []\n"
                                     "  verbs:\n    - verb: polish\n      why: ''\n", encoding="utf-8")
    assert main(["validate", "--content", str(pack), "--no-mods"]) == 2
    err = capsys.readouterr().err
    assert "audit.yaml:3:7: error: an allowance of audit: scenery needs the field 'why'" in err
    assert "audit.yaml:6:7: error: unknown field 'flg' in an allowance of audit: unset (did you mean 'flag'?)" in err
    assert "audit.yaml:8:3: error: unknown kind of audit finding 'sceneyr' (did you mean 'scenery'?)" in err
    assert "audit.yaml:11:12: error: 'why' in an allowance of audit: verbs is empty" in err
    status, _, err = run_audit(capsys, "--content", str(pack))
    assert status == 2 and "cannot be audited" in err


def test_the_json_report_has_the_documented_shape(capsys):
    status, out, _ = run_audit(capsys, "--content", str(FIXTURES / "audit_scenery"), "--json")
    report = json.loads(out)
    assert set(report) == {"summary", "scenery_by_room", "findings"}
    assert report["summary"] == {"rooms": 2, "scenery": 5, "unreachable": 0, "unused": 0, "unset": 0,
                                 "verbs": 0, "allowance": 0}
    assert report["scenery_by_room"] == {"shop": 5}
    assert set(report["findings"][0]) == {"kind", "subject", "message", "file", "line", "column"}


def test_a_pack_that_does_not_load_is_not_audited(capsys, tmp_path):
    status, _, err = run_audit(capsys, "--content", str(tmp_path / "missing"))
    assert status == 2 and "does not exist" in err


def test_the_stand_alone_example_passes_the_audit(capsys):
    status, out, _ = run_audit(capsys, "--content", str(ROOT / "examples" / "cloak_of_darkness"))
    assert (status, out) == (0, "audit: 3 rooms, 0 nouns unexaminable, 0 unreachable, 0 unused, 0 unset\n")


def test_the_guide_s_allowances_example_is_what_the_audit_reads(capsys, tmp_path):
    guide = (ROOT / "docs" / "modding.md").read_text(encoding="utf-8")
    section = guide.split("\n## elysium audit\n", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    pack = tmp_path / "yard"
    shutil.copytree(FIXTURES / "audit_allowed", pack)
    (pack / "audit.yaml").write_text(example, encoding="utf-8")
    (pack / "greeting.yaml").write_text("rules:\n  greet:\n    \"on\": talk\n    object: ostler\n"
                                        "    do: [{set: met_the_ostler}]\n", encoding="utf-8")
    status, out, _ = run_audit(capsys, "--content", str(pack))
    assert (status, out) == (0, "audit: 1 rooms, 0 nouns unexaminable, 0 unreachable, 0 unused, 0 unset\n")
    (pack / "audit.yaml").write_text(example.replace("  unused:\n    - flag: met_the_ostler\n      why: kept for the sequel, "
                                                     "which reads it from the save\n", ""), encoding="utf-8")
    status, out, _ = run_audit(capsys, "--content", str(pack))
    assert status == 1 and "the flag 'met_the_ostler' is set here, but nothing ever reads it" in out


def test_the_phrase_heuristic_stops_at_the_verbs_and_words_reply_narration_uses():
    from elysium.audit.phrases import noun_phrases

    assert noun_phrases("The robin listens, and a grin gets past her guard.") == ["robin", "grin", "guard"]
    assert noun_phrases("He glances at the spire anyway. The third is the last; the masons afraid of it.") == ["spire", "masons"]
    assert noun_phrases("She has the distinct feeling of the third shelf.") == ["third shelf"]


def test_each_distinct_text_is_read_for_its_noun_phrases_once_an_audit(monkeypatch):
    from elysium.audit import phrases, run

    read = []
    real = phrases.noun_phrases
    monkeypatch.setattr(phrases, "noun_phrases", lambda text, *rest: read.append(text) or real(text, *rest))
    made = []
    monkeypatch.setattr(run, "PhrasesRead", lambda: made.append(phrases.PhrasesRead()) or made[-1])
    run.audit(FIXTURES / "audit_scenery")
    assert read and len(read) == len(set(read)) == len(made[0])  # the room checks and the replies share it
    assert phrases.PhrasesRead()["The ostler's lantern hangs by a cracked trough."] == ("ostler lantern",
                                                                                         "cracked trough")


def test_a_finding_with_no_place_in_a_file_has_nulls_in_json():
    from elysium.audit.findings import AuditFinding

    assert AuditFinding("unset", {"flag": "x"}, "m").as_json() == {
        "kind": "unset", "subject": {"flag": "x"}, "message": "m", "file": None, "line": None, "column": None}


def test_the_campus_passes_the_audit(capsys):
    status, out, _ = run_audit(capsys)
    assert (status, out) == (0, "audit: 32 rooms, 0 nouns unexaminable, 0 unreachable, 0 unused, 0 unset\n")


def test_the_campus_with_the_example_mod_passes_the_audit(capsys):
    status, out, _ = run_audit(capsys, "--mod", str(ROOT / "examples" / "lantern_walk"))
    assert (status, out) == (0, "audit: 34 rooms, 0 nouns unexaminable, 0 unreachable, 0 unused, 0 unset\n")


def test_what_a_reply_allowance_points_the_player_to_names_that_person():
    """"(X VELL)" in the reason of an allowance for Maestro Vell's replies is only true if VELL is his."""
    from elysium.audit.allowances import allowances
    from elysium.content import load_content

    content = load_content()
    pointers = [(allowance.subject["npc"], allowance.why.split("(X ", 1)[1].split(")", 1)[0].lower())
                for allowance in allowances(content) if "npc" in allowance.subject and "(X " in allowance.why]
    assert len(pointers) > 10
    for npc, word in pointers:
        assert word in content.npcs[npc].nouns, (npc, word)


def test_a_mod_s_findings_are_placed_in_its_own_files(capsys, tmp_path):
    mod = tmp_path / "lantern_walk"
    shutil.copytree(ROOT / "examples" / "lantern_walk", mod)
    (mod / "audit.yaml").unlink()
    status, out, _ = run_audit(capsys, "--mod", str(mod), "--json")
    found = json.loads(out)["findings"]
    assert status == 1
    cart = next(f for f in found if f["subject"] == {"room": "lantern_walk:lamp_turret", "noun": "cart"})
    line = Path(cart["file"]).read_text(encoding="utf-8").splitlines()[cart["line"] - 1]
    assert Path(cart["file"]).name == "walk.yaml" and line[cart["column"] - 1:].startswith("cart")


def test_the_checks_run_with_the_collector_off_and_leave_it_as_they_found_it(monkeypatch):
    import gc

    from elysium.audit import run

    seen = []
    real = run.scenery_coverage
    monkeypatch.setattr(run, "scenery_coverage", lambda *args: seen.append(gc.isenabled()) or real(*args))
    assert gc.isenabled()
    run.audit(FIXTURES / "audit_scenery")
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        run.audit(FIXTURES / "audit_scenery")
        assert not gc.isenabled()  # one who switched it off keeps it off
    finally:
        gc.enable()
