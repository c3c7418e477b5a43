// tarteaucitron fixture: the platform's markup, globals and consent record, as it ships.
(function () {
  const k = window.cmpKit;
window.tarteaucitron = { init: () => {}, userInterface: { respondAll: () => {} }, job: [], state: {} };
k.platform({ stored: () => !!k.getCookie('tarteaucitron'), store: all => k.cookie('tarteaucitron', '!gtag=' + all + '!facebookpixel=' + all),
  html: `<div id="tarteaucitronRoot" data-nosnippet="true" lang="fr"><div id="tarteaucitronAlertBig" class="tarteaucitronAlertBigBottom" role="dialog" aria-modal="true" aria-labelledby="tac_title" style="position:fixed;bottom:0;left:0;right:0;background:#fff;padding:16px;box-shadow:0 -2px 12px #0004;z-index:2147483000"><span id="tac_title" class="tac_visually-hidden">Gestion des cookies</span><span id="tarteaucitronDisclaimerAlert">Ce site utilise des cookies et vous donne le contrôle sur ceux que vous souhaitez activer</span>
    <button type="button" class="tarteaucitronCTAButton tarteaucitronAllow" id="tarteaucitronPersonalize2"><span class="tarteaucitronCheck" aria-hidden="true"></span> Tout accepter</button>
    <button type="button" class="tarteaucitronCTAButton tarteaucitronDeny" id="tarteaucitronAllDenied2"><span class="tarteaucitronCross" aria-hidden="true"></span> Tout refuser</button>
    <button type="button" id="tarteaucitronCloseAlert" aria-label="Personnaliser">Personnaliser</button></div></div>`,
  accept: '#tarteaucitronPersonalize2', reject: '#tarteaucitronAllDenied2', remove: '#tarteaucitronAlertBig' });
})();
