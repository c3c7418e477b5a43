/* Lantern & Loom marketing tags, included in the head of every page. They
   run at once: the cookie banner (consent.js) gates none of them. The page
   type comes from <html data-page>. */
(function (w, d) {
  'use strict';
  var page = d.documentElement.getAttribute('data-page') || 'other';
  var sku = d.documentElement.getAttribute('data-sku');
  function load(src) {
    var s = d.createElement('script');
    s.async = true;
    s.src = src;
    var first = d.getElementsByTagName('script')[0];
    first.parentNode.insertBefore(s, first);
    return s;
  }

  // TikTok Pixel
  w.TiktokAnalyticsObject = 'ttq';
  var ttq = w.ttq = w.ttq || [];
  ['page', 'track', 'identify'].forEach(function (m) {
    ttq[m] = function () { ttq.push([m].concat(Array.prototype.slice.call(arguments, 0))); };
  });
  ttq.load = function (id) {
    ttq._i = ttq._i || {};
    ttq._i[id] = [];
    load('https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=' + id + '&lib=ttq');
  };
  ttq.load('CR4LOOM7TK0FIXTURE01');
  ttq.page();
  if (page === 'product') ttq.track('ViewContent', { content_id: sku, content_type: 'product', currency: 'GBP' });

  // LinkedIn Insight Tag
  w._linkedin_partner_id = '6021874';
  w._linkedin_data_partner_ids = w._linkedin_data_partner_ids || [];
  w._linkedin_data_partner_ids.push(w._linkedin_partner_id);
  load('https://snap.licdn.com/li.lms-analytics/insight.min.js');

  // Microsoft Advertising UET
  w.uetq = w.uetq || [];
  load('https://bat.bing.com/bat.js').onload = function () {
    w.uetq = new w.UET({ ti: '187402395', q: w.uetq });
    w.uetq.push('pageLoad');
  };

  // Criteo OneTag
  w.criteo_q = w.criteo_q || [];
  var criteoEvent = { home: { event: 'viewHome' }, category: { event: 'viewList', item: ['LL-CED-01', 'LL-FIG-02', 'LL-SEA-03'] },
    product: { event: 'viewItem', item: sku }, cart: { event: 'viewBasket', item: [{ id: 'LL-CED-01', price: 28, quantity: 1 }] } }[page];
  w.criteo_q.push({ event: 'setAccount', account: 84213 }, { event: 'setSiteType', type: /Mobi/.test(navigator.userAgent) ? 'm' : 'd' });
  if (criteoEvent) w.criteo_q.push(criteoEvent);
  load('https://static.criteo.net/js/ld/ld.js');

  // Pinterest Tag
  if (!w.pintrk) {
    w.pintrk = function () { w.pintrk.queue.push(Array.prototype.slice.call(arguments)); };
    w.pintrk.queue = [];
    w.pintrk.version = '3.0';
    load('https://s.pinimg.com/ct/core.js');
  }
  w.pintrk('load', '2612389045127');
  w.pintrk('page');

  // Awin MasterTag
  load('https://www.dwin1.com/61234.js');
})(window, document);
