// iubenda fixture: the platform's markup, globals and consent record, as it ships.
(function () {
  const k = window.cmpKit;
window._iub = window._iub || []; _iub.cs = { api: { isConsentGiven: () => !!k.getCookie('_iub_cs-7654321') } };
k.platform({ tcf: 123, stored: () => !!k.getCookie('_iub_cs-7654321'), store: all => k.cookie('_iub_cs-7654321', JSON.stringify({ timestamp: new Date().toISOString(), version: '1.60.0', purposes: { 1: true, 3: all, 4: all, 5: all }, id: 7654321, cons: { rand: 'abc123' } })),
  html: `<div id="iubenda-cs-banner" class="iubenda-cs-default iubenda-cs-bottom iubenda-cs-visible" role="alertdialog" aria-labelledby="iubenda-cs-title" aria-describedby="iubenda-cs-paragraph" style="position:fixed;bottom:0;left:0;right:0;background:#fff;padding:16px;box-shadow:0 -2px 12px #0004;z-index:2147483000"><div class="iubenda-cs-container"><div class="iubenda-cs-content"><div class="iubenda-cs-rationale">
    <div class="iubenda-banner-content" role="document"><div id="iubenda-cs-title">Informativa</div><div id="iubenda-cs-paragraph"><p class="iub-p">Noi e terze parti selezionate utilizziamo cookie o tecnologie simili per finalità tecniche e, con il tuo consenso, anche per altre finalità come specificato nella cookie policy.</p></div></div>
    <div class="iubenda-cs-opt-group" role="group"><div class="iubenda-cs-opt-group-custom"><button class="iubenda-cs-customize-btn" tabindex="0" role="button">Scopri di più e personalizza</button></div>
    <div class="iubenda-cs-opt-group-consent"><button class="iubenda-cs-reject-btn iubenda-cs-btn-primary" tabindex="0" role="button">Rifiuta</button><button class="iubenda-cs-accept-btn iubenda-cs-btn-primary" tabindex="0" role="button">Accetta</button></div></div></div></div></div></div>`,
  settings: '.iubenda-cs-customize-btn', toggles: '#iubenda-iframe input.iub-toggle-checkbox', save: '#iubFooterBtn', rejectAll: '.purposes-btn-reject',
  layer2: `<div id="iubenda-iframe" class="iubenda-iframe-visible iubenda-iframe-spot" role="dialog" aria-modal="true" aria-labelledby="iubenda-iframe-title" style="position:fixed;top:8%;left:20%;width:60%;max-height:84%;overflow:auto;background:#fff;padding:16px;box-shadow:0 8px 40px #0006;z-index:2147483000"><div id="iubenda-iframe-popup"><div id="iubenda-iframe-content"><h2 id="iubenda-iframe-title">Le tue preferenze relative al consenso</h2>
    <div class="purposes-content"><div class="purposes-item purposes-item-1"><label class="iub-toggle-label"><input type="checkbox" class="iub-toggle-checkbox" id="iub-purpose-1" checked disabled> Necessari</label></div>
    <div class="purposes-item purposes-item-2"><label class="iub-toggle-label"><input type="checkbox" class="iub-toggle-checkbox" id="iub-purpose-2"> Interazioni e funzionalità semplici</label></div>
    <div class="purposes-item purposes-item-3"><label class="iub-toggle-label"><input type="checkbox" class="iub-toggle-checkbox" id="iub-purpose-3"> Miglioramento dell'esperienza</label></div>
    <div class="purposes-item purposes-item-4"><label class="iub-toggle-label"><input type="checkbox" class="iub-toggle-checkbox" id="iub-purpose-4"> Misurazione</label></div>
    <div class="purposes-item purposes-item-5"><label class="iub-toggle-label"><input type="checkbox" class="iub-toggle-checkbox" id="iub-purpose-5"> Marketing</label></div></div></div>
    <div id="iubenda-iframe-footer"><button class="iub-btn iub-btn-reject purposes-btn-reject">Rifiuta tutto</button><button id="iubFooterBtn" class="iub-btn iub-btn-consent iub-btn-save">Salva e continua</button></div></div></div>`,
  accept: '.iubenda-cs-accept-btn', reject: '.iubenda-cs-reject-btn' });
})();
