// Behaviour shared by every page; loaded from a file because the CSP forbids inline scripts.
(function () {
  "use strict";
  // Upload progress: htmx reports XHR upload progress on the form that sent it.
  document.addEventListener("htmx:xhr:progress", function (event) {
    var form = event.target.closest ? event.target.closest("#upload-form") : null;
    var bar = document.getElementById("upload-progress");
    if (!form || !bar || !event.detail.lengthComputable) { return; }
    var pct = Math.round((event.detail.loaded / event.detail.total) * 100);
    bar.value = pct;
    bar.textContent = pct + "%";
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var bar = document.getElementById("upload-progress");
    if (bar && event.target.id === "upload-form") { bar.value = 100; bar.textContent = "100%"; }
  });
  // htmx shows nothing on a failed request: put the server's error where results go.
  document.addEventListener("htmx:responseError", function (event) {
    var target = document.getElementById("upload-results");
    if (!target || event.target.id !== "upload-form") { return; }
    var message = event.detail.xhr.status + " " + (event.detail.xhr.statusText || "");
    try {
      var problem = JSON.parse(event.detail.xhr.responseText);
      if (problem.detail) { message = problem.detail; }
    } catch (e) { /* not JSON: keep the status line */ }
    var p = document.createElement("p");
    p.className = "error";
    p.setAttribute("role", "alert");
    p.textContent = message;
    target.replaceChildren(p);
  });
})();
