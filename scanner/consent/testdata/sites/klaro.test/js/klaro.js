// Klaro fixture: the platform's markup, globals and consent record, as it ships.
(function () {
  const k = window.cmpKit;
window.klaro = { show: () => {}, getManager: () => ({ confirmed: !!k.getCookie('klaro') }) };
k.platform({ stored: () => !!k.getCookie('klaro'), store: all => k.cookie('klaro', JSON.stringify({ matomo: all })),
  html: `<div id="klaro"><div class="klaro"><div aria-describedby="id-cookie-notice" role="dialog" aria-label="Cookie notice" class="cookie-notice" style="position:fixed;bottom:0;left:0;right:0;background:#fff;padding:16px;box-shadow:0 -2px 12px #0004;z-index:2147483000"><div class="cn-body"><p id="id-cookie-notice">Hi! Could we please enable some additional services for Analytics? You can always change or withdraw your consent later.</p>
    <div class="cn-ok"><a class="cm-link cn-learn-more" href="#" tabindex="0">Let me choose</a><div class="cn-buttons"><button class="cm-btn cm-btn-danger cn-decline" type="button">I decline</button><button class="cm-btn cm-btn-success" type="button">That's ok</button></div></div></div></div></div></div>`,
  accept: '.cn-buttons .cm-btn-success', reject: '.cn-decline', remove: '.cookie-notice' });
})();
