// What consent platforms, chat and newsletter widgets put into a page after
// it loaded, with class names that say nothing: only what the browser shows
// (positions, visibility, dialogs, aria-hidden, inert) tells them apart.
(function () {
  const de = 'Wir und unsere 312 Partner wie Criteo, TikTok und Microsoft Advertising speichern Cookies und verarbeiten personenbezogene Daten. Wir reagieren nicht auf Do-Not-Track-Signale. Stand: 01.02.2023. Sie haben das Recht auf Auskunft und Beschwerde bei der Aufsichtsbehörde.';
  function add(tag, cls, html, attrs) {
    const el = document.createElement(tag);
    if (cls) el.className = cls;
    el.innerHTML = html;
    for (const k in attrs || {}) el.setAttribute(k, attrs[k]);
    document.body.appendChild(el);
    return el;
  }
  add('div', 'x1', '<p>' + de + '</p><p>Alle akzeptieren</p>');
  add('div', 'x2', '<h2>Präferenzen</h2><table><tr><td>Criteo SA</td><td>Werbung</td></tr><tr><td>Pinterest Inc.</td><td>Werbung</td></tr></table><p>' + de + '</p>');
  add('div', 'x3', '<p>' + de + '</p>', {'aria-hidden': 'true'});
  add('div', 'x4', '<table><tr><td>_ttp</td><td>TikTok</td><td>13 Monate</td></tr></table><p>' + de + '</p>', {inert: ''});
  add('div', 'x6', '<p>' + de + '</p>');
  add('div', 'x7', '<p>Chat with us! Our assistant is powered by Zendesk and LiveChat. We do not respond to Global Privacy Control.</p>');
  const d = add('dialog', '', '<p>Newsletter: get 10% off. ' + de + '</p>');
  d.show();
  const text = document.querySelector('.text');
  const hid = document.createElement('div');
  hid.hidden = true;
  hid.innerHTML = '<p>' + de + '</p>';
  text.appendChild(hid);
})();
