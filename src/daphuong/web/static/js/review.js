// Review queue keyboard shortcuts: j/k move, c confirm, r reject, o open the source.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll(".review-item"));
  if (!items.length) { return; }
  var index = 0;
  function select(i) {
    index = Math.max(0, Math.min(items.length - 1, i));
    items.forEach(function (el, j) { el.classList.toggle("selected", j === index); });
    items[index].focus();
  }
  function press(value) {
    var button = items[index].querySelector("button[value='" + value + "']");
    if (button) { button.click(); }
  }
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === "j") { select(index + 1); }
    else if (event.key === "k") { select(index - 1); }
    else if (event.key === "c") { press("confirm"); }
    else if (event.key === "r") { press("reject"); }
    else if (event.key === "o") { var a = items[index].querySelector("a.source"); if (a) { a.click(); } }
    else { return; }
    event.preventDefault();
  });
  items.forEach(function (el, j) { el.addEventListener("focus", function () { index = j; }); });
  select(0);
})();
