package consent

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// metamorphJS rewrites a shown banner without changing what a person sees
// or what its buttons do: every element's computed style is inlined first
// (so that the look survives), then ids and classes are renamed, the
// buttons of each row reversed, the labels replaced by synonyms, and the
// banner moved into the open shadow root of a new custom element. The
// page's own scripts still find their elements: getElementById and
// querySelector(All) map the old names and look into the new root.
const metamorphJS = `(([path, syn]) => {
  const find = p => { let root = document, el = null; for (const part of p.split(' >>> ')) { el = root.querySelector(part); if (!el) return null; root = el.shadowRoot || el; } return el; };
  const banner = find(path);
  if (!banner || banner === document.body) return 'no banner at ' + path;
  const all = [banner, ...banner.querySelectorAll('*')];
  for (const el of all) { const cs = getComputedStyle(el); for (const p of cs) el.style.setProperty(p, cs.getPropertyValue(p)); }
  const ids = {}, classes = {};
  let n = 0;
  for (const el of all) {
    if (el.id) { ids[el.id] = 'q' + (++n) + 'z'; el.id = ids[el.id]; }
    for (const c of [...el.classList]) { classes[c] = classes[c] || 'k' + (++n) + 'w'; el.classList.replace(c, classes[c]); }
  }
  const esc = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const mapSel = s => { if (typeof s !== 'string') return s; for (const [a, b] of Object.entries(ids)) s = s.replace(new RegExp('#' + esc(a) + '(?![\\w-])', 'g'), '#' + b); for (const [a, b] of Object.entries(classes)) s = s.replace(new RegExp('\\.' + esc(a) + '(?![\\w-])', 'g'), '.' + b); return s; };
  const host = document.createElement('x-consent-' + Math.random().toString(36).slice(2, 8));
  banner.replaceWith(host);
  const root = host.attachShadow({ mode: 'open' });
  root.appendChild(banner);
  const gid = Document.prototype.getElementById;
  Document.prototype.getElementById = function (id) { const v = ids[id] || id; return gid.call(this, v) || root.getElementById(v); };
  for (const P of [Document.prototype, Element.prototype]) {
    const q = P.querySelector, qa = P.querySelectorAll;
    P.querySelector = function (s) { s = mapSel(s); return q.call(this, s) || (this === document ? root.querySelector(s) : null); };
    P.querySelectorAll = function (s) { s = mapSel(s); const r = qa.call(this, s); return r.length || this !== document ? r : root.querySelectorAll(s); };
  }
  const clickable = 'button, a, [role=button], input[type=button], input[type=submit]';
  const parents = new Set([...banner.querySelectorAll(clickable)].map(b => b.parentElement));
  for (const p of parents) { const bs = [...p.children].filter(c => c.matches(clickable)); if (bs.length > 1) for (const b of bs.reverse()) p.appendChild(b); }
  const w = document.createTreeWalker(banner, NodeFilter.SHOW_TEXT);
  let swapped = 0;
  for (let t = w.nextNode(); t; t = w.nextNode()) { const k = t.nodeValue.trim(); if (syn[k]) { t.nodeValue = syn[k]; swapped++; } }
  return 'ok ' + swapped;
})`

// metamorphSynonyms replace the generic fixtures' button labels with other
// words for the same thing in the same language.
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
}

// TestMetamorphic rewrites every generic fixture banner of the top document
// (ids and classes renamed, buttons reordered, synonyms, moved into a
// shadow root) and checks that the generic engine alone still finds it,
// judges its first layer as the fixture says, and carries out a reject.
func TestMetamorphic(t *testing.T) {
	e := newEngine(t, Options{GenericOnly: true, SettingsPeek: -1})
	syn, _ := json.Marshal(metamorphSynonyms)
	same := 0
	total := 0
	for _, fc := range fixtureCases {
		if !strings.HasPrefix(fc.Host, "generic-") || strings.Contains(fc.Host, "iframe") {
			continue
		}
		total++
		t.Run(fc.Host, func(t *testing.T) {
			ctx := open(t, fc.Host, "/")
			first, err := e.Act(ctx, Detect)
			if err != nil || !first.BannerDetected || first.Banner == nil {
				t.Fatalf("the original banner: %v %+v", err, first)
			}
			path, _ := json.Marshal([]any{first.Banner.Selector, json.RawMessage(syn)})
			out, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf("(%s)(%s)", metamorphJS, path)))
			if err != nil || !strings.HasPrefix(out, "ok") {
				t.Fatalf("rewriting %s: %v %s", first.Banner.Selector, err, out)
			}
			res, err := e.Act(ctx, Detect)
			if err != nil {
				t.Fatal(err)
			}
			if !res.BannerDetected || !strings.Contains(res.Banner.Selector, ">>>") {
				t.Fatalf("rewritten banner (%s): detected %v at %+v", out, res.BannerDetected, res.Banner)
			}
			if res.RejectAvailable != fc.RejectFirstLayer || model.ShowsReject(res.Controls) != fc.RejectFirstLayer {
				t.Fatalf("rewritten banner (%s): reject on the first layer %v, want %v; controls %+v", out, res.RejectAvailable, fc.RejectFirstLayer, res.Controls)
			}
			if fc.RejectFirstLayer {
				rej, err := e.Act(ctx, Reject)
				if err != nil || !rej.Verified || !rej.FirstLayer {
					t.Fatalf("rewritten banner (%s): reject verified %v first layer %v error %q (%v)", out, rej.Verified, rej.FirstLayer, rej.Error, err)
				}
			}
			same++
		})
	}
	t.Logf("metamorphic: %d/%d rewritten generic banners operated and judged the same", same, total)
}
