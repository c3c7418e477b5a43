/* Bramble & Co. cookie notice. Both buttons only hide the notice: the tags
   in the page head have already run. */
(function (d) {
  'use strict';
  var box = d.getElementById('cookie-notice');
  function dismiss(v) {
    d.cookie = 'cookie_notice=' + v + '; max-age=31536000; path=/';
    box.hidden = true;
  }
  d.getElementById('cn-accept').onclick = function () { dismiss('accepted'); };
  d.getElementById('cn-reject').onclick = function () { dismiss('rejected'); };
  if (!/(?:^|; )cookie_notice=/.test(d.cookie)) box.hidden = false;
})(document);
