// Small scripts of our own (the Content-Security-Policy allows no inline script). Each part wires itself to the
// elements that ask for it with data-* attributes; pages without them are untouched.
(function () {
  'use strict';

  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = {};
    if (token && header) { headers[header.content] = token.content; }
    return headers;
  }

  function text(el, value) { if (el) { el.textContent = value; } }

  // Asset upload with a progress bar: the file is sent as the request body (XMLHttpRequest shows upload progress),
  // then the returned asset is added to the form as a hidden field so saving the product attaches it.
  function wireUpload(form) {
    var input = form.querySelector('input[type=file]');
    var bar = form.querySelector('progress');
    var status = form.querySelector('[data-upload-status]');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!input.files || input.files.length === 0) { text(status, form.dataset.msgChoose); return; }
      var file = input.files[0];
      var url = form.action + (form.action.indexOf('?') < 0 ? '?' : '&') + 'fileName=' + encodeURIComponent(file.name)
        + '&productType=' + encodeURIComponent(form.querySelector('[name=productType]').value)
        + '&role=' + encodeURIComponent(form.querySelector('[name=role]').value);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      var headers = csrfHeaders();
      Object.keys(headers).forEach(function (name) { xhr.setRequestHeader(name, headers[name]); });
      xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      xhr.setRequestHeader('Accept', 'application/json');
      bar.hidden = false; bar.value = 0;
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          bar.max = e.total; bar.value = e.loaded;
          text(status, form.dataset.msgProgress + ' ' + Math.round(100 * e.loaded / e.total) + '%');
        }
      });
      xhr.addEventListener('load', function () {
        var body = {};
        try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = {}; }
        if (xhr.status >= 200 && xhr.status < 300) {
          bar.value = bar.max;
          text(status, form.dataset.msgDone + ' ' + (body.fileName || ''));
          var list = document.getElementById(form.dataset.target);
          if (list) {
            var item = document.createElement('li');
            // The role by the name the form showed, not its code.
            var roleSelect = form.querySelector('[name=role]');
            var roleName = roleSelect && roleSelect.selectedIndex >= 0 ? roleSelect.options[roleSelect.selectedIndex].text : body.role;
            item.textContent = body.fileName + ' (' + roleName + ')';
            item.setAttribute('data-asset-id', body.assetId);
            list.appendChild(item);
          }
          if (form.dataset.reload === 'true') { window.location.reload(); }
        } else {
          text(status, body.message || form.dataset.msgFailed);
        }
      });
      xhr.addEventListener('error', function () { text(status, form.dataset.msgFailed); });
      xhr.send(file);
    });
  }

  // A bundle of chosen files: the ZIP is made while it downloads, so the page says "preparing", then counts the
  // bytes received, then hands the finished file to the browser.
  function wireBundle(form) {
    var status = form.querySelector('[data-bundle-status]');
    var bar = form.querySelector('progress');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var data = new URLSearchParams(new FormData(form));
      if (!data.getAll('assetId').length) { text(status, form.dataset.msgChoose); return; }
      var button = form.querySelector('button[type=submit]');
      button.disabled = true;
      text(status, form.dataset.msgPreparing);
      bar.hidden = false; bar.removeAttribute('value');
      var headers = csrfHeaders();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      fetch(form.action, { method: 'POST', headers: headers, body: data, credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) { throw new Error(form.dataset.msgFailed); }
          var reader = response.body.getReader();
          var chunks = []; var received = 0;
          function pump() {
            return reader.read().then(function (step) {
              if (step.done) { return new Blob(chunks, { type: 'application/zip' }); }
              chunks.push(step.value); received += step.value.length;
              text(status, form.dataset.msgReceiving + ' ' + Math.round(received / 1024) + ' KB');
              return pump();
            });
          }
          return pump();
        })
        .then(function (blob) {
          var link = document.createElement('a');
          link.href = URL.createObjectURL(blob);
          link.download = form.dataset.fileName || 'bundle.zip';
          document.body.appendChild(link); link.click(); link.remove();
          bar.max = 1; bar.value = 1;
          text(status, form.dataset.msgDone);
          form.setAttribute('data-bundle-done', 'true');
        })
        .catch(function (e) { text(status, e.message || form.dataset.msgFailed); })
        .then(function () { button.disabled = false; });
    });
  }

  // Buttons that need a confirmation say so with data-confirm (no inline onclick).
  function wireConfirm(button) {
    button.addEventListener('click', function (event) {
      if (!window.confirm(button.dataset.confirm)) { event.preventDefault(); }
    });
  }

  // Workbench: a memory match's "use" button puts its translation into the segment's field (data-use-for names it).
  function wireUseMatch(button) {
    button.addEventListener('click', function () {
      var field = document.getElementById(button.dataset.useFor);
      if (field) { field.value = button.dataset.text; field.focus(); }
    });
  }

  // The header's menu folds on a phone (the stylesheet hides it below 48rem once the header is "menu-ready").
  function wireMenu(header) {
    var button = header.querySelector('#menu-button');
    var menu = header.querySelector('#site-menu');
    if (!button || !menu) { return; }
    button.hidden = false;
    header.classList.add('menu-ready');
    button.addEventListener('click', function () {
      var open = !menu.classList.contains('open');
      menu.classList.toggle('open', open);
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }

  // A table wider than its box: the box gets a border cue, a sentence after it says to scroll, and it can take focus
  // so keyboard users can scroll it too. Checked again when the window changes size.
  function markWideTables() {
    var hint = document.body.dataset.scrollHint || '';
    document.querySelectorAll('.table-wrap').forEach(function (wrap) {
      var wide = wrap.scrollWidth > wrap.clientWidth + 1;
      wrap.classList.toggle('overflowing', wide);
      var next = wrap.nextElementSibling;
      if (wide && !(next && next.classList.contains('scroll-hint'))) {
        var p = document.createElement('p');
        p.className = 'scroll-hint';
        p.textContent = hint;
        wrap.insertAdjacentElement('afterend', p);
        wrap.setAttribute('tabindex', '0');
      }
    });
  }

  // A destructive step opens its confirmation dialog (data-opens names the dialog); the dialog's own form posts.
  function wireDialogButton(button) {
    var dialog = document.getElementById(button.dataset.opens);
    if (!dialog || typeof dialog.showModal !== 'function') { return; }
    button.addEventListener('click', function () { dialog.showModal(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var header = document.getElementById('site-header');
    if (header) { wireMenu(header); }
    markWideTables();
    window.addEventListener('resize', markWideTables);
    document.querySelectorAll('button[data-opens]').forEach(wireDialogButton);
    document.querySelectorAll('form[data-upload]').forEach(wireUpload);
    document.querySelectorAll('button[data-use-for]').forEach(wireUseMatch);
    document.querySelectorAll('form[data-bundle]').forEach(wireBundle);
    document.querySelectorAll('[data-confirm]').forEach(wireConfirm);
  });
}());
