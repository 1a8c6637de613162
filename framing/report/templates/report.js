// Conveniences only: the page reads fully without script.
(function () {
  "use strict";
  // Sort a table by clicking (or pressing Enter on) a header.
  function cellValue(row, i) {
    var text = row.cells[i] ? row.cells[i].textContent.trim() : "";
    var n = parseFloat(text.replace(/[,%+]/g, ""));
    return isNaN(n) ? text.toLowerCase() : n;
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("thead th").forEach(function (th, i) {
      th.setAttribute("tabindex", "0");
      function sort() {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, i), y = cellValue(b, i);
          if (typeof x !== typeof y) { x = String(x); y = String(y); }
          if (x === y) { return 0; }
          return (x < y ? -1 : 1) * (asc ? 1 : -1);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sort(); } });
    });
  });
  // Show or hide an outlet (or group) everywhere on the page.
  var controls = document.getElementById("group-controls");
  if (controls) {
    controls.hidden = false;
    controls.addEventListener("change", function (e) {
      var name = e.target.getAttribute("data-toggle-group");
      if (name === null) { return; }
      document.querySelectorAll("[data-group]").forEach(function (el) {
        if (el.getAttribute("data-group") === name) {
          el.classList.toggle("hidden-group", !e.target.checked);
        }
      });
    });
  }
})();
