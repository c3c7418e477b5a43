package rules

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/privacyscan/privacyscan/internal/config"
	"github.com/privacyscan/privacyscan/internal/golden"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// goldenCase evaluates a recorded site (testdata/sites) in a jurisdiction,
// optionally with a configuration (testdata/config), and compares findings
// and suppression notices with testdata/golden/<name>.json.
type goldenCase struct {
	name, site, jurisdiction, config string
	baseline                         []string
}

var goldenCases = []goldenCase{
	{name: "leaky-eu", site: "leaky-shop", jurisdiction: "eu"},
	{name: "leaky-fr", site: "leaky-shop", jurisdiction: "fr"},
	{name: "leaky-us-ca", site: "leaky-shop", jurisdiction: "us-ca"},
	{name: "leaky-eu-config", site: "leaky-shop", jurisdiction: "eu", config: "leaky"},
	{name: "clean-eu", site: "clean-shop", jurisdiction: "eu"},
	{name: "clean-us-ca", site: "clean-shop", jurisdiction: "us-ca"},
	{name: "walled-eu", site: "walled-shop", jurisdiction: "eu"},
	{name: "journey-shop-eu", site: "journey-shop", jurisdiction: "eu"},
	{name: "journey-shop-us-ca", site: "journey-shop", jurisdiction: "us-ca"},
	{name: "journey-twin-eu", site: "journey-twin", jurisdiction: "eu"},
	// Recorded by a real scan (before consent) of testdata/shops/snoop and
	// its clean twin.
	{name: "snoop-eu", site: "snoop-shop", jurisdiction: "eu"},
	{name: "snoop-twin-eu", site: "snoop-twin", jurisdiction: "eu"},
}

type goldenOut struct {
	Findings []model.Finding           `json:"findings"`
	Notices  []model.SuppressionNotice `json:"notices"`
}

func loadSite(t *testing.T, name string) *model.Site { return mustLoad(t, name) }

// mustLoad reads testdata/sites/<name>.json.
func mustLoad(t testing.TB, name string) *model.Site {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "sites", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var s model.Site
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &s
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			site := loadSite(t, tc.site)
			var cfg *model.Config
			if tc.config != "" {
				var err error
				cfg, err = config.Load(filepath.Join("testdata", "config", tc.config+".yaml"))
				if err == nil {
					err = CheckConfig(cfg)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			fs := Evaluate(site, Options{Jurisdiction: tc.jurisdiction, Config: cfg, Now: testNow, Vendors: testVendors})
			fs, notices := ApplySuppressions(site.URL, fs, cfg, testNow)
			got, err := json.MarshalIndent(goldenOut{fs, notices}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden.Assert(t, filepath.Join("testdata", "golden", tc.name+".json"), got)
			// Evaluating twice gives the same bytes.
			again, _ := json.MarshalIndent(goldenOut{func() []model.Finding {
				f, _ := ApplySuppressions(site.URL, Evaluate(site, Options{Jurisdiction: tc.jurisdiction, Config: cfg, Now: testNow, Vendors: testVendors}), cfg, testNow)
				return f
			}(), notices}, "", "  ")
			if !bytes.Equal(append(again, '\n'), got) {
				t.Error("evaluation is not deterministic")
			}
		})
	}
}

func TestDocsUpToDate(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMarkdown(&b, Catalogue()); err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, filepath.Join("..", DocsPath), b.Bytes())
}
