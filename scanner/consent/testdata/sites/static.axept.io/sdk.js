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
  if (window.cmpKitConfig && window.cmpKitConfig.firstLayerReject === false) sh.getElementById('axeptio_btn_dismiss').remove();
  const wire = () => {
    sh.getElementById('axeptio_btn_acceptAll').onclick = () => done(true);
    const dismiss = sh.getElementById('axeptio_btn_dismiss');
    if (dismiss) dismiss.onclick = () => done(false);
  };
  wire();
  // "Je choisis" turns the widget to its cookie step: one switch a vendor,
  // off until the visitor turns it on, and a button that saves the choice.
  sh.getElementById('axeptio_btn_configure').onclick = () => {
    sh.getElementById('axeptio_main_widget').innerHTML = `<div class="axeptio_widget_content"><h2 class="axeptio_title">Cookies de mesure et de publicité</h2><p>Choisissez les services que vous acceptez.</p>
      <ul class="axeptio_vendors"><li class="axeptio_vendor"><label for="axeptio_input_google_analytics" class="ax-vendor-label">Google Analytics</label><input type="checkbox" role="switch" id="axeptio_input_google_analytics" class="ax-toggle" data-vendor="google_analytics"></li>
      <li class="axeptio_vendor"><label for="axeptio_input_facebook_pixel" class="ax-vendor-label">Facebook Pixel</label><input type="checkbox" role="switch" id="axeptio_input_facebook_pixel" class="ax-toggle" data-vendor="facebook_pixel"></li></ul></div>
      <div class="axeptio-widget--buttons"><button id="axeptio_btn_dismiss" class="ax-button ax-button--secondary">Tout refuser</button><button id="axeptio_btn_acceptAll" class="ax-button">Tout accepter</button><button id="axeptio_btn_acceptSelection" class="ax-button ax-button--primary">Valider mes choix</button></div>`;
    wire();
    sh.getElementById('axeptio_btn_acceptSelection').onclick = () => done([...sh.querySelectorAll('.ax-toggle')].some(t => t.checked));
  };
});
})();
