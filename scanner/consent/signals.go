package consent

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// signalsJS runs in the page's main world. gtag() pushes its arguments
// object onto dataLayer, so a consent command is an array-like whose first
// item is "consent". The TCF listener is answered at once by a CMP that has
// loaded (tcloaded, cmpuishown or useractioncomplete); 500 ms bound it.
var signalsJS = signalsFor(nil)

// signalsFor is signalsJS that also reads the cookies and storage keys
// named in appeared.
func signalsFor(appeared []string) string {
	return fmt.Sprintf(signalsJSTemplate, recordsCall(appeared))
}

// recordsFn reads the consent records of a document: its cookies and
// localStorage and sessionStorage items whose names recordNamesJS knows,
// whose names (without accents) recordHintJS finds, or which its argument
// names (the items that appeared because of the click). Values longer than
// 4096 characters are not records of a choice.
var recordsFn = fmt.Sprintf(`((appeared) => {
  const recRe = new RegExp(%q), hintRe = new RegExp(%q, 'i');
  const fold = s => { try { return s.normalize('NFD').replace(/[\u0300-\u036f]/g, ''); } catch (e) { return s; } };
  const want = (name, where) => recRe.test(name) || hintRe.test(fold(name)) || appeared.includes(name) || (where === 'localStorage' && appeared.includes('localStorage:' + name));
  const recs = [];
  const push = (name, value, where) => { if (recs.length < 200 && !recs.some(r => r.name === name) && (recRe.test(name) || value.length <= 4096)) recs.push({ name, value, where }); };
  for (const c of document.cookie.split(';')) {
    const i = c.indexOf('=');
    if (i < 0) continue;
    const name = c.slice(0, i).trim();
    if (want(name, 'cookie')) push(name, c.slice(i + 1).trim(), 'cookie');
  }
  for (const where of ['localStorage', 'sessionStorage']) {
    try { const st = window[where]; for (let i = 0; i < st.length; i++) { const k = st.key(i); if (want(k, where)) push(k, String(st.getItem(k)), where); } } catch (e) {}
  }
  return recs;
})`, recordNamesJS, recordHintJS)

// recordsJS reads the consent records of a document (recordsFn).
var recordsJS = recordsCall(nil)

func recordsCall(appeared []string) string {
	if appeared == nil {
		appeared = []string{}
	}
	a, _ := json.Marshal(appeared)
	return fmt.Sprintf("(%s)(%s)", recordsFn, a)
}

const signalsJSTemplate = `(async () => {
  const out = {};
  const cmds = [];
  const layers = [window.dataLayer].concat(Object.keys(window).filter(k => /^dataLayer./.test(k)).map(k => window[k]));
  for (const dl of layers) {
    if (!Array.isArray(dl)) continue;
    for (const e of dl) {
      if (!e || typeof e !== 'object' || typeof e.length !== 'number' || e[0] !== 'consent') continue;
      if ((e[1] !== 'default' && e[1] !== 'update') || !e[2] || typeof e[2] !== 'object') continue;
      const params = {};
      for (const [k, v] of Object.entries(e[2])) params[k] = Array.isArray(v) ? v.join(',') : String(v);
      cmds.push({ command: e[1], params });
    }
  }
  if (cmds.length) out.consent_mode = cmds;
  if (typeof window.__tcfapi === 'function') {
    out.tcf = await new Promise(resolve => {
      let last = null;
      const t = setTimeout(() => resolve(last), 500);
      try {
        window.__tcfapi('addEventListener', 2, (d, ok) => {
          if (!ok || !d) return;
          last = d;
          if (['tcloaded', 'cmpuishown', 'useractioncomplete'].includes(d.eventStatus)) {
            clearTimeout(t);
            try { window.__tcfapi('removeEventListener', 2, () => {}, d.listenerId); } catch (e) {}
            resolve(d);
          }
        });
      } catch (e) { clearTimeout(t); resolve(null); }
    });
    if (out.tcf) {
      const d = out.tcf;
      out.tcf = { cmp_id: d.cmpId | 0, cmp_version: d.cmpVersion | 0, gdpr_applies: typeof d.gdprApplies === 'boolean' ? d.gdprApplies : null,
        event_status: String(d.eventStatus || ''), cmp_status: String(d.cmpStatus || ''), tc_string: String(d.tcString || '') };
    }
  }
  if (typeof window.__gpp === 'function') {
    const call = (cmd) => new Promise(resolve => {
      const t = setTimeout(() => resolve(null), 300);
      try {
        const r = window.__gpp(cmd, (d, ok) => { clearTimeout(t); resolve(ok === false ? null : d); });
        if (r && typeof r === 'object') { clearTimeout(t); resolve(r); }
      } catch (e) { clearTimeout(t); resolve(null); }
    });
    const ping = await call('ping');
    if (ping) {
      let str = ping.gppString, applicable = ping.applicableSections;
      if (!str) {
        const data = await call('getGPPData');
        if (data) { str = data.gppString; applicable = applicable || data.applicableSections; }
      }
      out.gpp = { version: String(ping.gppVersion || ''), cmp_id: ping.cmpId | 0, cmp_status: String(ping.cmpStatus || ''),
        signal_status: String(ping.signalStatus || ''), gpp_string: typeof str === 'string' ? str : '',
        applicable_sections: Array.isArray(applicable) ? applicable.filter(n => typeof n === 'number') : [],
        supported_apis: Array.isArray(ping.supportedAPIs) ? ping.supportedAPIs.map(String) : [] };
    }
  }
  const recs = %s;
  if (recs.length) out.records = recs;
  return out;
})()`

// ReadSignals reads the page's TCF and Consent Mode state. ctx is a chromedp
// tab context whose page has loaded.
func ReadSignals(ctx context.Context) (model.Signals, error) {
	return readSignals(ctx, nil)
}

// readSignals is ReadSignals that also reads, as consent records of no
// known format, the cookies and storage keys named in appeared.
func readSignals(ctx context.Context, appeared []string) (model.Signals, error) {
	var sig model.Signals
	expr := signalsJS
	if len(appeared) > 0 {
		expr = signalsFor(appeared)
	}
	res, err := chromedp.Call(ctx, runtime.Evaluate, runtime.EvaluateParams{
		Expression:    expr,
		ReturnByValue: new(true),
		AwaitPromise:  new(true),
		Silent:        new(true),
	})
	if err != nil {
		return sig, fmt.Errorf("reading consent signals: %w", err)
	}
	if res.ExceptionDetails != nil {
		return sig, fmt.Errorf("reading consent signals: %w", exceptionError(res.ExceptionDetails))
	}
	var raw struct {
		TCF         *model.TCF             `json:"tcf"`
		ConsentMode []model.ConsentCommand `json:"consent_mode"`
		GPP         *model.GPP             `json:"gpp"`
		Records     []rawRecord            `json:"records"`
	}
	if res.Result != nil && len(res.Result.Value) > 0 {
		if err := json.Unmarshal([]byte(res.Result.Value), &raw); err != nil {
			return sig, fmt.Errorf("decoding consent signals: %w", err)
		}
	}
	if raw.TCF != nil {
		if raw.TCF.TCString != "" {
			d, err := DecodeTCString(raw.TCF.TCString)
			if err != nil {
				raw.TCF.DecodeError = err.Error()
			}
			raw.TCF.Decoded = d
		}
		sig.TCF = raw.TCF
	}
	if len(raw.ConsentMode) > 0 {
		sig.ConsentMode = foldConsentMode(raw.ConsentMode)
	}
	if raw.GPP != nil {
		if raw.GPP.GPPString != "" {
			d, err := DecodeGPP(raw.GPP.GPPString)
			if err != nil {
				raw.GPP.DecodeError = err.Error()
			}
			raw.GPP.Decoded = d
		}
		sig.GPP = raw.GPP
	}
	sig.Records = readRecordsAfter(raw.Records, appeared)
	return sig, nil
}

func foldConsentMode(cmds []model.ConsentCommand) *model.ConsentMode {
	cm := &model.ConsentMode{Default: map[string]string{}, Update: map[string]string{}, Commands: cmds}
	for _, c := range cmds {
		dst := cm.Default
		if c.Command == "update" {
			dst = cm.Update
		}
		for k, v := range c.Params {
			if k == "wait_for_update" || k == "region" {
				continue
			}
			dst[k] = v
		}
	}
	return cm
}

// signals is ReadSignals for the engine, which logs rather than fails.
func (s *session) signals() *model.Signals { return s.signalsAfter(nil) }

// signalsAfter is signals after a click: appeared names the cookies and
// storage keys that appeared because of it, read as consent records of no
// known format even when their names give no hint.
func (s *session) signalsAfter(appeared []string) *model.Signals {
	sig, err := readSignals(s.ctx, appeared)
	if err != nil {
		s.e.logf("consent: %v", err)
		return nil
	}
	s.frameRecords(&sig)
	if sig.TCF == nil && sig.ConsentMode == nil && sig.GPP == nil && len(sig.Records) == 0 {
		return nil
	}
	return &sig
}

// googleHosts are the hosts of Google hits that carry gcs and gcd.
var googleHosts = []string{"google-analytics.com", "googletagmanager.com", "doubleclick.net", "googleadservices.com", "googlesyndication.com", "google.com", "googleads.g.doubleclick.net"}

// GoogleHitConsent returns the Consent Mode parameters of a Google hit
// (GA4 collect, Ads conversion, Floodlight...): gcs ("G1" + ad_storage +
// analytics_storage, 1 granted 0 denied) and gcd (the v2 state of each
// type). ok is false for other URLs and for hits without either.
func GoogleHitConsent(rawURL string) (gcs, gcd string, ok bool) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "", "", false
	}
	host := strings.ToLower(u.Hostname())
	google := false
	for _, h := range googleHosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			google = true
			break
		}
	}
	if !google && !strings.HasPrefix(host, "google.") && !strings.Contains(host, ".google.") {
		return "", "", false
	}
	q := u.Query()
	gcs, gcd = q.Get("gcs"), q.Get("gcd")
	if gcs == "" && gcd == "" {
		// Some hits put the parameters in the path (;gcs=...;).
		for _, part := range strings.Split(u.Path, ";") {
			if v, found := strings.CutPrefix(part, "gcs="); found {
				gcs = v
			}
			if v, found := strings.CutPrefix(part, "gcd="); found {
				gcd = v
			}
		}
	}
	return gcs, gcd, gcs != "" || gcd != ""
}

// GCSState decodes gcs into the state of ad_storage and analytics_storage:
// "granted", "denied" or "" when unknown.
func GCSState(gcs string) (adStorage, analyticsStorage string) {
	if len(gcs) != 4 || gcs[:2] != "G1" {
		return "", ""
	}
	st := func(b byte) string {
		switch b {
		case '1':
			return "granted"
		case '0':
			return "denied"
		}
		return ""
	}
	return st(gcs[2]), st(gcs[3])
}

// gcdLetters maps a gcd letter to the default and update states it
// encodes ("" when not set).
var gcdLetters = map[byte][2]string{
	'l': {"", ""},
	'p': {"denied", ""},
	'q': {"denied", "denied"},
	't': {"granted", ""},
	'r': {"denied", "granted"},
	'm': {"", "denied"},
	'n': {"", "granted"},
	'u': {"granted", "denied"},
	'v': {"granted", "granted"},
}

// GCDState decodes gcd ("11p1p1p1p5") into the effective state of
// ad_storage, analytics_storage, ad_user_data and ad_personalization: the
// update when there is one, else the default; "" when not set.
func GCDState(gcd string) map[string]string {
	kinds := []string{"ad_storage", "analytics_storage", "ad_user_data", "ad_personalization"}
	out := map[string]string{}
	for i, k := range kinds {
		pos := 2 + 2*i
		if pos >= len(gcd) {
			break
		}
		st, ok := gcdLetters[gcd[pos]]
		if !ok {
			continue
		}
		v := st[1]
		if v == "" {
			v = st[0]
		}
		if v != "" {
			out[k] = v
		}
	}
	return out
}

// frameRecords adds the consent records of the page's other frames: a
// consent window served in a frame from another origin keeps its record in
// that origin's cookies or storage. A record the main document already has
// is not read twice.
func (s *session) frameRecords(sig *model.Signals) {
	fs, err := s.frames()
	if err != nil {
		return
	}
	seen := map[string]bool{}
	for _, r := range sig.Records {
		seen[r.Name] = true
	}
	for _, f := range fs {
		if f.top {
			continue
		}
		var raw []rawRecord
		if s.eval(f, recordsJS, &raw) != nil {
			continue
		}
		for _, r := range readRecords(raw) {
			if !seen[r.Name] {
				seen[r.Name] = true
				sig.Records = append(sig.Records, r)
			}
		}
	}
}
