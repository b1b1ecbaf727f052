// Downloads an export with a visible progress line: the server streams the file, this counts what arrived.
(function () {
  'use strict';
  function start(link) {
    var status = document.getElementById(link.getAttribute('data-status'));
    var progress = link.getAttribute('data-progress');
    var done = link.getAttribute('data-done');
    var failed = link.getAttribute('data-failed');
    var name = link.getAttribute('download') || 'export';
    link.setAttribute('aria-disabled', 'true');
    status.textContent = progress.replace('{0}', '0');
    fetch(link.href, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok || !response.body) { throw new Error(response.status); }
      var reader = response.body.getReader();
      var chunks = [];
      var received = 0;
      function pump() {
        return reader.read().then(function (r) {
          if (r.done) { return; }
          chunks.push(r.value);
          received += r.value.length;
          status.textContent = progress.replace('{0}', Math.max(1, Math.round(received / 1024)));
          return pump();
        });
      }
      return pump().then(function () {
        var blob = new Blob(chunks, { type: response.headers.get('Content-Type') || 'application/octet-stream' });
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = name;
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
        status.textContent = done.replace('{0}', name);
      });
    }).catch(function () {
      status.textContent = failed;
    }).finally(function () {
      link.removeAttribute('aria-disabled');
    });
  }
  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('a.export-link');
    if (!link || !window.fetch || !window.ReadableStream) { return; }
    e.preventDefault();
    if (link.getAttribute('aria-disabled') !== 'true') { start(link); }
  });
})();
