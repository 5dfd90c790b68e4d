// Package retry repeats a failing call with exponential backoff, a common
// defence against the brief failures of a remote service.
package retry

import (
	"context"
	"fmt"
	"time"
)

// Do calls op until it succeeds, attempts calls have failed, or ctx ends.
// The pause between calls starts at wait and doubles each time. Production
// code usually adds random jitter so that many clients do not retry in step.
func Do(ctx context.Context, attempts int, wait time.Duration, op func(context.Context) error) error {
	if attempts < 1 {
		return fmt.Errorf("retry: attempts is %d, must be at least 1", attempts)
	}
	var err error
	for i := range attempts {
		if err = op(ctx); err == nil {
			return nil
		}
		if i == attempts-1 {
			break // no pause after the last attempt
		}
		select {
		case <-time.After(wait):
			wait *= 2
		case <-ctx.Done():
			// Both errors stay inspectable with errors.Is.
			return fmt.Errorf("retry stopped: %w (last error: %w)", ctx.Err(), err)
		}
	}
	return fmt.Errorf("after %d attempts: %w", attempts, err)
}
