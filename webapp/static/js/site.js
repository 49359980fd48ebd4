/* Small helpers on every page; the site works without them (progressive enhancement, no inline script). */
(function () {
  "use strict";
  // Texts in the interface language (base.html, #kaart-teksten); Dutch when missing.
  var T = {};
  try { T = JSON.parse((document.getElementById("kaart-teksten") || {}).textContent || "{}"); } catch (e) { T = {}; }
  // Quick exit ("Snel weg"): leave for a neutral site and take this page out of the back history.
  var exit = document.querySelector("[data-snelweg]");
  if (exit) {
    var leave = function (event) {
      if (event) { event.preventDefault(); }
      document.title = "";
      document.body.classList.add("kaart-weg");
      window.location.replace(exit.href);
    };
    exit.addEventListener("click", leave);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" || event.key === "Esc") { leave(event); }
    });
    var hint = document.querySelector("[data-snelweg-uitleg]");
    if (hint) { hint.hidden = false; }
  }
  // Controls that only work with JavaScript are hidden until this runs.
  Array.prototype.forEach.call(document.querySelectorAll(".kaart-alleen-js[data-kopieer], .kaart-alleen-js[data-afdrukken]"), function (el) {
    el.hidden = false;
  });
  var message = document.querySelector("[data-kopieer-melding]");
  Array.prototype.forEach.call(document.querySelectorAll("[data-kopieer]"), function (btn) {
    btn.addEventListener("click", function () {
      var field = document.getElementById(btn.getAttribute("data-kopieer"));
      if (!field) { return; }
      var done = function () { if (message) { message.textContent = T.gekopieerd || "De link is gekopieerd."; } };
      field.select();
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(field.value).then(done, function () {
          if (message) { message.textContent = T.kopierenMislukt || "Kopiëren lukte niet. Selecteer de link en kopieer hem zelf."; }
        });
      } else {
        try { document.execCommand("copy"); done(); } catch (e) { /* the link stays selected */ }
      }
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-afdrukken]"), function (btn) {
    btn.addEventListener("click", function () { window.print(); });
  });
})();
