// The "Nhiệm vụ" tab: the follow-up list from /api/tasks, filtered by agency and due window,
// overdue tasks marked. Document words go on the page as text only (textContent), never HTML.
"use strict";

(() => {
  const byId = (id) => document.getElementById(id);
  const DAY = 24 * 60 * 60 * 1000;

  function node(tag, cls, text) {
    const n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined) n.textContent = text;
    return n;
  }

  function isoDay(date) { // the browser's local date as YYYY-MM-DD
    const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
    return local.toISOString().slice(0, 10);
  }

  function vnDate(iso) { // "2022-04-05" → "05/4/2022", as notices write dates
    const [y, m, d] = iso.split("-");
    return `${d}/${Number(m)}/${y}`;
  }

  function showTab(name) {
    const tasks = name === "tasks";
    byId("tab-chat").setAttribute("aria-selected", String(!tasks));
    byId("tab-tasks").setAttribute("aria-selected", String(tasks));
    document.querySelector("main").hidden = tasks;
    byId("ask-form").hidden = tasks;
    byId("tasks-view").hidden = !tasks;
    if (tasks && !byId("tasks-view").dataset.loaded) {
      byId("tasks-view").dataset.loaded = "1";
      loadAgencies();
      loadTasks();
    }
  }

  async function loadAgencies() {
    try {
      const res = await fetch("/api/tasks/agencies");
      if (!res.ok) return;
      const list = byId("t-agencies");
      for (const name of (await res.json()).agencies) list.append(new Option(name, name));
    } catch (e) { /* the filter still takes typed names */ }
  }

  function query() {
    const params = new URLSearchParams();
    const agency = byId("t-agency").value.trim();
    if (agency) params.set("agency", agency);
    const today = new Date();
    const win = byId("t-window").value;
    if (win === "overdue") {
      params.set("due_before", isoDay(new Date(today.getTime() - DAY)));
    } else if (win === "custom") {
      if (byId("t-from").value) params.set("due_after", byId("t-from").value);
      if (byId("t-to").value) params.set("due_before", byId("t-to").value);
    } else if (win) {
      params.set("due_after", isoDay(today));
      params.set("due_before", isoDay(new Date(today.getTime() + Number(win) * DAY)));
    }
    return params;
  }

  function openTask(t) { // the chat page's source dialog, when it is there
    if (typeof openCitation !== "function") return;
    openCitation({ ...t, n: "Nhiệm vụ", passage: t.quote }); // eslint-disable-line no-undef
  }

  function row(t, today) {
    const overdue = Boolean(t.due) && t.due < today && !t.recurring;
    const tr = node("tr", overdue ? "task overdue" : "task");
    const due = node("td", "due");
    due.append(node("span", "", t.due ? vnDate(t.due) : (t.due_text || "—")));
    if (t.due && t.due_text) due.title = t.due_text;
    if (overdue) due.append(node("span", "badge", "Quá hạn"));
    if (t.recurring) due.append(node("span", "badge recurring", "Định kỳ"));
    const who = node("td", "agency", t.agency || "(chưa rõ cơ quan)");
    if (t.co_agencies.length) who.append(node("small", "co", `Phối hợp: ${t.co_agencies.join(", ")}`));
    const what = node("td", "what", t.task);
    const source = node("td", "from");
    const link = node("button", "link", [t.title || t.source, t.date].filter(Boolean).join(" — "));
    link.type = "button";
    link.title = t.section || t.source;
    link.addEventListener("click", () => openTask(t));
    source.append(link);
    tr.append(due, who, what, source);
    return tr;
  }

  async function loadTasks() {
    const status = byId("tasks-status");
    const body = byId("tasks-body");
    status.textContent = "Đang tải…";
    try {
      const res = await fetch(`/api/tasks?${query()}`);
      const data = await res.json();
      if (!res.ok) throw new Error(data.detail);
      const today = isoDay(new Date());
      body.replaceChildren(...data.tasks.map((t) => row(t, today)));
      const late = data.tasks.filter((t) => t.due && t.due < today && !t.recurring).length;
      status.textContent = data.tasks.length
        ? `${data.tasks.length} nhiệm vụ${late ? `, ${late} đã quá hạn` : ""}.`
        : "Không có nhiệm vụ nào khớp bộ lọc.";
    } catch (e) {
      body.replaceChildren();
      status.textContent = e.message || "Không tải được danh sách nhiệm vụ. Vui lòng thử lại.";
    }
  }

  byId("tab-chat").addEventListener("click", () => showTab("chat"));
  byId("tab-tasks").addEventListener("click", () => showTab("tasks"));
  byId("t-window").addEventListener("change", () => {
    byId("t-range").hidden = byId("t-window").value !== "custom";
    loadTasks();
  });
  byId("tasks-filters").addEventListener("submit", (ev) => { ev.preventDefault(); loadTasks(); });
  if (location.hash === "#nhiem-vu") showTab("tasks");
})();
