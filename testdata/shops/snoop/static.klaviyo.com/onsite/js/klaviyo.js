/* Fixture stand-in for Klaviyo's onsite script: it listens to keystrokes in
   every field and identifies the visitor as they type, before any form is
   submitted; it keeps the profile base64-encoded in the __kla_id cookie. */
(function (w, d) {
  var timers = {}, profile = {};
  d.addEventListener('keyup', function (e) {
    var el = e.target;
    if (!el || (el.localName !== 'input' && el.localName !== 'textarea') || el.type === 'password') return;
    var key = el.name || el.id;
    clearTimeout(timers[key]);
    timers[key] = setTimeout(function () {
      profile[key] = el.value;
      var q = 'company_id=LnTr9x&field=' + encodeURIComponent(el.name || el.id) + '&value=' + encodeURIComponent(el.value);
      fetch('https://a.klaviyo.com/client/profiles/?' + q, {mode: 'no-cors', keepalive: true});
      d.cookie = '__kla_id=' + btoa(JSON.stringify(profile)) + '; path=/; max-age=63072000';
    }, 150);
  }, true);
})(window, document);
