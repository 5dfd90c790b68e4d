/* Go for Backend Systems: sortable, filterable generated tables whose state lives in the URL.
 *
 * Progressive enhancement of every `table.gfbs-table` that macros/render/html.py writes, with the
 * toolbar it writes beside the table: without JavaScript the table stays a plain, complete table and
 * the toolbar stays hidden. Loaded only by pages that have such a table (overrides/main.html). Works with Material's instant
 * navigation (document$) and from file:// (the offline edition). No dependencies.
 *
 * URL state, one group of query parameters per table id, e.g.
 *   ?tools.sort=First%20release&tools.dir=desc&tools.q=grpc&tools.f.Category=RPC
 *   &language-comparison.langs=go,java
 */
(function () {
  "use strict";

  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function clean(value) {
    return value.replace(/\s+/g, " ").trim();
  }

  // The value a cell sorts and facets by: its data-sort key, else its visible text.
  function cellValue(cell) {
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : clean(cell.textContent);
  }

  // The build-time control of `selector` that belongs to the table with id `tableId`.
  function byTable(selector, tableId) {
    return Array.from(document.querySelectorAll(selector)).filter(function (node) {
      return node.getAttribute("data-gfbs-for") === tableId;
    })[0] || null;
  }

  function readParams() {
    return new URLSearchParams(window.location.search);
  }

  function writeParams(table, entries) {
    var params = readParams();
    var prefix = table.id + ".";
    Array.from(params.keys()).forEach(function (key) {
      if (key.indexOf(prefix) === 0) params.delete(key);
    });
    entries.forEach(function (entry) {
      if (entry[1]) params.set(prefix + entry[0], entry[1]);
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    try {
      // Keep Material's own history state: instant navigation reads it on back/forward.
      window.history.replaceState(window.history.state, "", url);
    } catch (error) {
      // Some file:// contexts forbid changing the URL; the view still works, only sharing does not.
    }
  }

  function enhance(table) {
    if (!table.id || table.hasAttribute("data-gfbs-enhanced") || !table.tHead || !table.tBodies.length) return;
    var body = table.tBodies[0];
    var rows = Array.from(body.rows);
    // The build decides which tables sort (macros/render/html.py): their headers carry the indicator.
    if (!table.tHead.querySelector(".gfbs-sort__icon")) return;
    table.setAttribute("data-gfbs-enhanced", "");
    var headers = Array.from(table.tHead.rows[0].cells);
    var labels = headers.map(function (th) { return clean(th.textContent); });
    rows.forEach(function (row, index) { row.setAttribute("data-gfbs-index", String(index)); });
    var state = { sort: -1, dir: "asc", q: "", facets: {}, hidden: {} };
    var facetSelects = [];
    var langBoxes = [];
    var wrap = table.closest(".gfbs-table-wrap") || table;
    var status = null;
    var empty = null;
    var search = null;

    // Sorting: every header becomes (or gains) a button; aria-sort marks the sorted column.
    var buttons = headers.map(function (th, index) {
      // The indicator was written at build time, so the header keeps its width when it becomes a button.
      var indicator = th.querySelector(".gfbs-sort__icon") || el("span", { "class": "gfbs-sort__icon", "aria-hidden": "true" });
      var button = el("button", { type: "button", "class": "gfbs-sort" });
      if (th.querySelector("a, button, input, select")) {
        // A header that already holds a link keeps it; the button beside it gets its own name.
        button.setAttribute("aria-label", "Sort by " + labels[index]);
        button.appendChild(indicator);
        th.appendChild(button);
      } else {
        while (th.firstChild) button.appendChild(th.firstChild);
        button.appendChild(indicator);
        th.appendChild(button);
      }
      button.addEventListener("click", function () {
        state.dir = state.sort === index && state.dir === "asc" ? "desc" : "asc";
        state.sort = index;
        update(true);
      });
      return button;
    });

    // Rows in the order of the sorted column (state.sort, never -1 here), ties in the build's order.
    function sortRows() {
      var current = Array.from(body.rows);
      var index = state.sort;
      var numeric = headers[index].getAttribute("data-kind") === "number";
      var sign = state.dir === "desc" ? -1 : 1;
      current.sort(function (a, b) {
        var order;
        var x = cellValue(a.cells[index]);
        var y = cellValue(b.cells[index]);
        if (numeric) {
          var nx = parseFloat(x);
          var ny = parseFloat(y);
          // Rows without a number go last in both directions.
          if (isNaN(nx) || isNaN(ny)) order = isNaN(nx) - isNaN(ny);
          else order = sign * (nx - ny);
        } else {
          order = sign * collator.compare(x, y);
        }
        // Stable: ties keep the original order.
        return order || a.getAttribute("data-gfbs-index") - b.getAttribute("data-gfbs-index");
      });
      current.forEach(function (row) { body.appendChild(row); });
      headers.forEach(function (th, i) {
        if (i === state.sort) th.setAttribute("aria-sort", state.dir === "desc" ? "descending" : "ascending");
        else th.removeAttribute("aria-sort");
      });
    }

    function filterRows() {
      var needle = state.q.toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        // Hidden language columns do not count: the reader matches what they see.
        var text = Array.from(row.cells).filter(function (cell) { return !cell.hidden; })
          .map(function (cell) { return cell.textContent; }).join(" ").toLowerCase();
        var match = !needle || text.indexOf(needle) !== -1;
        Object.keys(state.facets).forEach(function (index) {
          if (match && state.facets[index] && cellValue(row.cells[index]) !== state.facets[index]) match = false;
        });
        row.hidden = !match;
        if (match) shown += 1;
      });
      var count = shown + " of " + rows.length + " rows shown";
      // The build wrote the full count: replacing it with the same text would still be a change to lay out.
      if (status && status.textContent !== count) status.textContent = count;
      if (empty) empty.hidden = shown !== 0;
    }

    function showColumns() {
      headers.forEach(function (th, index) {
        var hide = !!state.hidden[index];
        th.hidden = hide;
        rows.forEach(function (row) { row.cells[index].hidden = hide; });
      });
      var checked = langBoxes.filter(function (box) { return box.checked; });
      // At least one language stays: the last checked box cannot be cleared.
      langBoxes.forEach(function (box) { box.disabled = checked.length === 1 && box.checked; });
    }

    function save() {
      var entries = [];
      if (state.sort >= 0) entries.push(["sort", labels[state.sort]], ["dir", state.dir]);
      entries.push(["q", state.q]);
      Object.keys(state.facets).forEach(function (index) {
        entries.push(["f." + labels[index], state.facets[index]]);
      });
      var langs = langBoxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
      if (langs.length && langs.length < langBoxes.length) entries.push(["langs", langs.join(",")]);
      writeParams(table, entries);
    }

    function update(persist) {
      // Unsorted, the rows stand in the build's order: moving each one again would only make the browser lay out
      // the whole table anew as the page loads (a column once sorted stays sorted, so -1 means never sorted).
      if (state.sort >= 0) sortRows();
      showColumns();
      filterRows();
      buttons.forEach(function (button) {
        button.parentNode.classList.toggle("gfbs-sorted", button.parentNode.hasAttribute("aria-sort"));
      });
      if (persist) save();
    }

    // The toolbar, row count and empty-result note were written at build time (macros/render/html.py), in
    // place, so the layout does not move now: find them, fill in what only the browser knows, enable them.
    var toolbar = byTable(".gfbs-table-tools", table.id);
    if (toolbar) {
      search = toolbar.querySelector("input[type=search]");
      search.addEventListener("input", function () {
        state.q = search.value.trim();
        update(true);
      });
      Array.from(toolbar.querySelectorAll("select[data-column]")).forEach(function (select) {
        var index = Number(select.getAttribute("data-column"));
        select.addEventListener("change", function () {
          if (select.value) state.facets[index] = select.value;
          else delete state.facets[index];
          update(true);
        });
        facetSelects.push(select);
      });
      Array.from(toolbar.querySelectorAll(".gfbs-columns input[type=checkbox]")).forEach(function (box) {
        var index = Number(box.getAttribute("data-column"));
        box.addEventListener("change", function () {
          state.hidden[index] = !box.checked;
          update(true);
        });
        langBoxes.push(box);
      });
      Array.from(toolbar.querySelectorAll("[disabled]")).forEach(function (control) { control.disabled = false; });
      status = byTable(".gfbs-count", table.id);
      empty = wrap.querySelector(".gfbs-empty");
    }

    // Restore the view from the URL, ignoring values that do not fit this table.
    var params = readParams();
    var prefix = table.id + ".";
    var sortBy = labels.indexOf(params.get(prefix + "sort"));
    if (sortBy >= 0) {
      state.sort = sortBy;
      state.dir = params.get(prefix + "dir") === "desc" ? "desc" : "asc";
    }
    if (search) {
      state.q = (params.get(prefix + "q") || "").trim();
      search.value = state.q;
    }
    facetSelects.forEach(function (select) {
      var index = Number(select.getAttribute("data-column"));
      var wanted = params.get(prefix + "f." + labels[index]);
      if (wanted && Array.from(select.options).some(function (option) { return option.value === wanted; })) {
        select.value = wanted;
        state.facets[index] = wanted;
      }
    });
    var langs = (params.get(prefix + "langs") || "").split(",").filter(Boolean);
    var known = langBoxes.filter(function (box) { return langs.indexOf(box.value) !== -1; });
    if (known.length) {
      langBoxes.forEach(function (box) {
        box.checked = known.indexOf(box) !== -1;
        state.hidden[Number(box.getAttribute("data-column"))] = !box.checked;
      });
    }
    update(false);
  }

  function enhanceAll() {
    var tables = Array.from(document.querySelectorAll("table.gfbs-table"));
    tables.forEach(enhance);
    // The toolbar above a table moved the row the URL's #anchor points at: scroll to it again.
    var id = window.location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch (error) {
      // A malformed escape in a hand-typed URL: look the id up as written.
    }
    var target = id && document.getElementById(id);
    if (target && target.closest("table.gfbs-table[data-gfbs-enhanced]")) target.scrollIntoView();
  }

  // Material's instant navigation runs this file again when it brings in a page that loads it: subscribe once.
  if (window.gfbsTables) return;
  window.gfbsTables = true;
  // Pages with tables set this class in their head; a page reached by instant navigation may not have run that.
  document.documentElement.classList.add("gfbs-js");

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enhanceAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();
