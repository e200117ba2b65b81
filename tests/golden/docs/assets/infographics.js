// Infographics: a Chart / Table switch and full addresses in the embed snippet.
// Without this script the chart is shown and the table opens from its <details>; nothing is lost.
(function () {
  "use strict";
  function setup(box) {
    var figure = box.querySelector('[data-view="chart"]');
    var table = box.querySelector('[data-view="table"]');
    if (!figure || !table) return;
    var bar = document.createElement("div");
    bar.className = "pcor-infographic__toolbar";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Show as");
    var buttons = {};
    ["chart", "table"].forEach(function (view) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = view === "chart" ? "Chart" : "Table";
      button.addEventListener("click", function () { show(view); });
      buttons[view] = button;
      bar.appendChild(button);
    });
    function show(view) {
      figure.hidden = view !== "chart";
      table.hidden = view !== "table";
      if (view === "table") table.open = true;
      buttons.chart.setAttribute("aria-pressed", String(view === "chart"));
      buttons.table.setAttribute("aria-pressed", String(view === "table"));
    }
    box.insertBefore(bar, box.firstChild);
    show("chart");
    box.querySelectorAll("code[data-pcor-embed]").forEach(function (code) {
      code.textContent = code.textContent.replace(/(src|href)="([^"]*)"/g, function (all, name, value) {
        return name + '="' + new URL(value, document.baseURI).href + '"';
      });
      var copy = document.createElement("button");
      copy.type = "button";
      copy.textContent = "Copy embed code";
      copy.className = "md-button";
      copy.addEventListener("click", function () {
        if (navigator.clipboard) navigator.clipboard.writeText(code.textContent).then(function () { copy.textContent = "Copied"; });
      });
      code.parentNode.insertAdjacentElement("afterend", copy);
    });
    var note = box.querySelector(".pcor-infographic__embed p");
    if (note) note.textContent = "Copy this HTML into your page. It shows the chart with its text alternative and credits the source.";
  }
  function start() { document.querySelectorAll("[data-pcor-infographic]").forEach(setup); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
