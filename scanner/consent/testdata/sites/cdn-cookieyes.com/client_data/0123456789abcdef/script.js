// CookieYes fixture: the platform's markup, globals and consent record, as it ships.
(function () {
  const k = window.cmpKit;
window.getCkyConsent = () => ({ isUserActionCompleted: !!k.getCookie('cookieyes-consent') });
k.platform({ stored: () => /action:yes/.test(k.getCookie('cookieyes-consent') || ''), store: all => k.cookie('cookieyes-consent', 'consentid:Zml4dHVyZQ,consent:' + (all ? 'yes' : 'no') + ',action:yes,necessary:yes,functional:' + (all ? 'yes' : 'no') + ',analytics:' + (all ? 'yes' : 'no') + ',performance:' + (all ? 'yes' : 'no') + ',advertisement:' + (all ? 'yes' : 'no')),
  html: `<div class="cky-consent-container cky-box-bottom-left" tabindex="0" aria-label="We value your privacy" role="region" style="position:fixed;bottom:0;left:0;right:0;background:#fff;padding:16px;box-shadow:0 -2px 12px #0004;z-index:2147483000"><div class="cky-consent-bar" data-cky-tag="notice"><div class="cky-notice"><p class="cky-title" role="heading" aria-level="1">We value your privacy</p>
    <div class="cky-notice-group"><div class="cky-notice-des" data-cky-tag="description"><p>We use cookies to enhance your browsing experience, serve personalised ads or content, and analyse our traffic. By clicking "Accept All", you consent to our use of cookies.</p></div>
    <div class="cky-notice-btn-wrapper" data-cky-tag="notice-buttons"><button class="cky-btn cky-btn-customize" aria-label="Customise" data-cky-tag="settings-button">Customise</button><button class="cky-btn cky-btn-reject" aria-label="Reject All" data-cky-tag="reject-button">Reject All</button><button class="cky-btn cky-btn-accept" aria-label="Accept All" data-cky-tag="accept-button">Accept All</button></div></div></div></div></div>`,
  accept: '.cky-btn-accept', reject: '.cky-btn-reject' });
})();
