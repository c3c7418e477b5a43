package consent

import (
	"strings"
	"testing"
	"time"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// proveFixtures are generic fixtures whose banner is of no known platform,
// and whether the page's own record states the choice plainly enough to
// prove it. The engine is not told: it reads what the page stores.
var proveFixtures = []struct {
	host   string
	proven bool
}{
	{"generic-en.test", true},          // cookie_consent=all | necessary
	{"generic-de.test", true},          // localStorage cookie-hinweis=alle | notwendig
	{"generic-shadow-pl.test", true},   // zgoda=tak | nie, banner in a shadow root
	{"generic-iframe-sv.test", true},   // samtycke=alla | nödvändiga, banner in a frame
	{"generic-continue-hr.test", true}, // privola=sve | nista
	{"generic-navigate-lt.test", true}, // slapuku_pasirinkimas=visi | butini, then a navigation
	// sagl=1 | 0: a name that says nothing and a bare number; not proven.
	{"generic-bg.test", false},
}

// TestProveGenericFixtures operates generic fixtures and checks that
// accept_effective and reject_effective are proven from the page's own
// consent record of no known format (record-generic evidence), and that a
// page whose record states nothing plainly stays not proven.
func TestProveGenericFixtures(t *testing.T) {
	e := newEngine(t, Options{GenericOnly: true, SettingsPeek: -1, Wait: 4 * time.Second})
	proven := 0
	for _, c := range proveFixtures {
		t.Run(c.host, func(t *testing.T) {
			ok := true
			for _, action := range []model.ConsentAction{Accept, Reject} {
				res, err := e.Act(open(t, c.host, "/"), action)
				if err != nil || !res.Verified {
					t.Fatalf("%s: verified %v error %q (%v)", action, res.Verified, res.Error, err)
				}
				generic := res.Effect != nil && res.Effect.Effective && slicesAny(res.Effect.Evidence, func(ev model.ChoiceEvidence) bool {
					return strings.HasPrefix(ev.Source, "record-generic:") && ev.Agrees && strings.Contains(ev.Detail, "inferred")
				})
				if c.proven && !generic {
					t.Errorf("%s not proven by a record of no known format: effect %+v, records %+v, appeared %v", action, res.Effect, signalRecords(res.Signals), res.ConsentRecord)
				}
				if !c.proven && res.Effect != nil {
					t.Errorf("%s: proven from a record that states nothing plainly: %+v", action, res.Effect)
				}
				ok = ok && generic
				if res.Effect != nil {
					t.Logf("%s: %+v", action, res.Effect.Evidence)
				}
			}
			if ok {
				proven++
			}
		})
	}
	t.Logf("generic record fallback: %d/%d fixtures proven on accept and reject", proven, len(proveFixtures))
}

func slicesAny[T any](s []T, f func(T) bool) bool {
	for _, v := range s {
		if f(v) {
			return true
		}
	}
	return false
}

func signalRecords(s *model.Signals) []model.ConsentRecordState {
	if s == nil {
		return nil
	}
	return s.Records
}
