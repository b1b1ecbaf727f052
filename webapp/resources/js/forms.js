// Runs fn after each PrimeFaces ajax update (jQuery comes with PrimeFaces and may load after this file).
function afterAjax(fn) {
  'use strict';
  window.addEventListener('load', function () {
    if (window.jQuery) { window.jQuery(document).on('pfAjaxComplete', function () { window.setTimeout(fn, 0); }); }
  });
}

// Enter in a one-line field never presses a button the person did not choose. A form that has a default button
// (p:defaultCommand: search, sign in, save) handles Enter itself before this runs; everywhere else the browser's
// implicit submission would press the form's first button — on some pages one that reveals a phone number or
// approves what is ticked — so Enter there does nothing (a search form, role=search, searches).
(function () {
  'use strict';
  var oneLine = 'input:not([type=button]):not([type=submit]):not([type=checkbox]):not([type=radio]):not([type=file])';
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter' || e.defaultPrevented || e.isComposing || e.keyCode === 229) {
      return;
    }
    var field = e.target;
    // a plain search form (role=search, one field and its button) is what Enter is for
    if (field && field.form && field.form.getAttribute('role') === 'search') {
      return;
    }
    if (field && field.form && field.matches && field.matches(oneLine)) {
      e.preventDefault();
    }
  });
})();

// Names for what widgets draw without one: a rich-text editor gets its field's label, and a file input that a styled
// button stands in for (hidden from assistive technology) is taken out of the tab order — the button is reached instead.
window.addEventListener('load', function () {
  'use strict';
  document.querySelectorAll('label[for]').forEach(function (label) {
    var field = document.getElementById(label.htmlFor);
    if (field && field.classList.contains('ui-texteditor')) {
      label.id = label.id || label.htmlFor + '_label';
      field.querySelectorAll('[role], .ql-editor').forEach(function (e) { e.setAttribute('aria-labelledby', label.id); });
      field.setAttribute('aria-labelledby', label.id);
    }
  });
  document.querySelectorAll('input[type=file][aria-hidden=true]').forEach(function (input) { input.tabIndex = -1; });
});

// Sharing an event: copy its link (the clipboard, or a selected field where the clipboard is not allowed), and the
// phone's own share sheet where there is one.
document.addEventListener('click', function (e) {
  'use strict';
  var copy = e.target.closest && e.target.closest('#shareCopy');
  var native = e.target.closest && e.target.closest('#shareNative');
  var status = document.getElementById('shareStatus');
  if (copy) {
    var url = copy.getAttribute('data-share-url');
    var done = function () { status.textContent = copy.getAttribute('data-copied'); };
    var failed = function () { status.textContent = copy.getAttribute('data-failed') + ' ' + url; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(done, failed);
    } else {
      failed();
    }
  } else if (native && navigator.share) {
    navigator.share({ title: native.getAttribute('data-share-title'), url: native.getAttribute('data-share-url') }).catch(function () {});
  }
});
window.addEventListener('load', function () {
  'use strict';
  var native = document.getElementById('shareNative');
  if (native && navigator.share) { native.hidden = false; }
});

// Signing out forgets the passes kept on this phone for offline use (passes-sw.js) before the form goes.
document.addEventListener('submit', function (e) {
  'use strict';
  var form = e.target;
  if (!form.matches || !form.matches('form.inline-form') || !window.caches || form.dataset.forgotten) { return; }
  e.preventDefault();
  form.dataset.forgotten = 'true';
  caches.delete('pujin-passes-v1').catch(function () {}).then(function () { form.submit(); });
});

// A tab strip wider than the screen starts scrolled to its current tab, so the page's own tab is never off the edge.
window.addEventListener('load', function () {
  'use strict';
  document.querySelectorAll('.tabs').forEach(function (strip) {
    var active = strip.querySelector('a.active');
    if (!active || strip.scrollWidth <= strip.clientWidth) { return; }
    var box = strip.getBoundingClientRect();
    var tab = active.getBoundingClientRect();
    strip.scrollLeft += tab.left - box.left - (box.width - tab.width) / 2;
  });
});

// After a save that failed, the first message is brought into view (a message under a field below the fold, or the
// page's message box, was easy to miss on a phone) and the field it belongs to takes the focus.
(function () {
  'use strict';
  function showFirstError() {
    var box = document.querySelector('.ui-messages-error');
    var field = document.querySelector('.ui-message-error');
    var target = box && box.offsetParent !== null ? box : field && field.offsetParent !== null ? field : null;
    if (!target) { return; }
    var r = target.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) { target.scrollIntoView({ block: 'center' }); }
    var holder = target === field && field.closest('.field');
    var input = holder && holder.querySelector('input:not([type=hidden]), textarea, select');
    if (input && document.activeElement !== input) { input.focus({ preventScroll: true }); }
  }
  window.addEventListener('load', showFirstError);
  afterAjax(showFirstError);
}());

// Calendar buttons of date fields are named for screen readers in the page's language (PrimeFaces' own text is
// "ui-button"), on the page and in forms an ajax update brings.
(function () {
  'use strict';
  function name() {
    var label = document.documentElement.lang && document.documentElement.lang.indexOf('en') === 0 ? 'Open the calendar' : '打开日历选择';
    document.querySelectorAll('button.ui-datepicker-trigger').forEach(function (b) {
      b.setAttribute('aria-label', label);
      var text = b.querySelector('.ui-button-text');
      if (text) { text.textContent = label; }
    });
  }
  window.addEventListener('load', name);
  afterAjax(name);
}());

// "获取验证码" waits a minute before it can be asked again, and counts down meanwhile (the server allows one a minute).
(function () {
  'use strict';
  var asked = null;
  function countDown(button) {
    var label = button.querySelector('.ui-button-text') || button;
    var text = button.dataset.label || label.textContent;
    button.dataset.label = text;
    var left = 60;
    var tick = function () {
      var current = document.getElementById(button.id) || button; // an ajax update may have replaced it
      var l = current.querySelector('.ui-button-text') || current;
      if (left <= 0) { current.disabled = false; current.classList.remove('ui-state-disabled'); l.textContent = text; return; }
      current.disabled = true;
      current.classList.add('ui-state-disabled');
      l.textContent = text + '（' + left + '）';
      left--;
      window.setTimeout(tick, 1000);
    };
    tick();
  }
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('button[id$="sendCode"]');
    if (b) { asked = b.id; }
  }, true);
  afterAjax(function () {
    if (!asked) { return; }
    var button = document.getElementById(asked);
    asked = null;
    if (button && document.querySelector('.ui-messages-info') && !document.querySelector('.ui-messages-error, .ui-message-error')) {
      countDown(button);
    }
  });
}());

// A form that was posted back names the page it belongs to (data-url): the address bar keeps it (?id=…), so a reload
// or a copied address opens the same record, not an empty form.
window.addEventListener('load', function () {
  'use strict';
  var form = document.querySelector('form[data-url]');
  var url = form && form.getAttribute('data-url');
  if (url && /[?&]id=\d+$/.test(url) && window.history.replaceState && (window.location.pathname + window.location.search) !== url) {
    window.history.replaceState(null, '', url);
  }
});
