/* Fixture stand-in for Criteo's account OneTag
   (dynamic.criteo.com/js/ld/ld.js?a=<account>), written for privacyscan
   tests. Like the real tag it drains window.criteo_q, keeps Criteo's id
   bundle in the first-party cto_bundle cookie for 13 months, and reports the
   page's events (viewHome, viewList, viewItem, viewBasket, trackTransaction)
   to https://sslwidget.criteo.com/event as an image. */
(function (w, d) {
  'use strict';
  if (w.criteo_onetag_loaded) return;
  w.criteo_onetag_loaded = true;
  var labels = location.hostname.split('.');
  var cookieDomain = labels.length > 2 ? labels.slice(-2).join('.') : location.hostname;
  var THIRTEEN_MONTHS = 34128000;
  var EVENTS = { viewHome: 'vh', viewList: 'vl', viewItem: 'vp', viewBasket: 'vb', trackTransaction: 'vc' };
  function getCookie(n) {
    var parts = d.cookie ? d.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split('=');
      if (kv[0] === n) return kv.slice(1).join('=');
    }
    return null;
  }
  function bundle() {
    var b = getCookie('cto_bundle');
    if (!b) {
      b = '';
      var abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%';
      for (var i = 0; i < 120; i++) b += abc.charAt(Math.floor(Math.random() * (abc.length - 1)));
    }
    d.cookie = 'cto_bundle=' + b + '; max-age=' + THIRTEEN_MONTHS + '; path=/; domain=' + cookieDomain + '; SameSite=Lax';
    return b;
  }
  var src = d.currentScript && d.currentScript.src || '';
  var m = /[?&]a=([^&]+)/.exec(src);
  var account = m ? decodeURIComponent(m[1]) : '';
  var siteType = 'd', parts = [], sent = [];
  function handle(e) {
    if (!e || typeof e !== 'object') return;
    if (Object.prototype.toString.call(e) === '[object Array]') { e.forEach(handle); return; }
    if (e.event === 'setSiteType') siteType = e.type;
    else if (e.event === 'setEmail' || e.event === 'setHashedEmail') parts.push('p' + parts.length + '=' + encodeURIComponent('e=ce&m=[' + (e.email || e.hash_method || '') + ']'));
    else if (EVENTS[e.event]) {
      var p = 'e=' + EVENTS[e.event];
      if (e.item) p += '&p=' + (typeof e.item === 'string' ? e.item : [].concat(e.item).map(function (x) { return x.id || x; }).join(','));
      if (e.id) p += '&id=' + e.id;
      parts.push('p' + parts.length + '=' + encodeURIComponent(p));
      fire();
    }
  }
  function fire() {
    var q = 'a=' + encodeURIComponent(account) + '&v=5.23.0&otl=1&' + parts.join('&') +
      '&p' + parts.length + '=' + encodeURIComponent('e=exd&site_type=' + siteType) +
      '&adce=1&bundle=' + encodeURIComponent(bundle()) + '&tld=' + cookieDomain + '&dy=1&fu=' + encodeURIComponent(location.href) +
      '&pu=' + encodeURIComponent(location.href) + '&ceid=' + Math.random().toString(16).slice(2) + '&dtycbr=' + Math.floor(Math.random() * 100000);
    parts = [];
    var img = new Image(1, 1);
    img.src = 'https://sslwidget.criteo.com/event?' + q;
    sent.push(img);
  }
  var q = w.criteo_q || [];
  for (var i = 0; i < q.length; i++) handle(q[i]);
  w.criteo_q = { push: function () { for (var j = 0; j < arguments.length; j++) handle(arguments[j]); return 0; } };
})(window, document);
