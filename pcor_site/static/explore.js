// pcor-site Explore: free-text search and facets over the Pagefind index.
//
// The page (templates/explore.md.j2) holds the form, the facet checkboxes and their labels; this
// module adds live counts, runs the searches, renders results and keeps the whole state in the
// address (?q=…&kind=…&area=…&sort=…&all=1), so a link or a reload shows the same results.
// Within a facet values combine with OR, across facets with AND. A value's count is the number of
// results the reader would get by ticking it, given everything else that is selected.
// No inline script, no eval, no third-party request: the page's Content-Security-Policy holds.

import { countOf, ownCounts } from "./facets.js";
import { explainEmpty, markedText, showChips, suggest, tierBadge } from "./explore-hints.js";

const PAGE_SIZE = 20;
const root = new URL("../", import.meta.url); // assets/explore.js → site root
const container = document.getElementById("pcor-explore");
const form = document.getElementById("pcor-explore-form");
const queryInput = document.getElementById("pcor-q");
const sortSelect = document.getElementById("pcor-sort");
const showAll = document.getElementById("pcor-show-all");
const clearButton = document.getElementById("pcor-clear");
const statusBox = document.getElementById("pcor-status");
const list = document.getElementById("pcor-results");
const moreButton = document.getElementById("pcor-more");
const chips = document.getElementById("pcor-chips");
const filtersPanel = document.getElementById("pcor-filters");
const filterCount = document.getElementById("pcor-filter-count");
const emptyBox = document.getElementById("pcor-empty");
const suggestBox = document.getElementById("pcor-suggest");
const wordsUrl = new URL(container.dataset.words || "words.json", location.href).href;
const tiersUrl = container.dataset.tiers || "";
// Filters are open beside the results on a wide screen; on a phone they fold away under one
// button, so the first result shows in the first screen after a search.
const wide = window.matchMedia("(min-width: 45em)");
filtersPanel.open = wide.matches;
wide.addEventListener("change", () => { filtersPanel.open = wide.matches; });
const fieldsets = Array.from(container.querySelectorAll("fieldset[data-facet]"));
const FACETS = fieldsets.map((f) => f.dataset.facet);
const SORTS = Array.from(sortSelect.options).map((o) => o.value);
// Every record carries this word: searching for it lists records by filters alone from one index
// chunk, where Pagefind's own filter-only search (a null term) would load the whole word index.
const ALL_RECORDS = container.dataset.allRecords || null;

let pagefind = null;
let state = readState();
let current = null; // the last search: {results, shown}
let sequence = 0;
let typingTimer = 0;

container.hidden = false;

// -- state <-> address ------------------------------------------------------------------------

function readState() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const facet of FACETS) {
    const allowed = new Set(Array.from(container.querySelectorAll(`fieldset[data-facet="${facet}"] input`)).map((i) => i.value));
    filters[facet] = params.getAll(facet).filter((v) => allowed.has(v));
  }
  const sort = params.get("sort");
  return {
    q: (params.get("q") || "").slice(0, 200),
    sort: SORTS.includes(sort) ? sort : SORTS[0],
    all: params.get("all") === "1",
    filters,
  };
}

function stateToQuery(s) {
  const params = new URLSearchParams();
  if (s.q.trim()) params.set("q", s.q.trim());
  for (const facet of FACETS) for (const value of s.filters[facet]) params.append(facet, value);
  if (s.sort !== SORTS[0]) params.set("sort", s.sort);
  if (s.all) params.set("all", "1");
  const text = params.toString();
  return text ? `?${text}` : location.pathname;
}

function saveState(push) {
  const target = stateToQuery(state);
  if (target === location.search || (target === location.pathname && !location.search)) return;
  history[push ? "pushState" : "replaceState"](null, "", target);
}

function showState() {
  queryInput.value = state.q;
  sortSelect.value = state.sort;
  showAll.checked = state.all;
  for (const fieldset of fieldsets) {
    const chosen = new Set(state.filters[fieldset.dataset.facet]);
    for (const input of fieldset.querySelectorAll("input")) input.checked = chosen.has(input.value);
  }
}

// -- searching ----------------------------------------------------------------------------------

function filtersFor(s, except) {
  const filters = {};
  for (const facet of FACETS) {
    if (facet !== except && s.filters[facet].length) filters[facet] = { any: s.filters[facet] };
  }
  return filters;
}

function sortFor(s, term) {
  if (s.sort === "title" || (s.sort === "relevance" && !term)) return { title: "asc" };
  if (s.sort === "date") return { date: "desc" };
  if (s.sort === "tier") return { tier: "asc" };
  return undefined;
}

async function loadPagefind() {
  if (pagefind) return pagefind;
  const module = await import(new URL("pagefind/pagefind.js", root).href);
  // Titles (weight 10) and summaries (6) count above body text (1); long pages are penalised less
  // than by default (0.75) and repeated body words saturate sooner (0.4, 0.6), so a practice with a
  // long evidence section still ranks by its title (benchmarks/explore_ranking.py prints the effect).
  // The metadata that is there only for showing a result (its summary, kind, ids and tier) does not
  // count as a match: Pagefind adds a bonus for words found in metadata, so a page whose summary
  // repeats a word outranked the record about it. The title keeps Pagefind's default bonus.
  const shownOnly = ["summary", "kind", "record", "record_kind", "tier", "tier_id", "tier_strength", "tier_scale", "tier_meaning"];
  const metaWeights = Object.fromEntries(shownOnly.map((key) => [key, 0]));
  await module.options({ baseUrl: root.pathname, ranking: { pageLength: 0.1, termSaturation: 0.4, termFrequency: 0.6, metaWeights } });
  await module.init();
  await module.filters(); // loads the filter index, so every search returns counts
  pagefind = module;
  return pagefind;
}

async function run() {
  const mine = ++sequence;
  const s = structuredClone(state);
  const term = s.q.trim() || null;
  const searchTerm = term || ALL_RECORDS;
  list.setAttribute("aria-busy", "true");
  try {
    const engine = await loadPagefind();
    const search = await engine.search(searchTerm, { filters: filtersFor(s), sort: sortFor(s, term) });
    // Keyed by content (a region id may be `constructor` or `__proto__`): Maps, never plain objects.
    const counts = new Map();
    for (const facet of FACETS) {
      if (s.filters[facet].length) {
        // disjunctive count: what ticking one more value of this facet would give
        const other = await engine.search(searchTerm, { filters: filtersFor(s, facet) });
        counts.set(facet, ownCounts(other.filters, facet));
      } else {
        counts.set(facet, ownCounts(search.filters, facet));
      }
    }
    if (mine !== sequence) return;
    showCounts(counts, s);
    const active = showChips(chips, container, s.filters, removeFilter);
    filterCount.textContent = active ? `(${active} active)` : "";
    current = { results: search.results, shown: 0, term };
    list.replaceChildren();
    emptyBox.hidden = true;
    await showMore(false, mine);
    if (mine !== sequence) return;
    announce(search.results.length, s);
    await suggest(suggestBox, term, wordsUrl, searchFor);
    if (!search.results.length) {
      await explainEmpty(emptyBox, {
        term, filters: s.filters, container, remove: removeFilter,
        count: async (filters) => (await engine.search(searchTerm, { filters: filtersFor({ filters }) })).results.length,
      });
    }
  } catch (error) {
    if (mine !== sequence) return;
    statusBox.textContent = "The search index could not be loaded. Try reloading the page, or browse the landing pages.";
    console.error(error);
  } finally {
    if (mine === sequence) list.removeAttribute("aria-busy");
  }
}

function announce(total, s) {
  const chosen = FACETS.reduce((n, f) => n + s.filters[f].length, 0);
  let text = total === 1 ? "1 record found" : `${total.toLocaleString("en-US")} records found`;
  if (s.q.trim()) text += ` for “${s.q.trim()}”`;
  if (chosen) text += chosen === 1 ? " with 1 filter" : ` with ${chosen} filters`;
  statusBox.textContent = text + ".";
}

function showCounts(counts, s) {
  for (const fieldset of fieldsets) {
    const facet = fieldset.dataset.facet;
    const chosen = new Set(s.filters[facet]);
    let visible = 0;
    for (const item of fieldset.querySelectorAll("li[data-value]")) {
      const value = item.dataset.value;
      const count = countOf(counts, facet, value);
      item.querySelector(".pcor-count").textContent = `(${count.toLocaleString("en-US")})`;
      item.hidden = !(count > 0 || chosen.has(value) || s.all);
      if (!item.hidden) visible += 1;
    }
    fieldset.querySelector(".pcor-facet__empty").hidden = visible > 0;
  }
}

async function showMore(moveFocus, token = sequence) {
  if (!current) return;
  const start = current.shown;
  const slice = current.results.slice(start, start + PAGE_SIZE);
  const data = await Promise.all(slice.map((r) => r.data()));
  if (token !== sequence || start !== current.shown) return; // a newer search (or click) got there first
  const items = data.map((d) => resultItem(d, current.term));
  list.append(...items);
  current.shown = start + slice.length;
  moreButton.hidden = current.shown >= current.results.length;
  if (!moreButton.hidden) {
    const left = current.results.length - current.shown;
    moreButton.textContent = `Show ${Math.min(left, PAGE_SIZE)} more results (${left.toLocaleString("en-US")} left)`;
  }
  if (moveFocus && items.length) items[0].querySelector("a").focus();
}

function resultItem(data, term) {
  const item = document.createElement("li");
  item.className = "pcor-result";
  if (data.meta?.record) { // the handout builder's hooks, as on every record list of the pages
    item.dataset.handoutId = data.meta.record;
    item.dataset.handoutKind = data.meta.record_kind || "";
    item.dataset.handoutTitle = data.meta.title || "";
  }
  const heading = document.createElement("h3");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta?.title || data.url;
  heading.append(link);
  const kicker = document.createElement("p");
  kicker.className = "pcor-kicker";
  const kind = document.createElement("span");
  kind.className = "pcor-kind";
  kind.textContent = data.meta?.kind || "Record";
  kicker.append(kind);
  if (data.meta?.tier) kicker.append(" ", tierBadge(data.meta, tiersUrl ? new URL(tiersUrl, location.href).pathname : ""));
  // the snippet is the record's own summary, its search words marked: never raw metadata or URLs
  const summary = markedText(document.createElement("p"), data.meta?.summary || "", term);
  summary.className = "pcor-result__summary";
  item.append(heading, kicker, summary); // the title first for heading navigation; CSS shows the kicker above it
  return item;
}

// -- events -----------------------------------------------------------------------------------

form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  state.q = queryInput.value;
  saveState(true);
  run();
});

queryInput.addEventListener("input", () => {
  clearTimeout(typingTimer);
  if (pagefind) pagefind.preload(queryInput.value);
  typingTimer = setTimeout(() => {
    state.q = queryInput.value;
    saveState(false);
    run();
  }, 300);
});

for (const fieldset of fieldsets) {
  fieldset.addEventListener("change", (event) => {
    const facet = fieldset.dataset.facet;
    state.filters[facet] = Array.from(fieldset.querySelectorAll("input:checked")).map((i) => i.value);
    saveState(true);
    run();
  });
}

sortSelect.addEventListener("change", () => {
  state.sort = sortSelect.value;
  saveState(true);
  run();
});

showAll.addEventListener("change", () => {
  state.all = showAll.checked;
  saveState(true);
  run();
});

clearButton.addEventListener("click", () => {
  for (const facet of FACETS) state.filters[facet] = [];
  showState();
  saveState(true);
  run();
});

moreButton.addEventListener("click", () => showMore(true));

function removeFilter(facet, value) {
  state.filters[facet] = state.filters[facet].filter((v) => v !== value);
  showState();
  saveState(true);
  run();
  queryInput.focus();
}

function searchFor(words) {
  state.q = words;
  showState();
  saveState(true);
  run();
}

window.addEventListener("popstate", () => {
  state = readState();
  showState();
  run();
});

showState();
run();
