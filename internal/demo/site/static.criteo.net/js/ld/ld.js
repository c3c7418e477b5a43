/* Fixture stand-in for Criteo's OneTag loader (static.criteo.net/js/ld/ld.js),
   written for privacyscan tests. Like the real loader it finds the account
   in the page's criteo_q queue ({event: 'setAccount', account: N}) and loads
   the account's tag from https://dynamic.criteo.com/js/ld/ld.js?a=N, which
   does the tracking. */
(function (w, d) {
  'use strict';
  if (w.criteo_ld_loaded) return;
  w.criteo_ld_loaded = true;
  var q = w.criteo_q = w.criteo_q || [];
  var account = null;
  function scan(e) {
    if (e && e.event === 'setAccount') account = e.account;
  }
  for (var i = 0; i < q.length; i++) {
    if (Object.prototype.toString.call(q[i]) === '[object Array]') q[i].forEach(scan); else scan(q[i]);
  }
  if (account === null) return;
  var s = d.createElement('script');
  s.async = true;
  s.src = 'https://dynamic.criteo.com/js/ld/ld.js?a=' + encodeURIComponent(account);
  d.head.appendChild(s);
})(window, document);
