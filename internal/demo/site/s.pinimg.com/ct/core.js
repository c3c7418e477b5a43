/* Fixture stand-in for the Pinterest Tag (s.pinimg.com/ct/core.js), written
   for privacyscan tests. It drains the pintrk queue of the page's base code
   ('load' with the tag id, 'page', 'track'). Like the real tag it keeps an
   id for visitors who are not logged in to Pinterest in the first-party
   _pin_unauth cookie for a year and reports each event to
   https://ct.pinterest.com/v3/ as an image. */
(function (w, d) {
  'use strict';
  var pintrk = w.pintrk;
  if (!pintrk || pintrk.fixtureLoaded) return;
  pintrk.fixtureLoaded = true;
  var labels = location.hostname.split('.');
  var cookieDomain = labels.length > 2 ? labels.slice(-2).join('.') : location.hostname;
  var tags = [], sent = [];
  function getCookie(n) {
    var parts = d.cookie ? d.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split('=');
      if (kv[0] === n) return kv.slice(1).join('=');
    }
    return null;
  }
  function unauth() {
    var v = getCookie('_pin_unauth');
    if (!v) {
      var uuid = 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, function (c) {
        var r = Math.random() * 16 | 0;
        return (c === 'x' ? r : (r & 3 | 8)).toString(16);
      });
      v = btoa('uid=' + uuid).replace(/=+$/, '');
    }
    d.cookie = '_pin_unauth=' + v + '; max-age=31536000; path=/; domain=' + cookieDomain + '; SameSite=Lax';
    return v;
  }
  function fire(tid, ev, data) {
    var pd = JSON.stringify({ pin_unauth: unauth(), np: 'plain' });
    var ad = JSON.stringify({ loc: location.href, ref: d.referrer, if: false, sh: screen.height, sw: screen.width, mh: 'fixture', is_eu: true, ecm_enabled: true });
    var img = new Image(1, 1);
    img.src = 'https://ct.pinterest.com/v3/?event=' + encodeURIComponent(ev) + '&ed=' + encodeURIComponent(JSON.stringify(data || {})) +
      '&tid=' + encodeURIComponent(tid) + '&pd=' + encodeURIComponent(pd) + '&ad=' + encodeURIComponent(ad) + '&cb=' + Date.now();
    sent.push(img);
  }
  function call(a) {
    switch (a[0]) {
      case 'load':
        tags.push(String(a[1]));
        fire(String(a[1]), 'init');
        break;
      case 'page':
        for (var i = 0; i < tags.length; i++) fire(tags[i], 'pagevisit', a[1]);
        break;
      case 'track':
        for (var j = 0; j < tags.length; j++) fire(tags[j], String(a[1]), a[2]);
        break;
    }
  }
  var queue = pintrk.queue || [];
  pintrk.queue = { push: function (a) { call(a); } };
  for (var k = 0; k < queue.length; k++) call(queue[k]);
})(window, document);
