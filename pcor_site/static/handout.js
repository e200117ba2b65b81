// pcor-site handout builder: readers pick records anywhere on the hub and get one printable page.
//
// Every element carrying `data-handout-id` (KIND/ID; its title from `data-handout-title` or, in
// lists, from its first link) gets an "Add to handout" toggle, including elements added later (Explore
// results). The picks live in this browser's localStorage only. The handout page
// (handout/#ids=kind/id,kind/id) renders the picked records from the hub's own JSON
// (handout/records.json): no server, no third-party request, no inline script, so the page's
// Content-Security-Policy holds. The address carries the ids, so a handout can be shared.

const KEY = "pcor-handout";
const root = new URL("../", import.meta.url); // assets/handout.js → site root
const ID = /^[a-z0-9-]{1,40}\/[a-z0-9][a-z0-9-]{0,79}$/;

function picked() {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) || "[]");
    return Array.isArray(value) ? value.filter((id) => typeof id === "string" && ID.test(id)) : [];
  } catch (error) {
    return [];
  }
}

function save(ids) {
  try {
    localStorage.setItem(KEY, JSON.stringify(Array.from(new Set(ids))));
  } catch (error) {
    /* storage disabled: the handout page still works from its address */
  }
  document.dispatchEvent(new CustomEvent("pcor-handout-change"));
}

function label(button, on, title) {
  button.setAttribute("aria-pressed", on ? "true" : "false");
  // the page's own record says so, so it is not confused with the toggles of the records it lists
  const what = button.dataset.page ? " this page" : "";
  button.textContent = on ? `Remove${what} from handout` : `Add${what} to handout`;
  button.setAttribute("aria-label", (on ? "Remove from handout: " : "Add to handout: ") + title);
}

function equip(element) {
  const id = element.dataset.handoutId;
  if (!ID.test(id || "") || element.querySelector(":scope > .pcor-handout-toggle")) return;
  // lists carry the id only (no title repeated in an attribute per item): the first link names it
  const link = element.querySelector("a");
  const title = element.dataset.handoutTitle || (link && link.textContent.trim()) || id;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button pcor-handout-toggle";
  if (element.classList.contains("pcor-handout-pick")) button.dataset.page = "1";
  label(button, picked().includes(id), title);
  button.addEventListener("click", (event) => {
    event.preventDefault();
    const ids = picked();
    save(ids.includes(id) ? ids.filter((x) => x !== id) : ids.concat([id]));
  });
  document.addEventListener("pcor-handout-change", () => label(button, picked().includes(id), title));
  element.appendChild(button);
}

function equipAll(scope) {
  if (scope.dataset && scope.dataset.handoutId) equip(scope);
  scope.querySelectorAll("[data-handout-id]").forEach(equip);
}

function idsFromAddress() {
  const match = /(?:^|[#&])ids=([^&]*)/.exec(location.hash);
  if (!match) return null;
  return decodeURIComponent(match[1]).split(",").filter((id) => ID.test(id));
}

function text(tag, className, value) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = value;
  return node;
}

async function renderHandout(container) {
  const fromAddress = idsFromAddress();
  const ids = fromAddress !== null ? fromAddress : picked();
  const list = container.querySelector("#pcor-handout-list");
  const status = container.querySelector("#pcor-handout-status");
  const share = container.querySelector("#pcor-handout-share");
  list.replaceChildren();
  const response = await fetch(new URL("handout/records.json", root));
  const records = await response.json();
  const found = ids.map((id) => records[id]).filter(Boolean);
  status.textContent = found.length ? `${found.length} record${found.length === 1 ? "" : "s"} in this handout.` : "No records picked yet: use “Add to handout” on any record or list.";
  for (const record of found) {
    const item = document.createElement("li");
    item.className = "pcor-handout__record";
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = new URL(record.url, root).href;
    link.textContent = record.title;
    heading.appendChild(link);
    item.append(heading, text("p", "pcor-muted", record.kind), text("p", "", record.summary));
    item.append(text("p", "pcor-handout__url", new URL(record.url, root).href));
    list.appendChild(item);
  }
  const address = new URL(location.href);
  address.hash = found.length ? "ids=" + found.map((r) => r.id).join(",") : "";
  share.value = address.href;
  if (fromAddress === null && found.length) history.replaceState(null, "", address.href);
}

function setUpHandoutPage(container) {
  container.hidden = false;
  container.querySelector("#pcor-handout-print").addEventListener("click", () => window.print());
  container.querySelector("#pcor-handout-clear").addEventListener("click", () => {
    save([]);
    history.replaceState(null, "", location.pathname);
    renderHandout(container);
  });
  container.querySelector("#pcor-handout-copy").addEventListener("click", async () => {
    const share = container.querySelector("#pcor-handout-share");
    share.select();
    try {
      await navigator.clipboard.writeText(share.value);
      container.querySelector("#pcor-handout-copied").textContent = "Link copied.";
    } catch (error) {
      container.querySelector("#pcor-handout-copied").textContent = "Select the link and copy it.";
    }
  });
  window.addEventListener("hashchange", () => renderHandout(container));
  renderHandout(container);
}

equipAll(document.body);
new MutationObserver((changes) => {
  for (const change of changes) change.addedNodes.forEach((node) => node.nodeType === 1 && equipAll(node));
}).observe(document.body, { childList: true, subtree: true });
const page = document.getElementById("pcor-handout");
if (page) setUpHandoutPage(page);
