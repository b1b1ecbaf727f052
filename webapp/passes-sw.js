/* Passes kept on the phone: "my passes" opened once (signed in) is shown again with no network — the page, its QR
   images and the scripts and styles it uses, each the last copy that came over the network. Only /me/ pages are
   controlled and only the passes page and pass images are kept; signing out deletes the copy (forms.js). */
'use strict';
var CACHE = 'pujin-passes-v1';

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (e) { e.waitUntil(self.clients.claim()); });

function kept(url) {
  return /\/me\/passes\.xhtml$/.test(url.pathname)
      || /\/api\/v1\/registrations\/\d+\/pass\.png$/.test(url.pathname)
      || url.pathname.indexOf('/jakarta.faces.resource/') >= 0;
}

self.addEventListener('fetch', function (e) {
  var request = e.request;
  if (request.method !== 'GET') { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || !kept(url)) { return; }
  e.respondWith(fetch(request).then(function (response) {
    // a sign-in redirect or an error page never replaces the last good copy
    if (response.ok && !response.redirected && response.type === 'basic') {
      var copy = response.clone();
      e.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(request, copy); }));
    }
    return response;
  }).catch(function () {
    return caches.match(request, { ignoreVary: true }).then(function (hit) {
      return hit || Response.error();
    });
  }));
});

self.addEventListener('message', function (e) {
  if (e.data === 'forget') { e.waitUntil(caches.delete(CACHE)); }
});
