package scanner

import (
	"github.com/privacyscan/privacyscan/scanner/pixel"
)

// maxPixelEvents bounds the pixel events recorded per phase.
const maxPixelEvents = 2000

// addPixelEvents decodes the tracking pixels' events of the phase's
// requests: what each pixel said it saw, with the page it fired on.
func (r *phaseRun) addPixelEvents(rec recording) {
	for _, id := range rec.order {
		st := rec.reqs[id]
		if st == nil {
			continue
		}
		for _, ev := range pixel.Decode(st.r.Method, st.r.URL, st.raw.PostData) {
			if len(r.pr.PixelEvents) >= maxPixelEvents {
				return
			}
			ev.Page = st.r.Page
			if r.redact != nil {
				ev.URL, ev.Page = r.redact.url(ev.URL), r.redact.url(ev.Page)
			}
			r.pr.PixelEvents = append(r.pr.PixelEvents, ev)
		}
	}
}
