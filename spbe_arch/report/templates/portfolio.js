// spbe-arch portfolio: search the tables and sort them by a column. Plain JavaScript, no request.
(function () {
  "use strict";
  var search = document.getElementById("search");
  var tables = Array.prototype.slice.call(document.querySelectorAll("table.sortable"));
  function value(row, index) {
    var cell = row.cells[index];
    var raw = cell.getAttribute("data-sort");
    if (raw === "") return null;  // unknown: last, whichever way the column is sorted
    var text = raw !== null ? raw : cell.textContent.trim();
    var number = parseFloat(text);
    return isNaN(number) || !/^[-+]?[0-9.]+/.test(text) ? text.toLowerCase() : number;
  }
  tables.forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.setAttribute("role", "button");
      th.title = table.getAttribute("data-sort-title") || "sort";
      th.addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a, index), y = value(b, index);
          if (x === null || y === null) return (x === null) - (y === null);
          var order = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === "number" ? -1 : 1);
          return up ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  if (!search) return;
  search.addEventListener("input", function () {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    tables.forEach(function (table) {
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !match;
        shown += match;
      });
      var count = document.getElementById(table.id + "-count");
      if (count) count.textContent = words.length ? search.dataset.shown.replace("{count}", shown) : "";
    });
  });
})();
