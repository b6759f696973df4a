// The one script every page loads (deferred; every page is complete without it): copy buttons on code blocks, and
// sending an operation page's "Try it" request. Search lives on search.html (assets/search.js), loaded there only.
(() => {
  // Copy buttons: the text of the block as written (the highlighting spans hold the source unchanged).
  document.querySelectorAll('pre > code').forEach((code) => {
    var pre = code.parentNode;
    var wrap = document.createElement('div');
    wrap.className = 'code-wrap';
    pre.parentNode.insertBefore(wrap, pre);
    wrap.appendChild(pre);
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy code to the clipboard');
    button.addEventListener('click', () => {
      var text = code.textContent || '';
      var done = (ok) => {
        button.textContent = ok ? 'Copied' : 'Copy failed';
        setTimeout(() => {
          button.textContent = 'Copy';
        }, 1500);
      };
      if (navigator.clipboard?.writeText)
        navigator.clipboard.writeText(text).then(
          () => {
            done(true);
          },
          () => {
            done(false);
          },
        );
      else done(false);
    });
    wrap.appendChild(button);
  });

  // Try it: send the example request with fetch and show status, headers and body.
  document.querySelectorAll('form.try-it').forEach((form) => {
    var button = form.querySelector('button[type=submit]');
    var note = form.querySelector('.try-note');
    var out = form.querySelector('.try-response');
    if (!button || !out) return;
    button.disabled = false;
    if (note) note.remove();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      var d = form.dataset;
      var target = form.querySelector('input[name=target]:checked')?.value || '';
      var headers = { Accept: 'application/json' };
      if (d.auth === 'basic') headers.Authorization = `Basic ${btoa(`${d.user}:${d.password}`)}`;
      if (d.auth === 'token') headers[d.authHeader] = d.token;
      var init = { method: d.method, headers: headers };
      var body = form.querySelector('textarea[name=body]');
      if (body?.value.trim()) {
        headers['Content-Type'] = 'application/json';
        init.body = body.value;
      }
      var url = target + d.path;
      out.hidden = false;
      out.textContent = `Sending ${d.method} ${url} …`;
      button.disabled = true;
      fetch(url, init)
        .then((response) =>
          response.text().then((text) => {
            show(response, text, url);
          }),
        )
        .catch((error) => {
          out.textContent = '';
          var p = document.createElement('p');
          p.className = 'try-status';
          p.textContent =
            'No response from ' +
            url +
            ' (' +
            error.message +
            '). Is the server running, and does it allow requests from this page (CORS)?';
          out.appendChild(p);
        })
        .finally(() => {
          button.disabled = false;
        });
    });

    function show(response, text, url) {
      out.textContent = '';
      var status = document.createElement('p');
      status.className = 'try-status';
      status.textContent = `${response.status} ${response.statusText} from ${url}`;
      var lines = [];
      response.headers.forEach((value, name) => {
        lines.push(`${name}: ${value}`);
      });
      var head = document.createElement('pre');
      head.tabIndex = 0;
      head.className = 'try-headers';
      head.textContent = lines.join('\n');
      var pretty = text;
      try {
        pretty = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        // not JSON: shown as sent
      }
      var bodyBlock = document.createElement('pre');
      bodyBlock.tabIndex = 0;
      bodyBlock.className = 'try-body';
      bodyBlock.textContent = pretty || '(empty body)';
      out.appendChild(status);
      out.appendChild(document.createTextNode('Headers'));
      out.appendChild(head);
      out.appendChild(document.createTextNode('Body'));
      out.appendChild(bodyBlock);
    }
  });
})();
