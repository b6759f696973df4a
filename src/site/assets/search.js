// Search for the documentation site (the only script the static pages load; everything works without it).
// On search.html it narrows the full list to what matches ?q= and the search box; elsewhere it shows live
// results from search-index.json under the search box. No network beyond that one same-site file.
(function () {
  'use strict';
  var input = document.getElementById('search-input');
  if (!input) return;
  var root = input.getAttribute('data-root') || '';

  function tokens(query) {
    return query.toLowerCase().split(/\s+/).filter(Boolean);
  }
  function matches(text, words) {
    var haystack = text.toLowerCase();
    return words.every(function (w) {
      return haystack.indexOf(w) !== -1;
    });
  }

  var lists = document.querySelectorAll('.search-list');
  if (lists.length) {
    var status = document.getElementById('search-status');
    var filterList = function () {
      var words = tokens(input.value);
      var shown = 0;
      var total = 0;
      lists.forEach(function (list) {
        Array.prototype.forEach.call(list.children, function (item) {
          var hit = matches(item.textContent || '', words);
          item.hidden = !hit;
          total += 1;
          if (hit) shown += 1;
        });
      });
      if (status)
        status.textContent = words.length
          ? shown + ' of ' + total + ' match “' + input.value.trim() + '”.'
          : 'All ' + total + ' operations and schemas.';
    };
    input.value = new URLSearchParams(location.search).get('q') || '';
    input.addEventListener('input', filterList);
    filterList();
    return;
  }

  var box = document.createElement('div');
  box.className = 'search-results';
  box.id = 'search-results';
  box.hidden = true;
  var summary = document.createElement('p');
  summary.setAttribute('role', 'status');
  var results = document.createElement('ul');
  box.appendChild(summary);
  box.appendChild(results);
  input.form.appendChild(box);
  input.setAttribute('aria-controls', box.id);

  var index = null;
  function loadIndex() {
    if (!index) {
      index = fetch(root + 'search-index.json').then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
      index.catch(function () {
        index = null;
      });
    }
    return index;
  }

  function label(entry) {
    return entry.kind === 'operation' ? entry.method + ' ' + entry.path : entry.name + ' (schema)';
  }

  function show(entries, query) {
    results.textContent = '';
    var words = tokens(query);
    if (!words.length) {
      box.hidden = true;
      return;
    }
    var hits = entries.filter(function (e) {
      return matches([e.name, e.title, e.method || '', e.path || ''].join(' '), words);
    });
    hits.slice(0, 10).forEach(function (e) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + e.url;
      a.textContent = label(e);
      li.appendChild(a);
      if (e.title) li.appendChild(document.createTextNode(' ' + e.title));
      results.appendChild(li);
    });
    summary.textContent = hits.length
      ? hits.length + (hits.length === 1 ? ' result' : ' results') + (hits.length > 10 ? ', first 10 shown:' : ':')
      : 'No results.';
    box.hidden = false;
  }

  input.addEventListener('focus', loadIndex);
  input.addEventListener('input', function () {
    var query = input.value;
    loadIndex().then(
      function (entries) {
        if (input.value === query) show(entries, query);
      },
      function () {
        box.hidden = true;
      },
    );
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') box.hidden = true;
  });
})();
