/* Atelier Verde consent manager: nothing optional loads before a choice,
   and nothing optional loads at all when the browser sends GPC or DNT. */
(function (w, d) {
  'use strict';
  var GA = 'G-ATV3RD3001', PIXEL = '730118264519302', HOTJAR = 4410021;
  var signal = navigator.globalPrivacyControl === true || navigator.doNotTrack === '1';
  var box = d.getElementById('consent');
  function read() {
    var m = d.cookie.match(/(?:^|; )av_consent=([^;]*)/);
    if (!m) return null;
    var v = decodeURIComponent(m[1]);
    return { statistics: v.indexOf('statistics') >= 0, marketing: v.indexOf('marketing') >= 0 };
  }
  function save(p) {
    var v = ['necessary'].concat(p.statistics ? ['statistics'] : [], p.marketing ? ['marketing'] : []).join('|');
    d.cookie = 'av_consent=' + encodeURIComponent(v) + '; max-age=15552000; path=/; SameSite=Lax; Secure';
    localStorage.setItem('av_consent', JSON.stringify({ choice: v, at: new Date().toISOString() }));
  }
  function script(src) {
    var s = d.createElement('script'); s.async = true; s.src = src; d.head.appendChild(s);
  }
  function apply(p) {
    if (signal) return;
    if (p.statistics) {
      gtag('consent', 'update', { analytics_storage: 'granted' });
      gtag('js', new Date());
      gtag('config', GA);
      script('https://www.googletagmanager.com/gtag/js?id=' + GA);
      w._hjSettings = { hjid: HOTJAR, hjsv: 6 };
      script('https://static.hotjar.com/c/hotjar-' + HOTJAR + '.js?sv=6');
    }
    if (p.marketing) {
      var fbq = w.fbq = w._fbq = function () { fbq.callMethod ? fbq.callMethod.apply(fbq, arguments) : fbq.queue.push(arguments); };
      fbq.queue = []; fbq.loaded = true; fbq.version = '2.0';
      fbq('init', PIXEL);
      fbq('track', 'PageView');
      script('https://connect.facebook.net/en_US/fbevents.js');
    }
  }
  function choose(p) { save(p); box.hidden = true; apply(p); }
  d.getElementById('consent-accept').onclick = function () { choose({ statistics: true, marketing: true }); };
  d.getElementById('consent-reject').onclick = function () { choose({ statistics: false, marketing: false }); };
  d.getElementById('consent-customise').onclick = function () { d.getElementById('consent-options').hidden = false; };
  d.getElementById('consent-options').onsubmit = function (ev) {
    ev.preventDefault();
    choose({ statistics: this.statistics.checked, marketing: this.marketing.checked });
  };
  d.addEventListener('click', function (ev) {
    if (ev.target.closest('[data-cookie-settings]')) { ev.preventDefault(); box.hidden = false; }
  });
  if (signal) { d.getElementById('signal-note').hidden = false; return; }
  var stored = read();
  if (stored) apply(stored); else box.hidden = false;
})(window, document);
