// Package cancellation stops slow work when its context is cancelled.
package cancellation

import (
	"context"
	"fmt"
	"time"
)

// Report pretends to build a report that takes d. It gives up as soon as the
// caller cancels ctx or its deadline passes, and says why.
func Report(ctx context.Context, d time.Duration) (string, error) {
	select {
	case <-time.After(d):
		return "report ready", nil
	case <-ctx.Done():
		// ctx.Err() is context.Canceled or context.DeadlineExceeded.
		return "", fmt.Errorf("report abandoned: %w", ctx.Err())
	}
}
