// Usercentrics fixture: #usercentrics-root hosts the UI in an open shadow
// root (data-testid buttons); uc_settings / uc_user_interaction in
// localStorage; window.UC_UI.
(function () {
  const k = window.cmpKit;
  const services = ['Google Analytics', 'Google Ads', 'Hotjar'];
  // The services a settings id (the site's configuration in the admin
  // interface) switches on by default in the second layer.
  const script = document.getElementById('usercentrics-cmp');
  const onByDefault = ({ PrEtIcKd: ['Google Analytics', 'Google Ads'] })[script ? script.dataset.settingsId : ''] || [];
  function save(all) {
    localStorage.setItem('uc_settings', JSON.stringify({ controllerId: 'fixture', id: 'AbCdEfGh', language: 'de', services: services.map(s => ({ name: s, status: all, history: [{ action: all ? 'onAcceptAllServices' : 'onDenyAllServices', status: all, timestamp: Date.now(), type: 'explicit' }] })), version: '3.41.0' }));
    localStorage.setItem('uc_user_interaction', 'true');
    k.consentMode(all);
    root.remove();
    window.dispatchEvent(new CustomEvent('UC_UI_CMP_EVENT', { detail: { type: all ? 'ACCEPT_ALL' : 'DENY_ALL' } }));
  }
  window.UC_UI = { isInitialized: () => true, acceptAllConsents: () => save(true), denyAllConsents: () => save(false), showSecondLayer: () => {} };
  window.UC_UI_IS_RENDERED = false;
  if (localStorage.getItem('uc_user_interaction') === 'true') return;
  let root;
  k.after(180, () => {
    root = k.show(k.el('<div id="usercentrics-root" data-created-at="' + Date.now() + '"></div>'));
    const sh = root.attachShadow({ mode: 'open' });
    sh.innerHTML = `<style>.sc-dialog{position:fixed;bottom:0;left:0;right:0;background:#fff;padding:24px;box-shadow:0 -4px 16px #0003;z-index:2147483647} .sc-layer2{position:fixed;inset:10%;background:#fff;padding:24px;z-index:2147483647;overflow:auto}</style>
      <div data-testid="uc-app-container" id="uc-center-container"><div class="sc-dialog" role="dialog" aria-modal="true" aria-labelledby="uc-heading-title" data-testid="uc-default-banner" id="uc-main-dialog">
        <h2 id="uc-heading-title">Datenschutz-Einstellungen</h2>
        <div data-testid="uc-message-container" id="uc-show-more">Wir nutzen Cookies und andere Technologien auf unserer Website. Einige von ihnen sind essenziell, während andere uns helfen, diese Website und Ihre Erfahrung zu verbessern.</div>
        <div data-testid="uc-buttons-container">
          <button role="button" data-testid="uc-more-button" class="sc-button">Einstellungen</button>
          <button role="button" data-testid="uc-deny-all-button" class="sc-button">Ablehnen</button>
          <button role="button" data-testid="uc-accept-all-button" class="sc-button">Alle akzeptieren</button>
        </div></div></div>`;
    window.UC_UI_IS_RENDERED = true;
    sh.querySelector('[data-testid=uc-accept-all-button]').onclick = () => save(true);
    sh.querySelector('[data-testid=uc-deny-all-button]').onclick = () => save(false);
    sh.querySelector('[data-testid=uc-more-button]').onclick = () => {
      sh.querySelector('#uc-center-container').innerHTML = `<div class="sc-layer2" role="dialog" aria-modal="true" data-testid="uc-center-container">
        <h2>Privatsphäre-Einstellungen</h2><p>Hier finden Sie eine Übersicht über alle verwendeten Cookies.</p>
        ${services.map((s, i) => `<div data-testid="uc-service-${i}"><span id="uc-svc-${i}">${s}</span> <button role="switch" aria-checked="${onByDefault.includes(s)}" aria-labelledby="uc-svc-${i}" data-testid="uc-category-toggle" class="sc-toggle"></button></div>`).join('')}
        <button data-testid="uc-save-button" class="sc-button">Auswahl speichern</button>
        <button data-testid="uc-deny-all-button" class="sc-button">Alle ablehnen</button>
        <button data-testid="uc-accept-all-button" class="sc-button">Alle akzeptieren</button></div>`;
      sh.querySelectorAll('[role=switch]').forEach(b => b.onclick = () => b.setAttribute('aria-checked', b.getAttribute('aria-checked') === 'true' ? 'false' : 'true'));
      sh.querySelector('[data-testid=uc-save-button]').onclick = () => save([...sh.querySelectorAll('[role=switch]')].some(b => b.getAttribute('aria-checked') === 'true'));
      sh.querySelector('[data-testid=uc-deny-all-button]').onclick = () => save(false);
      sh.querySelector('[data-testid=uc-accept-all-button]').onclick = () => save(true);
    };
  });
})();
