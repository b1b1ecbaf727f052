// The paired check-in station's service worker: keeps the station page and everything it loads, so that a phone at the
// door opens it and scans with no network, also after a reload. The page first (from the network when there is one,
// so a new version arrives), its scripts, styles and images from the cache while a fresh copy is fetched. The API is
// never cached here: the page keeps the verification key and roster itself and queues scans until the network is back.
'use strict';
var CACHE = 'pujin-station-v1';
var scope = self.registration.scope;                       // …/station/
var context = new URL(scope).pathname.replace(/\/station\/$/, '');
var PAGE = scope;                                          // the station page is the folder's index
var KEEP = [context + '/resources/', context + '/webjars/', context + '/jakarta.faces.resource/'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll([PAGE, context + '/resources/css/app.css', context + '/resources/js/station.js',
      context + '/resources/js/ed25519.js', context + '/resources/js/vendor/noble-ed25519/index.js',
      context + '/resources/img/logo.svg', context + '/webjars/html5-qrcode/2.2.1/html5-qrcode.min.js']);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf('pujin-station-') === 0 && n !== CACHE; })
      .map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

function kept(url) {
  return KEEP.some(function (prefix) { return url.pathname.indexOf(prefix) === 0; });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate' && url.href.indexOf(scope) === 0) {
    // the page: network first, the kept copy when offline (whatever fragment or query the link carried)
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(PAGE, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(PAGE);
    }));
    return;
  }
  if (kept(url)) {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(request).then(function (hit) {
        var refresh = fetch(request).then(function (response) {
          if (response.ok) { cache.put(request, response.clone()); }
          return response;
        });
        return hit ? (refresh.catch(function () {}), hit) : refresh;
      });
    }));
  }
});
