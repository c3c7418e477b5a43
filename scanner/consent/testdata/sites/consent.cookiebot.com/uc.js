// Cookiebot fixture: #CybotCookiebotDialog with Deny / Allow selection /
// Allow all and the level checkboxes; CookieConsent cookie; window.Cookiebot.
(function () {
  const k = window.cmpKit;
  const tcf = k.tcf(134);
  const cb = window.Cookiebot = window.CookieConsent = { consented: false, declined: false, hasResponse: false, consent: { necessary: true, preferences: false, statistics: false, marketing: false } };
  const stored = k.getCookie('CookieConsent');
  if (stored) { cb.hasResponse = true; return; }
  function submit(p, s, m) {
    k.cookie('CookieConsent', "{stamp:'" + Math.random().toString(36).slice(2) + "',necessary:true,preferences:" + p + ',statistics:' + s + ',marketing:' + m + ",method:'explicit',ver:1,utc:" + Date.now() + ",region:'de'}");
    Object.assign(cb.consent, { preferences: p, statistics: s, marketing: m });
    cb.hasResponse = true; cb.consented = p || s || m; cb.declined = !cb.consented;
    (p || s || m) ? k.acceptTCF(tcf) : k.rejectTCF(tcf);
    k.consentMode(m);
    dlg.style.display = 'none';
    window.dispatchEvent(new Event(cb.consented ? 'CookiebotOnAccept' : 'CookiebotOnDecline'));
  }
  let dlg;
  k.after(150, () => {
    dlg = k.show(k.el(`<div id="CybotCookiebotDialog" name="CybotCookiebotDialog" role="dialog" aria-modal="true" aria-labelledby="CybotCookiebotDialogBodyContentTitle" tabindex="-1" lang="en" dir="ltr" class="CybotCookiebotDialogActive CybotEdge" data-template="popup"
       style="position:fixed;left:50%;top:50%;transform:translate(-50%,-50%);width:600px;background:#fff;border-radius:8px;box-shadow:0 30px 70px rgba(0,0,0,.3);z-index:2147483631;padding:16px">
      <div class="CybotCookiebotDialogContentWrapper">
        <div id="CybotCookiebotDialogBody" class="CybotCookiebotScrollContainer">
          <h2 id="CybotCookiebotDialogBodyContentTitle" lang="en">This website uses cookies</h2>
          <div id="CybotCookiebotDialogBodyContentText" lang="en">We use cookies to personalise content and ads, to provide social media features and to analyse our traffic.</div>
        </div>
        <div id="CybotCookiebotDialogBodyLevelWrapper" class="CybotCookiebotDialogBodyLevelWrapper">
          <div id="CybotCookiebotDialogBodyLevelButtonsTable"><div id="CybotCookiebotDialogBodyLevelButtonsRow">
            <div id="CybotCookiebotDialogBodyLevelButtonsSelectPane" class="CybotCookiebotDialogBodyLevelButtonsSelectPane">
              <label><input type="checkbox" id="CybotCookiebotDialogBodyLevelButtonNecessary" class="CybotCookiebotDialogBodyLevelButton CybotCookiebotDialogBodyLevelButtonDisabled" disabled checked> Necessary</label>
              <label><input type="checkbox" id="CybotCookiebotDialogBodyLevelButtonPreferences" class="CybotCookiebotDialogBodyLevelButton"> Preferences</label>
              <label><input type="checkbox" id="CybotCookiebotDialogBodyLevelButtonStatistics" class="CybotCookiebotDialogBodyLevelButton"> Statistics</label>
              <label><input type="checkbox" id="CybotCookiebotDialogBodyLevelButtonMarketing" class="CybotCookiebotDialogBodyLevelButton"> Marketing</label>
            </div></div></div>
        </div>
        <div id="CybotCookiebotDialogFooter" class="CybotCookiebotScrollContainer"><div id="CybotCookiebotDialogBodyButtons"><div id="CybotCookiebotDialogBodyButtonsWrapper">
          <button id="CybotCookiebotDialogBodyButtonDecline" class="CybotCookiebotDialogBodyButton">Deny</button>
          <button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowallSelection" class="CybotCookiebotDialogBodyButton">Allow selection</button>
          <button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll" class="CybotCookiebotDialogBodyButton">Allow all</button>
        </div></div></div>
      </div></div>`));
    const q = s => dlg.querySelector(s);
    q('#CybotCookiebotDialogBodyButtonDecline').onclick = () => submit(false, false, false);
    q('#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll').onclick = () => submit(true, true, true);
    q('#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowallSelection').onclick = () =>
      submit(q('#CybotCookiebotDialogBodyLevelButtonPreferences').checked, q('#CybotCookiebotDialogBodyLevelButtonStatistics').checked, q('#CybotCookiebotDialogBodyLevelButtonMarketing').checked);
  });
})();
