/* Basket kept in localStorage (strictly necessary for the shop to work). */
(function (d) {
  'use strict';
  var KEY = 'ml_basket';
  function get() {
    try { return JSON.parse(localStorage.getItem(KEY)) || []; } catch (e) { return []; }
  }
  function put(lines) { localStorage.setItem(KEY, JSON.stringify(lines)); render(); }
  function render() {
    var lines = get(), n = 0;
    lines.forEach(function (l) { n += l.qty; });
    d.querySelectorAll('[data-basket-count]').forEach(function (el) { el.textContent = n; });
    var body = d.querySelector('[data-basket-lines]');
    if (body && lines.length) {
      body.innerHTML = '';
      lines.forEach(function (l) {
        var tr = d.createElement('tr');
        [l.name, l.qty, '€' + (l.price * l.qty).toFixed(2)].forEach(function (v) {
          var td = d.createElement('td');
          td.textContent = v;
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
    }
  }
  d.addEventListener('click', function (ev) {
    var b = ev.target.closest('[data-add-to-basket]');
    if (!b) return;
    var lines = get(), slug = b.getAttribute('data-add-to-basket');
    var qty = parseInt((d.getElementById('qty') || {}).value, 10) || 1;
    var line = lines.filter(function (l) { return l.slug === slug; })[0];
    if (line) line.qty += qty;
    else lines.push({ slug: slug, name: b.getAttribute('data-name'), price: +b.getAttribute('data-price'), qty: qty });
    put(lines);
    if (window.fbq) fbq('track', 'AddToCart', { content_ids: slug, currency: 'EUR', value: b.getAttribute('data-price') });
  });
  render();
})(document);
