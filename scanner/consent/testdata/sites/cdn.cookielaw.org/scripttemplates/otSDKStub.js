// OneTrust fixture: #onetrust-consent-sdk with the banner and the preference
// centre; OptanonConsent / OptanonAlertBoxClosed cookies; OptanonWrapper.
(function () {
  const k = window.cmpKit;
  const cfg = document.currentScript ? document.currentScript.dataset : {};
  const noReject = cfg.noReject === 'true';
  const tcf = k.tcf(28);
  const groups = [['C0001', 'Strictly Necessary Cookies', true, true], ['C0002', 'Performance Cookies', !!cfg.preticked, false], ['C0003', 'Functional Cookies', false, false], ['C0004', 'Targeting Cookies', !!cfg.preticked, false]];
  window.OneTrust = { version: '202409.1.0', IsAlertBoxClosed: () => !!k.getCookie('OptanonAlertBoxClosed'), ToggleInfoDisplay: () => openPc() };
  function save(active) {
    k.cookie('OptanonConsent', 'isGpcEnabled=0&datestamp=' + encodeURIComponent(new Date().toString()) + '&version=202409.1.0&groups=' + groups.map(g => g[0] + ':' + (active.includes(g[0]) ? 1 : 0)).join(','));
    k.cookie('OptanonAlertBoxClosed', new Date().toISOString());
    window.OnetrustActiveGroups = ',' + active.join(',') + ',';
    active.length > 1 ? k.acceptTCF(tcf) : k.rejectTCF(tcf);
    k.consentMode(active.includes('C0004'));
    document.getElementById('onetrust-consent-sdk').remove();
    if (typeof window.OptanonWrapper === 'function') window.OptanonWrapper();
  }
  let openPc;
  if (k.getCookie('OptanonAlertBoxClosed')) return;
  k.after(120, () => {
    const root = k.show(k.el(`<div id="onetrust-consent-sdk" data-nosnippet="true">
      <div class="onetrust-pc-dark-filter ot-hide ot-fade-in"></div>
      <div id="onetrust-banner-sdk" class="otFlat ot-bnr-w-logo ot-buttons-fw" tabindex="0" role="region" aria-label="Cookie banner"
           style="position:fixed;bottom:0;left:0;right:0;background:#fff;border-top:1px solid #ccc;padding:16px;z-index:2147483645">
        <div role="alertdialog" aria-describedby="onetrust-policy-text" aria-modal="true" aria-label="Privacy">
          <div class="ot-sdk-container"><div class="ot-sdk-row">
            <div id="onetrust-group-container" class="ot-sdk-eight ot-sdk-columns"><div id="onetrust-policy">
              <h2 id="onetrust-policy-title">Privacy Preference Center</h2>
              <div id="onetrust-policy-text">We use cookies and similar technologies to personalise content and ads, and to analyse our traffic. <a class="ot-cookie-policy-link" href="/cookie-policy">Cookie Policy</a></div>
            </div></div>
            <div id="onetrust-button-group-parent" class="ot-sdk-three ot-sdk-columns"><div id="onetrust-button-group">
              <button id="onetrust-pc-btn-handler">Cookies Settings</button>
              ${noReject ? '' : '<button id="onetrust-reject-all-handler">Reject All</button>'}
              <button id="onetrust-accept-btn-handler">Accept All Cookies</button>
            </div></div>
          </div></div>
        </div>
      </div>
      <div id="onetrust-pc-sdk" class="otPcCenter ot-hide ot-fade-in" role="dialog" aria-modal="true" aria-labelledby="ot-pc-title" lang="en"
           style="display:none;position:fixed;top:10%;left:20%;width:60%;background:#fff;border:1px solid #888;padding:16px;z-index:2147483647">
        <div class="ot-pc-header"><h2 id="ot-pc-title">Privacy Preference Center</h2></div>
        <div id="ot-pc-content" class="ot-pc-scrollbar"><div class="ot-sdk-row"><div id="ot-pc-desc">When you visit any website, it may store or retrieve information on your browser, mostly in the form of cookies.</div>
          <button id="accept-recommended-btn-handler">Allow All</button>
          <section class="ot-sdk-row ot-cat-grp">${groups.map(g => `
            <div class="ot-accordion-layout ot-cat-item" data-optanongroupid="${g[0]}">
              <h4 class="ot-cat-header" id="ot-header-id-${g[0]}">${g[1]}</h4>
              ${g[3] ? '<div class="ot-always-active">Always Active</div>' : `<div class="ot-tgl"><input type="checkbox" name="ot-group-id-${g[0]}" id="ot-group-id-${g[0]}" role="switch" class="category-switch-handler" data-optanongroupid="${g[0]}" aria-labelledby="ot-header-id-${g[0]}" ${g[2] ? 'checked' : ''}><label class="ot-switch" for="ot-group-id-${g[0]}"><span class="ot-switch-nob"></span><span class="ot-label-txt">${g[1]}</span></label></div>`}
            </div>`).join('')}
          </section></div></div>
        <div class="ot-pc-footer"><div class="ot-btn-container">
          <button class="ot-pc-refuse-all-handler">Reject All</button>
          <button class="save-preference-btn-handler onetrust-close-btn-handler">Confirm My Choices</button>
        </div></div>
      </div></div>`));
    const pc = root.querySelector('#onetrust-pc-sdk');
    openPc = () => { pc.style.display = 'block'; pc.classList.remove('ot-hide'); document.getElementById('onetrust-banner-sdk').style.display = 'none'; };
    root.querySelector('#onetrust-accept-btn-handler').onclick = () => save(groups.map(g => g[0]));
    root.querySelector('#accept-recommended-btn-handler').onclick = () => save(groups.map(g => g[0]));
    const rj = root.querySelector('#onetrust-reject-all-handler');
    if (rj) rj.onclick = () => save(['C0001']);
    root.querySelector('.ot-pc-refuse-all-handler').onclick = () => save(['C0001']);
    root.querySelector('#onetrust-pc-btn-handler').onclick = () => openPc();
    root.querySelector('.save-preference-btn-handler').onclick = () =>
      save(groups.filter(g => g[3] || pc.querySelector('#ot-group-id-' + g[0]).checked).map(g => g[0]));
  });
})();
