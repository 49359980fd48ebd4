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
  var SKIP = "button, form, nav, [hidden], .kaart-sr, .kaart-niet-voorlezen, .kaart-alleen-printen";

  // The page's language (<html lang>, ADR 0084): Dutch unless the resident chose another one. Dutch data on a
  // page in another language (names, descriptions: marked lang="nl") is spoken with a Dutch voice.
  var pageLang = (document.documentElement.lang || "nl").toLowerCase();

  function speechLang(lang) { return lang === "nl" ? "nl-NL" : lang; }

  function langOf(el) {
    var marked = el && el.closest ? el.closest("[lang]") : null;
    return marked ? marked.getAttribute("lang").toLowerCase().split("-")[0] : pageLang;
  }

  // What is read: runs of text with their language, in reading order. Every block (heading, paragraph, list
  // item) and every chip ends with a full stop, so "Formulieren" and "Geld en rekeningen" are two sentences,
  // not "formulierenGeld en rekeningen". Hidden text (print-only, screen-reader-only) is not read.
  function segmentsOf(target) {
    var runs = [];
    function add(text, lang) {
      if (!text) { return; }
      var last = runs[runs.length - 1];
      if (last && last.lang === lang) { last.text += text; } else { runs.push({text: text, lang: lang}); }
    }
    function stop() {
      var last = runs[runs.length - 1];
      if (!last) { return; }
      last.text = last.text.replace(/\s+$/, "");
      if (last.text && !/[.!?:]$/.test(last.text)) { last.text += "."; }
      last.text += " ";
    }
    function walk(el) {
      Array.prototype.forEach.call(el.childNodes, function (node) {
        if (node.nodeType === 3) {
          add(node.textContent.replace(/\u00ad/g, "").replace(/\s+/g, " "), langOf(node.parentElement)); // soft hyphens (ADR 0157) are not read
        } else if (node.nodeType === 1) {
          if (node.matches(SKIP) || window.getComputedStyle(node).display === "none") { return; }
          var chip = node.matches(".kaart-chip");
          if (chip) { stop(); }
          walk(node);
          if (chip) { stop(); }
        }
      });
    }
    Array.prototype.forEach.call(target.querySelectorAll(BLOCKS), function (el) {
      if (el.closest(SKIP) || window.getComputedStyle(el).display === "none") { return; }
      var outer = el.parentElement ? el.parentElement.closest(BLOCKS) : null;
      if (outer && target.contains(outer)) { return; } // read inside a block once, as part of that block
      walk(el);
      stop();
    });
    return runs.map(function (r) {
      var text = r.text.replace(/\s+/g, " ").replace(/\s+([.,:;!?])/g, "$1").replace(/([.!?:])\.(\s|$)/g, "$1$2");
      return {text: text.trim(), lang: r.lang};
    }).filter(function (r) { return /[^\s.]/.test(r.text); });
  }

  function voiceFor(lang) {
    var voices = synth.getVoices ? synth.getVoices() : [];
    var want = speechLang(lang).toLowerCase();
    var best = null;
    for (var i = 0; i < voices.length; i++) {
      var have = (voices[i].lang || "").toLowerCase().replace("_", "-");
      if (have === want) { return voices[i]; }
      if (!best && have.indexOf(lang) === 0) { best = voices[i]; }
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
      var segments = target ? segmentsOf(target) : [];
      if (!segments.length) { return; }
      btn.setAttribute("aria-pressed", "true");
      // One utterance per language run (a Dutch page: one utterance); the browser queues them in order.
      segments.forEach(function (seg, i) {
        var utterance = new window.SpeechSynthesisUtterance(seg.text);
        utterance.lang = speechLang(seg.lang);
        var voice = voiceFor(seg.lang);
        if (voice) { try { utterance.voice = voice; } catch (e) { /* keep the lang */ } }
        if (i === segments.length - 1) {
          utterance.onend = function () { btn.setAttribute("aria-pressed", "false"); };
          utterance.onerror = utterance.onend;
        }
        synth.speak(utterance);
      });
    });
  });
}());
