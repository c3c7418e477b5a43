/* Fixture stand-in for Hotjar's site script, written for privacyscan tests.
   Like the real one it keeps a user id in a year-long first-party cookie and
   in localStorage (_hjSessionUser_<site>), a session in a 30-minute cookie
   and in sessionStorage (_hjSession_<site>), and reports the visit to
   in.hotjar.com. */
(function (w, d) {
  'use strict';
  var id = (w._hjSettings && w._hjSettings.hjid) || 3512345;
  if (w.hj && w.hj.fixtureLoaded) return;
  var now = Date.now();
  var labels = location.hostname.split('.');
  var cookieDomain = labels.length > 2 ? labels.slice(-2).join('.') : location.hostname;
  function uuid() {
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, function (c) {
      var r = Math.random() * 16 | 0;
      return (c === 'x' ? r : (r & 3 | 8)).toString(16);
    });
  }
  var userKey = '_hjSessionUser_' + id, sessionKey = '_hjSession_' + id;
  var user;
  try { user = JSON.parse(localStorage.getItem(userKey)); } catch (e) { user = null; }
  if (!user) user = { id: uuid().slice(0, 16), created: now, existing: false };
  else user.existing = true;
  var sess = { id: uuid(), c: now, s: 0, r: 0, sb: 0, sr: 0, se: 0, fs: user.existing ? 0 : 1, sp: 0 };
  try {
    localStorage.setItem(userKey, JSON.stringify(user));
    sessionStorage.setItem(sessionKey, JSON.stringify(sess));
  } catch (e) { /* storage disabled */ }
  var b64 = function (o) { return btoa(JSON.stringify(o)); };
  d.cookie = userKey + '=' + b64(user) + '; max-age=31536000; path=/; domain=' + cookieDomain + '; SameSite=Lax';
  d.cookie = sessionKey + '=' + b64(sess) + '; max-age=1800; path=/; domain=' + cookieDomain + '; SameSite=Lax';
  var queue = (w.hj && w.hj.q) || [];
  w.hj = function () { queue.push(arguments); };
  w.hj.q = queue;
  w.hj.fixtureLoaded = true;
  var body = JSON.stringify({ user_id: user.id, session_id: sess.id, url: location.href, referrer: d.referrer, ts: now, viewport: [innerWidth, innerHeight] });
  var url = 'https://in.hotjar.com/api/v2/client/sites/' + id + '/visit-data?sv=7';
  if (!(navigator.sendBeacon && navigator.sendBeacon(url, body))) new Image().src = url;
})(window, document);
