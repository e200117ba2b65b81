// pcor-site Explore, the parts that help a reader read results (imported by explore.js):
// the evidence-tier badge (the same graded scale as the pages: text, shape and colour), the
// summary with the search words marked, the active filters as removable chips, and, when nothing
// is found, why (which filter empties the list) and the closest words of titles and glossary terms.
// Everything is built from text nodes: no markup from the index is ever parsed as HTML.

export function tierBadge(meta, tiersUrl) {
  const scale = Number(meta.tier_scale) || 5;
  const strength = Math.min(scale, Math.max(1, Number(meta.tier_strength) || 1));
  const badge = document.createElement(tiersUrl && meta.tier_id ? "a" : "span");
  badge.className = `pcor-tier pcor-tier--r${Math.min(5, scale - strength + 1)}`;
  if (badge.tagName === "A") badge.href = `${tiersUrl}#tier-${encodeURIComponent(meta.tier_id)}`;
  if (meta.tier_meaning) badge.title = meta.tier_meaning;
  badge.setAttribute("aria-label", `Evidence: ${meta.tier}, strength ${strength} of ${scale}`);
  const marks = document.createElement("i");  // bars drawn by CSS, as on the pages
  marks.className = `pcor-tier__scale s${Math.min(5, strength)} n${Math.min(5, scale)}`;
  badge.append(marks, `Evidence: ${meta.tier}`);
  return badge;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// The summary as a snippet, with each search word (and its longer forms: "parit" marks "parity") marked.
export function markedText(element, text, term) {
  const words = (term || "").toLowerCase().split(/\s+/).filter((w) => w.length > 1).map(escapeRegExp);
  if (!words.length) {
    element.textContent = text;
    return element;
  }
  const pattern = new RegExp(`\\b(${words.join("|")})\\w*`, "gi");
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    element.append(text.slice(last, match.index));
    const mark = document.createElement("mark");
    mark.textContent = match[0];
    element.append(mark);
    last = match.index + match[0].length;
  }
  element.append(text.slice(last));
  return element;
}

function labelOf(container, facet, value) {
  const input = Array.from(container.querySelectorAll(`fieldset[data-facet="${facet}"] input`)).find((i) => i.value === value);
  const legend = container.querySelector(`fieldset[data-facet="${facet}"] legend`);
  const label = input?.closest("li")?.querySelector(".pcor-facet__label");
  return { facet: legend ? legend.textContent : facet, value: label ? label.textContent : value };
}

// One button per active filter; pressing it calls remove(facet, value).
export function showChips(list, container, filters, remove) {
  const items = [];
  for (const [facet, values] of Object.entries(filters)) {
    for (const value of values) {
      const { facet: name, value: label } = labelOf(container, facet, value);
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "pcor-chip";
      button.setAttribute("aria-label", `Remove filter ${name}: ${label}`);
      button.append(`${name}: ${label}`);
      const cross = document.createElement("span");
      cross.setAttribute("aria-hidden", "true");
      cross.textContent = " ×";
      button.append(cross);
      button.addEventListener("click", () => remove(facet, value));
      item.append(button);
      items.push(item);
    }
  }
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
  return items.length;
}

// Edit distance with a cut-off (small words, small lists: a plain dynamic programme is enough).
function distance(a, b, most) {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}

let wordList = null;

async function words(url) {
  if (!wordList) {
    try {
      const response = await fetch(url);
      wordList = response.ok ? await response.json() : [];
    } catch (error) {
      wordList = [];
    }
  }
  return wordList;
}

// The query with each unknown word replaced by the closest known one, or "" when nothing is closer.
export async function closestQuery(term, url) {
  const known = await words(url);
  const set = new Set(known);
  let changed = false;
  const fixed = term.toLowerCase().split(/\s+/).filter(Boolean).map((word) => {
    if (word.length < 4 || set.has(word)) return word;
    const most = word.length > 7 ? 2 : 1;
    let best = null;
    let bestDistance = most + 1;
    for (const candidate of known) {
      const d = distance(word, candidate, most);
      if (d < bestDistance) [best, bestDistance] = [candidate, d];
    }
    if (best) changed = true;
    return best || word;
  });
  return changed ? fixed.join(" ") : "";
}

// "Did you mean …?" when a search word is in no title, summary or glossary term and a known word
// is one or two letters away (Pagefind's own fuzzy matching may still find a weak result or two).
export async function suggest(box, term, wordsUrl, search) {
  box.replaceChildren();
  box.hidden = true;
  if (!term) return;
  const better = await closestQuery(term, wordsUrl);
  if (!better || better === term.toLowerCase()) return;
  const link = document.createElement("a");
  link.href = `?q=${encodeURIComponent(better)}`;
  link.textContent = better;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    search(better);
  });
  box.append("Did you mean ", link, "?");
  box.hidden = false;
}

// Why nothing was found, and what to do: each active filter as "remove it (N results)".
// `count(filters)` runs a search.
export async function explainEmpty(box, { term, filters, container, count, remove }) {
  box.replaceChildren();
  const intro = document.createElement("p");
  const active = Object.entries(filters).flatMap(([facet, values]) => values.map((value) => [facet, value]));
  const wordsPart = term ? ` for “${term}”` : "";
  const named = active.map(([facet, value]) => {
    const { facet: name, value: label } = labelOf(container, facet, value);
    return `“${name}: ${label}”`;
  });
  if (!active.length) intro.textContent = `No records match${wordsPart}.`;
  else if (active.length === 1) intro.textContent = `No records match${wordsPart} with ${named[0]}.`;
  else intro.textContent = `No records match${wordsPart} with the filters ${named.slice(0, -1).join(", ")} and ${named.at(-1)} together.`;
  box.append(intro);
  const options = document.createElement("ul");
  for (const [facet, value] of active) {
    const rest = structuredClone(filters);
    rest[facet] = rest[facet].filter((v) => v !== value);
    const n = await count(rest);
    const { facet: name, value: label } = labelOf(container, facet, value);
    const item = document.createElement("li");
    if (n === 0) {
      item.textContent = `Without “${name}: ${label}” there would still be no results.`;
    } else {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = `Remove “${name}: ${label}” (${n.toLocaleString("en-US")} ${n === 1 ? "result" : "results"})`;
      button.addEventListener("click", () => remove(facet, value));
      item.append(button);
    }
    options.append(item);
  }
  if (options.children.length) box.append(options);
  box.hidden = false;
}
