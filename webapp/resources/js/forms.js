// Enter in a one-line field never presses a button the person did not choose. A form that has a default button
// (p:defaultCommand: search, sign in, save) handles Enter itself before this runs; everywhere else the browser's
// implicit submission would press the form's first button — on some pages one that reveals a phone number or
// approves what is ticked — so Enter there does nothing.
(function () {
  'use strict';
  var oneLine = 'input:not([type=button]):not([type=submit]):not([type=checkbox]):not([type=radio]):not([type=file])';
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter' || e.defaultPrevented || e.isComposing || e.keyCode === 229) {
      return;
    }
    var field = e.target;
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
