"""The web page in a real browser: Playwright drives Debian's chromium against `elysium web` on a
loopback port with a SQLite store of its own. It plays, saves, reloads and continues, restores;
recalls and completes commands; survives a second tab, a slow-down and a dropped connection; shows
a mod's markup as text; and an axe-core check finds nothing serious in either theme or on a phone."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("the page's browser tests need Debian's chromium at /usr/bin/chromium "
                "(apt-get install chromium); Playwright cannot download a browser here",
                allow_module_level=True)

pytest.importorskip("playwright", reason="the page's browser tests need Playwright: pip install '.[test]'")
pytest.importorskip("axe_playwright_python", reason="the page's axe-core check needs axe-playwright-python: pip install '.[test]'")
from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402
from web_support import stop  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
MARKUP_MOD = ROOT / "tests" / "fixtures" / "page" / "markup_mod"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, ConnectionError):
            if process.poll() is not None:
                raise AssertionError(f"elysium web stopped:\n{process.stdout.read()}")
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@contextmanager
def web_server(folder: Path, *options: str):
    """`elysium web` on a free loopback port with a SQLite store in `folder`: yields its address."""
    port = free_port()
    store = f"sqlite:///{folder / 'web.db'}"
    process = subprocess.Popen(
        [sys.executable, "-m", "elysium", "web", "--host", "127.0.0.1", "--port", str(port),
         "--store", store, "--no-mods", *options],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/", process)
        yield base
    finally:
        stop(process)


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    with web_server(tmp_path_factory.mktemp("web")) as address:
        yield address


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, base: str):
    """A page of a new player (a browser context has its own cookies) on a desktop screen."""
    context = browser.new_context(viewport=DESKTOP, base_url=base)
    page = context.new_page()
    yield page
    context.close()


def open_game(page: Page) -> None:
    page.goto("/")
    expect(page.locator("#story .reply").first).to_be_visible()
    expect(page.locator("#location")).not_to_have_text("—")


def play(page: Page, line: str) -> None:
    """Types a line, sends it with Enter and waits for its reply to be in the story."""
    replies = page.locator("#story .reply")
    before = replies.count()
    page.locator("#command").fill(line)
    page.locator("#command").press("Enter")
    expect(replies).to_have_count(before + 1)
    expect(replies.last.locator(".command kbd")).to_have_text(line)


def test_a_player_plays_saves_reloads_continues_and_restores(page: Page):
    open_game(page)
    expect(page.locator("#location")).to_have_text("The Gatehouse")
    expect(page.locator("#exits li")).to_have_text(["south", "east", "north"])
    expect(page.locator("#inventory")).to_contain_text("a letter of admission")
    # The map is text a screen reader reads, in a region labelled as the map.
    expect(page.get_by_role("region", name="Map")).to_contain_text("east")
    play(page, "look")
    expect(page.locator("#story .reply").last).to_contain_text("A great arch of white marble")

    # Saved with the keyboard alone: Enter on the Saves button, a name, Enter, Escape.
    page.locator("#open-saves").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#saves-dialog")).to_be_visible()
    expect(page.locator("#save-name")).to_be_focused()
    page.keyboard.type("at the gate")
    page.keyboard.press("Enter")
    expect(page.locator("#saves-list .save-name")).to_have_text(["at the gate"])
    expect(page.locator("#saves-notice")).to_have_text("Saved as at the gate.")
    page.keyboard.press("Escape")
    expect(page.locator("#saves-dialog")).to_be_hidden()
    expect(page.locator("#open-saves")).to_be_focused()

    play(page, "east")
    lodge = page.locator("#location").inner_text()
    assert lodge != "The Gatehouse"

    # A reload continues the same game, and the next turn is accepted (the page took its version).
    page.reload()
    expect(page.locator("#location")).to_have_text(lodge)
    expect(page.locator("#story .reply")).to_have_count(1)
    expect(page.locator("#story .reply .note")).to_have_text("Your game continues where you left it.")
    page.locator("#command").press("ArrowUp")  # this tab's commands survive the reload
    expect(page.locator("#command")).to_have_value("east")
    play(page, "inventory")
    expect(page.locator("#story .reply").last).to_contain_text("letter of admission")

    page.locator("#open-saves").click()
    page.get_by_role("button", name="Restore at the gate").click()
    expect(page.locator("#saves-dialog")).to_be_hidden()
    expect(page.locator("#location")).to_have_text("The Gatehouse")
    expect(page.locator("#command")).to_be_focused()
    play(page, "east")
    expect(page.locator("#location")).to_have_text(lodge)

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#open-saves").click()
    page.get_by_role("button", name="Delete at the gate").click()
    expect(page.locator("#saves-notice")).to_have_text("Deleted at the gate.")
    expect(page.locator("#saves-list")).to_have_text("No saves yet.")


def test_each_reply_is_added_to_a_live_log_and_focus_returns_to_the_command_line(page: Page):
    open_game(page)
    story = page.locator("#story")
    expect(story).to_have_attribute("role", "log")
    expect(story).to_have_attribute("aria-live", "polite")
    first = page.locator("#story .reply").first
    first_text = first.inner_text()
    page.locator("#command").fill("look")
    page.get_by_role("button", name="Send").click()
    expect(page.locator("#story .reply")).to_have_count(2)
    # The earlier reply is still the same text, not re-rendered: only the new one is announced.
    assert first.inner_text() == first_text
    newest = page.locator("#story .reply").last
    expect(newest.locator("p.command kbd")).to_have_text("look")
    assert newest.locator("p").count() >= 2
    expect(page.locator("#command")).to_be_focused()
    expect(page.locator("#command")).to_have_value("")
    expect(page.get_by_label("Command")).to_be_visible()


def test_up_and_down_recall_commands_and_tab_completes_from_the_vocabulary(page: Page):
    open_game(page)
    play(page, "look")
    play(page, "inventory")
    command = page.locator("#command")
    command.fill("half typed")
    command.press("ArrowUp")
    expect(command).to_have_value("inventory")
    command.press("ArrowUp")
    expect(command).to_have_value("look")
    command.press("ArrowDown")
    command.press("ArrowDown")
    expect(command).to_have_value("half typed")

    words = page.request.get("/api/v1/vocabulary").json()
    assert "examine" in words["verbs"] and "letter" in words["nouns"]
    command.fill("exami")
    command.press("Tab")
    expect(command).to_have_value("examine ")
    command.press_sequentially("lett")
    command.press("Tab")
    # "letter", or "letter " when no other noun starts so ("letters" would stop it at the common part).
    expect(command).to_have_value(re.compile(r"^examine letter ?$"))
    command.press("Enter")
    expect(page.locator("#story .reply").last.locator(".command kbd")).to_have_text("examine letter")
    command.fill("  examine   lett")  # stray spaces are tidied, not kept or miscounted
    command.press("Tab")
    expect(command).to_have_value(re.compile(r"^examine letter ?$"))

    # A word that could end many ways: Tab lists a dozen of them under the input, then moves on.
    command.fill("s")
    command.press("Tab")
    expect(page.locator("#notice")).to_have_text(re.compile(r"^Could be: (\S+, ){11}\S+, and \d+ more\.$"))
    expect(command).to_have_value("s")
    command.press("Tab")
    expect(command).not_to_be_focused()
    command.focus()

    # With nothing to complete, Tab leaves the command line as usual: it is no keyboard trap.
    command.fill("")
    command.press("Tab")
    expect(command).not_to_be_focused()


def test_a_second_tab_that_played_first_is_caught_up_in_words(page: Page):
    open_game(page)
    other = page.context.new_page()  # the same player: the same cookie
    open_game(other)
    play(other, "east")
    moved_to = other.locator("#location").inner_text()

    page.locator("#command").fill("look")
    page.locator("#command").press("Enter")
    expect(page.locator("#story .reply .note").last).to_contain_text("Another window played a turn first")
    expect(page.locator("#location")).to_have_text(moved_to)
    expect(page.locator("#notice")).to_contain_text("was not sent")
    expect(page.locator("#command")).to_have_value("look")
    play(page, "look")


def test_a_slow_down_a_lost_connection_and_a_long_line_keep_the_typed_line(page: Page):
    open_game(page)
    command = page.locator("#command")
    answers = {
        "too fast": lambda route: route.fulfill(status=429, headers={"Retry-After": "3"},
                                                json={"error": "too_fast", "message": "Slow down."}),
        "gone": lambda route: route.abort("connectionrefused"),
    }
    expected = {
        "too fast": "Please try again in 3 seconds.",
        "gone": "The game could not be reached.",
    }
    for case, answer in answers.items():
        page.route("**/api/v1/turn", answer)
        command.fill(f"look {case}")
        command.press("Enter")
        expect(page.locator("#notice")).to_contain_text(expected[case])
        expect(command).to_have_value(f"look {case}")
        expect(command).to_be_focused()
        page.unroute("**/api/v1/turn")
    # A line longer than the service reads is refused by the service itself, in its own words,
    # and the page keeps all of it (the input does not cut a pasted line short).
    long_line = "examine " + "very " * 500
    command.fill(long_line)
    command.press("Enter")
    expect(page.locator("#notice")).to_contain_text("That line is too long")
    expect(command).to_have_value(long_line)
    expect(page.locator("#story .reply")).to_have_count(1)
    command.fill("look")
    command.press("Enter")
    expect(page.locator("#story .reply")).to_have_count(2)
    expect(page.locator("#notice")).to_have_text("")


def test_the_theme_follows_the_system_and_the_toggle_is_remembered(browser: Browser, base: str):
    context = browser.new_context(viewport=DESKTOP, base_url=base, color_scheme="dark")
    page = context.new_page()
    open_game(page)
    background = lambda: page.evaluate("() => getComputedStyle(document.body).backgroundColor")  # noqa: E731
    dark = background()
    toggle = page.get_by_role("button", name="Dark theme")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    light = background()
    assert light != dark
    page.reload()
    expect(page.locator("#story .reply").first).to_be_visible()
    assert background() == light
    expect(page.get_by_role("button", name="Dark theme")).to_have_attribute("aria-pressed", "false")
    context.close()


def test_on_a_phone_the_panel_is_below_the_story_and_nothing_is_wider_than_the_screen(browser: Browser, base: str):
    context = browser.new_context(viewport=PHONE, base_url=base, is_mobile=True, has_touch=True)
    page = context.new_page()
    open_game(page)
    play(page, "look")
    form = page.locator("#command-form").bounding_box()
    panel = page.locator("aside.panel").bounding_box()
    assert panel["y"] >= form["y"] + form["height"]
    assert panel["x"] + panel["width"] <= PHONE["width"]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def serious_violations(page: Page) -> list[str]:
    results = Axe().run(page).response
    return [f"{violation['id']} ({violation['impact']}): {violation['help']} at "
            f"{[node['target'] for node in violation['nodes']]}"
            for violation in results["violations"] if violation["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme, viewport", [("light", DESKTOP), ("dark", DESKTOP), ("light", PHONE), ("dark", PHONE)],
                         ids=["light", "dark", "phone-light", "phone-dark"])
def test_axe_finds_nothing_serious(browser: Browser, base: str, scheme: str, viewport: dict):
    context = browser.new_context(viewport=viewport, base_url=base, color_scheme=scheme)
    page = context.new_page()
    open_game(page)
    play(page, "look")
    page.locator("#command").fill("too fast")
    page.route("**/api/v1/turn", lambda route: route.fulfill(status=429, json={"error": "too_fast"}))
    page.locator("#command").press("Enter")
    expect(page.locator("#notice")).not_to_have_text("")
    assert serious_violations(page) == []
    page.locator("#open-saves").click()
    page.locator("#save-name").fill("for axe")
    page.locator("#save-name").press("Enter")
    expect(page.locator("#saves-list .save-name")).to_have_text(["for axe"])
    assert serious_violations(page) == []
    context.close()


def test_a_mods_markup_is_shown_as_text_and_never_run(browser: Browser, tmp_path: Path):
    with web_server(tmp_path, "--mod", str(MARKUP_MOD)) as address:
        # Without the page's Content-Security-Policy, so that only the page's own care is tested.
        context = browser.new_context(viewport=DESKTOP, base_url=address, bypass_csp=True)
        page = context.new_page()
        open_game(page)
        play(page, "look")
        story = page.locator("#story")
        expect(story).to_contain_text('<script>window.markupRan = "script"</script>')
        expect(story).to_contain_text("""<img src="missing.png" onerror="window.markupRan = 'img'">""")
        expect(page.locator("#location")).to_have_text("The <b>Gatehouse</b>")
        expect(page.locator("#inventory")).to_contain_text("a <i>letter</i> of admission")
        assert page.locator("script, img, b, i").evaluate_all("nodes => nodes.filter(n => n.closest('body')).length") == 0
        assert page.evaluate("() => window.markupRan === undefined")
        context.close()


def test_a_private_game_asks_for_its_password_once(browser: Browser, tmp_path: Path):
    with web_server(tmp_path, "--auth", "lute and lantern") as address:
        context = browser.new_context(viewport=DESKTOP, base_url=address)
        page = context.new_page()
        page.goto("/")
        dialog = page.get_by_role("dialog", name="Password")
        expect(dialog).to_be_visible()
        expect(page.get_by_label("The game's password")).to_be_focused()
        page.keyboard.type("wrong guess")
        page.keyboard.press("Enter")
        expect(page.locator("#auth-notice")).to_have_text("That is not the password. Please try again.")
        page.keyboard.press("Escape")  # the game cannot be played without it, so it stays open
        expect(dialog).to_be_visible()
        page.get_by_label("The game's password").fill("lute and lantern")
        page.keyboard.press("Enter")
        expect(dialog).to_be_hidden()
        expect(page.locator("#location")).to_have_text("The Gatehouse")
        expect(page.locator("#command")).to_be_focused()
        play(page, "look")
        page.reload()  # the cookie remembers it was given
        expect(page.locator("#story .reply .note")).to_have_text("Your game continues where you left it.")
        expect(dialog).to_be_hidden()
        context.close()


def test_undo_takes_a_move_back_and_new_game_starts_over(page: Page):
    open_game(page)
    play(page, "east")
    expect(page.locator("#location")).not_to_have_text("The Gatehouse")
    page.get_by_role("button", name="Undo").click()
    expect(page.locator("#story .reply .note").last).to_have_text("You take back your last move.")
    expect(page.locator("#location")).to_have_text("The Gatehouse")
    expect(page.locator("#command")).to_be_focused()

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="New game").click()
    expect(page.locator("#story .reply")).to_have_count(1)
    expect(page.locator("#story .reply").first).to_contain_text("The carrier's cart sets you down")
    play(page, "look")


def test_the_end_of_the_story_is_said_under_the_command_line(page: Page):
    open_game(page)

    def ended(route):
        reply = route.fetch().json()
        route.fulfill(json={**reply, "ended": True})

    page.route("**/api/v1/turn", ended)
    play(page, "look")
    expect(page.locator("#notice")).to_have_text(
        "The story has ended. Choose New game to play again, or restore a save.")


def test_the_page_opens_at_its_top_and_each_new_reply_is_scrolled_to_its_start(browser: Browser, base: str):
    context = browser.new_context(viewport=PHONE, base_url=base)
    page = context.new_page()
    open_game(page)
    assert page.evaluate("() => window.scrollY") == 0
    expect(page.get_by_role("heading", level=1)).to_be_in_viewport()
    play(page, "look")
    top = page.locator("#story .reply").last.evaluate("node => node.getBoundingClientRect().top")
    assert 0 <= top < PHONE["height"] / 2
    context.close()



def test_playing_raises_no_script_error(page: Page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_game(page)
    play(page, "look")
    page.locator("#command").fill("exa")
    page.locator("#command").press("Tab")
    page.locator("#command").press("ArrowUp")
    page.get_by_role("button", name="Saves").click()
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Dark theme").click()
    assert errors == []
