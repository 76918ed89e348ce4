/* The Elysium web page: talks to the turn service under /api/v1 and shows the story.
   Every piece of game text is put in the page as text (textContent), never as HTML, because a
   mod's text is written by strangers. No framework and no build step: this file is served as is. */
"use strict";

const API = "/api/v1";
const THEME_KEY = "elysium-theme";
const HISTORY_KEY = "elysium-history";
const HISTORY_KEPT = 100;

// The remembered theme is applied before the page is painted (this script is not deferred).
(function applyRememberedTheme() {
  let theme = null;
  try { theme = localStorage.getItem(THEME_KEY); } catch (error) { /* storage may be off */ }
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
})();

/* ---- Talking to the service ------------------------------------------------------------ */

class ServiceError extends Error {
  constructor(status, body, retryAfter) {
    super(body && body.message ? body.message : `The game answered ${status}.`);
    this.status = status;      // 0: the service could not be reached
    this.body = body || {};
    this.retryAfter = retryAfter;
  }
}

async function call(method, path, body) {
  const options = { method, credentials: "same-origin", headers: { Accept: "application/json" } };
  // Every request that changes something is JSON, even with nothing to say: the service refuses
  // others, which is what keeps a plain cross-site form from playing for the player.
  if (body === undefined && method !== "GET") body = {};
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(API + path, options);
  } catch (error) {
    throw new ServiceError(0, null, null);
  }
  if (response.status === 204) return null;
  let data = null;
  try { data = await response.json(); } catch (error) { data = null; }
  if (!response.ok) throw new ServiceError(response.status, data, response.headers.get("Retry-After"));
  return data;
}

/* A plain sentence for the player for any failed request. */
function politeLine(error) {
  switch (error.status) {
    case 0: return "The game could not be reached. Check your connection, then press Enter to try again.";
    case 413: return (error.body && error.body.message) || "That command is too long for the game. Please shorten it and try again.";
    case 429: {
      const seconds = Number(error.retryAfter);
      const wait = seconds > 0 ? `${seconds} second${seconds === 1 ? "" : "s"}` : "a moment";
      return `The game needs a breath between commands. Please try again in ${wait}.`;
    }
    default:
      if (error.body && error.body.message) return error.body.message;
      return "Something went wrong on the game's side. Please try again.";
  }
}

/* ---- Small DOM helpers ------------------------------------------------------------------ */

const $ = (id) => document.getElementById(id);

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

/* The reply's paragraphs (blank lines between them), each as a <p> of text. */
function paragraphs(text) {
  return String(text || "").split(/\n[ \t]*\n/).map((part) => part.replace(/^\n+|\n+$/g, ""))
    .filter((part) => part.trim() !== "").map((part) => element("p", part));
}

/* The commands of this tab survive a reload (sessionStorage: this tab only, gone when it closes). */
function readHistory() {
  try {
    const lines = JSON.parse(sessionStorage.getItem(HISTORY_KEY) || "[]");
    return Array.isArray(lines) ? lines.filter((line) => typeof line === "string").slice(-HISTORY_KEPT) : [];
  } catch (error) {
    return [];
  }
}

function keepHistory() {
  try { sessionStorage.setItem(HISTORY_KEY, JSON.stringify(history.lines.slice(-HISTORY_KEPT))); } catch (error) { /* storage may be off */ }
}

/* ---- The game on this page ---------------------------------------------------------------- */

const game = { version: 0, ended: false, busy: false, vocabulary: { verbs: [], nouns: [], directions: [] } };
const history = { lines: readHistory(), position: 0, draft: "" };
history.position = history.lines.length;
const completion = { lastTabbedValue: null };

function showNotice(text) {
  $("notice").textContent = text || "";
}

/* Adds one reply to the story: the command as the player typed it, then the text. */
function addReply(text, command, note) {
  const section = element("section", null, "reply");
  if (note) section.append(element("p", note, "note"));
  if (command !== undefined && command !== null) {
    const typed = element("p", null, "command");
    const prompt = element("span", "> ", "prompt-echo");
    prompt.setAttribute("aria-hidden", "true");
    typed.append(prompt, element("span", "You typed: ", "visually-hidden"), element("kbd", command));
    section.append(typed);
  }
  section.append(...paragraphs(text));
  $("story").append(section);
  // The first reply leaves the page at its top (the title and buttons); later ones scroll up to
  // where they start, so a long reply is read from its beginning.
  if (section.previousElementSibling) section.scrollIntoView({ block: "start" });
  return section;
}

function fillList(list, items, emptyText) {
  list.replaceChildren(...(items.length ? items : [emptyText]).map((item) => element("li", item)));
  list.classList.toggle("empty", items.length === 0);
}

function showStatus(status) {
  if (!status) return;
  const title = status.title || "Elysium";
  $("title").textContent = title;
  document.title = status.location ? `${status.location} — ${title}` : title;
  $("location").textContent = status.location || "—";
  $("time-row").hidden = status.time === null || status.time === undefined;
  $("time").textContent = status.time || "";
  const scored = status.score !== null && status.score !== undefined;
  $("score-row").hidden = !scored;
  $("score").textContent = scored
    ? (status.max_score !== null && status.max_score !== undefined ? `${status.score} of ${status.max_score}` : String(status.score))
    : "";
  fillList($("exits"), status.exits || [], "none you can see");
  fillList($("inventory"), status.inventory || [], "nothing");
  $("map-block").hidden = !status.map;
  $("map").textContent = status.map || "";
}

/* Takes a GameReply: the new version, the panel, and (when asked) the reply in the story. */
function take(reply, command, note) {
  game.version = reply.version;
  game.ended = Boolean(reply.ended);
  showStatus(reply.status);
  addReply(reply.text, command, note);
  if (game.ended) showNotice("The story has ended. Choose New game to play again, or restore a save.");
}

function focusCommand() {
  const input = $("command");
  // preventScroll: the new reply was just scrolled into view and should stay there.
  input.focus({ preventScroll: true });
}

async function loadVocabulary() {
  try {
    const words = await call("GET", "/vocabulary");
    game.vocabulary = {
      verbs: words.verbs || [], nouns: words.nouns || [], directions: words.directions || [],
    };
  } catch (error) {
    // Completion is a help, not a need: the game plays without it.
  }
}

async function start() {
  try {
    let reply;
    let note = "Your game continues where you left it.";
    try {
      reply = await call("GET", "/game");
    } catch (error) {
      if (error.status !== 404) throw error;
      reply = await call("POST", "/game", {});
      note = null;
    }
    take(reply, null, note);
  } catch (error) {
    if (needsPassword(error)) { askForPassword(); return; }
    showNotice(politeLine(error));
  }
  loadVocabulary();
}

/* ---- A private game (elysium web --auth): the password, asked once ----------------------- */

function needsPassword(error) {
  return error.status === 401 && error.body && error.body.error === "auth_required";
}

function askForPassword() {
  $("auth-notice").textContent = "";
  if (!$("auth-dialog").open) $("auth-dialog").showModal();
  $("auth-secret").focus();
}

async function givePassword(event) {
  event.preventDefault();
  try {
    await call("POST", "/auth", { secret: $("auth-secret").value });
    $("auth-secret").value = "";
    $("auth-dialog").close();
    focusCommand();
    start();
  } catch (error) {
    $("auth-notice").textContent = error.status === 403
      ? "That is not the password. Please try again." : politeLine(error);
    $("auth-secret").select();
  }
}

/* After another tab played first: fetch the game as it is now and say so in words. */
async function catchUp(what = "Your command was not sent") {
  try {
    const reply = await call("GET", "/game");
    take(reply, null, `Another window played a turn first, so this page has caught up. Here is where you are now; ${what.toLowerCase()}.`);
    showNotice(`${what} because the game moved on in another window.${what.startsWith("Your command") ? " Press Enter to send it now." : ""}`);
  } catch (error) {
    showNotice(politeLine(error));
  }
}

async function send(line) {
  if (game.busy) return;
  game.busy = true;
  $("story").setAttribute("aria-busy", "true");
  try {
    const reply = await call("POST", "/turn", { line, version: game.version });
    $("command").value = "";
    history.draft = "";
    showNotice("");
    take(reply, line);
  } catch (error) {
    // The typed line stays in the input so that the player can send it again.
    if (error.status === 409) await catchUp();
    else if (needsPassword(error)) askForPassword();
    else showNotice(politeLine(error));
  } finally {
    game.busy = false;
    $("story").removeAttribute("aria-busy");
    focusCommand();
  }
}

function remember(line) {
  if (line && history.lines[history.lines.length - 1] !== line) history.lines.push(line);
  history.lines = history.lines.slice(-HISTORY_KEPT);
  history.position = history.lines.length;
  keepHistory();
}

/* ---- Command history and completion -------------------------------------------------------- */

function recall(step) {
  const input = $("command");
  if (!history.lines.length) return false;
  if (history.position === history.lines.length) history.draft = input.value;
  const position = Math.min(Math.max(history.position + step, 0), history.lines.length);
  if (position === history.position) return false;
  history.position = position;
  input.value = position === history.lines.length ? history.draft : history.lines[position];
  input.setSelectionRange(input.value.length, input.value.length);
  return true;
}

/* "Could be: a, b or c." with a long list cut short, so the line under the input stays a line. */
function choicesSentence(found) {
  const shown = found.slice(0, 12);
  const more = found.length - shown.length;
  return `Could be: ${shown.join(", ")}${more > 0 ? `, and ${more} more` : ""}.`;
}

function commonPrefix(words) {
  let prefix = words[0] || "";
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/* What the end of `value` could become: the first word completes to a verb or a direction, later
   words to a noun (which may be several words: "brass la" -> "brass lantern") or a direction. */
function completions(value) {
  if (!value.trim() || /\s$/.test(value)) return null;
  const words = value.trim().toLowerCase().split(/\s+/);
  const vocabulary = game.vocabulary;
  const first = words.length === 1;
  const pool = first ? [...vocabulary.verbs, ...vocabulary.directions] : [...vocabulary.nouns, ...vocabulary.directions];
  for (let count = Math.min(words.length - (first ? 0 : 1), 4); count >= 1; count -= 1) {
    const tail = words.slice(words.length - count).join(" ");
    const found = [...new Set(pool.map((word) => String(word).toLowerCase()).filter((word) => word.startsWith(tail)))].sort();
    if (found.length) return { tail, found };
  }
  return null;
}

/* Tab completes when it can add letters; when it cannot, it lists the choices once and the next
   Tab moves on to the next control as usual (the command line is never a keyboard trap). */
function complete(event) {
  const input = $("command");
  // Spaces as the completion counts them (one between words), so the word typed is replaced exactly.
  const value = input.value.trim().replace(/\s+/g, " ");
  if (completion.lastTabbedValue === value) { completion.lastTabbedValue = null; return; }
  const choices = completions(input.value);
  if (!choices) return;
  const extended = choices.found.length === 1 ? `${choices.found[0]} ` : commonPrefix(choices.found);
  if (extended.length > choices.tail.length) {
    event.preventDefault();
    input.value = value.slice(0, value.length - choices.tail.length) + extended;
    input.setSelectionRange(input.value.length, input.value.length);
    showNotice(choices.found.length > 1 ? choicesSentence(choices.found) : "");
    completion.lastTabbedValue = null;
  } else if (choices.found.length > 1) {
    event.preventDefault();
    showNotice(choicesSentence(choices.found));
    completion.lastTabbedValue = value;
  }
}

/* ---- Saves ------------------------------------------------------------------------------ */

let savesOpener = null;

function showSavesNotice(text) {
  $("saves-notice").textContent = text || "";
}

function formatTime(iso) {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return String(iso || "");
  return when.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

function saveEntry(save) {
  const item = element("li", null, "save");
  const heading = element("p", save.name, "save-name");
  const when = element("time", formatTime(save.saved_at));
  when.dateTime = save.saved_at || "";
  const about = element("p", null, "save-about");
  about.append(when);
  if (save.summary) about.append(document.createTextNode(` · ${save.summary}`));
  const restore = element("button", "Restore");
  restore.type = "button";
  restore.setAttribute("aria-label", `Restore ${save.name}`);
  restore.addEventListener("click", () => restoreSave(save.name));
  const remove = element("button", "Delete", "danger");
  remove.type = "button";
  remove.setAttribute("aria-label", `Delete ${save.name}`);
  remove.addEventListener("click", () => deleteSave(save.name));
  const buttons = element("div", null, "save-buttons");
  buttons.append(restore, remove);
  item.append(heading, about, buttons);
  return item;
}

async function listSaves() {
  try {
    const answer = await call("GET", "/saves");
    const saves = answer.saves || [];
    const list = $("saves-list");
    list.replaceChildren(...saves.map(saveEntry));
    if (!saves.length) list.append(element("li", "No saves yet.", "empty"));
  } catch (error) {
    showSavesNotice(politeLine(error));
  }
}

async function openSaves(event) {
  savesOpener = event && event.currentTarget instanceof HTMLElement ? event.currentTarget : $("command");
  showSavesNotice("");
  $("saves-dialog").showModal();
  $("save-name").focus();
  await listSaves();
}

function closeSaves() {
  $("saves-dialog").close();
}

async function saveGame(event) {
  event.preventDefault();
  const name = $("save-name").value.trim();
  if (!name) { showSavesNotice("Give the save a name first."); return; }
  try {
    const saved = await call("POST", "/saves", { name });
    $("save-name").value = "";
    await listSaves();
    showSavesNotice(`Saved as ${saved.name}.`);
  } catch (error) {
    showSavesNotice(politeLine(error));
  }
}

async function restoreSave(name) {
  try {
    const reply = await call("POST", `/saves/${encodeURIComponent(name)}/restore`);
    savesOpener = $("command");
    closeSaves();
    take(reply, null, `Restored ${name}.`);
    showNotice(`Restored ${name}.`);
    loadVocabulary();
  } catch (error) {
    showSavesNotice(politeLine(error));
  }
}

async function deleteSave(name) {
  if (!window.confirm(`Delete the save ${name}? This cannot be undone.`)) return;
  try {
    await call("DELETE", `/saves/${encodeURIComponent(name)}`);
    await listSaves();
    showSavesNotice(`Deleted ${name}.`);
    $("save-name").focus();
  } catch (error) {
    showSavesNotice(politeLine(error));
  }
}

/* ---- The other buttons ------------------------------------------------------------------- */

async function undo() {
  try {
    const reply = await call("POST", "/undo", { version: game.version });
    take(reply, null, "You take back your last move.");
    showNotice("");
  } catch (error) {
    if (error.status === 409) await catchUp("Nothing was undone");
    else showNotice(politeLine(error));
  }
  focusCommand();
}

async function newGame() {
  if (!window.confirm("Start a new game? The game in progress is lost unless you saved it.")) return;
  try {
    const reply = await call("POST", "/game", {});
    $("story").replaceChildren();
    take(reply);
    showNotice("");
    loadVocabulary();
  } catch (error) {
    showNotice(politeLine(error));
  }
  focusCommand();
}

function currentTheme() {
  const chosen = document.documentElement.dataset.theme;
  if (chosen) return chosen;
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function showThemeButton() {
  const dark = currentTheme() === "dark";
  $("theme").setAttribute("aria-pressed", String(dark));
}

function toggleTheme() {
  const theme = currentTheme() === "dark" ? "light" : "dark";
  document.documentElement.dataset.theme = theme;
  try { localStorage.setItem(THEME_KEY, theme); } catch (error) { /* storage may be off */ }
  showThemeButton();
}

/* ---- Wiring ------------------------------------------------------------------------------- */

function wire() {
  const input = $("command");
  $("command-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const line = input.value.trim();
    if (!line) { focusCommand(); return; }
    remember(line);
    send(line);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowUp" && recall(-1)) event.preventDefault();
    else if (event.key === "ArrowDown" && recall(1)) event.preventDefault();
    else if (event.key === "Tab" && !event.shiftKey && !event.altKey && !event.ctrlKey) complete(event);
  });
  input.addEventListener("input", () => { completion.lastTabbedValue = null; });
  $("undo").addEventListener("click", undo);
  $("new-game").addEventListener("click", newGame);
  $("open-saves").addEventListener("click", openSaves);
  $("close-saves").addEventListener("click", closeSaves);
  $("save-form").addEventListener("submit", saveGame);
  $("saves-dialog").addEventListener("close", () => {
    // Focus goes back where it came from (the Saves button, or the command line after a restore).
    (savesOpener || input).focus();
    savesOpener = null;
  });
  $("theme").addEventListener("click", toggleTheme);
  $("auth-form").addEventListener("submit", givePassword);
  // The password is needed before anything else: Escape does not close its dialog.
  $("auth-dialog").addEventListener("cancel", (event) => event.preventDefault());
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", showThemeButton);
  showThemeButton();
  focusCommand();
  start();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
else wire();
