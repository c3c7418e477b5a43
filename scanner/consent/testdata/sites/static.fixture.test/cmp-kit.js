// cmp-kit.js is the plumbing the fixture consent platforms share: cookies,
// a TCF v2 __tcfapi with event listeners and real TC strings, and Consent
// Mode updates. Each platform's own script (served from its real CDN host)
// builds its real markup and wires its buttons with these helpers.
(function () {
  'use strict';
  const kit = {};
  kit.cookie = function (name, value, days) {
    document.cookie = name + '=' + encodeURIComponent(value) + '; path=/; max-age=' + ((days || 365) * 86400) + '; SameSite=Lax';
  };
  kit.getCookie = function (name) {
    const m = document.cookie.match(new RegExp('(?:^|; )' + name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '=([^;]*)'));
    return m ? decodeURIComponent(m[1]) : null;
  };
  kit.gtag = function () { window.dataLayer = window.dataLayer || []; window.dataLayer.push(arguments); };
  kit.consentMode = function (granted) {
    const v = granted ? 'granted' : 'denied';
    kit.gtag('consent', 'update', { ad_storage: v, analytics_storage: v, ad_user_data: v, ad_personalization: v });
  };
  kit.el = function (html) { const t = document.createElement('template'); t.innerHTML = html.trim(); return t.content.firstElementChild; };
  kit.show = function (el) { (document.body || document.documentElement).appendChild(el); return el; };
  kit.after = function (ms, fn) { if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => setTimeout(fn, ms)); else setTimeout(fn, ms); };

  // TCF v2: a minimal CMP API with a real core-segment TC string.
  function bits(n, v) { let s = ''; for (let i = n - 1; i >= 0; i--) s += (Math.floor(v / Math.pow(2, i)) % 2) ? '1' : '0'; return s; }
  function field(n, set) { let s = ''; for (let i = 1; i <= n; i++) s += set.includes(i) ? '1' : '0'; return s; }
  kit.tcString = function (cmpId, purposes, vendors, specialFeatures) {
    const now = Math.floor(Date.now() / 100);
    const maxV = vendors.length ? Math.max.apply(null, vendors) : 0;
    let b = bits(6, 2) + bits(36, now) + bits(36, now) + bits(12, cmpId) + bits(12, 1) + bits(6, 1) +
      bits(6, 4) + bits(6, 13) + bits(12, 150) + bits(6, 4) + '1' + '0' +
      field(12, specialFeatures || []) + field(24, purposes) + field(24, purposes.filter(p => p > 1)) + '0' +
      bits(6, 3) + bits(6, 4) + bits(16, maxV) + '0' + field(maxV, vendors) + bits(16, 0) + '0';
    while (b.length % 8) b += '0';
    let bin = '';
    for (let i = 0; i < b.length; i += 8) bin += String.fromCharCode(parseInt(b.slice(i, i + 8), 2));
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  kit.tcf = function (cmpId) {
    const state = { cmpId, tcString: '', eventStatus: 'cmpuishown', listeners: [], next: 1 };
    const data = (id) => ({ tcString: state.tcString, tcfPolicyVersion: 4, cmpId, cmpVersion: 1, gdprApplies: true,
      eventStatus: state.eventStatus, cmpStatus: 'loaded', listenerId: id, isServiceSpecific: true, useNonStandardTexts: false,
      purposeOneTreatment: false, publisherCC: 'DE' });
    window.__tcfapi = function (cmd, version, cb, arg) {
      if (cmd === 'ping') return cb({ gdprApplies: true, cmpLoaded: true, cmpStatus: 'loaded', displayStatus: state.eventStatus === 'cmpuishown' ? 'visible' : 'hidden', apiVersion: '2.2', cmpVersion: 1, cmpId, gvlVersion: 150, tcfPolicyVersion: 4 });
      if (cmd === 'addEventListener') { const id = state.next++; state.listeners.push({ id, cb }); cb(data(id), true); return; }
      if (cmd === 'removeEventListener') { state.listeners = state.listeners.filter(l => l.id !== arg); return cb && cb(true); }
      if (cmd === 'getTCData') return cb(data(), true);
      cb(null, false);
    };
    state.set = function (purposes, vendors, sf) {
      state.tcString = kit.tcString(cmpId, purposes, vendors, sf);
      state.eventStatus = 'useractioncomplete';
      kit.cookie('euconsent-v2', state.tcString);
      for (const l of state.listeners) l.cb(data(l.id), true);
    };
    const stored = kit.getCookie('euconsent-v2');
    if (stored) { state.tcString = stored; state.eventStatus = 'tcloaded'; }
    return state;
  };
  kit.acceptTCF = function (t) { if (t) t.set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [1, 2, 8, 32, 755], [1]); };
  kit.rejectTCF = function (t) { if (t) t.set([], [], []); };
  // platform mounts a banner: html is the first layer; clicking o.accept
  // stores "all", o.reject stores "none"; o.settings replaces the first layer
  // by o.layer2, whose o.save stores what its toggles say (o.toggles, on when
  // checked or aria-checked; a locked toggle does not count) and whose o.rejectAll/o.acceptAll act at once.
  // o.store(all, granular) writes the platform's record; o.tcf its TCF id.
  kit.platform = function (o) {
    const tcf = o.tcf ? kit.tcf(o.tcf) : null;
    if (o.stored()) return;
    kit.after(o.delay || 120, () => {
      let root = kit.show(kit.el(o.html));
      // A publisher may configure the platform without a first-layer
      // reject (window.cmpKitConfig = { firstLayerReject: false }), as
      // each platform's dashboard allows: refusing then takes the settings.
      if (o.reject && window.cmpKitConfig && window.cmpKitConfig.firstLayerReject === false) root.querySelectorAll(o.reject).forEach(b => b.remove());
      const on = el => el.type === 'checkbox' ? el.checked : el.getAttribute('aria-checked') === 'true';
      const finish = (all) => {
        o.store(all);
        all ? kit.acceptTCF(tcf) : kit.rejectTCF(tcf);
        kit.consentMode(all);
        (o.remove ? root.querySelector(o.remove) || root : root).remove();
        if (o.after) o.after(all);
      };
      const wire = () => {
        const bind = (sel, fn) => sel && root.querySelectorAll(sel).forEach(b => b.addEventListener('click', ev => { ev.preventDefault(); fn(); }));
        bind(o.accept, () => finish(true));
        bind(o.reject, () => finish(false));
        bind(o.acceptAll, () => finish(true));
        bind(o.rejectAll, () => finish(false));
        bind(o.save, () => finish([...root.querySelectorAll(o.toggles)].filter(t => !t.disabled).some(on)));
        if (o.toggles) root.querySelectorAll(o.toggles).forEach(t => { if (t.type !== 'checkbox') t.addEventListener('click', () => t.setAttribute('aria-checked', String(!on(t)))); });
        bind(o.settings, () => { const n = kit.el(o.layer2); root.replaceWith(n); root = n; wire(); });
      };
      wire();
    });
  };
  window.cmpKit = kit;
})();
