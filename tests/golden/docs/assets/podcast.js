/* Episode pages: chapter and transcript links (#t=SECONDS) move the player to that time.
   Loaded only by episode pages, self-hosted, no inline code (the Content-Security-Policy forbids it).
   A click starts playback from the chosen time (the reader asked for it); a #t= address on load
   only positions the player: nothing ever plays by itself. */
(function () {
  "use strict";

  function player() {
    return document.querySelector("audio[data-pcor-player]");
  }

  function seconds(text) {
    var match = /^(\d+(?:\.\d+)?)$/.exec(text || "");
    return match ? parseFloat(match[1]) : null;
  }

  function fromHash() {
    var match = /^#t=(\d+(?:\.\d+)?)$/.exec(window.location.hash);
    return match ? parseFloat(match[1]) : null;
  }

  function seek(audio, time) {
    if (audio.readyState === 0) {
      // preload="none": fetch the metadata first; the browser seeks once it knows the duration
      audio.preload = "metadata";
      audio.addEventListener("loadedmetadata", function () { audio.currentTime = time; }, { once: true });
      audio.load();
    }
    audio.currentTime = time;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-pcor-seek]") : null;
    var audio = player();
    var time = link ? seconds(link.getAttribute("data-pcor-seek")) : null;
    if (!link || !audio || time === null) {
      return;
    }
    event.preventDefault();
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", "#t=" + time);
    }
    seek(audio, time);
    var playing = audio.play();
    if (playing && playing.catch) {
      playing.catch(function () { /* the reader can press play */ });
    }
  });

  function followHash() {
    var audio = player();
    var time = fromHash();
    if (audio && time !== null) {
      seek(audio, time);
    }
  }

  window.addEventListener("hashchange", followHash);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", followHash);
  } else {
    followHash();
  }
})();
