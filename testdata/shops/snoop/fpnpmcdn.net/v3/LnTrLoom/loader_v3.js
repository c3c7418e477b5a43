/* Fixture stand-in for a fraud-prevention device fingerprint: canvas with
   text and emoji read back, WebGL's unmasked vendor and renderer, an audio
   fingerprint, font enumeration by text measurement and navigator/screen
   probing; the result is sent to the vendor. */
(function (w, d) {
  var fp = {};
  function canvas() {
    var c = d.createElement('canvas'); c.width = 240; c.height = 60;
    var x = c.getContext('2d');
    x.textBaseline = 'top'; x.font = '14px Arial';
    x.fillStyle = '#f60'; x.fillRect(125, 1, 62, 20);
    x.fillStyle = '#069'; x.fillText('Cwm fjordbank glyphs vext quiz, \ud83d\ude03', 2, 15);
    x.fillStyle = 'rgba(102, 204, 0, 0.7)'; x.fillText('Cwm fjordbank glyphs vext quiz, \ud83d\ude03', 4, 17);
    fp.canvas = c.toDataURL().length;
  }
  function webgl() {
    var c = d.createElement('canvas');
    var gl = c.getContext('webgl') || c.getContext('experimental-webgl');
    if (!gl) return;
    var ext = gl.getExtension('WEBGL_debug_renderer_info');
    if (ext) { fp.glv = gl.getParameter(ext.UNMASKED_VENDOR_WEBGL); fp.glr = gl.getParameter(ext.UNMASKED_RENDERER_WEBGL); }
    else { fp.glv = gl.getParameter(0x9245); fp.glr = gl.getParameter(0x9246); }
  }
  function audio() {
    var A = w.OfflineAudioContext || w.webkitOfflineAudioContext;
    if (!A) return Promise.resolve();
    var ctx = new A(1, 5000, 44100);
    var osc = ctx.createOscillator(); osc.type = 'triangle'; osc.frequency.value = 10000;
    var comp = ctx.createDynamicsCompressor();
    comp.threshold.value = -50; comp.knee.value = 40; comp.ratio.value = 12;
    osc.connect(comp); comp.connect(ctx.destination); osc.start(0);
    return ctx.startRendering().then(function (buf) {
      var data = buf.getChannelData(0), s = 0;
      for (var i = 4500; i < 5000; i++) s += Math.abs(data[i]);
      fp.audio = s;
    });
  }
  function fonts() {
    var list = ['Andale Mono','Arial Black','Arial Narrow','Bahnschrift','Baskerville','Book Antiqua','Bookman Old Style','Calibri','Cambria','Candara',
      'Century Gothic','Comic Sans MS','Consolas','Constantia','Copperplate','Corbel','Courier New','Didot','Franklin Gothic','Futura','Garamond',
      'Geneva','Georgia','Gill Sans','Helvetica Neue','Impact','Lucida Bright','Lucida Console','Lucida Sans','Menlo','Monaco','MS Gothic',
      'MS Mincho','Optima','Palatino','Perpetua','Rockwell','Segoe UI','Tahoma','Times New Roman','Trebuchet MS','Verdana','Wingdings',
      'Ubuntu','DejaVu Sans','Liberation Serif','Noto Sans','Roboto','Open Sans','Droid Sans'];
    var span = d.createElement('span'); span.textContent = 'mmmmmmmmmmlli'; span.style.fontSize = '72px';
    span.style.position = 'absolute'; span.style.left = '-9999px';
    d.body.appendChild(span);
    var found = [];
    for (var i = 0; i < list.length; i++) {
      span.style.fontFamily = "'" + list[i] + "', monospace";
      if (span.offsetWidth !== 0) found.push(list[i]);
    }
    d.body.removeChild(span);
    fp.fonts = found.length;
  }
  function probe() {
    var n = navigator, s = screen;
    fp.nav = [n.userAgent, n.appVersion, n.platform, n.language, (n.languages || []).join(), n.hardwareConcurrency, n.deviceMemory,
      n.plugins.length, n.mimeTypes.length, n.vendor, n.product, n.productSub, n.cookieEnabled, n.doNotTrack, n.maxTouchPoints,
      n.webdriver, n.pdfViewerEnabled, s.width, s.height, s.availWidth, s.availHeight, s.colorDepth, s.pixelDepth].join('|').length;
  }
  function run() {
    try { canvas(); } catch (e) {}
    try { webgl(); } catch (e) {}
    try { fonts(); } catch (e) {}
    try { probe(); } catch (e) {}
    audio().catch(function () {}).then(function () {
      fetch('https://fpnpmcdn.net/v3/LnTrLoom/collect', {method: 'POST', mode: 'no-cors', body: JSON.stringify(fp)});
    });
  }
  if (d.body) run(); else d.addEventListener('DOMContentLoaded', run);
})(window, document);
