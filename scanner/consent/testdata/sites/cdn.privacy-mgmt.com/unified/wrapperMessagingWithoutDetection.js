// Sourcepoint fixture wrapper: shows the message in a cross-origin iframe
// (#sp_message_iframe_*) inside .sp_message_container; the iframe posts the
// choice back; consentUUID and euconsent-v2 cookies; window._sp_; TCF 6.
(function () {
  const k = window.cmpKit;
  const tcf = k.tcf(6);
  const sp = window._sp_ = window._sp_ || {};
  sp.version = '4.20.0';
  sp.executeMessaging = () => {};
  if (k.getCookie('consentUUID')) return;
  const id = 987654;
  // The message is chosen per property, as in the Sourcepoint dashboard:
  // property 4321 runs a pay-or-okay message, property 5678 one whose
  // refusal is in the privacy manager only.
  const message = ({ 4321: 'wall.html', 5678: 'accept-settings.html' })[sp.config && sp.config.propertyId] || 'index.html';
  k.after(100, () => {
    document.documentElement.classList.add('sp-message-open');
    const c = k.show(k.el(`<div id="sp_message_container_${id}" class="sp_message_container" style="position:fixed;inset:0;background:rgba(0,0,0,.5);z-index:2147483647;display:flex;align-items:center;justify-content:center">
      <iframe id="sp_message_iframe_${id}" title="SP Consent Message" src="https://cdn.privacy-mgmt.com/${message}?message_id=${id}&consentLanguage=en&preload_message=true&version=v1" style="width:560px;height:360px;border:0;background:#fff"></iframe></div>`));
    window.addEventListener('message', ev => {
      if (ev.origin !== 'https://cdn.privacy-mgmt.com' || !ev.data) return;
      if (ev.data.name === 'sp.showPrivacyManager') {
        // The privacy manager replaces the message in a frame of its own.
        const f = c.querySelector('iframe');
        f.id = 'sp_message_iframe_' + ev.data.pmId;
        f.title = 'SP Consent Message';
        f.src = 'https://cdn.privacy-mgmt.com/privacy-manager/index.html?message_id=' + ev.data.pmId + '&pmTab=purposes&consentLanguage=en&site_id=' + (sp.config && sp.config.accountId);
        return;
      }
      if (ev.data.name !== 'sp.choice') return;
      // 11 accept all, 13 reject all, 1 save & exit with the purposes on.
      const purposes = ev.data.choiceType === 11 ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] : ev.data.choiceType === 1 ? ev.data.purposes || [] : [];
      const all = purposes.length > 0;
      k.cookie('consentUUID', 'fixture-' + Math.random().toString(16).slice(2) + '_' + id);
      k.cookie('_sp_su', 'false');
      ev.data.choiceType === 1 && all ? tcf.set(purposes, [1, 2, 8, 32, 755], []) : all ? k.acceptTCF(tcf) : k.rejectTCF(tcf);
      k.consentMode(all);
      c.remove();
      document.documentElement.classList.remove('sp-message-open');
    });
  });
})();
