// Orejime fixture: the platform's markup, globals and consent record, as it ships.
(function () {
  const k = window.cmpKit;
window.orejime = { show: () => {}, manager: { isDirty: () => false } };
k.platform({ stored: () => !!k.getCookie('orejime'), store: all => k.cookie('orejime', JSON.stringify({ analytics: all })),
  html: `<div id="orejime" class="orejime-Env"><div class="orejime-Banner" aria-describedby="orejime-Banner-description" role="region" aria-label="Panneau de gestion des cookies" style="position:fixed;bottom:0;left:0;right:0;background:#fff;padding:16px;box-shadow:0 -2px 12px #0004;z-index:2147483000"><div class="orejime-Banner-body"><p id="orejime-Banner-description" class="orejime-Banner-description">Nous utilisons des cookies pour mesurer l'audience de ce site. Vous pouvez accepter ou refuser ces cookies.</p>
    <ul class="orejime-Banner-actions"><li class="orejime-Banner-actionItem orejime-Banner-actionItem--save"><button class="orejime-Button orejime-Button--save orejime-Banner-saveButton" type="button">Accepter</button></li><li class="orejime-Banner-actionItem orejime-Banner-actionItem--decline"><button class="orejime-Button orejime-Button--decline orejime-Banner-declineButton" type="button">Refuser</button></li><li class="orejime-Banner-actionItem orejime-Banner-actionItem--info"><button class="orejime-Button orejime-Button--info orejime-Banner-learnMoreButton" type="button">Personnaliser</button></li></ul></div></div></div>`,
  accept: '.orejime-Banner-saveButton', reject: '.orejime-Banner-declineButton', remove: '.orejime-Banner' });
})();
