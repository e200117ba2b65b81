/* Question bank copy buttons (pcor-site): copy one ask, the asks of a group, or all of them, as
   plain text ready to paste into an RFP. Self-hosted, no inline script: the buttons start hidden
   and are shown here. Where the Clipboard API is missing or refused, the text is selected instead
   and the reader is told to press Ctrl+C / Cmd+C. */
(function () {
  "use strict";
  // The page's markup is kept small (every ask of the hub is on it): an ask is `ol.pcor-asks > li`,
  // its text the first paragraph (the "Copy this ask" buttons are added after it, here).
  var ASK = "ol.pcor-asks > li", TEXT = "ol.pcor-asks > li > p:first-child";
  function asksIn(scope) {
    return Array.prototype.map.call(scope.querySelectorAll(TEXT), function (p) {
      return p.textContent.replace(/\s+/g, " ").trim();
    });
  }
  function say(button, message) {
    var status = button.parentNode.querySelector(".pcor-copy-status");
    if (status) { status.textContent = message; }
  }
  function select(elements) {
    var selection = window.getSelection();
    selection.removeAllRanges();
    if (!elements.length) { return; }
    var range = document.createRange();
    range.setStartBefore(elements[0]);
    range.setEndAfter(elements[elements.length - 1]);
    selection.addRange(range);
  }
  function setUp(button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var scopeName = button.getAttribute("data-copy-scope");
      var scope = scopeName === "all" ? document : scopeName === "ask" ? button.closest(ASK) : document.getElementById(scopeName);
      if (!scope) { return; }
      var asks = asksIn(scope);
      var text = asks.length === 1 ? asks[0] : asks.map(function (a, i) { return (i + 1) + ". " + a; }).join("\n");
      var fallback = function () {
        select(scope.querySelectorAll(TEXT));
        say(button, "Selected: press Ctrl+C (Cmd+C on a Mac) to copy.");
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () {
          say(button, asks.length === 1 ? "Copied." : "Copied " + asks.length + " asks.");
        }, fallback);
      } else {
        fallback();
      }
    });
  }
  // "Copy this ask" buttons are made here, one per ask, so the page carries no markup for them
  function addAskButtons() {
    Array.prototype.forEach.call(document.querySelectorAll(ASK), function (ask, n) {
      var text = ask.querySelector("p");
      if (!text || ask.querySelector("button")) { return; }
      text.id = text.id || "pcor-ask-" + (n + 1);
      var tools = document.createElement("p");
      tools.className = "pcor-bank__tools";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pcor-bank-copy pcor-bank-copy--one";
      button.setAttribute("data-copy-scope", "ask");
      button.setAttribute("aria-describedby", text.id);
      button.textContent = "Copy this ask";
      var status = document.createElement("span");
      status.className = "pcor-copy-status";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      tools.append(button, " ", status);
      ask.append(tools);
    });
  }
  function init() {
    addAskButtons();
    Array.prototype.forEach.call(document.querySelectorAll("button.pcor-bank-copy[data-copy-scope]"), setUp);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
