// CookieFirst fixture: the platform's markup, globals and consent record, as it ships.
(function () {
  const k = window.cmpKit;
window.CookieFirst = { consent: null, acceptAllCategories: () => {}, declineAllCategories: () => {} };
k.platform({ stored: () => !!localStorage.getItem('cookiefirst-consent'), store: all => { const v = JSON.stringify({ necessary: true, performance: all, functional: all, advertising: all, timestamp: Math.floor(Date.now() / 1000), type: 'category', version: 'fixture' }); localStorage.setItem('cookiefirst-consent', v); k.cookie('cookiefirst-consent', v); window.CookieFirst.consent = JSON.parse(v); },
  html: `<div class="cookiefirst-root notranslate" dir="ltr"><div data-cookiefirst-widget="banner" role="dialog" aria-label="Cookie toestemming" tabindex="-1" class="cf3Tgk cf2L3T cfAdwL" style="position:fixed;bottom:0;left:0;right:0;background:#fff;padding:16px;box-shadow:0 -2px 12px #0004;z-index:2147483000"><div class="cf2Lf6"><div class="cf2pAE"><p>Wij gebruiken cookies om de website goed te laten werken en om het gebruik te analyseren. Lees ons <a href="/cookies">cookiebeleid</a>.</p></div>
    <div class="cf3E9g"><button type="button" data-cookiefirst-action="adjust" class="cf1lHZ cf2MAH">Instellingen</button><button type="button" data-cookiefirst-action="reject" class="cf1lHZ cf2MAH">Alles weigeren</button><button type="button" data-cookiefirst-action="accept" class="cf1lHZ cf8Oal">Alles accepteren</button></div></div></div></div>`,
  settings: '[data-cookiefirst-action=adjust]', toggles: '[data-cookiefirst-widget=modal] input[type=checkbox]', save: '[data-cookiefirst-action=save]',
  layer2: `<div class="cookiefirst-root notranslate" dir="ltr"><div data-cookiefirst-widget="modal" role="dialog" aria-modal="true" aria-label="Cookie-instellingen" tabindex="-1" class="cf3l36 cf1Hjb" style="position:fixed;top:8%;left:20%;width:60%;max-height:84%;overflow:auto;background:#fff;padding:16px;box-shadow:0 8px 40px #0006;z-index:2147483000"><div class="cf2Lf6"><h2 class="cf2pAE">Cookie-instellingen</h2>
    <div class="cf1RQ8"><label class="cf2gVL"><input type="checkbox" data-cookiefirst-category="necessary" checked disabled> Noodzakelijke cookies</label></div>
    <div class="cf1RQ8"><label class="cf2gVL"><input type="checkbox" data-cookiefirst-category="performance"> Prestatiecookies</label></div>
    <div class="cf1RQ8"><label class="cf2gVL"><input type="checkbox" data-cookiefirst-category="functional"> Functionele cookies</label></div>
    <div class="cf1RQ8"><label class="cf2gVL"><input type="checkbox" data-cookiefirst-category="advertising"> Advertentiecookies</label></div></div>
    <div class="cf3E9g"><button type="button" data-cookiefirst-action="reject" class="cf1lHZ cf2MAH">Alles weigeren</button><button type="button" data-cookiefirst-action="save" class="cf1lHZ cf2MAH">Instellingen opslaan</button><button type="button" data-cookiefirst-action="accept" class="cf1lHZ cf8Oal">Alles accepteren</button></div></div></div>`,
  accept: '[data-cookiefirst-action=accept]', reject: '[data-cookiefirst-action=reject]' });
})();
