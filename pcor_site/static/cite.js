/* "Cite this" copy buttons (pcor-site). Self-hosted, no inline script: the buttons start hidden and
   are shown here; where the Clipboard API is missing or refused, the text is selected instead and
   the reader is told to press Ctrl+C / Cmd+C. */
(function () {
  "use strict";
  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  function say(button, message) {
    var status = button.parentNode.querySelector(".pcor-copy-status");
    if (status) { status.textContent = message; }
  }
  function fallback(button, target) {
    var details = target.closest("details");
    if (details) { details.open = true; }
    selectText(target);
    say(button, "Selected: press Ctrl+C (Cmd+C on a Mac) to copy.");
  }
  // On the References page each format loads from its file the first time its <details> opens.
  function load(details) {
    if (!details || !details.dataset.citeSrc || details.dataset.pcorLoaded) { return Promise.resolve(); }
    details.dataset.pcorLoaded = "1";
    var code = details.querySelector("pre code");
    return fetch(details.dataset.citeSrc).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.text();
    }).then(function (text) { code.textContent = text.replace(/\s+$/, ""); },
            function () { code.textContent = "This format could not be loaded: use the download link."; delete details.dataset.pcorLoaded; });
  }
  function setUp(button) {
    if (button.dataset.pcorReady) { return; }
    button.dataset.pcorReady = "1";
    button.hidden = false;
    button.addEventListener("click", function () {
      var target = document.getElementById(button.getAttribute("data-copy-target"));
      if (!target) { return; }
      load(target.closest("details")).then(function () {
        var text = target.textContent;
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(function () { say(button, "Copied."); },
                                                   function () { fallback(button, target); });
        } else {
          fallback(button, target);
        }
      });
    });
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("button.pcor-copy[data-copy-target]"), setUp);
    Array.prototype.forEach.call(document.querySelectorAll("details[data-cite-src]"), function (details) {
      details.addEventListener("toggle", function () { if (details.open) { load(details); } });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
