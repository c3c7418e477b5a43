/* The shop's own script: a hero drawn on a canvas (never read back), WebGL
   asked for its version only, a form helper that watches the document for
   new fields and checks what is typed locally, and a site search answered by
   the shop's own endpoint. */
(function (w, d) {
  function hero() {
    var c = d.getElementById('hero');
    if (!c) return;
    var x = c.getContext('2d');
    x.fillStyle = '#223'; x.fillRect(0, 0, c.width, c.height);
    x.fillStyle = '#fc6'; x.font = '28px Georgia'; x.fillText('Light for long evenings \u2728', 20, 70);
    x.fillStyle = '#fff'; x.fillText('New: amber glass', 20, 105);
    var gl = d.createElement('canvas').getContext('webgl');
    if (gl) c.dataset.gl = String(gl.getParameter(gl.VERSION)).length;
    c.dataset.font = x.measureText('Light').width > 0 ? 'ok' : '';
  }
  function helper() {
    new MutationObserver(function () {}).observe(d, {subtree: true, childList: true});
    d.addEventListener('input', function (e) {
      var el = e.target;
      if (el && el.type === 'email') el.setCustomValidity(/.+@.+\..+/.test(el.value) ? '' : 'Please check the address');
    }, true);
  }
  function search() {
    var f = d.querySelector('form.site-search');
    if (!f) return;
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      var q = f.querySelector('input').value;
      fetch('/api/search.json?q=' + encodeURIComponent(q)).then(function (r) { return r.json(); }).then(function (res) {
        var out = d.getElementById('results') || d.querySelector('main');
        out.innerHTML = '<h2>Results</h2><ul>' + res.items.map(function (it) {
          return '<li><a href="' + it.url + '">' + it.name + '</a></li>';
        }).join('') + '</ul>';
      });
    });
  }
  function start() { hero(); helper(); search(); }
  if (d.body) start(); else d.addEventListener('DOMContentLoaded', start);
})(window, document);
