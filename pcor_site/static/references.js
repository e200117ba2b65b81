/* Old links to a reference (pcor-site): until references had pages of their own, a reference was
   `references/#ref-KEY` on one long page. The References index loads this script and sends such a
   link on to `references/KEY/`, after checking that the page exists (a mistyped fragment stays
   here, on the index with its letter bar). Self-hosted, no inline script. */
(function () {
  "use strict";
  var match = /^#ref-([^\/?#]+)$/.exec(window.location.hash);
  if (!match) { return; }
  var slug;
  try { slug = decodeURIComponent(match[1]); } catch (error) { return; }
  if (!/^[\p{L}\p{N}_-]+$/u.test(slug) || slug === "by-author") { return; }
  var target = encodeURIComponent(slug) + "/";
  fetch(target, { method: "HEAD" }).then(function (response) {
    if (response.ok) { window.location.replace(target); }
  }, function () {});
})();
