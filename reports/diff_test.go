package reports

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/privacyscan/privacyscan/internal/golden"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// nullList matches a list of the diff written as null rather than [].
var nullList = regexp.MustCompile(`"(sites|new|resolved|unchanged|phases|consent|policy|appeared|disappeared|evidence)": null`)

// strp returns a pointer to s.
func strp(s string) *string { return &s }

// TestDiffGolden compares testdata/report.json with modified copies of it,
// each case rendered in every diff format against testdata/diff/<case>.<format>.
func TestDiffGolden(t *testing.T) {
	cases := []struct {
		name string
		// old and new change copies of testdata/report.json.
		old, new func(r *model.Report)
		// wantFailing is the number of new findings at or above high.
		wantFailing int
	}{
		{name: "identical"},
		{
			// The Meta Pixel tag removed: its request, cookie and finding
			// are gone; the consent banner now lacks a first-layer reject.
			name: "tag-removed",
			new: func(r *model.Report) {
				s := &r.Sites[0]
				bc := s.Phases[model.PhaseBeforeConsent]
				bc.Requests = bc.Requests[1:]
				bc.Cookies = bc.Cookies[1:]
				s.Findings = s.Findings[1:]
				s.Consent.RejectOnFirstLayer = false
				s.Consent.RejectClicks = 2
			},
		},
		{
			// Hotjar added before consent with a new high finding; the
			// policy changed its date, GPC stance, vendors and elements.
			name: "tracker-added",
			new: func(r *model.Report) {
				s := &r.Sites[0]
				bc := s.Phases[model.PhaseBeforeConsent]
				bc.Requests = append(bc.Requests, model.Request{URL: "https://static.hotjar.com/c/hotjar-1.js", Host: "static.hotjar.com", Party: model.PartyThird, Vendor: "Hotjar", VendorID: "hotjar", Category: "analytics", Page: "https://shop.test/"})
				bc.Cookies = append(bc.Cookies, model.Cookie{Name: "_hjSessionUser_1", Domain: ".shop.test", Party: model.PartyFirst, Vendor: "Hotjar", VendorID: "hotjar", Category: "analytics", LifetimeDays: 365})
				bc.Storage = append(bc.Storage, model.StorageItem{Origin: "https://shop.test", Type: "local", Key: "hjActiveViewportIds", Vendor: "Hotjar", VendorID: "hotjar"})
				ph := model.PhaseBeforeConsent
				s.Findings = append(s.Findings, model.Finding{Rule: "tracking-before-consent", Severity: "high", Phase: &ph, Message: "Hotjar (analytics) fired before consent on https://shop.test/", Subject: "hotjar", Fingerprint: "hot789"})
				s.Policy.LastUpdated = strp("2026-01-01")
				s.Policy.GPCStance = model.StanceHonored
				s.Policy.VendorsMentioned = append(s.Policy.VendorsMentioned, "Hotjar")
				s.Policy.Elements.Transfers = true
				s.Policy.Elements.Complaint = false
			},
			wantFailing: 1,
		},
		{
			// The banner and the policy are gone, a phase was not run, and
			// a second site appears with a finding of its own.
			name: "banner-gone-site-added",
			new: func(r *model.Report) {
				s := &r.Sites[0]
				s.Consent = model.ConsentSummary{}
				s.Policy = model.PolicyNotFound()
				delete(s.Phases, model.PhaseAfterAccept)
				s.Phases[model.PhaseGPC] = &model.PhaseResult{}
				ph := model.PhaseBeforeConsent
				r.Sites = append(r.Sites, model.SiteReport{
					Site: &model.Site{URL: "https://blog.test/", Scanned: true, Policy: model.PolicyNotFound(), Phases: map[string]*model.PhaseResult{
						model.PhaseBeforeConsent: {Requests: []model.Request{{URL: "https://www.google-analytics.com/g/collect", Host: "www.google-analytics.com", Party: model.PartyThird, Vendor: "Google Analytics", VendorID: "google-analytics"}}},
					}},
					Findings: []model.Finding{{Rule: "no-consent-banner", Severity: "critical", Phase: &ph, Message: "Tracking without any consent banner.", Fingerprint: "blog1"}},
				})
			},
			wantFailing: 1,
		},
		{
			// The old report had a site the new one no longer scans, and the
			// new one failed to load shop.test: neither is compared.
			name: "site-removed-not-scanned",
			old: func(r *model.Report) {
				r.Sites = append(r.Sites, model.SiteReport{Site: &model.Site{URL: "https://old.test/", Scanned: true}})
			},
			new: func(r *model.Report) {
				r.Sites[0].Scanned = false
				r.Sites[0].Findings = nil
				r.Interrupted = true
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			old, new := loadReport(t), loadReport(t)
			new.StartedAt, new.FinishedAt = "2026-01-03T03:04:05Z", "2026-01-03T03:05:05Z"
			if c.old != nil {
				c.old(old)
			}
			if c.new != nil {
				c.new(new)
			}
			before, _ := json.Marshal([]*model.Report{old, new})
			d := Diff(old, new)
			if after, _ := json.Marshal([]*model.Report{old, new}); !bytes.Equal(before, after) {
				t.Error("Diff changed its input reports")
			}
			if n := len(FailingNew(d, "high")); n != c.wantFailing {
				t.Errorf("%d new findings at or above high, want %d", n, c.wantFailing)
			}
			if n := len(FailingNew(d, "none")); n != 0 {
				t.Errorf("--fail-on none: %d failing", n)
			}
			for _, name := range DiffFormats() {
				w, err := NewDiff(name, Options{FailOn: "high"})
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if err := w.Write(&buf, d); err != nil {
					t.Fatal(err)
				}
				golden.Assert(t, filepath.Join("testdata", "diff", c.name+"."+name), buf.Bytes())
				if strings.ContainsAny(buf.String(), "\x1b\x07") {
					t.Errorf("%s output carries control characters from the site", name)
				}
				if name == "json" {
					var back model.ReportDiff
					if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
						t.Errorf("the JSON diff does not read back: %v", err)
					}
					if m := nullList.FindString(buf.String()); m != "" {
						t.Errorf("the JSON diff has a null list: %s", m)
					}
				}
			}
		})
	}
}

// TestDiffFindingsMultiset: findings are matched by fingerprint one for
// one, so a second finding with a known fingerprint is still new.
func TestDiffFindingsMultiset(t *testing.T) {
	f := func(fp, sev string) model.Finding { return model.Finding{Rule: "r", Severity: sev, Fingerprint: fp} }
	cases := []struct {
		name                          string
		old, new                      []model.Finding
		wantNew, wantResolved, wantUn int
	}{
		{"same", []model.Finding{f("a", "high")}, []model.Finding{f("a", "high")}, 0, 0, 1},
		{"one more", []model.Finding{f("a", "high")}, []model.Finding{f("a", "high"), f("a", "high")}, 1, 0, 1},
		{"one fewer", []model.Finding{f("a", "high"), f("a", "high")}, []model.Finding{f("a", "high")}, 0, 1, 1},
		{"replaced", []model.Finding{f("a", "high")}, []model.Finding{f("b", "high")}, 1, 1, 0},
		{"no fingerprint", []model.Finding{{Rule: "r", Subject: "x"}}, []model.Finding{{Rule: "r", Subject: "x"}, {Rule: "r", Subject: "y"}}, 1, 0, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := diffFindings(c.old, c.new)
			if len(d.New) != c.wantNew || len(d.Resolved) != c.wantResolved || len(d.Unchanged) != c.wantUn {
				t.Errorf("new %d resolved %d unchanged %d, want %d %d %d", len(d.New), len(d.Resolved), len(d.Unchanged), c.wantNew, c.wantResolved, c.wantUn)
			}
		})
	}
}

// TestReadJSON: the reader of earlier reports takes a real report and
// refuses anything else with the reason.
func TestReadJSON(t *testing.T) {
	good, err := os.ReadFile("testdata/report.json")
	if err != nil {
		t.Fatal(err)
	}
	sarif, err := os.ReadFile("testdata/golden.sarif")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, data, want string
	}{
		{"report", string(good), ""},
		{"sarif", string(sarif), "no schema_version and no tool.name"},
		{"not json", "<html>", "not a privacyscan JSON report"},
		{"other tool", `{"schema_version": 1, "tool": {"name": "zap", "version": "2"}}`, `tool.name is "zap"`},
		{"schema mismatch", `{"schema_version": 1, "tool": {"name": "privacyscan", "version": "x"}, "sites": "none"}`, "not a valid privacyscan JSON report"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := ReadJSON([]byte(c.data))
			if c.want == "" {
				if err != nil || r == nil || len(r.Sites) != 2 { // shop.test and the unreachable down.test
					t.Fatalf("ReadJSON = %v, %v", r, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v, want it to contain %q", err, c.want)
			}
		})
	}
}
