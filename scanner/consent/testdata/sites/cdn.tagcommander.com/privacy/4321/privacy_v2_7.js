// Commanders Act (TrustCommander) fixture: the platform's markup, globals and consent record, as it ships.
(function () {
  const k = window.cmpKit;
window.tC = window.tC || {}; window.tC.privacy = { id: 7, version: '021', getOptinCategories: () => [], saveConsent: () => {} };
window.tC.privacyCenter = { showPrivacyCenter: () => {} };
k.platform({ stored: () => !!k.getCookie('TC_PRIVACY'), store: all => { k.cookie('TC_PRIVACY', '0%40021%7C7%7C4321%40' + (all ? '1%2C2%2C3%40%40' : '%401%2C2%2C3%40') + Date.now() + '%2C' + Date.now() + '%2C' + (Date.now() + 33696e6) + '%40'); k.cookie('TC_PRIVACY_CENTER', all ? '1,2,3' : ''); },
  html: `<div id="privacy-container"><div id="popin_tc_privacy" class="tc-privacy-wrapper tc-privacy-override" role="dialog" aria-modal="true" aria-labelledby="popin_tc_privacy_text" style="position:fixed;top:15%;left:25%;width:50%;background:#fff;padding:16px;box-shadow:0 8px 40px #0006;z-index:2147483000"><div id="popin_tc_privacy_container_text"><div id="popin_tc_privacy_text" class="popin_tc_privacy_text">Nous utilisons des cookies pour mesurer l'audience, personnaliser le contenu et vous proposer des publicités adaptées. Vous pouvez accepter, refuser ou paramétrer vos choix.</div></div>
    <div id="popin_tc_privacy_container_button"><button id="popin_tc_privacy_button_2" class="tc-privacy-button" type="button">Tout refuser</button><button id="popin_tc_privacy_button_3" class="tc-privacy-button" type="button">Personnaliser mes choix</button><button id="popin_tc_privacy_button" class="tc-privacy-button" type="button">Tout accepter</button></div></div></div>`,
  accept: '#popin_tc_privacy_button', reject: '#popin_tc_privacy_button_2' });
})();
