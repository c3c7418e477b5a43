//go:build !linux

package browser

import "context"

// watchMemory needs /proc: elsewhere the renderers' heap is capped by the
// V8 flag only.
func (b *Browser) watchMemory(ctx context.Context, pgid int, limit, total int64) {}
