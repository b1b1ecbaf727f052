/* My passes: the QR full-screen with the screen kept awake; no inline script, so the page runs under a strict CSP. */
(function () {
  var lock = null;
  function overlay() { return document.getElementById('pass-overlay'); }
  function show(button) {
    var o = overlay();
    o.querySelector('img').src = button.dataset.src;
    o.querySelector('.pass-overlay-title').textContent = button.dataset.title;
    o.querySelector('.pass-overlay-line').textContent = button.dataset.line;
    o.hidden = false;
    if (o.requestFullscreen) { o.requestFullscreen().catch(function () {}); }
    if (navigator.wakeLock) { navigator.wakeLock.request('screen').then(function (l) { lock = l; }).catch(function () {}); }
    o.querySelector('button').focus();
  }
  function hide() {
    var o = overlay();
    if (!o || o.hidden) { return; }
    o.hidden = true;
    if (document.fullscreenElement) { document.exitFullscreen(); }
    if (lock) { lock.release(); lock = null; }
  }
  document.addEventListener('click', function (e) {
    var target = e.target.closest('[data-pass-show], [data-pass-hide]');
    if (!target) { return; }
    if (target.hasAttribute('data-pass-show')) { show(target); } else { hide(); }
  });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { hide(); } });
})();

/* Kept on the phone: a service worker keeps this page and its QR images for when there is no network (passes-sw.js);
   the full-screen images are fetched once too, so they are kept as well. Offline, a note says the copy is the last one. */
(function () {
  if (!('serviceWorker' in navigator)) { return; }
  var root = document.body.getAttribute('data-context') || '';
  navigator.serviceWorker.register(root + '/passes-sw.js', { scope: root + '/me/' }).then(function () {
    return navigator.serviceWorker.ready;
  }).then(function () {
    document.querySelectorAll('[data-pass-show]').forEach(function (b) { fetch(b.dataset.src, { credentials: 'same-origin' }).catch(function () {}); });
    document.documentElement.setAttribute('data-passes-kept', 'true');
  }).catch(function () {});
  function offline() {
    var note = document.getElementById('passes-offline');
    if (note) { note.hidden = navigator.onLine; }
  }
  window.addEventListener('online', offline);
  window.addEventListener('offline', offline);
  offline();
})();

