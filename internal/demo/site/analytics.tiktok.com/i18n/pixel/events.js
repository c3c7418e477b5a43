/* Fixture stand-in for the TikTok Pixel SDK, written for privacyscan tests.
   The page's base code defines the ttq queue (its name is in
   window.TiktokAnalyticsObject) and loads this file once per pixel with
   ?sdkid=<pixel id>. Like the real SDK it keeps a browser id in the
   first-party _ttp cookie and sets _tt_enable_cookie, both for 13 months,
   and posts each event (ttq.page() is a Pageview) to
   https://analytics.tiktok.com/api/v2/pixel. */
(function (w, d) {
  'use strict';
  var name = w.TiktokAnalyticsObject || 'ttq';
  var ttq = w[name];
  if (!ttq || ttq.fixtureLoaded) return;
  ttq.fixtureLoaded = true;
  var labels = location.hostname.split('.');
  var cookieDomain = labels.length > 2 ? labels.slice(-2).join('.') : location.hostname;
  var THIRTEEN_MONTHS = 34128000;

  function getCookie(n) {
    var parts = d.cookie ? d.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split('=');
      if (kv[0] === n) return kv.slice(1).join('=');
    }
    return null;
  }
  function setCookie(n, v) {
    d.cookie = n + '=' + v + '; max-age=' + THIRTEEN_MONTHS + '; path=/; domain=' + cookieDomain + '; SameSite=Lax';
  }
  function rand(n) {
    var s = '', abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    for (var i = 0; i < n; i++) s += abc.charAt(Math.floor(Math.random() * abc.length));
    return s;
  }
  function ttp() {
    var v = getCookie('_ttp');
    if (!v) {
      v = rand(27);
      setCookie('_ttp', v);
    }
    setCookie('_tt_enable_cookie', '1');
    return v;
  }
  var pixels = [];
  function send(pixel, ev, props) {
    var body = JSON.stringify({
      event: ev, message_id: 'messageId-' + Date.now() + '-' + rand(8), event_id: '', is_onsite: false,
      timestamp: new Date().toISOString(), context: {
        ad: { sdk_env: 'external', jsb_status: 2 }, user: { anonymous_id: ttp() },
        pixel: { code: pixel }, page: { url: location.href, referrer: d.referrer },
        library: { name: 'pixel.js', version: '2.2.1' }, device: { platform: 'pc' },
        session_id: 'sid-' + Date.now(), userAgent: navigator.userAgent
      }, properties: props || {}
    });
    var url = 'https://analytics.tiktok.com/api/v2/pixel';
    if (!(navigator.sendBeacon && navigator.sendBeacon(url, body))) {
      fetch(url, { method: 'POST', body: body, credentials: 'include', keepalive: true }).catch(function () {});
    }
  }
  function call(m, args) {
    switch (m) {
      case 'page':
        for (var i = 0; i < pixels.length; i++) send(pixels[i], 'Pageview', args[0]);
        break;
      case 'track':
        for (var j = 0; j < pixels.length; j++) send(pixels[j], String(args[0]), args[1]);
        break;
    }
  }
  var src = d.currentScript && d.currentScript.src || '';
  var m = /[?&]sdkid=([^&]+)/.exec(src);
  if (m) pixels.push(decodeURIComponent(m[1]));
  for (var k in ttq._i || {}) {
    if (Object.prototype.hasOwnProperty.call(ttq._i, k) && pixels.indexOf(k) < 0) pixels.push(k);
  }
  var queue = ttq.slice ? ttq.slice() : [];
  ttq.length = 0;
  ttq.push = function (a) { call(a[0], Array.prototype.slice.call(a, 1)); return 0; };
  ttq.page = function (p) { call('page', [p]); };
  ttq.track = function (e, p) { call('track', [e, p]); };
  for (var q = 0; q < queue.length; q++) ttq.push(queue[q]);
})(window, document);
