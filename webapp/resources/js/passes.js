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
