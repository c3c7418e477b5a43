// Shopify privacy banner fixture: the platform's markup, globals and consent record, as it ships.
(function () {
  const k = window.cmpKit;
window.Shopify = window.Shopify || {};
window.Shopify.customerPrivacy = { userCanBeTracked: () => /"m":true/.test(k.getCookie('_tracking_consent') || ''), setTrackingConsent: () => {}, shouldShowBanner: () => !k.getCookie('_tracking_consent') };
k.platform({ stored: () => !!k.getCookie('_tracking_consent'), store: all => k.cookie('_tracking_consent', JSON.stringify({ con: { CMP: { a: all ? '1' : '0', m: all ? '1' : '0', p: all ? '1' : '0', s: '' } }, v: '2.1', region: 'DEBE', reg: 'GDPR', purposes: { a: all, p: all, m: all, t: true }, display_banner: false, sale_of_data_region: false })),
  html: `<div id="shopify-pc__banner" class="shopify-pc__banner__dialog" role="alertdialog" aria-modal="false" aria-labelledby="shopify-pc__banner__body-title" style="position:fixed;bottom:0;left:0;right:0;background:#fff;padding:16px;box-shadow:0 -2px 12px #0004;z-index:2147483000"><div class="shopify-pc__banner__wrapper"><div class="shopify-pc__banner__body"><h2 id="shopify-pc__banner__body-title">Cookie policy</h2><p id="shopify-pc__banner__body-policy-link">We use cookies and similar technologies to provide the best experience on our website. Refer to our <a href="/policies/privacy-policy">Privacy Policy</a> for more information.</p></div>
    <div class="shopify-pc__banner__btns"><button type="button" class="shopify-pc__banner__btn-manage-prefs" id="shopify-pc__banner__btn-manage-prefs">Manage preferences</button><button type="button" class="shopify-pc__banner__btn-decline" id="shopify-pc__banner__btn-decline">Decline</button><button type="button" class="shopify-pc__banner__btn-accept" id="shopify-pc__banner__btn-accept">Accept</button></div></div></div>`,
  accept: '#shopify-pc__banner__btn-accept', reject: '#shopify-pc__banner__btn-decline' });
})();
