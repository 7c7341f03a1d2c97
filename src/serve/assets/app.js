// The plan page stays current: it asks every second whether the plan's
// files changed (a save, an upload, or the workbook saved in Excel) and
// then swaps in the new problems and pages. Forms are saved without
// leaving the page; the workbook can be dropped on its zone.
"use strict";

const token = document.querySelector('meta[name="csrf-token"]')?.content ?? "";
const grid = document.querySelector(".plan-grid");

function edition() {
  return new URLSearchParams(location.search).get("edition") ?? "";
}

function planUrl(path) {
  const query = edition() ? `?edition=${encodeURIComponent(edition())}` : "";
  return `/plan/${grid.dataset.plan}${path}${query}`;
}

function setPrivacy(personal) {
  const banner = document.querySelector(".privacy");
  if (!banner) return;
  const wanted = personal ? "personal" : "none";
  if (banner.dataset.privacy === wanted) return;
  banner.dataset.privacy = wanted;
  banner.className = `privacy ${wanted}`;
  banner.textContent = banner.dataset[personal ? "personalText" : "noneText"] ?? banner.textContent;
}

async function refresh() {
  const response = await fetch(planUrl("/live"), { headers: { accept: "application/json" } });
  if (!response.ok) return;
  const live = await response.json();
  document.getElementById("problems").innerHTML = live.problems;
  document.getElementById("preview").innerHTML = live.preview;
  grid.dataset.revision = String(live.revision);
  setPrivacy(live.personal);
}

async function poll() {
  try {
    const response = await fetch(planUrl("/status"));
    if (response.ok) {
      const { revision } = await response.json();
      if (String(revision) !== grid.dataset.revision) await refresh();
    }
  } catch (_) {
    // The application was stopped: try again later.
  }
  setTimeout(poll, 1000);
}

function say(form, text, ok) {
  const status = form.querySelector(".saved");
  if (!status) return;
  status.textContent = text;
  status.className = ok ? "saved good" : "saved bad";
}

async function send(form, body, headers) {
  const response = await fetch(form.action, {
    method: "POST",
    body,
    headers: { "x-csrf-token": token, accept: "application/json", ...headers },
  });
  let answer = {};
  try {
    answer = await response.json();
  } catch (_) {
    answer = { ok: false, message: await response.text() };
  }
  const problems = (answer.problems ?? []).join("\n");
  say(form, [answer.message, problems].filter(Boolean).join("\n"), response.ok && answer.ok);
  if (response.ok) await refresh();
  return response.ok;
}

function upload(form, file) {
  const body = new FormData();
  body.append("workbook", file, file.name);
  say(form, "…", true);
  return send(form, body, {});
}

// A form named in the address (after a save without script) is open.
function openNamedForm() {
  const named = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (named instanceof HTMLDetailsElement) named.open = true;
}

if (grid) {
  openNamedForm();
  window.addEventListener("hashchange", openNamedForm);
  for (const form of document.querySelectorAll("form[data-save]")) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = new URLSearchParams(new FormData(form));
      say(form, "…", true);
      await send(form, body, { "content-type": "application/x-www-form-urlencoded" });
    });
  }
  for (const form of document.querySelectorAll("form[data-upload]")) {
    const input = form.querySelector('input[type="file"]');
    input.addEventListener("change", () => input.files[0] && upload(form, input.files[0]));
    form.addEventListener("dragover", (event) => {
      event.preventDefault();
      form.classList.add("over");
    });
    form.addEventListener("dragleave", () => form.classList.remove("over"));
    form.addEventListener("drop", (event) => {
      event.preventDefault();
      form.classList.remove("over");
      const file = event.dataTransfer?.files?.[0];
      if (file) upload(form, file);
    });
  }
  for (const form of document.querySelectorAll("form[data-build]")) {
    form.addEventListener("submit", () => {
      say(form, form.dataset.busy ?? "…", true);
      form.querySelector("button").disabled = true;
    });
  }
  setTimeout(poll, 1000);
}
