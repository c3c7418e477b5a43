/* Fixture stand-in for the Awin MasterTag (www.dwin1.com/<advertiser>.js),
   written for privacyscan tests. Like the real tag it keeps the click
   reference an affiliate link brings (the awc URL parameter) in the
   first-party _aw_m_<advertiser> cookie for a year, and on an order
   confirmation page (window.AWIN.Tracking.Sale) reports the sale to
   https://www.awin1.com/sread.js. */
(function (w, d) {
  'use strict';
  var src = d.currentScript && d.currentScript.src || '';
  var m = /\/(\d+)\.js/.exec(src);
  if (!m) return;
  var mid = m[1];
  var key = 'fixtureAwin' + mid;
  if (w[key]) return;
  w[key] = true;
  var labels = location.hostname.split('.');
  var cookieDomain = labels.length > 2 ? labels.slice(-2).join('.') : location.hostname;
  function getCookie(n) {
    var parts = d.cookie ? d.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split('=');
      if (kv[0] === n) return kv.slice(1).join('=');
    }
    return null;
  }
  var click = /[?&]awc=([^&#]+)/.exec(location.search);
  if (click) d.cookie = '_aw_m_' + mid + '=' + click[1] + '; max-age=31536000; path=/; domain=' + cookieDomain + '; SameSite=Lax';
  function report() {
    var sale = w.AWIN && w.AWIN.Tracking && w.AWIN.Tracking.Sale;
    if (sale) reportSale(sale);
  }
  // The conversion code sits in the page body, after the tag in the head.
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', report); else report();
  function reportSale(sale) {
    var s = d.createElement('script');
    s.async = true;
    s.src = 'https://www.awin1.com/sread.js?tt=js&tv=2&merchant=' + mid + '&amount=' + encodeURIComponent(sale.amount || '') +
      '&cr=' + encodeURIComponent(sale.currency || '') + '&ref=' + encodeURIComponent(sale.orderRef || '') +
      '&parts=' + encodeURIComponent(sale.parts || '') + '&vc=' + encodeURIComponent(sale.voucher || '') +
      '&ch=' + encodeURIComponent(sale.channel || 'aw') + '&testmode=' + (sale.test || '0') +
      '&cks=' + encodeURIComponent(getCookie('_aw_m_' + mid) || '') + '&l=' + encodeURIComponent(location.href);
    d.head.appendChild(s);
  }
})(window, document);
