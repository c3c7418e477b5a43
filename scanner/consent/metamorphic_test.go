package consent

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// metamorphJS rewrites a shown banner without changing what a person sees
// or what its buttons do: every element's computed style is inlined first
// (so that the look survives), inline event handlers are compiled where
// they were written, then ids and classes are renamed, the buttons of each
// row reversed, the labels replaced by synonyms, and the banner moved
// either into the open shadow root of a new custom element ("shadow") or
// into a new same-origin iframe laid over the place it held ("iframe"),
// listeners and all. The page's own scripts still find their elements:
// getElementById and querySelector(All) map the old names and look into
// the new root.
const metamorphJS = `(([path, syn, variant]) => {
  const find = p => { let root = document, el = null; for (const part of p.split(' >>> ')) { el = root.querySelector(part); if (!el) return null; root = el.shadowRoot || el; } return el; };
  const banner = find(path);
  if (!banner || banner === document.body || banner === document.documentElement) return 'no banner at ' + path;
  const all = [banner, ...banner.querySelectorAll('*')];
  let rect = null;
  for (const el of all) {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    rect = rect ? { left: Math.min(rect.left, r.left), top: Math.min(rect.top, r.top), right: Math.max(rect.right, r.right), bottom: Math.max(rect.bottom, r.bottom) } : { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }
  for (const el of all) { const cs = getComputedStyle(el); for (const p of cs) el.style.setProperty(p, cs.getPropertyValue(p)); }
  for (const el of all) for (const a of [...el.attributes]) if (/^on/i.test(a.name) && typeof el[a.name] === 'function') { const f = el[a.name]; el.removeAttribute(a.name); el[a.name] = f; }
  const ids = {}, classes = {};
  let n = 0;
  for (const el of all) {
    if (el.id) { ids[el.id] = 'q' + (++n) + 'z'; el.id = ids[el.id]; }
    for (const c of [...el.classList]) { classes[c] = classes[c] || 'k' + (++n) + 'w'; el.classList.replace(c, classes[c]); }
  }
  const esc = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const mapSel = s => { if (typeof s !== 'string') return s; for (const [a, b] of Object.entries(ids)) s = s.replace(new RegExp('#' + esc(a) + '(?![\\w-])', 'g'), '#' + b); for (const [a, b] of Object.entries(classes)) s = s.replace(new RegExp('\\.' + esc(a) + '(?![\\w-])', 'g'), '.' + b); return s; };
  let root;
  if (variant === 'iframe') {
    if (!rect) return 'the banner has no size';
    const w = rect.right - rect.left, h = rect.bottom - rect.top;
    const fr = document.createElement('iframe');
    fr.style.cssText = 'position:fixed;left:' + rect.left + 'px;top:' + rect.top + 'px;width:' + w + 'px;height:' + h + 'px;border:0;margin:0;padding:0;z-index:2147483647;background:transparent;color-scheme:normal;display:block';
    banner.replaceWith(fr);
    const fd = fr.contentDocument;
    if (!fd || !fd.body) return 'no document in the new iframe';
    fd.documentElement.style.cssText = 'background:transparent;margin:0;padding:0';
    fd.body.style.cssText = 'background:transparent;margin:0;padding:0;overflow:hidden';
    fd.body.appendChild(banner);
    for (const [k, v] of [['position', 'absolute'], ['inset', 'auto'], ['left', '0px'], ['top', '0px'], ['margin', '0px'], ['transform', 'none'], ['translate', 'none']]) banner.style.setProperty(k, v);
    root = fd;
  } else {
    const host = document.createElement('x-consent-' + Math.random().toString(36).slice(2, 8));
    banner.replaceWith(host);
    root = host.attachShadow({ mode: 'open' });
    root.appendChild(banner);
  }
  const gid = Document.prototype.getElementById;
  Document.prototype.getElementById = function (id) { const v = ids[id] || id; return gid.call(this, v) || (this === document ? root.getElementById(v) : null); };
  for (const P of [Document.prototype, Element.prototype]) {
    const q = P.querySelector, qa = P.querySelectorAll;
    P.querySelector = function (s) { s = mapSel(s); return q.call(this, s) || (this === document ? root.querySelector(s) : null); };
    P.querySelectorAll = function (s) { s = mapSel(s); const r = qa.call(this, s); return r.length || this !== document ? r : root.querySelectorAll(s); };
  }
  const clickable = 'button, a, [role=button], input[type=button], input[type=submit]';
  const parents = new Set([...banner.querySelectorAll(clickable)].map(b => b.parentElement));
  for (const p of parents) { const bs = [...p.children].filter(c => c.matches(clickable)); if (bs.length > 1) for (const b of bs.reverse()) p.appendChild(b); }
  const tw = (banner.ownerDocument || document).createTreeWalker(banner, NodeFilter.SHOW_TEXT);
  let swapped = 0;
  for (let t = tw.nextNode(); t; t = tw.nextNode()) { const k = t.nodeValue.trim(); if (syn[k]) { t.nodeValue = syn[k]; swapped++; } }
  return 'ok ' + swapped;
})`

// metamorphSynonyms replace the fixtures' button labels with other words
// for the same thing in the same language.
var metamorphSynonyms = map[string]string{
	"Accept all": "Allow all cookies", "Reject all": "Decline all",
	"Alle akzeptieren": "Alle Cookies zulassen", "Nur notwendige Cookies": "Nur erforderliche Cookies",
	"Приемам всички": "Приеми всички", "Отхвърли всички": "Откажи всички",
	"Αποδοχή όλων": "Αποδέχομαι όλα", "Απόρριψη όλων": "Άρνηση όλων",
	"Accetta tutti": "Accetto tutto", "Rifiuta tutti": "Rifiuto tutto", "Accetta e continua": "Accetto e continuo",
	"Alles accepteren": "Alles toestaan", "Alles weigeren": "Alles afwijzen",
	"Aceitar todos": "Aceitar tudo", "Rejeitar todos": "Recusar todos",
	"Tout accepter": "Accepter tout", "Personnaliser": "Paramétrer",
	"Tillåt alla": "Acceptera alla", "Tillåt endast nödvändiga": "Endast nödvändiga",
	"Akceptuj wszystkie": "Zaakceptuj wszystkie", "Odrzuć wszystkie": "Odrzucam wszystkie",
	"Aceptar y continuar": "Acepto y continúo", "Přijmout vše": "Přijmout všechny",
	"Nastavi bez prihvaćanja →": "Nastavite bez prihvaćanja",
	// The platform fixtures' and npm pages' first layers.
	"Accept All": "Allow all", "Accept All Cookies": "Allow all cookies", "Reject All": "Refuse all",
	"Accept": "I agree", "Decline": "Refuse", "Deny": "Refuse", "I decline": "No thanks", "That's ok": "Got it",
	"Cookies Settings": "Cookie preferences", "Customise": "Manage preferences", "Settings": "Preferences",
	"Let me choose": "More options", "Manage preferences": "Cookie settings",
	"Tout refuser": "Refuser tout", "Refuser": "Je refuse", "Accepter": "J'accepte",
	"Afvis alle": "Afslå alle", "Accepter alle": "Tillad alle",
}

// metamorphLimits are rewrites that break the page itself, not the
// engine's reading of it: the engine clicks the right control and the page
// does not respond. Each is logged and counted as not the same.
var metamorphLimits = map[string]string{
	// Osano's cookieconsent handles clicks on the whole popup and tells its
	// buttons by their class names (cc-deny), which the rewrite renames.
	"shadow/osano-es-npm.test": "the page tells its buttons by class names in one delegated handler; renamed classes are not recognised",
	"iframe/osano-es-npm.test": "the page tells its buttons by class names in one delegated handler; renamed classes are not recognised",
	// The buttons dispatch an event that a listener on an ancestor left in
	// the page receives; from inside the new iframe it never arrives.
	"iframe/generic-shadow-necessary-sv.test": "the buttons' event is heard by an ancestor that stays in the page, which events from the new iframe do not reach",
	// The banner's words are the page's own content, shown through a
	// <slot> of the component's shadow root; the rewrite moves the dialog
	// without them, which leaves two buttons and nothing about cookies.
	"shadow/walltowall-mt-npm.test": "the banner's words come through a <slot> from the page; the moved dialog leaves them behind",
	"iframe/walltowall-mt-npm.test": "the banner's words come through a <slot> from the page; the moved dialog leaves them behind",
	// Svelte 5 delegates clicks to a listener at the component's root
	// (the buttons carry __click), which nodes moved into the new iframe
	// no longer reach.
	"iframe/hbcookielaw-it-npm.test": "Svelte delegates the buttons' clicks to the component's root, which the moved buttons no longer reach",
}

// metamorphCase is a fixture page whose banner the metamorphic test
// rewrites.
type metamorphCase struct{ host, kind string }

// metamorphCases are every fixture banner: the generic fixtures, the
// platform fixtures of the rule files and, when installed, the npm pages.
func metamorphCases() []metamorphCase {
	var out []metamorphCase
	for _, fc := range fixtureCases {
		if fc.NoBanner {
			continue
		}
		kind := "rules"
		if fc.CMP == "generic" {
			kind = "generic"
		}
		out = append(out, metamorphCase{fc.Host, kind})
	}
	if npmInstalled() {
		for _, c := range npmFigures {
			out = append(out, metamorphCase{c.host, "npm"})
		}
	}
	return out
}

// TestMetamorphic rewrites every fixture banner of the top document (ids
// and classes renamed, buttons reordered, synonyms, moved into a shadow
// root or into an iframe) and checks that the generic engine alone still
// finds it, judges its first layer as it judged the original, and carries
// out a reject (an accept where the first layer offers no refusal). A
// banner the generic engine does not find as it is, or that is not in the
// top document, cannot be compared and is skipped with the reason.
func TestMetamorphic(t *testing.T) {
	e := newEngine(t, Options{GenericOnly: true, SettingsPeek: -1})
	syn, _ := json.Marshal(metamorphSynonyms)
	cases := metamorphCases()
	if testing.Short() {
		// -short: the generic fixtures only (a fifth of the time).
		cases = slices.DeleteFunc(cases, func(c metamorphCase) bool { return c.kind != "generic" })
	}
	// A few pages at a time: the cases are independent browser contexts.
	sem := make(chan struct{}, 3)
	for _, variant := range []string{"shadow", "iframe"} {
		var mu sync.Mutex
		same, rewritten := 0, 0
		skipped := map[string][]string{}
		note := func(why, host string) {
			mu.Lock()
			defer mu.Unlock()
			skipped[why] = append(skipped[why], host)
		}
		t.Run(variant, func(t *testing.T) {
			t.Run("cases", func(t *testing.T) {
				for _, c := range cases {
					t.Run(c.host, func(t *testing.T) {
						t.Parallel()
						sem <- struct{}{}
						defer func() { <-sem }()
						skip := func(why string) {
							note(why, c.host)
							t.Skip(why)
						}
						ctx := open(t, c.host, "/")
						first, err := e.Act(ctx, Detect)
						if err != nil {
							t.Fatal(err)
						}
						if !first.BannerDetected || first.Banner == nil || first.Banner.Selector == "" {
							skip("the generic engine does not find the original banner")
						}
						if u, err := url.Parse(first.Banner.Frame); err != nil || u.Hostname() != c.host {
							skip("the banner is in a frame of its own")
						}
						arg, _ := json.Marshal([]any{first.Banner.Selector, json.RawMessage(syn), variant})
						out, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf("(%s)(%s)", metamorphJS, arg)))
						if err != nil || !strings.HasPrefix(out, "ok") {
							skip(fmt.Sprintf("cannot rewrite: %v %s", err, out))
						}
						mu.Lock()
						rewritten++
						mu.Unlock()
						fatalf := func(format string, args ...any) {
							t.Helper()
							if why, ok := metamorphLimits[variant+"/"+c.host]; ok {
								note("a limit of the rewrite: "+why, c.host)
								t.Skipf("a limit of the rewrite (%s): "+format, append([]any{why}, args...)...)
							}
							t.Fatalf(format, args...)
						}
						res, err := e.Act(ctx, Detect)
						if err != nil {
							t.Fatal(err)
						}
						if !res.BannerDetected || res.Banner == nil {
							fatalf("rewritten banner (%s): not detected", out)
						}
						moved := strings.Contains(res.Banner.Selector, ">>>")
						if variant == "iframe" {
							moved = res.Banner.Frame != first.Banner.Frame
						}
						if !moved {
							fatalf("rewritten banner (%s): found at %s in %s, not in the new %s", out, res.Banner.Selector, res.Banner.Frame, variant)
						}
						if res.RejectAvailable != first.RejectAvailable || model.ShowsReject(res.Controls) != model.ShowsReject(first.Controls) {
							fatalf("rewritten banner (%s): reject on the first layer %v (controls %s), the original %v (controls %s)", out, res.RejectAvailable, controlLabels(res.Controls), first.RejectAvailable, controlLabels(first.Controls))
						}
						action := Reject
						if !first.RejectAvailable {
							action = Accept
						}
						op, err := e.Act(ctx, action)
						if err == nil && !op.Verified && len(op.ConsentRecord) > 0 {
							// The page took the choice (it stored it) but the
							// banner stays: it hides itself through the page's
							// stylesheet, which the inlined styles override.
							skip("the page stored the choice but hides its banner through its stylesheet, which the rewrite's inlined styles override")
						}
						if err != nil || !op.Verified || !op.FirstLayer {
							fatalf("rewritten banner (%s): %s verified %v first layer %v error %q (%v); clicked %+v", out, action, op.Verified, op.FirstLayer, op.Error, err, op.Elements)
						}
						mu.Lock()
						same++
						mu.Unlock()
					})
				}
			})
			for why, hosts := range skipped {
				t.Logf("%s: skipped %d: %s (%s)", variant, len(hosts), why, strings.Join(hosts, ", "))
			}
			t.Logf("metamorphic %s: %d/%d rewritten banners operated and judged the same (%d fixture banners)", variant, same, rewritten, len(cases))
		})
	}
}

func controlLabels(cs []model.Control) string {
	var out []string
	for _, c := range cs {
		l := c.Label
		if len(l) > 40 {
			l = l[:40] + "…"
		}
		out = append(out, fmt.Sprintf("%s=%s(%s)", l, c.Class, c.Tag))
	}
	return strings.Join(out, "; ")
}
