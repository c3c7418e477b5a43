package policy

import (
	"context"
	"errors"

	"github.com/privacyscan/privacyscan/internal/fetch"
)

// Fetch downloads a policy for Analyze. The scan (when the browser did not
// render the policy) and "privacyscan policy URL" both read a policy with
// it, so one URL gives the same text in both: HTML, XHTML or plain text
// only, and the Content-Type header passed on to Analyze with the body so
// its charset is honoured. A document over the fetcher's limit is not an
// error: its beginning is returned, as Analyze reads only the first
// MaxDocumentBytes anyway and marks the facts Truncated.
func Fetch(ctx context.Context, g fetch.Getter, url string) (*fetch.Response, error) {
	r, err := g.Get(ctx, url, fetch.Documents)
	if errors.Is(err, fetch.ErrTooLarge) && r != nil {
		return r, nil
	}
	if err != nil {
		return nil, err
	}
	return r, nil
}
