/* Fixture stand-in for Microsoft Advertising's UET tag (bat.js), written for
   privacyscan tests. The page's base code does
   window.uetq = new UET({ti: '<tag id>', q: uetq}) and pushes 'pageLoad'.
   Like the real tag it keeps a session id (_uetsid, one day) and a visitor
   id (_uetvid, 13 months) in first-party cookies and in localStorage (with
   _uetsid_exp/_uetvid_exp), and reports events to
   https://bat.bing.com/action/0 as images. */
(function (w, d) {
  'use strict';
  if (w.UET) return;
  var labels = location.hostname.split('.');
  var cookieDomain = labels.length > 2 ? labels.slice(-2).join('.') : location.hostname;
  var DAY = 86400, THIRTEEN_MONTHS = 34128000;
  function hex() { return 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'.replace(/x/g, function () { return (Math.random() * 16 | 0).toString(16); }); }
  function getCookie(n) {
    var parts = d.cookie ? d.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split('=');
      if (kv[0] === n) return kv.slice(1).join('=');
    }
    return null;
  }
  function keep(n, maxAge) {
    var v = getCookie(n);
    if (!v) v = hex() + '|' + Math.floor(Date.now() / 1000).toString(36);
    d.cookie = n + '=' + v + '; max-age=' + maxAge + '; path=/; domain=' + cookieDomain + '; SameSite=Lax';
    try {
      localStorage.setItem(n, v);
      localStorage.setItem(n + '_exp', new Date(Date.now() + maxAge * 1000).toUTCString());
    } catch (e) { /* storage disabled */ }
    return v.split('|')[0];
  }
  var sent = [];
  function UET(o) {
    this.ti = String(o.ti);
    this.mid = hex().replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
    this.sid = keep('_uetsid', DAY);
    this.vid = keep('_uetvid', THIRTEEN_MONTHS);
    var q = o.q || [];
    for (var i = 0; i < q.length; i++) this.push(q[i]);
  }
  UET.prototype.push = function () {
    var a = arguments;
    if (a[0] === 'pageLoad') this.fire({ evt: 'pageLoad' });
    else if (a[0] === 'event') this.fire({ evt: 'custom', ea: a[1], ec: a[2] && a[2].event_category, ev: a[2] && a[2].revenue_value, gv: a[2] && a[2].revenue_value });
    else if (a[0] === 'consent') { /* Consent Mode is the site's business: the fixture shops never send it */ }
    return 0;
  };
  UET.prototype.fire = function (p) {
    var q = 'ti=' + encodeURIComponent(this.ti) + '&tm=al001&Ver=2&mid=' + this.mid + '&sid=' + this.sid +
      '&vid=' + this.vid + '&vids=0&msclkid=N&uach=pv%3D10.0&pi=918639831&lg=' + encodeURIComponent(navigator.language) +
      '&sw=' + screen.width + '&sh=' + screen.height + '&sc=24&tl=' + encodeURIComponent(d.title) +
      '&p=' + encodeURIComponent(location.href) + '&r=' + encodeURIComponent(d.referrer) + '&lt=' + Date.now() +
      '&evt=' + p.evt + (p.ea ? '&ea=' + encodeURIComponent(p.ea) : '') + (p.gv ? '&gv=' + encodeURIComponent(p.gv) : '') +
      '&sv=1&rn=' + Math.floor(Math.random() * 1000000);
    var img = new Image(1, 1);
    img.src = 'https://bat.bing.com/action/0?' + q;
    sent.push(img);
  };
  w.UET = UET;
})(window, document);
