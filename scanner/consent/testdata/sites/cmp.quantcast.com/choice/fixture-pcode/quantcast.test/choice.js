// Quantcast Choice fixture: the platform's markup, globals and consent record, as it ships.
(function () {
  const k = window.cmpKit;
k.platform({ tcf: 10, stored: () => !!k.getCookie('euconsent-v2'), store: all => { k.cookie('addtl_consent', all ? '1~39.43.46' : '1~'); },
  html: `<div id="qc-cmp2-container" data-nosnippet><div class="qc-cmp2-main" id="qc-cmp2-main" style="position:fixed;bottom:0;left:0;right:0;background:#fff;padding:16px;box-shadow:0 -2px 12px #0004;z-index:2147483000"><div id="qc-cmp2-ui" role="dialog" aria-label="qc-cmp2-ui" aria-modal="true" class="css-1jv6ffx">
    <div class="qc-cmp2-summary-section"><h2>We value your privacy</h2><div class="qc-cmp2-summary-info"><p>We and our partners store and/or access information on a device, such as cookies and process personal data.</p></div></div>
    <div class="qc-cmp2-footer qc-cmp2-footer-overlay qc-cmp2-footer-scrolled"><div class="qc-cmp2-summary-buttons">
      <button mode="secondary" size="large" class=" css-1hy2vtq"><span>MORE OPTIONS</span></button>
      <button mode="secondary" size="large" class=" css-1hy2vtq"><span>DISAGREE</span></button>
      <button mode="primary" size="large" class=" css-47sehv"><span>AGREE</span></button></div></div></div></div></div>`,
  settings: '.qc-cmp2-summary-buttons button[mode=secondary]:nth-of-type(1)', toggles: '#qc-cmp2-ui button[role=switch]', save: '.qc-cmp2-buttons-desktop button[mode=primary]', rejectAll: '.qc-cmp2-header-links button[mode=link]:nth-of-type(1)', acceptAll: '.qc-cmp2-header-links button[mode=link]:nth-of-type(2)',
  layer2: `<div id="qc-cmp2-container" data-nosnippet><div class="qc-cmp2-main" id="qc-cmp2-main" style="position:fixed;top:8%;left:20%;width:60%;max-height:84%;overflow:auto;background:#fff;padding:16px;box-shadow:0 8px 40px #0006;z-index:2147483000"><div id="qc-cmp2-ui" role="dialog" aria-label="qc-cmp2-ui" aria-modal="true" class="css-1jv6ffx">
    <div class="qc-cmp2-consent-info"><h2>We value your privacy</h2><div class="qc-cmp2-header-links"><button mode="link" size="small" class=" css-1hy2vtq">REJECT ALL</button><button mode="link" size="small" class=" css-1hy2vtq">ACCEPT ALL</button></div></div>
    <div class="qc-cmp2-scrollable-section"><div class="qc-cmp2-consent-list">
      <div class="qc-cmp2-list-item"><p class="qc-cmp2-list-item-title" id="qc-p1">Store and/or access information on a device</p><div class="qc-cmp2-toggle-switch"><button role="switch" aria-checked="false" aria-labelledby="qc-p1" class="qc-cmp2-toggle"></button></div></div>
      <div class="qc-cmp2-list-item"><p class="qc-cmp2-list-item-title" id="qc-p2">Use limited data to select advertising</p><div class="qc-cmp2-toggle-switch"><button role="switch" aria-checked="true" aria-labelledby="qc-p2" class="qc-cmp2-toggle"></button></div></div>
      <div class="qc-cmp2-list-item"><p class="qc-cmp2-list-item-title" id="qc-p3">Create profiles for personalised advertising</p><div class="qc-cmp2-toggle-switch"><button role="switch" aria-checked="false" aria-labelledby="qc-p3" class="qc-cmp2-toggle"></button></div></div>
      <div class="qc-cmp2-list-item"><p class="qc-cmp2-list-item-title" id="qc-p7">Measure advertising performance</p><div class="qc-cmp2-toggle-switch"><button role="switch" aria-checked="true" aria-labelledby="qc-p7" class="qc-cmp2-toggle"></button></div></div>
      <div class="qc-cmp2-list-item"><p class="qc-cmp2-list-item-title" id="qc-p9">Understand audiences through statistics or combinations of data from different sources</p><div class="qc-cmp2-toggle-switch"><button role="switch" aria-checked="false" aria-labelledby="qc-p9" class="qc-cmp2-toggle"></button></div></div></div></div>
    <div class="qc-cmp2-footer"><div class="qc-cmp2-buttons-desktop"><button mode="primary" size="large" class=" css-47sehv"><span>SAVE &amp; EXIT</span></button></div></div></div></div></div>`,
  accept: '.qc-cmp2-summary-buttons button[mode=primary]', reject: '.qc-cmp2-summary-buttons button[mode=secondary]:nth-of-type(2)' });
})();
