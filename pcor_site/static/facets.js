// pcor-site Explore: facet counts keyed by content, kept out of reach of Object.prototype.
//
// A vocabulary value is contributor text: a region id may be `constructor`, `toString` or
// `__proto__`. Read from a plain object, `counts["constructor"]` is `function Object()`, which
// Explore printed as the value's count. Counts therefore live in Maps built from the object's own
// entries only, and only finite numbers are kept.

export function ownCounts(filters, facet) {
  const found = new Map();
  if (!filters || typeof filters !== "object" || !Object.prototype.hasOwnProperty.call(filters, facet)) return found;
  const values = filters[facet];
  if (!values || typeof values !== "object") return found;
  for (const [value, count] of Object.entries(values)) {
    if (Number.isFinite(count)) found.set(value, count);
  }
  return found;
}

export function countOf(counts, facet, value) {
  const values = counts.get(facet);
  return (values && values.get(value)) || 0;
}
