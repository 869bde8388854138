// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // A form's questions that depend on answers on the same page appear and disappear as the person answers. The
  // server decides (the one evaluator of the condition language); this only asks it and shows or hides.
  document.querySelectorAll("form[data-visibility]").forEach(function (form) {
    var url = form.getAttribute("data-visibility");
    var pending = null;
    function refresh() {
      var data = new FormData(form);
      data.delete("action");
      fetch(url, { method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (result) {
          if (!result) { return; }
          form.querySelectorAll("[data-element]").forEach(function (wrapper) {
            wrapper.hidden = result.hidden.indexOf(wrapper.getAttribute("data-element")) >= 0;
          });
        })
        .catch(function () { /* the server still decides on submit */ });
    }
    form.addEventListener("change", function (event) {
      if (event.target && event.target.type === "file") { return; }
      clearTimeout(pending);
      pending = setTimeout(refresh, 150);
    });
  });

  // A submit button is pressed once: a second click while the first is on its way does nothing (the server is
  // idempotent anyway, this only spares the person a second wait).
  document.querySelectorAll("form[data-submit-once]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.getAttribute("data-submitting")) { event.preventDefault(); return; }
      form.setAttribute("data-submitting", "true");
    });
  });

  // Print buttons exist only where printing can work.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // After a failed submit, move focus to the error summary so keyboard and screen-reader users start there.
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
    return;
  }
  // After save-and-redirect, a status message present at load is not announced by most screen readers: focus it.
  var notice = document.querySelector(".notice--success");
  if (notice) {
    notice.setAttribute("tabindex", "-1");
    notice.focus();
  }
})();
