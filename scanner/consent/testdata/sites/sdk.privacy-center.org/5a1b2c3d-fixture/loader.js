// Didomi fixture (French notice): #didomi-host > #didomi-notice with
// agree / continue without agreeing / learn more; didomi_token cookie; TCF 7.
(function () {
  const k = window.cmpKit;
  const tcf = k.tcf(7);
  const ready = window.didomiOnReady || [];
  window.Didomi = { version: '2.0', getUserStatus: () => ({ purposes: { global: { enabled: [], disabled: [] } } }), notice: { isVisible: () => !!document.querySelector('#didomi-notice') } };
  window.didomiOnReady = { push: fn => fn(window.Didomi) };
  ready.forEach(fn => fn(window.Didomi));
  if (k.getCookie('didomi_token')) return;
  function done(all) {
    k.cookie('didomi_token', btoa(JSON.stringify({ user_id: 'fixture', created: new Date().toISOString(), purposes: all ? { enabled: ['cookies', 'select_basic_ads', 'measure_content_performance'] } : { disabled: ['cookies', 'select_basic_ads', 'measure_content_performance'] } })));
    all ? k.acceptTCF(tcf) : k.rejectTCF(tcf);
    k.consentMode(all);
    document.getElementById('didomi-host').innerHTML = '';
  }
  k.after(200, () => {
    const host = k.show(k.el(`<div id="didomi-host" data-nosnippet="true" aria-hidden="false"><div class="didomi-notice-view" dir="ltr">
      <div id="didomi-notice" class="didomi-regular-notice didomi-notice-banner didomi-notice-popup shape-rounded didomi-border" role="region" aria-label="Avis de consentement"
           style="position:fixed;bottom:0;left:0;right:0;background:#fff;padding:20px;box-shadow:0 -2px 10px #0003;z-index:2147483641">
        <span class="didomi-continue-without-agreeing" role="button" tabindex="0" style="float:right;cursor:pointer;text-decoration:underline">Continuer sans accepter &rarr;</span>
        <div id="didomi-notice-text" class="didomi-notice-text">Avec votre accord, nos partenaires et nous utilisons des cookies ou technologies similaires pour stocker et accéder à des informations personnelles comme votre visite sur ce site.</div>
        <div id="buttons" class="didomi-buttons didomi-buttons-vertical">
          <button id="didomi-notice-learn-more-button" class="didomi-components-button didomi-button didomi-button-standard standard-button" aria-label="En savoir plus et personnaliser">En savoir plus &rarr;</button>
          <button id="didomi-notice-agree-button" class="didomi-components-button didomi-button didomi-dismiss-button didomi-components-button--color didomi-button-highlight highlight-button" aria-label="Accepter &amp; Fermer: Accepter notre traitement des données et fermer"><span>Accepter &amp; Fermer</span></button>
        </div>
      </div></div></div>`));
    host.querySelector('#didomi-notice-agree-button').onclick = () => done(true);
    host.querySelector('.didomi-continue-without-agreeing').onclick = () => done(false);
    host.querySelector('#didomi-notice-learn-more-button').onclick = () => {
      host.innerHTML = `<div class="didomi-popup-backdrop didomi-notice-popup didomi-popup__backdrop" style="position:fixed;inset:0;background:#0007;z-index:2147483641">
        <div class="didomi-popup-container didomi-consent-popup-preferences" role="dialog" aria-modal="true" style="margin:10% auto;width:60%;background:#fff;padding:20px">
          <div class="didomi-consent-popup-header">Gérer mes préférences</div>
          <div class="didomi-consent-popup-body">Vous pouvez définir vos préférences de consentement et déterminer la manière dont vous souhaitez que vos données soient utilisées.
            <div class="didomi-consent-popup-data-processing" data-purpose="cookies"><span>Stocker et/ou accéder à des informations sur un appareil</span>
              <div class="didomi-components-radio"><button class="didomi-components-radio__option" aria-pressed="false">Refuser</button><button class="didomi-components-radio__option" aria-pressed="false">Accepter</button></div></div>
          </div>
          <div class="didomi-consent-popup-actions didomi-buttons">
            <button class="didomi-components-button didomi-button didomi-consent-popup__disagree-all" aria-label="Tout refuser">Tout refuser</button>
            <button class="didomi-components-button didomi-button didomi-consent-popup__agree-all" aria-label="Tout accepter">Tout accepter</button>
            <button class="didomi-components-button didomi-button didomi-button-highlight didomi-consent-popup__save" aria-label="Enregistrer">Enregistrer</button>
          </div></div></div>`;
      host.querySelector('.didomi-consent-popup__disagree-all').onclick = () => done(false);
      host.querySelector('.didomi-consent-popup__agree-all').onclick = () => done(true);
      host.querySelector('.didomi-consent-popup__save').onclick = () => done(false);
    };
  });
})();
