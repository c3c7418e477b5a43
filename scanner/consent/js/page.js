// page.js is the in-page half of the consent engine. It runs in an isolated
// world of every frame (the page's scripts cannot see or break it) and is
// installed as globalThis.__ps by evaluating `(<this file>)(config)`.
// Elements found are kept in __ps.found so that Go can fetch a handle with a
// second evaluation of `__ps.found[i]`.
(function (cfg) {
  'use strict';
  const flags = 'iu';
  const whole = {}, part = {};
  for (const c of cfg.classes) {
    whole[c] = new RegExp(cfg.vocab[c].whole, flags);
    part[c] = new RegExp(cfg.vocab[c].part, flags);
  }
  const bannerRe = new RegExp(cfg.vocab.banner.part, flags);
  const closeRe = new RegExp(cfg.vocab.close.whole, flags);
  const closeRefusesRe = new RegExp(cfg.closeRefuses, flags);
  // toggleSel finds the switches of a banner: checkboxes, ARIA switches and
  // checkboxes, and buttons that carry their state in aria-checked or
  // aria-pressed.
  const toggleSel = 'input[type=checkbox], [role=switch], [role=checkbox], [aria-checked], [aria-pressed]';
  const hintRe = /cookie|consent|gdpr|privacy|cmp|onetrust|didomi|usercentrics|truste|qc-cmp|sp_message|cc-window|cky-|cmplz|iubenda|borlabs|termly|osano|klaro|orejime|tarteaucitron/i;
  const strongClickable = 'button, a, [role=button], [role=link], input[type=button], input[type=submit]';
  const clickable = strongClickable + ', [onclick], [tabindex]:not([tabindex="-1"])';

  // roots returns the document and every open shadow root below it.
  function roots(root) {
    const out = [root];
    for (let i = 0; i < out.length; i++) {
      const all = out[i].querySelectorAll('*');
      for (const el of all) if (el.shadowRoot) out.push(el.shadowRoot);
    }
    return out;
  }
  // deepAll is querySelectorAll that also looks inside open shadow roots.
  function deepAll(sel, root) {
    const out = [];
    for (const r of roots(root || document)) {
      try { for (const el of r.querySelectorAll(sel)) out.push(el); } catch (e) { return []; }
    }
    if (root && root.matches) { try { if (root.matches(sel)) out.unshift(root); } catch (e) { } }
    return out;
  }
  function frameShown() { return window.innerWidth > 0 && window.innerHeight > 0; }
  function visible(el) {
    if (!el || !el.isConnected || !frameShown()) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    if (r.bottom < 0 || r.right < 0 || r.top > Math.max(innerHeight, document.documentElement.scrollHeight) || r.left > innerWidth) return false;
    if (el.checkVisibility && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    return true;
  }
  // slotted is the text that a web component's <slot>s inside el show
  // (the light-DOM content assigned to them): innerText, which follows the
  // DOM and not the rendered tree, leaves it out, so a banner whose words
  // come from the page would read as its buttons alone.
  function slotted(el) {
    if (!(el.getRootNode() instanceof ShadowRoot)) return '';
    let t = '';
    const slots = el.localName === 'slot' ? [el] : el.querySelectorAll('slot');
    for (const s of slots) {
      for (const n of s.assignedNodes({ flatten: true })) t += ' ' + (n.nodeType === 1 ? (n.innerText || n.textContent || '') : (n.textContent || ''));
    }
    return t;
  }
  function text(el) {
    let t = '';
    if (el.tagName === 'INPUT') t = el.value || el.getAttribute('aria-label') || '';
    else t = (el.innerText || el.textContent || '') + slotted(el);
    t = t.replace(/\s+/g, ' ').trim();
    if (!t) t = (el.getAttribute('aria-label') || el.getAttribute('title') || '').trim();
    return t;
  }
  // path describes an element as a CSS path, with " >>> " at shadow roots.
  function path(el) {
    const parts = [];
    let node = el;
    while (node && node.nodeType === 1) {
      let p = node.localName;
      // An id ends the path only in the document: inside a shadow root
      // the path must still name the host.
      if (node.id && /^[A-Za-z][\w-]*$/.test(node.id) && node.getRootNode() === document) { parts.unshift(p + '#' + node.id); break; }
      if (node.id && /^[A-Za-z][\w-]*$/.test(node.id)) p += '#' + node.id;
      const cls = node.id ? [] : [...node.classList].filter(c => /^[A-Za-z_-][\w-]*$/.test(c)).slice(0, 2);
      if (cls.length) p += '.' + cls.join('.');
      parts.unshift(p);
      const parent = node.parentNode;
      if (parent && parent.nodeType === 11 && parent.host) { parts.unshift('>>>'); node = parent.host; continue; }
      node = parent;
    }
    return parts.join(' ').replace(/ > > > /g, ' >>> ');
  }
  function classify(t) {
    if (!t || t.length > 80) return '';
    for (const c of cfg.classes) if (whole[c].test(t)) return c;
    if (t.length > 40) return '';
    for (const c of cfg.classes) if (part[c].test(t)) return c;
    return '';
  }
  // closeOf tells why el is a close control ('' if it is not): its text,
  // aria-label or title says close (or is a close glyph), its id or class
  // says close and it has no words, or it is a small wordless control in
  // the top-right corner of the banner.
  function closeOf(el, container) {
    const t = text(el);
    if (closeRe.test(t)) return 'text "' + t + '" is a close label';
    for (const a of ['aria-label', 'title']) {
      const v = (el.getAttribute(a) || '').trim();
      if (v && closeRe.test(v)) return a + ' "' + v + '" is a close label';
    }
    if (t.length > 2) return '';
    if (/close|dismiss/i.test(el.id + ' ' + (typeof el.className === 'string' ? el.className : ''))) return 'wordless, id or class says close';
    if (container && container.getBoundingClientRect) {
      const r = el.getBoundingClientRect(), c = container.getBoundingClientRect();
      if (r.width <= 64 && r.height <= 64 && c.right - r.right < 0.15 * c.width + 24 && r.top - c.top < 0.3 * c.height + 24) return 'position: wordless control in the top-right corner';
    }
    return '';
  }
  // closeRefuses tells whether the banner says that closing it refuses.
  function closeRefuses(container) { return !!container && closeRefusesRe.test(text(container)); }
  // parseColor reads a computed colour (rgb/rgba, or color(srgb ...)) as
  // [r, g, b, a] with r, g, b in 0..255; null when it cannot.
  function parseColor(v) {
    if (!v) return null;
    let m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(v);
    if (m) {
      let a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
      return [+m[1], +m[2], +m[3], a];
    }
    m = /^color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s*\/\s*([\d.]+))?\s*\)$/.exec(v);
    if (m) return [m[1] * 255, m[2] * 255, m[3] * 255, m[4] === undefined ? 1 : +m[4]];
    return null;
  }
  // over composites colour a (with alpha) over the opaque colour b.
  function over(a, b) { return [0, 1, 2].map(i => a[i] * a[3] + b[i] * (1 - a[3])).concat(1); }
  function hostParent(n) { return n.parentNode && n.parentNode.nodeType === 11 ? n.parentNode.host : n.parentElement; }
  // backdropOf resolves the opaque colour painted behind el's content:
  // its own background and those of its ancestors (across shadow roots)
  // composited until one is opaque; the canvas is white.
  function backdropOf(el) {
    const layers = [];
    for (let n = el; n && n.nodeType === 1; n = hostParent(n)) {
      const c = parseColor(getComputedStyle(n).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let bg = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return bg;
  }
  function luminance(c) {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  }
  function contrast(a, b) {
    const x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  function hex(c) { return '#' + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, '0')).join(''); }
  // textHolder is the element whose style paints el's label: el, or the
  // first descendant element that holds text directly.
  function textHolder(el) {
    const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) if (n.nodeValue.trim() && n.parentElement) return n.parentElement;
    return el;
  }
  // measure describes how prominent a control is: its box, the font size
  // and colours of its label, their contrast ratio (WCAG 2), and its look:
  // "filled" (a background of its own that stands out from what is behind
  // it), "outlined" (a border, no fill), "link" (underlined or an <a>
  // without either) or "text".
  function measure(el) {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    const holder = textHolder(el);
    const hs = getComputedStyle(holder);
    const behind = el.parentElement || (el.parentNode && el.parentNode.host) ? backdropOf(hostParent(el)) : [255, 255, 255, 1];
    const own = parseColor(s.backgroundColor);
    let fill = behind;
    let filled = false;
    if (own && own[3] > 0) {
      fill = over(own, behind);
      filled = contrast(fill, behind) >= 1.1 || own[3] >= 1 && Math.max(...[0, 1, 2].map(i => Math.abs(fill[i] - behind[i]))) >= 24;
    }
    if (!filled && s.backgroundImage && s.backgroundImage !== 'none' && /gradient/.test(s.backgroundImage)) filled = true;
    // The label's own backdrop, if a descendant paints one.
    const labelBg = holder !== el ? backdropOf(holder) : fill;
    let fg = parseColor(hs.color) || [0, 0, 0, 1];
    let op = 1;
    for (let n = el; n && n.nodeType === 1; n = hostParent(n)) op *= parseFloat(getComputedStyle(n).opacity) || 0;
    fg = over([fg[0], fg[1], fg[2], Math.min(1, fg[3] * op)], labelBg);
    const borderW = ['Top', 'Right', 'Bottom', 'Left'].map(k => s['border' + k + 'Style'] !== 'none' && s['border' + k + 'Style'] !== 'hidden' ? parseFloat(s['border' + k + 'Width']) || 0 : 0);
    const bc = parseColor(s.borderTopColor);
    const outlined = borderW.filter(w => w >= 1).length >= 3 && bc && bc[3] > 0.3 && contrast(over(bc, behind), behind) >= 1.3;
    const underlined = /underline/.test(hs.textDecorationLine || hs.textDecoration) || /underline/.test(s.textDecorationLine || s.textDecoration);
    let look = 'text';
    if (filled) look = 'filled';
    else if (outlined) look = 'outlined';
    else if (underlined || el.localName === 'a' || el.getAttribute('role') === 'link') look = 'link';
    const round = v => Math.round(v * 100) / 100;
    return {
      box: { x: round(r.left), y: round(r.top), width: round(r.width), height: round(r.height) },
      font_size: round(parseFloat(hs.fontSize) || 0),
      color: hex(fg), background: hex(labelBg), contrast: round(contrast(fg, labelBg)), look,
    };
  }
  // controlOf classifies one visible control of a banner as accept, reject,
  // settings, save, close or other, with the reason.
  function controlOf(el, container) {
    const tag = el.localName, role = el.getAttribute('role') || '';
    const base = Object.assign({ tag, role }, measure(el));
    const isToggle = el.matches(toggleSel) && !(tag === 'button' && el.hasAttribute('aria-pressed') && classify(text(el)));
    if (isToggle) {
      const on = toggleOn(el);
      const how = el.getAttribute('aria-checked') !== null ? 'aria-checked' : el.getAttribute('aria-pressed') !== null ? 'aria-pressed' : role ? 'role ' + role : 'checkbox';
      return Object.assign(base, { label: labelOf(el), class: 'other', reason: 'switch (' + how + '), ' + (on ? 'on' : 'off') + (toggleDisabled(el) ? ', locked' : '') });
    }
    let t = text(el), src = 'text';
    if (el.localName === 'input') src = 'value';
    else if (!(el.innerText || el.textContent || '').trim()) src = el.getAttribute('aria-label') ? 'aria-label' : 'title';
    let c = classify(t);
    if (!c && src === 'text') {
      const a = (el.getAttribute('aria-label') || '').trim();
      if (a && classify(a)) { c = classify(a); src = 'aria-label'; t = t || a; }
    }
    const label = t.slice(0, 80);
    if (c) {
      const cls = c === 'accept_all' ? 'accept' : c;
      return Object.assign(base, { label, class: cls, reason: src + ' "' + label + '" reads as ' + c.replace('_', ' ') + (role ? ' (role ' + role + ')' : '') });
    }
    const why = closeOf(el, container);
    if (why) {
      if (closeRefuses(container)) return Object.assign(base, { label, class: 'reject', reason: 'close: ' + why + '; the banner says closing refuses' });
      return Object.assign(base, { label, class: 'close', reason: why });
    }
    return Object.assign(base, { label, class: 'other', reason: src + ' "' + label + '" matches no vocabulary' + (el.closest('a[href]') ? ' (a link)' : '') });
  }
  // controls lists the visible controls of a banner, outermost first and
  // at most 40.
  function controls(container) {
    if (!container) return [];
    let els = deepAll(clickable + ', ' + toggleSel, container).filter(el => el !== container && visible(el));
    // A focusable or onclick wrapper around other controls (a dialog with
    // a tabindex inside a consent frame) is not itself a control.
    els = els.filter(el => el.matches(strongClickable + ', ' + toggleSel) || !els.some(o => o !== el && deepContains(el, o)));
    const kept = els.filter(el => !els.some(o => o !== el && deepContains(o, el) && !o.matches(toggleSel) && !el.matches(toggleSel)));
    return kept.slice(0, 40).map(el => controlOf(el, container));
  }
  function fixedish(el) {
    const s = getComputedStyle(el);
    if (s.position === 'fixed' || s.position === 'sticky') return true;
    const z = parseInt(s.zIndex, 10);
    return s.position === 'absolute' && z >= 100;
  }
  // bannerCandidates finds visible high-layer elements about cookies or
  // consent, outermost first.
  function bannerCandidates() {
    const out = [];
    const inFrame = window !== window.top;
    for (const r of roots(document)) {
      const all = r.querySelectorAll('body *, :host > *');
      let n = 0;
      for (const el of all) {
        if (++n > 6000) break;
        const tag = el.localName;
        if (tag === 'script' || tag === 'style' || tag === 'svg' || tag === 'path' || tag === 'br' || tag === 'span' || tag === 'a' || tag === 'button' || tag === 'p') continue;
        const role = el.getAttribute('role');
        const hinted = role === 'dialog' || role === 'alertdialog' || el.getAttribute('aria-modal') === 'true' || hintRe.test(el.id + ' ' + el.className);
        if (!hinted && !fixedish(el)) continue;
        if (hinted && !fixedish(el) && !role && !el.closest('[aria-modal],dialog')) {
          // A hinted id or class alone is not a layer: require position.
          let p = el.parentElement, layered = false;
          for (let i = 0; p && i < 6; i++, p = p.parentElement) if (fixedish(p)) { layered = true; break; }
          if (!layered) continue;
        }
        if (!visible(el)) continue;
        const t = text(el);
        if (!bannerRe.test(t)) continue;
        out.push(el);
      }
    }
    if (inFrame && document.body && visible(document.body) && bannerRe.test(text(document.body))) out.push(document.body);
    // Keep the outermost of nested candidates.
    return out.filter(el => !out.some(o => o !== el && o.contains(el)));
  }
  function buttonsIn(container) {
    const res = {}, closing = [];
    for (const el of deepAll(clickable, container)) {
      if (!visible(el)) continue;
      const c = classify(text(el));
      if (!c) {
        // A close control refuses when the banner says so; a refusal
        // that says what it does comes first.
        if (closeOf(el, container) && closeRefuses(container)) closing.push(el);
        continue;
      }
      (res[c] = res[c] || []).push(el);
    }
    if (closing.length) res.reject = (res.reject || []).concat(closing);
    return res;
  }
  // banner returns the generic banner: the candidate with the most button
  // classes (ties: the first in document order).
  function genericBanner() {
    let best = null, bestScore = 0, bestButtons = null;
    for (const el of bannerCandidates()) {
      const b = buttonsIn(el);
      let score = Object.keys(b).length;
      if (b[cfg.classes[0]] || b.accept || b.accept_all) score += 2;
      if (score > bestScore) { best = el; bestScore = score; bestButtons = b; }
    }
    return best ? { el: best, buttons: bestButtons } : null;
  }
  function toggleOn(el) {
    if (el.localName === 'input') return (el.type === 'checkbox' || el.type === 'radio') ? el.checked : false;
    const a = el.getAttribute('aria-checked') || el.getAttribute('aria-pressed');
    if (a !== null) return a === 'true';
    return /(^|\s|-)(on|active|checked|enabled|selected)($|\s)/.test(el.className);
  }
  function toggleDisabled(el) {
    return el.disabled || el.getAttribute('aria-disabled') === 'true' || el.getAttribute('aria-readonly') === 'true' ||
      !!(el.closest && el.closest('[disabled], [aria-disabled="true"]'));
  }
  function labelOf(el) {
    let t = '';
    if (el.labels && el.labels.length) t = text(el.labels[0]);
    if (!t) t = el.getAttribute('aria-label') || '';
    if (!t && el.getAttribute('aria-labelledby')) {
      const l = el.getRootNode().getElementById ? el.getRootNode().getElementById(el.getAttribute('aria-labelledby')) : null;
      if (l) t = text(l);
    }
    if (!t) {
      let p = el.parentElement;
      for (let i = 0; p && i < 3 && !t; i++, p = p.parentElement) t = text(p);
    }
    return t.slice(0, 80);
  }
  function keep(els) {
    __ps.found = els;
    return els.map(el => ({ selector: path(el), text: text(el).slice(0, 120) }));
  }

  const api = {
    found: [],
    // probe reports, for each rule, which detect selectors exist in this
    // frame, whether its banner is visible, and the script URLs seen.
    probe(rules) {
      const res = [];
      for (const r of rules) {
        const sel = [];
        for (const s of r.selectors || []) if (deepAll(s).length) sel.push(s);
        let banner = '';
        const here = !r.frame || new RegExp(r.frame, 'i').test(location.href);
        if (here) for (const s of r.banner || []) { if (deepAll(s).some(visible)) { banner = s; break; } }
        res.push({ sel, banner });
      }
      const scripts = [...document.scripts].map(s => s.src).filter(Boolean);
      for (const e of performance.getEntriesByType('resource')) if (e.initiatorType === 'script') scripts.push(e.name);
      return { url: location.href, res, scripts, shown: frameShown(), top: window === window.top };
    },
    // banner is the element last described by generic or ruleBanner.
    banner: null,
    // generic reports the heuristic banner of this frame, if any.
    generic() {
      const g = genericBanner();
      if (!g) return null;
      __ps.banner = g.el;
      watch(g.el);
      const buttons = {};
      for (const k in g.buttons) buttons[k] = g.buttons[k].map(text).slice(0, 3);
      return { path: path(g.el), text: text(g.el).slice(0, 300), buttons, cover: coverage(g.el), controls: controls(g.el) };
    },
    // find keeps the visible elements a step targets and describes them.
    find(step) {
      let els = [];
      if (step.button) {
        const g = genericBanner();
        if (g) els = g.buttons[step.button] || [];
        if (!els.length && step.button === 'save') {
          // A settings layer is often a second dialog: look everywhere.
          for (const c of bannerCandidates()) { const b = buttonsIn(c); if (b.save) { els = b.save; break; } }
        }
      } else {
        els = deepAll(step.sel).filter(visible);
      }
      if (step.text) { const re = new RegExp(step.text, flags); els = els.filter(el => re.test(text(el))); }
      return keep(els.slice(0, 1));
    },
    // toggles keeps the switches under sel that are on, and describes them.
    toggles(step) {
      let els;
      if (step.sel) els = deepAll(step.sel);
      else {
        els = [];
        for (const c of bannerCandidates()) els.push(...deepAll('input[type=checkbox], [role=switch], [role=checkbox]', c));
      }
      const total = els.length;
      els = els.filter(el => toggleOn(el) && !toggleDisabled(el));
      __ps.found = els;
      return { total, on: els.map(el => ({ path: path(el), text: labelOf(el) })) };
    },
    // ruleBanner describes the first visible element of a rule's banner
    // selectors and keeps it as __ps.banner.
    ruleBanner(sels) {
      for (const s of sels) {
        const el = deepAll(s).filter(visible)[0];
        if (el) { __ps.banner = el; watch(el); return { path: path(el), text: text(el).slice(0, 300), cover: coverage(el), controls: controls(el) }; }
      }
      return null;
    },
    // leaves tells whether clicking __ps.found[0] would load another
    // document (a link to a cookie policy page, a form submit).
    leaves() {
      const el = __ps.found[0];
      if (!el) return false;
      const a = el.closest && el.closest('a[href]');
      if (a) {
        const href = a.getAttribute('href').trim();
        if (href === '' || href.startsWith('#') || /^javascript:/i.test(href)) return false;
        try { const u = new URL(a.href); return u.origin + u.pathname + u.search !== location.origin + location.pathname + location.search; } catch (e) { return true; }
      }
      return !!(el.form && (el.type === 'submit' || (el.localName === 'button' && !el.getAttribute('type'))) && el.form.getAttribute('action') !== null);
    },
    // layers summarises the visible consent layers of the frame (paths and
    // button classes), to tell whether a click opened or changed one.
    layers() {
      return bannerCandidates().map(el => path(el) + ':' + Object.entries(buttonsIn(el)).map(([k, v]) => k + v.length).sort().join(',')).join('|');
    },
    // animations resolves when the running finite animations and
    // transitions of the banner (__ps.banner, its parts and its ancestors)
    // are over ("done"; "none" when there were none), or after ms
    // ("timeout"). The page's own animations (a carousel) do not count.
    animations(ms) {
      const b = __ps.banner;
      const ours = t => !b || !t || deepContains(b, t) || deepContains(t, b);
      const finite = a => { try { return a.playState === 'running' && isFinite(a.effect.getComputedTiming().endTime) && ours(a.effect.target); } catch (e) { return false; } };
      const all = document.getAnimations ? document.getAnimations().filter(finite) : [];
      if (!all.length) return Promise.resolve('none');
      return Promise.race([Promise.all(all.map(a => a.finished.catch(() => null))).then(() => 'done'), new Promise(r => setTimeout(() => r('timeout'), ms))]);
    },
    // quiet resolves once the document has not changed for ms, or after max.
    quiet(ms, max) {
      return new Promise(resolve => {
        let t;
        const done = v => { mo.disconnect(); clearTimeout(t); clearTimeout(cap); resolve(v); };
        const mo = new MutationObserver(() => { clearTimeout(t); t = setTimeout(() => done(true), ms); });
        mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        t = setTimeout(() => done(true), ms);
        const cap = setTimeout(() => done(false), max);
      });
    },
    // isOn tells whether a toggle is still on after a click.
    isOn(el) { return toggleOn(el); },
    // shown tells whether any of the selectors has a visible element.
    shown(sels) { for (const s of sels) if (deepAll(s).some(visible)) return true; return false; },
    visible,
    text,
    path,
    coverage,
    // wait resolves on the next DOM mutation or after ms, whichever is first.
    wait(ms) {
      return new Promise(resolve => {
        const done = () => { mo.disconnect(); clearTimeout(t); resolve(true); };
        const mo = new MutationObserver(done);
        mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: false });
        const t = setTimeout(done, ms);
      });
    },
  };
  // watched records the changes of the banner last described, from the
  // moment it was first described. A heartbeat of 10 ms timers measures
  // the pauses between changes in turns of the event loop rather than in
  // time: while a script (the engine's own, measuring the banner) holds the
  // page's thread, neither the page's timers nor the heartbeat run, and
  // that is no pause of the banner.
  let watched = null;
  function unwatch() {
    if (!watched) return;
    watched.mo.disconnect();
    clearInterval(watched.hb);
    watched = null;
  }
  function watch(el) {
    if (watched && watched.el === el) return;
    unwatch();
    const w = { el, start: performance.now(), beats: 0, lastBeat: 0, longest: 0, changes: 0, mo: null, hb: 0 };
    w.mo = new MutationObserver(() => {
      w.longest = Math.max(w.longest, w.beats - w.lastBeat);
      w.lastBeat = w.beats;
      w.changes++;
    });
    w.mo.observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
    // At most ten seconds of heartbeat per banner: the engine asks within
    // a few seconds of describing it.
    w.hb = setInterval(() => { if (++w.beats > 1000 || !el.isConnected) { if (watched === w) unwatch(); } }, 10);
    watched = w;
  }
  // restless resolves once the watched banner has been quiet for quiet ms
  // of heartbeat ({restless: false}), or, when it kept changing for max ms
  // since it was first described, with {restless: true}.
  api.restless = function (quiet, max) {
    const q = Math.max(1, Math.round(quiet / 10));
    return new Promise(resolve => {
      const check = () => {
        const w = watched, now = performance.now();
        if (!w || w.longest >= q || w.beats - w.lastBeat >= q) { resolve({ restless: false }); return; }
        if (now - w.start >= max) {
          // A page whose timers are throttled beats slowly: restless
          // needs changes, at least one per quiet period.
          resolve({ restless: w.changes >= max / quiet, watched: now - w.start, changes: w.changes });
          return;
        }
        setTimeout(check, 10);
      };
      check();
    });
  };
  // coverage measures how much of the viewport el blocks: the share of a
  // grid of points where a click would land on el or on a bare backdrop
  // (a large fixed layer with no text of its own) rather than on the page,
  // and whether the page under it is locked (no scrolling), the marks of a
  // wall. In an iframe it measures the iframe's own viewport: call it on the
  // frame's owner element in the top document instead.
  function coverage(el) {
    const W = innerWidth, H = innerHeight, N = 10;
    let blocked = 0;
    if (W && H && el && el.isConnected) {
      const bannerText = text(el).length;
      for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) {
        let hit = document.elementFromPoint((i + 0.5) * W / N, (j + 0.5) * H / N);
        // Follow the hit into open shadow roots.
        for (let k = 0; hit && hit.shadowRoot && k < 10; k++) {
          const inner = hit.shadowRoot.elementFromPoint((i + 0.5) * W / N, (j + 0.5) * H / N);
          if (!inner || inner === hit) break;
          hit = inner;
        }
        for (let n = hit; n && n.nodeType === 1;) {
          if (n === el) { blocked++; break; }
          if (fixedish(n)) {
            const r = n.getBoundingClientRect();
            const area = Math.max(0, Math.min(W, r.right) - Math.max(0, r.left)) * Math.max(0, Math.min(H, r.bottom) - Math.max(0, r.top));
            const own = text(n).length - (deepContains(n, el) ? bannerText : 0);
            if (area >= 0.5 * W * H && own < 40) blocked++;
            break;
          }
          n = n.parentNode && n.parentNode.nodeType === 11 ? n.parentNode.host : n.parentElement;
        }
      }
    }
    return { share: blocked / (N * N), locked: scrollLocked() };
  }
  // deepContains is Node.contains across shadow roots.
  function deepContains(a, b) {
    for (let n = b; n; n = n.parentNode && n.parentNode.nodeType === 11 ? n.parentNode.host : n.parentNode) if (n === a) return true;
    return false;
  }
  // scrollLocked tells whether the page is taller than the viewport but
  // cannot scroll (overflow hidden on the root or body, or a fixed body).
  function scrollLocked() {
    const de = document.documentElement, b = document.body;
    const tall = Math.max(de.scrollHeight, b ? b.scrollHeight : 0) > innerHeight + 1;
    if (!tall) return false;
    const hidden = e => { if (!e) return false; const s = getComputedStyle(e); return s.overflowY === 'hidden' || s.overflowY === 'clip'; };
    return hidden(de) || hidden(b) || (!!b && getComputedStyle(b).position === 'fixed');
  }
  return api;
})
