/* Fixture stand-in for Klaviyo's on-site script
   (static.klaviyo.com/onsite/js/klaviyo.js?company_id=<public key>), written
   for privacyscan tests. Like the real script it keeps its visitor id and
   referrer in the first-party __kla_id cookie for two years, keeps its state
   in localStorage (klaviyoOnsite), and reports "Active on Site" to
   https://a.klaviyo.com/client/events/. It drains the klaviyo queue
   (klaviyo.push(['track', name, props])). */
(function (w, d) {
  'use strict';
  if (w.__klaviyoFixture) return;
  w.__klaviyoFixture = true;
  var src = d.currentScript && d.currentScript.src || '';
  var m = /[?&]company_id=([^&]+)/.exec(src);
  var company = m ? decodeURIComponent(m[1]) : '';
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
  var now = Math.floor(Date.now() / 1000);
  var id;
  try { id = JSON.parse(atob(decodeURIComponent(getCookie('__kla_id') || ''))); } catch (e) { id = null; }
  if (!id || !id.cid) {
    id = { cid: btoa(String(Math.random()).slice(2) + String(Date.now())).slice(0, 28), $referrer: { ts: now, value: d.referrer, first_page: location.href } };
  }
  id.$last_referrer = { ts: now, value: d.referrer, first_page: location.href };
  d.cookie = '__kla_id=' + encodeURIComponent(btoa(JSON.stringify(id))) + '; max-age=63072000; path=/; domain=' + cookieDomain + '; SameSite=Lax';
  try { localStorage.setItem('klaviyoOnsite', JSON.stringify({ viewedForms: { modal: { disabledEmail: {}, disabledMobile: {}, viewed: {} } } })); } catch (e) { /* storage disabled */ }
  function track(name, props) {
    var body = JSON.stringify({ data: { type: 'event', attributes: {
      profile: { data: { type: 'profile', attributes: { anonymous_id: id.cid } } },
      metric: { data: { type: 'metric', attributes: { name: name } } },
      properties: Object.assign({ $use_ip: true, $is_session_activity: true, page: location.href }, props || {}),
      time: new Date().toISOString() } } });
    var url = 'https://a.klaviyo.com/client/events/?company_id=' + encodeURIComponent(company);
    if (!(navigator.sendBeacon && navigator.sendBeacon(url, body))) {
      fetch(url, { method: 'POST', body: body, keepalive: true }).catch(function () {});
    }
  }
  track('Active on Site');
  var queue = Array.isArray(w.klaviyo) ? w.klaviyo : (w._learnq || []);
  var api = { push: function (a) { if (a && a[0] === 'track') track(String(a[1]), a[2]); return 0; } };
  for (var i = 0; i < queue.length; i++) api.push(queue[i]);
  w.klaviyo = w._learnq = api;
})(window, document);
