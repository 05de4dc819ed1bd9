// Admin page: every call carries the token; text from the server is shown with textContent.
const $ = (id) => document.getElementById(id);
const token = () => $("token").value.trim();
$("token").value = sessionStorage.getItem("chidao-admin") || "";
$("token").addEventListener("change", () => sessionStorage.setItem("chidao-admin", token()));

async function call(method, url, body) {
  const res = await fetch(url, { method, body, headers: { "X-Admin-Token": token() } });
  let data = {};
  try { data = await res.json(); } catch (e) { data = { detail: res.statusText }; }
  return { ok: res.ok, status: res.status, data };
}

function showErrors(items) {
  const list = $("errors");
  list.replaceChildren();
  for (const item of items) {
    const li = document.createElement("li");
    li.textContent = `${item.name || item.path}: ${item.error}`;
    list.appendChild(li);
  }
}

async function follow(job) {
  while (job && (job.state === "queued" || job.state === "running")) {
    $("progress").max = Math.max(job.files_total, 1);
    $("progress").value = job.files_done;
    $("status").textContent = `Đang nạp: ${job.files_done}/${job.files_total} tệp…`;
    await new Promise((r) => setTimeout(r, 500));
    const res = await call("GET", `/admin/jobs/${job.id}`);
    if (!res.ok) break;
    job = res.data;
  }
  if (!job) return;
  $("progress").max = Math.max(job.files_total, 1);
  $("progress").value = job.files_total;
  $("status").textContent = job.state === "done"
    ? `Xong: thêm ${job.added}, cập nhật ${job.updated}, không đổi ${job.skipped}, xóa ${job.removed}, lỗi ${job.failed.length}.`
    : `Lỗi: ${job.error || job.state}`;
  showErrors(job.failed || []);
  loadHistory();
}

$("upload-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const form = new FormData();
  for (const f of $("files").files) form.append("files", f);
  const res = await call("POST", "/admin/documents", form);
  showErrors(res.data.rejected || []);
  if (!res.ok && !res.data.job) { $("status").textContent = res.data.detail || "Không tải lên được."; return; }
  follow(res.data.job);
});

$("reindex").addEventListener("click", async () => {
  const res = await call("POST", "/admin/reindex");
  if (!res.ok) { $("status").textContent = res.data.detail; return; }
  follow(res.data.job);
});

async function loadHistory() {
  const res = await call("GET", "/admin/jobs");
  const list = $("history");
  list.replaceChildren();
  if (!res.ok) return;
  for (const job of res.data) {
    const li = document.createElement("li");
    const when = job.finished_at ? new Date(job.finished_at * 1000).toLocaleString("vi-VN") : "đang chạy";
    li.textContent = `${when} — ${job.requested_by}: ${job.state}, thêm ${job.added}, cập nhật ${job.updated}, xóa ${job.removed}, lỗi ${job.failed.length}`;
    list.appendChild(li);
  }
}
$("refresh").addEventListener("click", loadHistory);
