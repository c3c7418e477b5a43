// In-page behaviour instrumentation, run in every document before the page's
// scripts (Page.addScriptToEvaluateOnNewDocument). It watches what scripts do
// — canvas, WebGL and audio read-outs, font measurement, navigator/screen
// probing, whole-document MutationObservers and input listeners — and reports
// each finding, attributed to the calling script, through a CDP binding that
// only this closure holds. The page sees native-looking functions: wrappers
// answer toString() with the original's source.
(() => {
  const name = __BINDING__;
  const send = window[name];
  try { delete window[name]; } catch (e) {}
  if (typeof send !== 'function') return;
  const JSONs = JSON.stringify;
  const ErrorC = Error;
  const WM = WeakMap, SetC = Set, MapC = Map;
  const defineProperty = Object.defineProperty;
  const getOwn = Object.getOwnPropertyDescriptor;
  const apply = Reflect.apply;
  // The page may replace these globals later; keep the originals.
  const HCE = window.HTMLCanvasElement, HEl = window.HTMLElement;
  const doc = document;
  const wrapped = new WM();
  const self = 'privacyscan-instrument';
  // Reading a stack costs; a page that calls hooked functions in a loop
  // stops being attributed after this many calls (per document).
  let budget = 20000;
  const reported = new MapC(); // kind|script -> count sent

  // caller returns the URL of the first stack frame that is not ours.
  const frameRe = /((?:https?|file|blob):\/\/[^\s)]+?):\d+:\d+\)?\s*$/;
  function caller() { return scriptOf(new ErrorC()); }
  function scriptOf(err) {
    if (budget <= 0) return '';
    budget--;
    const st = err.stack || '';
    const lines = st.split('\n');
    for (let i = 1; i < lines.length; i++) {
      const l = lines[i];
      if (l.indexOf(self) >= 0) continue;
      const m = frameRe.exec(l);
      if (m) return m[1];
    }
    return location.href;
  }
  // lazy attributes reads of many distinct items (navigator properties,
  // font families) to scripts only once the document has seen `gate`
  // distinct ones: an ordinary page never pays for formatting a stack, and
  // the reads before the gate are attributed from the Errors kept then.
  function lazy(gate, onScript) {
    const all = new SetC();
    let held = [];
    return function (what) {
      if (held === null) { const sc = caller(); if (sc) onScript(sc, what); return; }
      all.add(what);
      if (held.length < 400) held.push([what, new ErrorC()]);
      if (all.size < gate) return;
      const h = held;
      held = null;
      for (const [w, e] of h) { const sc = scriptOf(e); if (sc) onScript(sc, w); }
    };
  }
  function report(kind, script, detail, extra) {
    const k = kind + '|' + script;
    const n = (reported.get(k) || 0) + 1;
    reported.set(k, n);
    if (n > 20) return; // enough evidence
    try { send(JSONs({k: kind, s: script, d: detail, p: location.href, x: extra || 0})); } catch (e) {}
  }
  function hook(proto, prop, make) {
    const d = proto && getOwn(proto, prop);
    if (!d || typeof d.value !== 'function') return;
    const orig = d.value;
    const w = make(orig);
    wrapped.set(w, orig);
    defineProperty(proto, prop, {value: w, writable: d.writable, enumerable: d.enumerable, configurable: d.configurable});
  }
  function hookGetter(proto, prop, onGet) {
    const d = proto && getOwn(proto, prop);
    if (!d || typeof d.get !== 'function') return;
    const orig = d.get;
    const w = {get [prop]() { onGet(this); return apply(orig, this, []); }};
    const g = getOwn(w, prop).get;
    wrapped.set(g, orig);
    defineProperty(proto, prop, {get: g, set: d.set, enumerable: d.enumerable, configurable: d.configurable});
  }
  function hookSetter(proto, prop, onSet) {
    const d = proto && getOwn(proto, prop);
    if (!d || typeof d.set !== 'function') return;
    const orig = d.set;
    const w = {set [prop](v) { onSet(this, v); return apply(orig, this, [v]); }};
    const s = getOwn(w, prop).set;
    wrapped.set(s, orig);
    defineProperty(proto, prop, {get: d.get, set: s, enumerable: d.enumerable, configurable: d.configurable});
  }
  hook(Function.prototype, 'toString', orig => function toString() {
    return apply(orig, wrapped.get(this) || this, arguments);
  });

  // --- Canvas (Englehardt & Narayanan's criteria) ---
  const canvases = new WM(); // canvas -> {colours:Set, chars:Set, text:bool, tainted:bool}
  function cstate(c) {
    let s = canvases.get(c);
    if (!s) { s = {colours: new SetC(), chars: new SetC(), text: false, tainted: false}; canvases.set(c, s); }
    return s;
  }
  const C2D = window.CanvasRenderingContext2D && CanvasRenderingContext2D.prototype;
  const HC = window.HTMLCanvasElement && HTMLCanvasElement.prototype;
  function drew(ctx, text) {
    const c = ctx.canvas;
    if (!c) return;
    const s = cstate(c);
    s.text = true;
    try { s.colours.add(String(ctx.fillStyle)); s.colours.add(String(ctx.strokeStyle)); } catch (e) {}
    for (const ch of String(text)) { if (s.chars.size < 64) s.chars.add(ch); }
  }
  if (C2D) {
    for (const m of ['fillText', 'strokeText']) {
      hook(C2D, m, orig => function () { try { drew(this, arguments[0]); } catch (e) {} return apply(orig, this, arguments); });
    }
    for (const m of ['save', 'restore']) {
      hook(C2D, m, orig => function () { try { if (this.canvas) cstate(this.canvas).tainted = true; } catch (e) {} return apply(orig, this, arguments); });
    }
    hookSetter(C2D, 'fillStyle', (ctx, v) => { try { if (ctx.canvas) cstate(ctx.canvas).colours.add(String(v)); } catch (e) {} });
  }
  function fingerprintable(c, w, h) {
    const s = canvases.get(c);
    if (!s || !s.text || s.tainted) return false;
    if ((c.width | 0) < 16 || (c.height | 0) < 16) return false;
    if (w !== undefined && (w < 16 || h < 16)) return false;
    return s.colours.size >= 2 || s.chars.size >= 10;
  }
  function lossy(type) { return /jpe?g|webp/i.test(String(type || '')); }
  if (HC) {
    hook(HC, 'toDataURL', orig => function () {
      try { if (!lossy(arguments[0]) && fingerprintable(this)) report('canvas', caller(), 'toDataURL', this.width + 'x' + this.height); } catch (e) {}
      return apply(orig, this, arguments);
    });
    hook(HC, 'toBlob', orig => function () {
      try { if (!lossy(arguments[1]) && fingerprintable(this)) report('canvas', caller(), 'toBlob', this.width + 'x' + this.height); } catch (e) {}
      return apply(orig, this, arguments);
    });
  }
  if (C2D) {
    hook(C2D, 'getImageData', orig => function (x, y, w, h) {
      try { if (this.canvas && fingerprintable(this.canvas, w, h)) report('canvas', caller(), 'getImageData', w + 'x' + h); } catch (e) {}
      return apply(orig, this, arguments);
    });
    // Font enumeration through the canvas: many distinct families measured.
    hook(C2D, 'measureText', orig => function () {
      try { fontSeen(String(this.font)); } catch (e) {}
      return apply(orig, this, arguments);
    });
  }

  // --- WebGL: the unmasked vendor and renderer ---
  for (const G of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    if (!G) continue;
    hook(G.prototype, 'getParameter', orig => function (p) {
      if (p === 0x9245 || p === 0x9246) {
        try { report('webgl', caller(), p === 0x9245 ? 'UNMASKED_VENDOR_WEBGL' : 'UNMASKED_RENDERER_WEBGL'); } catch (e) {}
      }
      return apply(orig, this, arguments);
    });
  }

  // --- Audio: an oscillator through a compressor, rendered and read ---
  const audio = new MapC(); // script -> Set of steps
  function audioStep(step) {
    const sc = caller();
    if (!sc) return;
    let s = audio.get(sc);
    if (!s) { s = new SetC(); audio.set(sc, s); }
    s.add(step);
    if ((s.has('oscillator')) && (s.has('compressor') || s.has('analyser')) && (s.has('render') || s.has('read'))) {
      report('audio', sc, Array.from(s).sort().join('+'));
    }
  }
  for (const A of [window.BaseAudioContext, window.AudioContext, window.OfflineAudioContext]) {
    if (!A) continue;
    hook(A.prototype, 'createOscillator', orig => function () { try { audioStep('oscillator'); } catch (e) {} return apply(orig, this, arguments); });
    hook(A.prototype, 'createDynamicsCompressor', orig => function () { try { audioStep('compressor'); } catch (e) {} return apply(orig, this, arguments); });
    hook(A.prototype, 'createAnalyser', orig => function () { try { audioStep('analyser'); } catch (e) {} return apply(orig, this, arguments); });
  }
  if (window.OfflineAudioContext) {
    hook(OfflineAudioContext.prototype, 'startRendering', orig => function () { try { audioStep('render'); } catch (e) {} return apply(orig, this, arguments); });
  }
  if (window.AudioBuffer) {
    hook(AudioBuffer.prototype, 'getChannelData', orig => function () { try { audioStep('read'); } catch (e) {} return apply(orig, this, arguments); });
  }
  if (window.AnalyserNode) {
    hook(AnalyserNode.prototype, 'getFloatFrequencyData', orig => function () { try { audioStep('read'); } catch (e) {} return apply(orig, this, arguments); });
  }

  // --- Fonts: many distinct families measured by one script ---
  const fonts = new MapC(); // script -> Set of families
  const FONT_MIN = 30;
  const fontRead = lazy(10, (sc, fam) => {
    let s = fonts.get(sc);
    if (!s) { s = new SetC(); fonts.set(sc, s); }
    if (s.has(fam) || s.size > 1000) return;
    s.add(fam);
    if (s.size === FONT_MIN || (s.size > FONT_MIN && s.size % 50 === 0)) report('font', sc, 'text measured in ' + s.size + ' font families', s.size);
  });
  let lastFont = '';
  function fontSeen(font) {
    if (font === lastFont) return; // a page laying out text measures in one font again and again
    lastFont = font;
    const fam = String(font || '').replace(/^.*?\d+(\.\d+)?(px|pt|em|rem|%)\s*(\/\s*\S+\s*)?/, '').trim().toLowerCase();
    if (fam) fontRead(fam);
  }
  const HE = window.HTMLElement && HTMLElement.prototype;
  if (HE) {
    const onMeasure = el => {
      try {
        const ff = el.style && el.style.fontFamily;
        if (ff) fontSeen('0px ' + ff);
      } catch (e) {}
    };
    hookGetter(HE, 'offsetWidth', onMeasure);
    hookGetter(HE, 'offsetHeight', onMeasure);
  }

  // --- Navigator, screen and plugins read in bulk ---
  const probes = new MapC(); // script -> Set of properties
  const PROBE_MIN = 15;
  const probe = lazy(8, (sc, what) => {
    let s = probes.get(sc);
    if (!s) { s = new SetC(); probes.set(sc, s); }
    if (s.has(what)) return;
    s.add(what);
    if (s.size === PROBE_MIN || (s.size > PROBE_MIN && s.size % 10 === 0)) report('navigator', sc, s.size + ' navigator/screen properties read', s.size);
  });
  const navProps = ['userAgent', 'appVersion', 'platform', 'language', 'languages', 'hardwareConcurrency', 'deviceMemory',
    'plugins', 'mimeTypes', 'vendor', 'product', 'productSub', 'cookieEnabled', 'doNotTrack', 'maxTouchPoints',
    'oscpu', 'cpuClass', 'buildID', 'webdriver', 'pdfViewerEnabled', 'connection', 'userAgentData', 'appName', 'appCodeName', 'onLine'];
  const NP = window.Navigator && Navigator.prototype;
  for (const p of navProps) hookGetter(NP, p, () => { try { probe('navigator.' + p); } catch (e) {} });
  const SP = window.Screen && Screen.prototype;
  for (const p of ['width', 'height', 'availWidth', 'availHeight', 'colorDepth', 'pixelDepth', 'availLeft', 'availTop', 'orientation']) {
    hookGetter(SP, p, () => { try { probe('screen.' + p); } catch (e) {} });
  }

  // --- Session recording: whole-document observers and input listeners ---
  const MO = window.MutationObserver && MutationObserver.prototype;
  if (MO) {
    hook(MO, 'observe', orig => function (target, opts) {
      try {
        if ((target === doc || target === doc.documentElement || target === doc.body) && opts && opts.subtree) {
          report('observe', caller(), 'MutationObserver on the whole document');
        }
      } catch (e) {}
      return apply(orig, this, arguments);
    });
  }
  const inputEvents = {input: 1, change: 1, keydown: 1, keyup: 1, keypress: 1, beforeinput: 1};
  const ET = window.EventTarget && EventTarget.prototype;
  if (ET) {
    hook(ET, 'addEventListener', orig => function (type) {
      try {
        if (HCE && this instanceof HCE) cstate(this).tainted = true;
        else if (inputEvents[type] === 1 && (this === doc || this === window || this === doc.body || this === doc.documentElement ||
            (HEl && this instanceof HEl && (this.localName === 'input' || this.localName === 'textarea' || this.localName === 'form')))) {
          report('listen', caller(), String(type));
        }
      } catch (e) {}
      return apply(orig, this, arguments);
    });
  }
})();
//# sourceURL=privacyscan-instrument
