/* Lantern & Loom cookie banner. The choice is kept in lh_consent for six
   months. Only the Klaviyo on-site script (newsletter pop-up and e-mail
   flows) listens to it: it loads unless the visitor chose "Reject all". The
   marketing tags in the head have run before the banner even shows. */
(function (w, d) {
  'use strict';
  var box = d.getElementById('cookie-banner');
  var m = /(?:^|; )lh_consent=([^;]*)/.exec(d.cookie);
  var choice = m ? m[1] : '';
  if (choice !== 'rejected') {
    w.klaviyo = w.klaviyo || [];
    var s = d.createElement('script');
    s.async = true;
    s.src = 'https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=Xk7LmQ';
    d.head.appendChild(s);
  }
  function choose(v) {
    d.cookie = 'lh_consent=' + v + '; max-age=15552000; path=/; SameSite=Lax';
    box.hidden = true;
  }
  d.getElementById('cb-accept').onclick = function () { choose('accepted'); };
  d.getElementById('cb-reject').onclick = function () { choose('rejected'); };
  if (!choice) box.hidden = false;
})(window, document);
