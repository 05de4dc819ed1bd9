// Staff chat page. Everything from documents and users is put on the page with textContent.
"use strict";
const $ = (id) => document.getElementById(id);
const history = [];

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

function filters() {
  const f = {};
  if ($("f-year").value) f.year = Number($("f-year").value);
  if ($("f-district").value) f.district = $("f-district").value;
  if ($("f-type").value) f.doc_type = $("f-type").value;
  return Object.keys(f).length ? f : null;
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
  } catch (e) { /* filters stay empty */ }
}

// Puts `text` into `box`, with the first place `quote` (or each of its parts) highlighted.
function highlight(box, text, quote) {
  box.replaceChildren();
  const parts = [quote, ...quote.split(" … ")].filter((p) => p && text.includes(p));
  const part = parts[0];
  if (!part) { box.textContent = text; return null; }
  const at = text.indexOf(part);
  const mark = el("mark", "", part);
  box.append(text.slice(0, at), mark, text.slice(at + part.length));
  return mark;
}

function openCitation(c) {
  $("source-title").textContent = `[${c.n}] ${c.title}`;
  $("source-meta").textContent = [c.date, c.section, c.source].filter(Boolean).join(" · ");
  highlight($("source-text"), c.passage, c.quote);
  $("source-full").onclick = async () => {
    const res = await fetch(`/api/documents/${encodeURIComponent(c.doc_id)}`);
    if (!res.ok) return;
    const doc = await res.json();
    const mark = highlight($("source-text"), doc.text, c.quote);
    if (mark) mark.scrollIntoView({ block: "center" });
  };
  $("source").showModal();
}

// The answer text with each [n] turned into a button that opens citation n.
function renderAnswer(box, answer) {
  box.replaceChildren();
  const byN = new Map(answer.citations.map((c) => [c.n, c]));
  const pieces = answer.answer.split(/(\[\d+\])/);
  for (const piece of pieces) {
    const m = piece.match(/^\[(\d+)\]$/);
    const c = m && byN.get(Number(m[1]));
    if (c) {
      const b = el("button", "cite", String(c.n));
      b.type = "button";
      b.title = c.title;
      b.addEventListener("click", () => openCitation(c));
      box.appendChild(b);
    } else {
      box.appendChild(document.createTextNode(piece));
    }
  }
}

function renderSources(item, answer) {
  if (!answer.citations.length) return;
  const list = el("ol", "sources");
  for (const c of answer.citations) {
    const li = el("li");
    const link = el("a", "", c.title);
    link.addEventListener("click", () => openCitation(c));
    li.append(link, ` — ${[c.date, c.section].filter(Boolean).join(" · ")}`);
    list.appendChild(li);
  }
  item.appendChild(list);
}

// POST /api/ask/stream and read server-sent events from the response body.
async function* streamEvents(body) {
  const res = await fetch("/api/ask/stream", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    let detail = "Không gửi được câu hỏi.";
    try { detail = (await res.json()).detail || detail; } catch (e) { /* keep default */ }
    yield { event: "error", data: detail };
    return;
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let event = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) yield { event, data: JSON.parse(data.join("\n")) };
    }
  }
}

async function ask(question) {
  const chat = $("chat");
  chat.appendChild(el("li", "msg user", question));
  const item = el("li", "msg bot");
  const status = el("p", "status", "Đang gửi…");
  const answerBox = el("p", "answer");
  item.append(status, answerBox);
  chat.appendChild(item);
  item.scrollIntoView({ block: "end" });
  $("send").disabled = true;
  let tokens = "";
  try {
    for await (const ev of streamEvents({ question, filters: filters(), history: history.slice(-4) })) {
      if (ev.event === "status") status.textContent = ev.data;
      else if (ev.event === "token") { tokens += ev.data; answerBox.textContent = tokens; }
      else if (ev.event === "answer") {
        status.remove();
        renderAnswer(answerBox, ev.data);
        renderSources(item, ev.data);
        if (!ev.data.found) item.classList.add("not-found");
        history.push({ question, answer: ev.data.answer });
      } else if (ev.event === "error") {
        status.remove();
        item.classList.add("error");
        answerBox.textContent = typeof ev.data === "string" ? ev.data : "Đã có lỗi.";
      }
    }
  } catch (e) {
    item.classList.add("error");
    answerBox.textContent = "Mất kết nối tới máy chủ. Vui lòng thử lại.";
  } finally {
    $("send").disabled = false;
    item.scrollIntoView({ block: "end" });
  }
}

$("ask-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = $("question").value.trim();
  if (!q) return;
  $("question").value = "";
  ask(q);
});
$("question").addEventListener("keydown", (ev) => {
  if (ev.key === "Enter" && !ev.shiftKey) { ev.preventDefault(); $("ask-form").requestSubmit(); }
});
document.querySelectorAll(".example").forEach((b) =>
  b.addEventListener("click", () => { $("question").value = b.textContent; $("ask-form").requestSubmit(); }));
loadFacets();
