/* Fjellsko samtykkebanner: statistikk (Google Analytics) og markedsføring
   (Meta Pixel) lastes først etter samtykke. */
(function (w, d) {
  'use strict';
  var GA = 'G-FJELL20250', PIXEL = '402918374655123';
  var boks = d.getElementById('samtykke');
  function les() {
    var m = d.cookie.match(/(?:^|; )fs_samtykke=([^;]*)/);
    return m ? decodeURIComponent(m[1]).split(',') : null;
  }
  function script(src) { var s = d.createElement('script'); s.async = true; s.src = src; d.head.appendChild(s); }
  function bruk(valg) {
    if (valg.indexOf('statistikk') >= 0) {
      gtag('consent', 'update', { analytics_storage: 'granted' });
      gtag('js', new Date());
      gtag('config', GA);
      script('https://www.googletagmanager.com/gtag/js?id=' + GA);
    }
    if (valg.indexOf('markedsforing') >= 0) {
      var fbq = w.fbq = w._fbq = function () { fbq.callMethod ? fbq.callMethod.apply(fbq, arguments) : fbq.queue.push(arguments); };
      fbq.queue = []; fbq.loaded = true; fbq.version = '2.0';
      fbq('init', PIXEL);
      fbq('track', 'PageView');
      script('https://connect.facebook.net/en_US/fbevents.js');
    }
  }
  function velg(valg) {
    d.cookie = 'fs_samtykke=' + encodeURIComponent(valg.join(',')) + '; max-age=15552000; path=/; SameSite=Lax; Secure';
    boks.hidden = true;
    bruk(valg);
  }
  boks.addEventListener('click', function (ev) {
    var b = ev.target.closest('[data-valg]');
    if (!b) return;
    switch (b.getAttribute('data-valg')) {
      case 'alle': velg(['nodvendig', 'statistikk', 'markedsforing']); break;
      case 'ingen': velg(['nodvendig']); break;
      case 'innstillinger': boks.querySelector('.innstillinger').hidden = false; break;
      case 'lagre':
        velg(['nodvendig'].concat(boks.querySelector('[name=statistikk]').checked ? ['statistikk'] : [],
          boks.querySelector('[name=markedsforing]').checked ? ['markedsforing'] : []));
        break;
    }
  });
  var lagret = les();
  if (lagret) bruk(lagret); else boks.hidden = false;
})(window, document);
