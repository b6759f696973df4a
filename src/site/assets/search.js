// The search page (search.html?q=…): loads MiniSearch's index (search-index.json, prebuilt by `npm run sync`) and
// shows ranked results as links in #results as the query changes; the URL follows the query, so a search is a
// link. Keyboard: ↓ from the box enters the results, ↑/↓ move, Esc returns to the box.
(() => {
  var input = document.getElementById('search-input');
  var results = document.getElementById('results');
  var status = document.getElementById('search-status');
  if (!input || !results || !window.MiniSearch || !window.onedataSearchTerms) return;
  var terms = window.onedataSearchTerms;
  var LIMIT = 50;
  var engine = null;
  var options = null;

  // The release select (a portal of several releases): each option names its release's index file.
  var scope = document.getElementById('search-release');
  var wanted = new URLSearchParams(location.search).get('release');
  if (scope && wanted) scope.value = wanted;
  if (scope && scope.selectedIndex < 0) scope.selectedIndex = 0;

  function indexFile() {
    return scope?.options[scope.selectedIndex].getAttribute('data-index') || 'search-index.json';
  }

  function load() {
    return fetch(indexFile())
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.json();
      })
      .then((data) => {
        options = data.options;
        engine = MiniSearch.loadJS(data.index, {
          fields: options.fields,
          storeFields: options.storeFields,
          tokenize: terms.tokenize,
          processTerm: terms.processTerm,
        });
      });
  }
  var loading = load();

  function search(query) {
    var base = {
      boost: options.searchOptions.boost,
      boostDocument: terms.boostDocument,
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
    };
    var hits = engine.search(query, Object.assign({ combineWith: 'AND' }, base));
    return hits.length ? hits : engine.search(query, Object.assign({ combineWith: 'OR' }, base));
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function render(query) {
    results.textContent = '';
    if (!query.trim()) {
      status.textContent = 'Type a word: an operationId, a summary, a path, a privilege, a header or a schema.';
      return;
    }
    var hits = search(query);
    hits.slice(0, LIMIT).forEach((hit) => {
      var li = el('li');
      var a = el('a');
      a.href = hit.url;
      if (hit.kind === 'operation') {
        a.appendChild(el('span', `method method-${String(hit.method).toLowerCase()}`, hit.method));
        a.appendChild(document.createTextNode(' '));
        a.appendChild(el('code', 'path', hit.path));
        a.appendChild(document.createTextNode(` ${hit.title || hit.name}`));
      } else {
        a.appendChild(document.createTextNode(`${hit.name} (schema)`));
      }
      li.appendChild(a);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(el('span', 'api-name', hit.api));
      if (hit.kind === 'operation') {
        li.appendChild(document.createTextNode(' '));
        li.appendChild(el('code', '', hit.name));
      } else if (hit.title) li.appendChild(el('span', 'summary', ` ${hit.title}`));
      if (hit.deprecated) {
        li.appendChild(document.createTextNode(' '));
        li.appendChild(el('span', 'badge badge-deprecated', 'Deprecated'));
      }
      results.appendChild(li);
    });
    status.textContent = hits.length
      ? hits.length +
        (hits.length === 1 ? ' result' : ' results') +
        ' for “' +
        query.trim() +
        '”' +
        (hits.length > LIMIT ? `, the best ${LIMIT} shown.` : '.')
      : `No results for “${query.trim()}”.`;
  }

  function update() {
    var query = input.value;
    var release = scope && scope.selectedIndex > 0 ? `release=${encodeURIComponent(scope.value)}` : '';
    var url = query.trim()
      ? `?q=${encodeURIComponent(query)}${release ? `&${release}` : ''}`
      : release
        ? `?${release}`
        : location.pathname;
    history.replaceState(null, '', url);
    loading.then(() => {
      if (input.value === query) render(query);
    });
  }

  input.value = new URLSearchParams(location.search).get('q') || '';
  loading.then(
    () => {
      render(input.value);
    },
    (error) => {
      status.textContent = `The search index could not be loaded (${error.message}).`;
    },
  );
  input.addEventListener('input', update);
  if (scope)
    scope.addEventListener('change', () => {
      loading = load();
      update();
    });
  input.form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });

  function links() {
    return Array.prototype.slice.call(results.querySelectorAll('a'));
  }
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && links().length) {
      event.preventDefault();
      links()[0].focus();
    }
  });
  results.addEventListener('keydown', (event) => {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown' && at + 1 < all.length) all[at + 1].focus();
    else if (event.key === 'ArrowUp') (at > 0 ? all[at - 1] : input).focus();
    else if (event.key === 'Escape') input.focus();
    else return;
    event.preventDefault();
  });
})();
