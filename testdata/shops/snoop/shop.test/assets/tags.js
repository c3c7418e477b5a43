/* Lantern & Loom's tag container (fixture): the Meta pixel with automatic
   advanced matching, GA4 with the search event, Klaviyo's onsite script, a
   fraud-prevention fingerprinting script and a first-party session
   recorder. Everything loads before any choice. */
(function (w, d) {
  function load(src) { var s = d.createElement('script'); s.src = src; s.async = true; d.head.appendChild(s); }
  // Meta pixel.
  var fbq = w.fbq = w._fbq = function () { fbq.callMethod ? fbq.callMethod.apply(fbq, arguments) : fbq.queue.push(arguments); };
  fbq.queue = []; fbq.loaded = true; fbq.version = '2.0';
  load('https://connect.facebook.net/en_US/fbevents.js');
  load('https://connect.facebook.net/signals/config/731904562281004.js');
  fbq('init', '731904562281004');
  fbq('track', 'PageView');
  // GA4: page_view, and the search event with the term.
  var cid = '1029384756.' + Math.floor(Date.now() / 1000);
  function ga(en, extra) {
    var q = 'v=2&tid=G-LNTRNL00M1&cid=' + cid + '&en=' + en + '&dl=' + encodeURIComponent(location.href) + (extra || '');
    navigator.sendBeacon('https://www.google-analytics.com/g/collect?' + q);
  }
  ga('page_view');
  var term = new URLSearchParams(location.search).get('q');
  if (location.pathname === '/search' && term) ga('search', '&ep.search_term=' + encodeURIComponent(term));
  // Klaviyo onsite (identifies visitors from what they type).
  load('https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=LnTr9x');
  // Fraud prevention: device fingerprint.
  load('https://fpnpmcdn.net/v3/LnTrLoom/loader_v3.js');
  // Session replay, hosted first-party.
  load('/assets/replay.js');
  d.addEventListener('DOMContentLoaded', function () {
    var btn = d.querySelector('.product-form button');
    if (btn) btn.addEventListener('click', function () {
      fbq('track', 'AddToCart', {value: '24.90', currency: 'EUR', content_ids: 'AGL-01'});
    });
  });
})(window, document);
