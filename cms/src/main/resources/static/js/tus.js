// A small tus 1.0.0 client of our own (core + creation), for the editor page's uploads: no tus-js-client WebJar is on
// Maven Central. The file is sent in chunks cut with File.slice, so the browser never holds the whole file in
// memory; after a dropped connection it asks the server for the offset (HEAD) and goes on from there.
(function () {
  'use strict';

  var VERSION = '1.0.0';
  var MAX_FAILURES = 8;

  function base64(text) {
    return btoa(unescape(encodeURIComponent(text)));
  }

  function parse(xhr) {
    try { return JSON.parse(xhr.responseText); } catch (ignored) { return {}; }
  }

  // One request; resolves with the XMLHttpRequest whatever its status, rejects only when no answer came.
  function request(method, url, headers, body, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open(method, url);
      xhr.setRequestHeader('Tus-Resumable', VERSION);
      xhr.setRequestHeader('Accept', 'application/json');
      Object.keys(headers).forEach(function (name) { xhr.setRequestHeader(name, headers[name]); });
      if (onProgress && xhr.upload) {
        xhr.upload.addEventListener('progress', function (e) { onProgress(e.loaded); });
      }
      xhr.addEventListener('load', function () { resolve(xhr); });
      xhr.addEventListener('error', function () { reject(new Error('network')); });
      xhr.addEventListener('abort', function () { reject(new Error('network')); });
      xhr.addEventListener('timeout', function () { reject(new Error('network')); });
      xhr.send(body === undefined ? null : body);
    });
  }

  function wait(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }

  // options: endpoint (creation URL), headers (sent with POST and PATCH, e.g. the CSRF token), metadata,
  // chunkSize, onProgress(sent, total), onRetry(), onResume(offset). Resolves with the last PATCH's
  // XMLHttpRequest; rejects with an Error whose message is the server's sentence, when it gave one.
  function upload(file, options) {
    var headers = options.headers || {};
    var chunkSize = options.chunkSize || 1024 * 1024;
    var location = null;
    var failures = 0;

    function refused(xhr) {
      var error = new Error(parse(xhr).message || '');
      error.status = xhr.status;
      return error;
    }

    function create() {
      var meta = Object.keys(options.metadata || {}).map(function (key) {
        return key + ' ' + base64(options.metadata[key]);
      }).join(',');
      var h = Object.assign({ 'Upload-Length': String(file.size) }, headers);
      if (meta) { h['Upload-Metadata'] = meta; }
      return request('POST', options.endpoint, h).then(function (xhr) {
        if (xhr.status !== 201) { throw refused(xhr); }
        location = xhr.getResponseHeader('Location');
        return 0;
      });
    }

    // After a failure: where the server stands now.
    function resync() {
      return request('HEAD', location, {}).then(function (xhr) {
        if (xhr.status !== 200) { throw refused(xhr); }
        var offset = parseInt(xhr.getResponseHeader('Upload-Offset'), 10);
        if (options.onResume) { options.onResume(offset); }
        return offset;
      });
    }

    function send(offset) {
      var chunk = file.slice(offset, Math.min(file.size, offset + chunkSize));
      var h = Object.assign({ 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' }, headers);
      return request('PATCH', location, h, chunk, function (loaded) {
        if (options.onProgress) { options.onProgress(offset + loaded, file.size); }
      }).then(function (xhr) {
        if (xhr.status === 409 || xhr.status === 423) { return retry(); }
        if (xhr.status < 200 || xhr.status >= 300) { throw refused(xhr); }
        failures = 0;
        var next = parseInt(xhr.getResponseHeader('Upload-Offset'), 10);
        if (options.onProgress) { options.onProgress(next, file.size); }
        return next >= file.size ? xhr : send(next);
      }, function () { return retry(); });
    }

    // A lost connection (or a write still finishing on the server): wait a little longer each time, then ask.
    function retry() {
      failures += 1;
      if (failures > MAX_FAILURES) { return Promise.reject(new Error('')); }
      if (options.onRetry) { options.onRetry(); }
      return wait(Math.min(5000, 500 * failures)).then(resync).then(send, function (error) {
        if (error.status) { throw error; }
        return retry();
      });
    }

    return create().then(send);
  }

  window.BhxhTus = { upload: upload };
}());
