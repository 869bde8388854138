// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
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
