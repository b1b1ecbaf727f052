// Ed25519 for browsers whose WebCrypto lacks it: @noble/ed25519 (npm, fetched at build time with its SHA-256 checked,
// see pom.xml), which hashes with WebCrypto's SHA-512. station.js uses it only when WebCrypto refuses the key.
// A classic script that imports the ES module (the page's script handling does not keep type="module").
(function () {
  'use strict';
  var here = document.currentScript && document.currentScript.src;
  if (!here) { return; }
  var loaded = null;
  function load() {
    loaded = loaded || import(new URL('vendor/noble-ed25519/index.js', here).href);
    return loaded;
  }
  window.pujinEd25519 = {
    verify: function (signature, message, publicKey) {
      return load().then(function (ed) { return ed.verifyAsync(signature, message, publicKey); });
    }
  };
})();
