/* Maison Lumière cookie bar. Stores the visitor's choice in the ml_consent
   cookie and in localStorage, tells Google Consent Mode about it and loads
   the optional tags the visitor allowed. */
(function (w, d) {
  'use strict';
  var NAME = 'ml_consent', VERSION = 3;
  var GA_ID = 'G-MLX7Q2P4ZK', ADS_ID = 'AW-11873920465', HOTJAR_ID = 3512345;
  var bar = d.getElementById('cookie-bar');

  function read() {
    var m = d.cookie.match(/(?:^|; )ml_consent=([^;]*)/);
    var raw = m ? decodeURIComponent(m[1]) : null;
    if (!raw) {
      try {
        var s = JSON.parse(localStorage.getItem(NAME));
        if (s && s.version === VERSION) raw = s.value;
      } catch (e) { raw = null; }
    }
    if (!raw) return null;
    return { analytics: raw.indexOf('analytics') >= 0, marketing: raw.indexOf('marketing') >= 0 };
  }
  function save(prefs) {
    var parts = ['necessary'];
    if (prefs.analytics) parts.push('analytics');
    if (prefs.marketing) parts.push('marketing');
    var value = parts.join(',');
    d.cookie = NAME + '=' + encodeURIComponent(value) + '; max-age=15552000; path=/; SameSite=Lax; Secure';
    try {
      localStorage.setItem(NAME, JSON.stringify({ value: value, version: VERSION, date: new Date().toISOString() }));
    } catch (e) { /* private mode */ }
  }
  function load(src) {
    var s = d.createElement('script');
    s.async = true;
    s.src = src;
    d.head.appendChild(s);
  }
  function apply(prefs) {
    var g = function (v) { return v ? 'granted' : 'denied'; };
    gtag('consent', 'update', {
      analytics_storage: g(prefs.analytics),
      ad_storage: g(prefs.marketing),
      ad_user_data: g(prefs.marketing),
      ad_personalization: g(prefs.marketing)
    });
    if (prefs.analytics || prefs.marketing) {
      gtag('js', new Date());
      if (prefs.analytics) gtag('config', GA_ID);
      if (prefs.marketing) gtag('config', ADS_ID);
      load('https://www.googletagmanager.com/gtag/js?id=' + GA_ID);
    }
    // The feedback widget is loaded once the visitor has made a choice.
    w._hjSettings = { hjid: HOTJAR_ID, hjsv: 6 };
    w.hj = w.hj || function () { (w.hj.q = w.hj.q || []).push(arguments); };
    load('https://static.hotjar.com/c/hotjar-' + HOTJAR_ID + '.js?sv=6');
  }
  function choose(prefs) {
    save(prefs);
    bar.hidden = true;
    apply(prefs);
  }
  function show() {
    var prefs = read() || { analytics: false, marketing: false };
    bar.querySelector('[name=analytics]').checked = prefs.analytics;
    bar.querySelector('[name=marketing]').checked = prefs.marketing;
    bar.hidden = false;
  }

  if (!bar) return;
  bar.addEventListener('click', function (ev) {
    var b = ev.target.closest('[data-consent]');
    if (!b) return;
    switch (b.getAttribute('data-consent')) {
      case 'all': choose({ analytics: true, marketing: true }); break;
      case 'none': choose({ analytics: false, marketing: false }); break;
      case 'settings': bar.querySelector('.cookie-settings').hidden = false; break;
      case 'save':
        choose({
          analytics: bar.querySelector('[name=analytics]').checked,
          marketing: bar.querySelector('[name=marketing]').checked
        });
        break;
    }
  });
  d.addEventListener('click', function (ev) {
    if (ev.target.closest('[data-cookie-settings]')) { ev.preventDefault(); show(); }
  });
  var stored = read();
  if (stored) apply(stored);
  else bar.hidden = false;
})(window, document);
