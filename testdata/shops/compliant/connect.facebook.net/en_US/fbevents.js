/* Fixture stand-in for the Meta Pixel library, written for privacyscan
   tests. It drains the fbq queue of the page's base code, sets the
   first-party _fbp cookie (90 days) and fires each event as a 1x1 image to
   https://www.facebook.com/tr. fbq('consent', 'revoke') holds events (and
   the cookie) until fbq('consent', 'grant'), as the real library does. */
(function (w, d) {
  'use strict';
  var fbq = w.fbq;
  if (!fbq || fbq.fixtureLoaded) return;
  fbq.fixtureLoaded = true;
  var pixels = [], held = [], revoked = false, seq = 0, sent = [];
  var started = Date.now();
  var labels = location.hostname.split('.');
  var cookieDomain = labels.length > 2 ? labels.slice(-2).join('.') : location.hostname;

  function getCookie(name) {
    var parts = d.cookie ? d.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split('=');
      if (kv[0] === name) return kv.slice(1).join('=');
    }
    return null;
  }
  function fbp() {
    var v = getCookie('_fbp');
    if (!v) {
      v = 'fb.1.' + Date.now() + '.' + Math.floor(Math.random() * 2147483647);
      d.cookie = '_fbp=' + v + '; max-age=7776000; path=/; domain=' + cookieDomain + '; SameSite=Lax';
    }
    return v;
  }
  function fire(id, ev, params) {
    if (revoked) { held.push([id, ev, params]); return; }
    var q = 'id=' + encodeURIComponent(id) + '&ev=' + encodeURIComponent(ev) +
      '&dl=' + encodeURIComponent(location.href) + '&rl=' + encodeURIComponent(d.referrer) +
      '&if=false&ts=' + Date.now() + '&sw=' + screen.width + '&sh=' + screen.height +
      '&v=2.9.179&r=stable&ec=' + (seq++) + '&o=4126&fbp=' + encodeURIComponent(fbp()) +
      '&it=' + started + '&coo=false&rqm=GET';
    for (var k in params || {}) {
      if (Object.prototype.hasOwnProperty.call(params, k)) q += '&cd[' + encodeURIComponent(k) + ']=' + encodeURIComponent(params[k]);
    }
    var img = new Image(1, 1);
    img.src = 'https://www.facebook.com/tr?' + q;
    sent.push(img);
  }
  fbq.callMethod = function (cmd, a, b) {
    switch (cmd) {
      case 'init':
        pixels.push(String(a));
        break;
      case 'track':
      case 'trackCustom':
        for (var i = 0; i < pixels.length; i++) fire(pixels[i], a, b);
        break;
      case 'consent':
        revoked = a === 'revoke';
        if (!revoked) {
          var h = held;
          held = [];
          for (var j = 0; j < h.length; j++) fire(h[j][0], h[j][1], h[j][2]);
        }
        break;
    }
  };
  var queue = fbq.queue || [];
  fbq.queue = [];
  for (var i = 0; i < queue.length; i++) fbq.callMethod.apply(fbq, queue[i]);
})(window, document);
