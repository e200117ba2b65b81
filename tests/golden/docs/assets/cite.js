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
  function setUp(button) {
    if (button.dataset.pcorReady) { return; }
    button.dataset.pcorReady = "1";
    button.hidden = false;
    button.addEventListener("click", function () {
      var target = document.getElementById(button.getAttribute("data-copy-target"));
      if (!target) { return; }
      var text = target.textContent;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { say(button, "Copied."); },
                                                 function () { fallback(button, target); });
      } else {
        fallback(button, target);
      }
    });
  }
  function init() { Array.prototype.forEach.call(document.querySelectorAll("button.pcor-copy[data-copy-target]"), setUp); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
