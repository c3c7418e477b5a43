/* Lantern & Loom's tag container (fixture, clean twin): the same vendors
   without user data — the Meta pixel with standard events only, GA4 page
   views, Klaviyo's onsite script that reads no field, a chart drawn on a
   canvas that is never read, WebGL asked only for its version, a form
   helper that watches the document and the fields and sends nothing, and a
   site search answered by the shop's own endpoint. */
(function (w, d) {
  function load(src) { var s = d.createElement('script'); s.src = src; s.async = true; d.head.appendChild(s); }
  var fbq = w.fbq = w._fbq = function () { fbq.callMethod ? fbq.callMethod.apply(fbq, arguments) : fbq.queue.push(arguments); };
  fbq.queue = []; fbq.loaded = true; fbq.version = '2.0';
  load('https://connect.facebook.net/en_US/fbevents.js');
  fbq('init', '731904562281004');
  fbq('track', 'PageView');
  var cid = '1029384756.' + Math.floor(Date.now() / 1000);
  navigator.sendBeacon('https://www.google-analytics.com/g/collect?v=2&tid=G-LNTRNL00M1&cid=' + cid + '&en=page_view&dl=' + encodeURIComponent(location.origin + location.pathname));
  load('https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=LnTr9x');
  load('/assets/site.js');
  d.addEventListener('DOMContentLoaded', function () {
    var btn = d.querySelector('.product-form button');
    if (btn) btn.addEventListener('click', function () {
      fbq('track', 'AddToCart', {value: '24.90', currency: 'EUR', content_ids: 'AGL-01'});
    });
  });
})(window, document);
