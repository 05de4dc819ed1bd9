// Staff chat page: asks /api/ask/stream, shows cited answers, opens the quoted passage.
// Everything that comes from documents or users is put on the page as text (textContent,
// text nodes), never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const turns = []; // earlier {question, answer}, sent along so follow-ups can lean on them
const HISTORY_SENT = 4;
let busy = false;

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

// --- filters ----------------------------------------------------------------------------
function currentFilters() {
  const f = {};
  if ($("f-year").value) f.year = Number($("f-year").value);
  if ($("f-district").value) f.district = $("f-district").value;
  if ($("f-type").value) f.doc_type = $("f-type").value;
  return Object.keys(f).length ? f : null;
}

function showFilterCount() {
  const n = Object.keys(currentFilters() || {}).length;
  $("filter-count").textContent = n ? `(${n} đang bật)` : "";
}

async function loadFacets() {
  try {
    const res = await fetch("/api/facets");
    if (!res.ok) return;
    const facets = await res.json();
    const fill = (id, values) => values.forEach((v) => $(id).appendChild(new Option(v, v)));
    fill("f-year", facets.years);
    fill("f-district", facets.districts);
    fill("f-type", facets.doc_types);
  } catch (e) { /* the drop-downs keep only "Tất cả" */ }
}

// An empty index answers "không tìm thấy" to everything: say why up front.
async function checkReady() {
  try {
    const res = await fetch("/readyz");
    if (res.status !== 503) return;
    $("notice").textContent = "Chưa có văn bản nào được nạp, nên chưa thể trả lời. "
      + "Vui lòng báo quản trị viên nạp văn bản.";
    $("notice").hidden = false;
  } catch (e) { /* the first question will show the connection problem */ }
}

// --- talking to the server --------------------------------------------------------------
function parseBlock(block) {
  let event = "message";
  const data = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
  }
  return data.length ? { event, data: JSON.parse(data.join("\n")) } : null;
}

// POST /api/ask/stream and yield its server-sent events; a rejected question becomes one
// {event: "error", data: message, rejected: true}.
async function* streamEvents(body) {
  const res = await fetch("/api/ask/stream", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    let detail = "Không gửi được câu hỏi. Vui lòng thử lại.";
    try { detail = (await res.json()).detail || detail; } catch (e) { /* keep the default */ }
    yield { event: "error", data: detail, rejected: res.status < 500 };
    return;
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value || new Uint8Array(), { stream: !done }).replace(/\r\n?/g, "\n");
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const ev = parseBlock(buffer.slice(0, cut));
      buffer = buffer.slice(cut + 2);
      if (ev) yield ev;
    }
    if (done) break;
  }
  const last = parseBlock(buffer);
  if (last) yield last;
}

function filterNote(filters) {
  if (!filters) return null;
  const parts = [filters.year, filters.district, filters.doc_type].filter(Boolean);
  return el("span", "filter-note", `Lọc: ${parts.join(" · ")}`);
}

async function ask(question) {
  busy = true;
  $("send").disabled = true;
  $("intro").hidden = true;
  $("new-chat").hidden = false;
  const filters = currentFilters();
  const chat = $("chat");
  const mine = el("li", "msg user", question);
  const note = filterNote(filters);
  if (note) mine.appendChild(note);
  chat.appendChild(mine);
  const item = el("li", "msg bot pending");
  const status = el("p", "status", "Đang gửi câu hỏi…");
  const answerBox = el("p", "answer");
  item.append(status, answerBox);
  chat.appendChild(item);
  item.scrollIntoView({ block: "nearest" });
  let tokens = "";
  let finished = false;
  try {
    const body = { question, filters, history: turns.slice(-HISTORY_SENT) };
    for await (const ev of streamEvents(body)) {
      if (ev.event === "status") status.textContent = ev.data;
      else if (ev.event === "token") { tokens += ev.data; answerBox.textContent = tokens; }
      else if (ev.event === "answer") {
        renderAnswer(answerBox, ev.data);
        renderSources(item, ev.data);
        await feedbackChecked; // the rating buttons show only when ratings are kept
        renderFeedback(item, ev.data);
        item.classList.add(ev.data.found ? "found" : "not-found");
        turns.push({ question, answer: ev.data.answer.slice(0, 4000) });
        finished = true;
      } else if (ev.event === "error") {
        item.classList.add("error");
        answerBox.textContent = typeof ev.data === "string" ? ev.data : "Đã có lỗi khi trả lời.";
        if (ev.rejected && !$("question").value) $("question").value = question;
        finished = true;
      }
    }
    if (!finished) throw new Error("stream ended early");
  } catch (e) {
    item.classList.add("error");
    answerBox.textContent = "Mất kết nối tới máy chủ. Vui lòng thử lại.";
  } finally {
    status.remove();
    item.classList.remove("pending");
    busy = false;
    $("send").disabled = false;
    item.scrollIntoView({ block: "nearest" });
  }
}

// --- wiring -----------------------------------------------------------------------------
function submit() {
  const q = $("question").value.trim();
  if (!q || busy) return;
  $("question").value = "";
  fitInput();
  ask(q);
}

function fitInput() {
  const box = $("question");
  box.style.height = "auto";
  box.style.height = `${Math.min(box.scrollHeight + 2, 160)}px`;
}

function newChat() {
  turns.length = 0;
  $("chat").replaceChildren();
  $("intro").hidden = false;
  $("new-chat").hidden = true;
  $("question").focus();
}

$("ask-form").addEventListener("submit", (ev) => { ev.preventDefault(); submit(); });
$("question").addEventListener("keydown", (ev) => {
  if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); submit(); }
});
$("question").addEventListener("input", fitInput);
document.querySelectorAll(".example").forEach((b) =>
  b.addEventListener("click", () => { $("question").value = b.textContent; submit(); }));
["f-year", "f-district", "f-type"].forEach((id) => $(id).addEventListener("change", showFilterCount));
$("f-clear").addEventListener("click", () => {
  ["f-year", "f-district", "f-type"].forEach((id) => { $(id).value = ""; });
  showFilterCount();
});
$("new-chat").addEventListener("click", newChat);
$("source").addEventListener("click", (ev) => { // a click on the backdrop closes the dialog
  const r = $("source").getBoundingClientRect();
  const inside = ev.clientX >= r.left && ev.clientX <= r.right && ev.clientY >= r.top && ev.clientY <= r.bottom;
  if (ev.target === $("source") && !inside) $("source").close();
});
loadFacets();
checkReady();
const feedbackChecked = checkFeedback();
$("question").focus();
