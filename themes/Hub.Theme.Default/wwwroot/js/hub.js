// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // After a failed submit, move focus to the error summary so keyboard and screen-reader users start there.
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
})();
