/* "Lees voor": reads a service page or a result card aloud with the browser's own speech synthesis
   (window.speechSynthesis; nothing is sent to another service). Progressive enhancement: the buttons stay
   hidden when the browser cannot speak. Off by default; a second press stops; one text at a time. */
(function () {
  "use strict";
  if (window.kaartVoorlezen) { return; }
  window.kaartVoorlezen = true;
  var buttons = document.querySelectorAll("button[data-lees-voor]");
  if (!buttons.length || !window.speechSynthesis || typeof window.SpeechSynthesisUtterance !== "function") {
    return;
  }
  var synth = window.speechSynthesis;
  var BLOCKS = "h1, h2, h3, h4, p, li, dt, dd";

  function textOf(target) {
    var parts = [];
    Array.prototype.forEach.call(target.querySelectorAll(BLOCKS), function (el) {
      if (el.closest("button, form, nav, [hidden], .kaart-sr, .kaart-niet-voorlezen")) { return; }
      var outer = el.parentElement ? el.parentElement.closest(BLOCKS) : null;
      if (outer && target.contains(outer)) { return; } // read inside a block once, as part of that block
      var text = (el.textContent || "").replace(/\s+/g, " ").trim();
      if (text) { parts.push(/[.!?:]$/.test(text) ? text : text + "."); }
    });
    return parts.join(" ");
  }

  // The page's language (<html lang>, ADR 0084): Dutch unless the resident chose another one.
  var pageLang = (document.documentElement.lang || "nl").toLowerCase();
  var speakLang = pageLang === "nl" ? "nl-NL" : pageLang;

  function dutchVoice() {
    var voices = synth.getVoices ? synth.getVoices() : [];
    var best = null;
    for (var i = 0; i < voices.length; i++) {
      var lang = (voices[i].lang || "").toLowerCase().replace("_", "-");
      if (lang === speakLang.toLowerCase()) { return voices[i]; }
      if (!best && lang.indexOf(pageLang) === 0) { best = voices[i]; }
    }
    return best;
  }

  function release() {
    Array.prototype.forEach.call(buttons, function (b) { b.setAttribute("aria-pressed", "false"); });
  }

  Array.prototype.forEach.call(buttons, function (btn) {
    btn.hidden = false;
    btn.addEventListener("click", function () {
      var wasOn = btn.getAttribute("aria-pressed") === "true";
      synth.cancel();
      release();
      if (wasOn) { return; }
      var target = document.getElementById(btn.getAttribute("data-lees-voor"));
      var text = target ? textOf(target) : "";
      if (!text) { return; }
      var utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = speakLang;
      var voice = dutchVoice();
      if (voice) { try { utterance.voice = voice; } catch (e) { /* keep the page's lang */ } }
      utterance.onend = function () { btn.setAttribute("aria-pressed", "false"); };
      utterance.onerror = utterance.onend;
      btn.setAttribute("aria-pressed", "true");
      synth.speak(utterance);
    });
  });
}());
