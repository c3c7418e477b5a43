// Axeptio fixture: the platform's markup, globals and consent record, as it ships.
(function () {
  const k = window.cmpKit;
window.axeptioSDK = { version: '2.0', requestConsent: () => {} };
const stored = () => !!k.getCookie('axeptio_cookies');
if (stored()) return;
// Axeptio renders its widget in an open shadow root of .axeptio_mount.
k.after(150, () => {
  const host = k.show(k.el('<div class="axeptio_mount" id="axeptio_overlay"></div>'));
  const sh = host.attachShadow({ mode: 'open' });
  sh.innerHTML = `<div id="axeptio_main_widget" class="axeptio_widget" role="dialog" aria-label="Axeptio consent" style="position:fixed;left:16px;bottom:16px;width:380px;background:#fff;padding:16px;box-shadow:0 4px 24px #0005;z-index:2147483000">
    <div class="axeptio_widget_content"><h2 class="axeptio_title">Ce site utilise des cookies</h2><p>Nous utilisons des cookies pour mesurer l'audience et personnaliser les publicités. Vous pouvez accepter, refuser ou choisir.</p></div>
    <div class="axeptio-widget--buttons"><button id="axeptio_btn_dismiss" class="ax-button ax-button--secondary">Non merci</button><button id="axeptio_btn_configure" class="ax-button">Je choisis</button><button id="axeptio_btn_acceptAll" class="ax-button ax-button--primary">OK pour moi</button></div></div>`;
  const done = all => { k.cookie('axeptio_cookies', JSON.stringify({ $$token: 'fixture', $$date: new Date().toISOString(), $$completed: true, google_analytics: all, facebook_pixel: all })); k.cookie('axeptio_authorized_vendors', all ? ',google_analytics,facebook_pixel,' : ',,'); k.cookie('axeptio_all_vendors', ',google_analytics,facebook_pixel,'); k.consentMode(all); host.remove(); };
  sh.getElementById('axeptio_btn_acceptAll').onclick = () => done(true);
  sh.getElementById('axeptio_btn_dismiss').onclick = () => done(false);
});
})();
