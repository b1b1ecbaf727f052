// The 核验 page: recomputes a published selection (公示) in the browser from the published data only, with the
// algorithm of cn.pujin.open.selection.control.Lottery (docs/selection.md). Nothing is sent anywhere.
(function () {
  'use strict';

  // ---- SHA-256 (FIPS 180-4) over UTF-8; pure JavaScript so it also works where crypto.subtle is not offered (plain http)
  var K = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];

  function sha256(text) {
    var bytes = new TextEncoder().encode(text);
    var bitLength = bytes.length * 8;
    var padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
    padded.set(bytes);
    padded[bytes.length] = 0x80;
    var view = new DataView(padded.buffer);
    view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
    view.setUint32(padded.length - 4, bitLength >>> 0);
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var w = new Array(64);
    for (var off = 0; off < padded.length; off += 64) {
      for (var i = 0; i < 16; i++) { w[i] = view.getUint32(off + i * 4); }
      for (i = 16; i < 64; i++) {
        var s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        var s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (i = 0; i < 64; i++) {
        var t1 = (k + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
        var t2 = ((ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h = [h[0] + a, h[1] + b, h[2] + c, h[3] + d, h[4] + e, h[5] + f, h[6] + g, h[7] + k].map(function (x) { return x | 0; });
    }
    return h.map(function (x) { return ('00000000' + (x >>> 0).toString(16)).slice(-8); }).join('');
  }

  function ror(x, n) { return (x >>> n) | (x << (32 - n)); }

  // ---- the draw, as Lottery.draw
  var CATEGORIES = ['RESIDENT', 'STAKEHOLDER', 'ENTERPRISE', 'EXPERT', 'OTHER'];
  var FIELD = { COMMUNITY: 'community', AGE_BAND: 'ageBand', GENDER: 'gender' };

  function draw(seed, rule, input) {
    var order = input.map(function (a) { return { a: a, key: sha256(seed + ':' + a.registrationId) }; });
    order.sort(function (x, y) { return x.key < y.key ? -1 : x.key > y.key ? 1 : x.a.registrationId - y.a.registrationId; });
    order = order.map(function (x) { return x.a; });
    var balance = rule.balance || [];
    var selected = [], taken = {};
    function matches(line, a) { return (a[FIELD[line.attribute]] || null) === line.value; }
    function fits(a) {
      return balance.every(function (line) {
        return line.max == null || !matches(line, a) || selected.filter(function (s) { return matches(line, s); }).length < line.max;
      });
    }
    function take(test, wanted) {
      var have = 0;
      for (var i = 0; i < order.length; i++) {
        if (have >= wanted || selected.length >= rule.seats) { return; }
        var a = order[i];
        if (test(a) && !taken[a.registrationId] && fits(a)) { selected.push(a); taken[a.registrationId] = true; have++; }
      }
    }
    CATEGORIES.forEach(function (c) {
      take(function (a) { return a.category === c; }, (rule.minimums || {})[c] || 0);
    });
    balance.forEach(function (line) {
      var have = selected.filter(function (s) { return matches(line, s); }).length;
      take(function (a) { return matches(line, a); }, line.min - have);
    });
    var rest = order.filter(function (a) { return !taken[a.registrationId]; });
    if (rule.stakeholdersFirst) {
      rest = rest.filter(function (a) { return a.category === 'STAKEHOLDER'; })
        .concat(rest.filter(function (a) { return a.category !== 'STAKEHOLDER'; }));
    }
    var passedOver = [];
    rest.forEach(function (a) {
      if (selected.length < rule.seats && fits(a)) { selected.push(a); taken[a.registrationId] = true; } else { passedOver.push(a); }
    });
    return {
      selected: selected.map(function (a) { return a.registrationId; }),
      alternates: passedOver.slice(0, rule.alternates).map(function (a) { return a.registrationId; })
    };
  }

  function inputHash(input) {
    return sha256(input.map(function (a) { return a.registrationId; }).sort(function (x, y) { return x - y; }).join(','));
  }

  // ---- the page
  var root = document.getElementById('verify');
  if (!root) { return; }
  var t = root.dataset;
  var published;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) { e.textContent = text; }
    return e;
  }

  function render(data) {
    published = data;
    document.getElementById('seed').value = data.seed;
    document.getElementById('commitment').textContent = data.seedCommitment || '—';
    document.getElementById('publishedHash').textContent = data.inputHash;
    var body = document.getElementById('inputRows');
    body.textContent = '';
    data.input.forEach(function (row, i) {
      var tr = el('tr');
      var idCell = el('td', { 'data-label': t.labelId });
      var id = el('input', { type: 'number', 'class': 'input-id', 'aria-label': t.labelId + ' ' + (i + 1), value: row.registrationId });
      idCell.appendChild(id);
      tr.appendChild(idCell);
      tr.appendChild(el('td', { 'data-label': t.labelNumber }, row.number));
      tr.appendChild(el('td', { 'data-label': t.labelName }, row.name || '—'));
      var catCell = el('td', { 'data-label': t.labelCategory });
      var select = el('select', { 'class': 'input-category', 'aria-label': t.labelCategory + ' ' + (i + 1) });
      CATEGORIES.forEach(function (c) {
        var o = el('option', { value: c }, t['category' + c]);
        if (c === row.category) { o.selected = true; }
        select.appendChild(o);
      });
      catCell.appendChild(select);
      tr.appendChild(catCell);
      var comCell = el('td', { 'data-label': t.labelCommunity });
      comCell.appendChild(el('input', { type: 'text', 'class': 'input-community', 'aria-label': t.labelCommunity + ' ' + (i + 1),
        value: row.community || '' }));
      tr.appendChild(comCell);
      body.appendChild(tr);
    });
    verify();
  }

  function currentInput() {
    return Array.prototype.map.call(document.querySelectorAll('#inputRows tr'), function (tr) {
      var community = tr.querySelector('.input-community').value.trim();
      return {
        registrationId: parseInt(tr.querySelector('.input-id').value, 10),
        category: tr.querySelector('.input-category').value,
        community: community === '' ? null : community
      };
    });
  }

  // an application's number as people know it (R000006), for a numeric id
  function numbers(ids) {
    return ids.map(function (id) {
      var row = published.input.filter(function (r) { return r.registrationId === id; })[0];
      return row ? row.number : String(id);
    }).join(', ') || '—';
  }

  function same(a, b) { return a.length === b.length && a.every(function (x, i) { return x === b[i]; }); }

  function verify() {
    var data = published;
    var seed = document.getElementById('seed').value;
    var input = currentInput();
    var rule = data.rule;
    var privateLines = (rule.balance || []).some(function (l) { return l.attribute !== 'COMMUNITY'; });
    var checks = [];
    if (data.seedCommitment) {
      checks.push({ name: t.checkCommitment, ok: sha256(seed) === data.seedCommitment, detail: sha256(seed) });
    }
    var hash = inputHash(input);
    checks.push({ name: t.checkInput, ok: hash === data.inputHash, detail: hash });
    var expected = { selected: data.selected.map(function (p) { return p.registrationId; }),
      alternates: data.alternates.map(function (p) { return p.registrationId; }) };
    var computed = draw(seed, rule, input);
    if (privateLines) {
      var totalsOk = (rule.balance || []).every(function (line) {
        var counts = (data.balanceCounts || []).filter(function (c) { return c.attribute === line.attribute && c.value === line.value; });
        var chosen = counts.reduce(function (sum, c) { return sum + c.selected; }, 0);
        var applied = counts.reduce(function (sum, c) { return sum + c.applicants; }, 0);
        return chosen >= Math.min(line.min, applied) && (line.max == null || chosen <= line.max);
      });
      checks.push({ name: t.checkResult, ok: totalsOk, detail: t.privateNote, skipped: true });
    } else {
      // the selected are a set (their order is only the order they were taken in); alternates have ranks
      var sorted = function (a) { return a.slice().sort(function (x, y) { return x - y; }); };
      checks.push({ name: t.checkResult,
        ok: same(sorted(computed.selected), sorted(expected.selected)) && same(computed.alternates, expected.alternates),
        detail: t.computed + ' — ' + t.selected + ': ' + numbers(computed.selected) + '; ' + t.alternates + ': ' + numbers(computed.alternates) +
          ' · ' + t.expected + ' — ' + t.selected + ': ' + numbers(expected.selected) + '; ' + t.alternates + ': ' + numbers(expected.alternates) });
    }
    if ((data.revisions || []).length > 0) {
      var holders = expected.selected.slice(), lastRank = 0, ok = true;
      data.revisions.forEach(function (r) {
        var at = holders.indexOf(r.removedId);
        ok = ok && at >= 0;
        if (at >= 0) { holders.splice(at, 1); }
        if (r.promotedId != null) {
          var rank = expected.alternates.indexOf(r.promotedId) + 1;
          ok = ok && rank > lastRank;
          lastRank = rank;
          holders.push(r.promotedId);
        }
      });
      checks.push({ name: t.checkRevisions, ok: ok, detail: numbers(holders) });
    }
    var list = document.getElementById('checks');
    list.textContent = '';
    checks.forEach(function (c) {
      var li = el('li', { 'class': c.ok ? 'check-pass' : 'check-fail' });
      li.appendChild(el('strong', null, (c.ok ? '✓ ' + t.pass : '✗ ' + t.fail) + ' · '));
      li.appendChild(document.createTextNode(c.name));
      li.appendChild(el('br'));
      li.appendChild(el('code', { 'class': 'hash' }, c.detail));
      list.appendChild(li);
    });
    var all = checks.every(function (c) { return c.ok; });
    var verdict = document.getElementById('verdict');
    verdict.textContent = all ? t.match : t.mismatch;
    verdict.className = 'notice ' + (all ? 'success' : 'error');
    verdict.setAttribute('data-result', all ? 'match' : 'mismatch');
  }

  document.getElementById('verifyAgain').addEventListener('click', verify);
  fetch(t.source, { headers: { Accept: 'application/json' } })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(render)
    .catch(function (e) { document.getElementById('verdict').textContent = t.mismatch + ' (' + e.message + ')'; });

  window.PujinVerify = { sha256: sha256, draw: draw, inputHash: inputHash };
})();
