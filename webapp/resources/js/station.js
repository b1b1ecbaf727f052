/*
 * Check-in station (签到点): USB/Bluetooth scanner input (a keyboard: token + Enter), camera scanning
 * (html5-qrcode), manual search, a live counter (Server-Sent Events) and an offline mode that verifies
 * passes in the browser with WebCrypto Ed25519 against the cached verification key, queues the scans and
 * uploads them to /checkins/batch when the network is back.
 */
(function () {
  'use strict';
  var root = document.getElementById('station');
  if (!root) { return; }
  var base = root.dataset.base;
  var t = root.dataset;
  // a paired phone (志愿者签到点) holds a station key instead of a signed-in organiser's session
  var paired = t.paired === 'true';
  var stationKey = null;
  var eventId = Number(t.event) || null;
  var input = document.getElementById('scan-input');
  var stationSelect = document.getElementById('station-select');
  var storeKey = 'pujin.checkin.' + eventId;
  var recent = [];
  var lastToken = null, lastTokenAt = 0;
  var online = true;

  var LABEL = {
    ADMITTED: t.i18nAdmitted, ALREADY_CHECKED_IN: t.i18nAlready, REVOKED: t.i18nRevoked, WRONG_EVENT: t.i18nWrong,
    NOT_CONFIRMED: t.i18nNotconfirmed, INVALID_SIGNATURE: t.i18nInvalid, MALFORMED: t.i18nMalformed, EVENT_NOT_OPEN: t.i18nNotopen
  };

  function tone(verdict) {
    if (verdict === 'ADMITTED') { return 'ok'; }
    return verdict === 'ALREADY_CHECKED_IN' ? 'dup' : 'bad';
  }

  function load(name, fallback) {
    try { return JSON.parse(localStorage.getItem(storeKey + '.' + name)) || fallback; } catch (e) { return fallback; }
  }

  function save(name, value) {
    try { localStorage.setItem(storeKey + '.' + name, JSON.stringify(value)); } catch (e) { /* storage full: keep going */ }
  }

  function station() {
    return stationSelect && stationSelect.value ? Number(stationSelect.value) : null;
  }

  // ---- requests: the organiser's session cookie, or a paired phone's station key ----
  function request(options) {
    var o = options || {};
    o.credentials = paired ? 'omit' : 'same-origin';
    o.headers = o.headers || {};
    o.headers.Accept = o.headers.Accept || 'application/json';
    if (paired && stationKey) { o.headers.Authorization = 'Bearer ' + stationKey; }
    return o;
  }

  function call(path, options) {
    return fetch(base + path, request(options)).then(function (r) {
      if (paired && r.status === 401) { revoked(); throw new Error('revoked'); }
      return r;
    });
  }

  function nonce() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  // ---- sound: a high tone when admitted, two low ones otherwise ----
  var audio = null;
  function beep(ok) {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var times = ok ? [0] : [0, 0.22];
      times.forEach(function (at) {
        var osc = audio.createOscillator(), gain = audio.createGain();
        osc.frequency.value = ok ? 1320 : 330;
        gain.gain.value = 0.15;
        osc.connect(gain); gain.connect(audio.destination);
        osc.start(audio.currentTime + at); osc.stop(audio.currentTime + at + 0.16);
      });
    } catch (e) { /* no audio on this device */ }
  }

  // ---- showing an answer ----
  function show(answer) {
    var box = document.getElementById('verdict');
    var kind = tone(answer.verdict);
    box.className = 'verdict ' + kind;
    box.querySelector('.verdict-code').textContent = LABEL[answer.verdict] || answer.verdict;
    var person = [answer.name, answer.category ? categoryLabel(answer.category) : null, answer.number].filter(Boolean).join(' · ');
    box.querySelector('.verdict-person').textContent = person;
    var detail = '';
    if (answer.verdict === 'ALREADY_CHECKED_IN' && answer.firstCheckedInAt) {
      detail = t.i18nFirst.replace('{0}', hhmm(answer.firstCheckedInAt)).replace('{1}', answer.firstStation || t.i18nStaff);
    }
    if (answer.offlineChecked) { detail = (detail ? detail + ' · ' : '') + t.i18nOfflinecheck; }
    box.querySelector('.verdict-detail').textContent = detail;
    beep(kind === 'ok');
    recent.unshift({ verdict: answer.verdict, who: person || '—', at: new Date().toISOString() });
    recent = recent.slice(0, 20);
    renderRecent();
  }

  // in the page's language, from the attributes the page writes from its bundle
  function categoryLabel(c) {
    return (c && t['i18nCategory' + c.charAt(0) + c.slice(1).toLowerCase()]) || c;
  }

  // times as the office reads them (Shanghai), whatever the device's zone
  function hhmm(iso) {
    return new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
  }

  function renderRecent() {
    var list = document.getElementById('recent');
    document.getElementById('recent-empty').hidden = recent.length > 0;
    list.innerHTML = '';
    recent.forEach(function (r) {
      var li = document.createElement('li');
      var tag = document.createElement('span');
      tag.className = 'tag ' + tone(r.verdict);
      tag.textContent = LABEL[r.verdict] || r.verdict;
      var who = document.createElement('span');
      who.textContent = r.who;
      var at = document.createElement('span');
      at.className = 'muted';
      at.textContent = hhmm(r.at);
      li.appendChild(tag); li.appendChild(who); li.appendChild(at);
      list.appendChild(li);
    });
  }

  function setOnline(value) {
    online = value;
    var s = document.getElementById('net-status');
    s.textContent = value ? t.i18nOnline : t.i18nOffline;
    s.className = 'station-status' + (value ? '' : ' offline');
    var queued = load('queue', []).length;
    document.getElementById('queue-status').textContent = queued ? t.i18nQueued.replace('{0}', queued) : '';
  }

  // ---- talking to the server ----
  function post(path, body) {
    return call(path, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    }).then(function (r) {
      if (r.status >= 500 || r.status === 0) { throw new Error('server'); }
      return r.json().then(function (json) { return { status: r.status, json: json }; });
    });
  }

  function submit(token) {
    token = (token || '').trim();
    if (!token) { return; }
    var now = Date.now();
    if (token === lastToken && now - lastTokenAt < 3000) { return; } // the camera sees the same code many times
    lastToken = token; lastTokenAt = now;
    var scan = { token: token, nonce: nonce(), station: station(), eventId: eventId };
    if (!navigator.onLine) { offline(scan); return; }
    post('/checkins', scan).then(function (r) {
      setOnline(true);
      if (r.status === 200) { show(r.json); markLocal(r.json); } else { show({ verdict: 'MALFORMED', name: r.json.detail }); }
    }).catch(function () { offline(scan); });
  }

  function admit(registrationId) {
    var body = { registrationId: registrationId, nonce: nonce(), station: station(), eventId: eventId };
    if (!navigator.onLine) { offline(body); return; }
    post('/checkins/manual', body).then(function (r) {
      setOnline(true);
      if (r.status === 200) { show(r.json); markLocal(r.json); }
    }).catch(function () { offline(body); });
  }

  // ---- offline: verify with the cached key, remember admissions, queue for upload ----
  function refreshMaterial() {
    return call('/events/' + eventId + '/verification-key')
      .then(function (r) { if (!r.ok) { throw new Error('key'); } return r.json(); })
      .then(function (material) {
        save('material', material);
        var admitted = load('admitted', {});
        material.roster.forEach(function (p) { if (p.checkedInAt && p.passId) { admitted[p.passId] = p.checkedInAt; } });
        save('admitted', admitted);
        setOnline(true);
      })
      .catch(function () { setOnline(false); localCounts(); });
  }

  function markLocal(answer) {
    if (answer.verdict !== 'ADMITTED' || !answer.registrationId) { return; }
    var material = load('material', null);
    if (!material) { return; }
    var person = material.roster.find(function (p) { return p.registrationId === answer.registrationId; });
    if (person && person.passId) {
      var admitted = load('admitted', {});
      admitted[person.passId] = answer.scannedAt || new Date().toISOString();
      save('admitted', admitted);
    }
  }

  function b64url(s) {
    var bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { out[i] = bin.charCodeAt(i); }
    return out;
  }

  function readLong(bytes, offset) {
    var n = 0;
    for (var i = 0; i < 8; i++) { n = n * 256 + bytes[offset + i]; }
    return n;
  }

  // WebCrypto Ed25519 where the browser has it, else @noble/ed25519 (loaded by ed25519.js)
  function verifySignature(publicKey, signature, message, forceLibrary) {
    function library() {
      if (!window.pujinEd25519) { return Promise.reject(new Error('no Ed25519')); }
      return window.pujinEd25519.verify(signature, message, publicKey);
    }
    if (forceLibrary || !window.crypto || !crypto.subtle) { return library(); }
    return crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify'])
      .then(function (k) { return crypto.subtle.verify({ name: 'Ed25519' }, k, signature, message); }, library);
  }

  function verifyOffline(token, forceLibrary) {
    var material = load('material', null);
    if (!material) { return Promise.resolve({ verdict: 'INVALID_SIGNATURE' }); }
    if (!/^[A-Za-z0-9_-]{116}$/.test(token)) { return Promise.resolve({ verdict: 'MALFORMED' }); }
    var bytes = b64url(token);
    if (bytes.length !== 87 || bytes[0] !== 1) { return Promise.resolve({ verdict: 'MALFORMED' }); }
    var keyId = bytes[1] * 256 + bytes[2];
    var passId = readLong(bytes, 3), passEvent = readLong(bytes, 11);
    var key = material.keys.find(function (k) { return k.id === keyId; });
    if (!key || (key.expiresAt && new Date(key.expiresAt) <= new Date())) { return Promise.resolve({ verdict: 'INVALID_SIGNATURE' }); }
    return verifySignature(b64url(key.publicKey), bytes.slice(23), bytes.slice(0, 23), forceLibrary)
      .then(function (valid) {
        if (!valid) { return { verdict: 'INVALID_SIGNATURE' }; }
        if (passEvent !== eventId) { return { verdict: 'WRONG_EVENT' }; }
        if (material.revoked.indexOf(passId) >= 0) { return { verdict: 'REVOKED' }; }
        var now = new Date();
        if (now < new Date(material.checkInOpensAt) || now >= new Date(material.checkInClosesAt)) { return { verdict: 'EVENT_NOT_OPEN' }; }
        var person = material.roster.find(function (p) { return p.passId === passId; }) || {};
        var admitted = load('admitted', {});
        if (admitted[passId]) {
          return { verdict: 'ALREADY_CHECKED_IN', name: person.name, category: person.category, number: person.number,
                   firstCheckedInAt: admitted[passId] };
        }
        admitted[passId] = now.toISOString();
        save('admitted', admitted);
        return { verdict: 'ADMITTED', name: person.name, category: person.category, number: person.number };
      })
      .catch(function () { return { verdict: 'INVALID_SIGNATURE' }; });
  }

  // without the live counter (offline), the counter follows what this device knows
  function localCounts() {
    var material = load('material', null);
    if (!material) { return; }
    document.getElementById('expected').textContent = material.roster.length;
    document.getElementById('checked-in').textContent = Object.keys(load('admitted', {})).length;
  }

  function offline(scan) {
    setOnline(false);
    scan.scannedAt = new Date().toISOString();
    var queue = load('queue', []);
    queue.push({ token: scan.token || null, registrationId: scan.registrationId || null, nonce: scan.nonce, scannedAt: scan.scannedAt });
    save('queue', queue);
    setOnline(false);
    if (scan.token) {
      verifyOffline(scan.token).then(function (answer) { answer.offlineChecked = true; show(answer); localCounts(); });
    } else {
      show({ verdict: 'ADMITTED', offlineChecked: true });
    }
  }

  function flush() {
    var queue = load('queue', []);
    if (!queue.length || !navigator.onLine) { return; }
    post('/checkins/batch', { station: station(), eventId: eventId, scans: queue }).then(function (r) {
      if (r.status === 200) {
        var sent = queue.map(function (s) { return s.nonce; });
        save('queue', load('queue', []).filter(function (s) { return sent.indexOf(s.nonce) < 0; }));
        setOnline(true);
        refreshMaterial();
      }
    }).catch(function () { setOnline(false); });
  }

  // ---- live counter ----
  // the live counter: EventSource for the organiser; a paired phone reads the same stream with its key (EventSource
  // cannot send a header)
  function subscribe() {
    if (paired) { subscribeWithKey(); return; }
    if (!window.EventSource) { return; }
    var source = new EventSource(base + '/events/' + eventId + '/checkins/stream', { withCredentials: true });
    source.addEventListener('checkin', function (e) {
      var update = JSON.parse(e.data);
      document.getElementById('checked-in').textContent = update.checkedIn;
      document.getElementById('expected').textContent = update.expected;
    });
    source.onopen = function () { setOnline(true); flush(); };
  }

  function subscribeWithKey() {
    if (!window.ReadableStream || !window.TextDecoder) { return; }
    call('/events/' + eventId + '/checkins/stream', { headers: { Accept: 'text/event-stream' } }).then(function (r) {
      if (!r.ok || !r.body) { throw new Error('stream'); }
      setOnline(true); flush();
      var reader = r.body.getReader(), decoder = new TextDecoder(), buffer = '';
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { throw new Error('closed'); }
          buffer += decoder.decode(chunk.value, { stream: true });
          var parts = buffer.split('\n\n');
          buffer = parts.pop();
          parts.forEach(function (part) {
            var data = part.split('\n').filter(function (l) { return l.indexOf('data:') === 0; })
              .map(function (l) { return l.slice(5).trim(); }).join('');
            if (part.indexOf('event: checkin') >= 0 && data) {
              var update = JSON.parse(data);
              document.getElementById('checked-in').textContent = update.checkedIn;
              document.getElementById('expected').textContent = update.expected;
            }
          });
          return pump();
        });
      }
      return pump();
    }).catch(function () { if (stationKey) { setTimeout(subscribeWithKey, 5000); } });
  }

  // ---- a paired phone: its key, its station and event, revocation ----
  function revoked() {
    stationKey = null;
    try {
      localStorage.removeItem('pujin.station.key');
      localStorage.removeItem('pujin.station.me');
    } catch (e) { /* nothing stored */ }
    var note = document.getElementById('station-revoked');
    note.textContent = t.i18nRevokedstation;
    note.hidden = false;
    document.getElementById('net-status').hidden = true;
    document.getElementById('queue-status').hidden = true;
    document.querySelector('.station-grid').hidden = true;
  }

  function checkStillPaired() {
    if (!stationKey || !navigator.onLine) { return; }
    call('/stations/me').then(function (r) {
      if (r.ok) { return r.json().then(function (me) { localStorage.setItem('pujin.station.me', JSON.stringify(me)); }); }
    }).catch(function () { /* offline or revoked (handled) */ });
  }

  function pair() {
    var m = /[#&]k=([A-Za-z0-9_-]+)/.exec(location.hash);
    try {
      if (m) {
        localStorage.setItem('pujin.station.key', m[1]);
        localStorage.removeItem('pujin.station.me');
        history.replaceState(null, '', location.pathname);
      }
      stationKey = localStorage.getItem('pujin.station.key');
    } catch (e) { stationKey = m ? m[1] : null; }
    if (!stationKey) {
      var note = document.getElementById('station-revoked');
      note.textContent = t.i18nUnpaired;
      note.hidden = false;
      document.querySelector('.station-grid').hidden = true;
      return Promise.reject(new Error('unpaired'));
    }
    if ('serviceWorker' in navigator) {
      var context = base.replace(/\/api\/v1$/, '');
      navigator.serviceWorker.register(context + '/station/sw.js', { scope: context + '/station/' }).catch(function () {});
    }
    var known = null;
    try { known = JSON.parse(localStorage.getItem('pujin.station.me')); } catch (e) { known = null; }
    var fresh = call('/stations/me').then(function (r) {
      if (!r.ok) { throw new Error('me'); }
      return r.json();
    }).then(function (me) { localStorage.setItem('pujin.station.me', JSON.stringify(me)); return me; });
    return (known ? fresh.catch(function () { return known; }) : fresh).then(function (me) {
      eventId = me.eventId;
      storeKey = 'pujin.checkin.' + eventId;
      document.getElementById('station-subtitle').textContent =
        t.i18nFor.replace('{0}', me.name).replace('{1}', me.eventTitle + ' · ' + hhmm(me.startsAt));
      return me;
    });
  }

  // ---- manual search ----
  function search() {
    var q = document.getElementById('manual-q').value.trim();
    var list = document.getElementById('manual-results');
    call('/events/' + eventId + '/checkins/roster?q=' + encodeURIComponent(q))
      .then(function (r) { return r.json(); })
      .catch(function () {
        var material = load('material', { roster: [] });
        // the same rule as the server: R000123, 000123 and 123 are one registration number
        var digits = q.toUpperCase().replace(/^R/, '');
        var number = /^[0-9]{1,12}$/.test(digits) ? Number(digits) : null;
        return material.roster.filter(function (p) {
          return !q || (number !== null && p.registrationId === number) || p.phoneTail === q || (p.name || '').indexOf(q) >= 0;
        }).slice(0, 50);
      })
      .then(function (people) {
        list.innerHTML = '';
        if (!people.length) {
          var none = document.createElement('li'); none.textContent = t.i18nNomatch; list.appendChild(none); return;
        }
        people.forEach(function (p) {
          var li = document.createElement('li');
          var who = document.createElement('span');
          who.textContent = [p.name, p.number, p.phoneTail ? t.i18nPhonetail + ' ' + p.phoneTail : null].filter(Boolean).join(' · ');
          li.appendChild(who);
          if (p.status && p.status !== 'CONFIRMED') {
            // found, but holds no seat: say why instead of offering to admit
            var why = document.createElement('span'); why.className = 'tag bad';
            var state = t['i18nState' + p.status.charAt(0) + p.status.slice(1).toLowerCase()] || p.status;
            why.textContent = state + ' · ' + t.i18nNotadmissible;
            li.appendChild(why);
          } else if (p.checkedInAt) {
            var done = document.createElement('span'); done.className = 'muted';
            done.textContent = LABEL.ALREADY_CHECKED_IN + ' ' + hhmm(p.checkedInAt);
            li.appendChild(done);
          } else {
            var b = document.createElement('button');
            b.type = 'button'; b.className = 'button-small'; b.textContent = t.i18nAdmit;
            b.addEventListener('click', function () { admit(p.registrationId); b.disabled = true; });
            li.appendChild(b);
          }
          list.appendChild(li);
        });
      });
  }

  // ---- camera ----
  var camera = null;
  function startCamera() {
    if (!window.Html5Qrcode) { return; }
    camera = camera || new Html5Qrcode('camera');
    camera.start({ facingMode: 'environment' }, { fps: 10, qrbox: 240 }, function (text) { submit(text); })
      .then(function () {
        document.getElementById('camera-start').hidden = true;
        document.getElementById('camera-stop').hidden = false;
      })
      .catch(function () { show({ verdict: 'MALFORMED', name: t.i18nCamerafail }); });
  }

  function stopCamera() {
    if (camera) { camera.stop().catch(function () {}); }
    document.getElementById('camera-start').hidden = false;
    document.getElementById('camera-stop').hidden = true;
  }

  // ---- wiring ----
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { e.preventDefault(); submit(input.value); input.value = ''; }
  });
  // the scanner types into whatever has focus: keep the field focused unless the steward works elsewhere
  document.addEventListener('focusout', function () {
    setTimeout(function () {
      var a = document.activeElement;
      if (!a || a === document.body) { input.focus(); }
    }, 150);
  });
  document.getElementById('manual-go').addEventListener('click', search);
  document.getElementById('manual-q').addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); search(); } });
  document.getElementById('camera-start').addEventListener('click', startCamera);
  document.getElementById('camera-stop').addEventListener('click', stopCamera);
  if (stationSelect) {
    stationSelect.value = localStorage.getItem(storeKey + '.station') || '';
    stationSelect.addEventListener('change', function () { localStorage.setItem(storeKey + '.station', stationSelect.value); input.focus(); });
  }
  window.addEventListener('online', function () { setOnline(true); flush(); refreshMaterial(); });
  window.addEventListener('offline', function () { setOnline(false); });
  setInterval(function () { if (navigator.onLine && eventId) { flush(); refreshMaterial(); } }, 60000);

  function begin() {
    refreshMaterial().then(flush);
    subscribe();
    renderRecent();
    input.focus();
  }
  if (paired) {
    // revocation ends a paired phone within seconds
    pair().then(begin, function () {});
    setInterval(checkStillPaired, 5000);
  } else {
    begin();
  }
  window.pujinStation = { submit: submit, flush: flush, verifyOffline: verifyOffline };
})();
