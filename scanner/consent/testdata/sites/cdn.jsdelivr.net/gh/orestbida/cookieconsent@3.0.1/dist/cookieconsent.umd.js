// CookieConsent (orestbida vanilla-cookieconsent) fixture: the platform's markup, globals and consent record, as it ships.
(function () {
  const k = window.cmpKit;
window.CookieConsent = window.CookieConsent || { run: () => {}, acceptCategory: () => {}, validConsent: () => !!k.getCookie('cc_cookie') };
k.platform({ stored: () => !!k.getCookie('cc_cookie'), store: all => k.cookie('cc_cookie', JSON.stringify({ categories: all ? ['necessary', 'analytics', 'ads'] : ['necessary'], revision: 0, data: null, consentTimestamp: new Date().toISOString(), consentId: 'fixture', services: {}, lastConsentTimestamp: new Date().toISOString() })),
  html: `<div id="cc-main" class="cc--anim"><div class="cm-wrapper cc--anim"><div class="cm cm--box cm--middle cm--left" role="dialog" aria-modal="true" aria-hidden="false" aria-describedby="cm__desc" aria-labelledby="cm__title" style="position:fixed;bottom:0;left:0;right:0;background:#fff;padding:16px;box-shadow:0 -2px 12px #0004;z-index:2147483000"><div class="cm__body"><div class="cm__texts"><h2 id="cm__title" class="cm__title">We use cookies</h2><p id="cm__desc" class="cm__desc">Hi, this website uses essential cookies to ensure its proper operation and tracking cookies to understand how you interact with it.</p></div>
    <div class="cm__btns"><div class="cm__btn-group"><button type="button" class="cm__btn" data-role="all">Accept all</button><button type="button" class="cm__btn" data-role="necessary">Reject all</button></div><div class="cm__btn-group"><button type="button" class="cm__btn cm__btn--secondary" data-role="show">Manage preferences</button></div></div></div></div></div></div>`,
  accept: '.cm__btn[data-role=all]', reject: '.cm__btn[data-role=necessary]', remove: '.cm-wrapper' });
})();
