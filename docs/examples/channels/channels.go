// Package channels asks several replicas and keeps the first answer.
package channels

import (
	"context"
	"errors"
	"time"
)

// ErrTimeout is returned when no replica answers in time.
var ErrTimeout = errors.New("no replica answered in time")

// First calls every replica concurrently and returns the first reply, or
// ErrTimeout when none arrives before the timeout. The context each replica
// gets is cancelled when First returns, so the losers can stop their work.
func First(ctx context.Context, timeout time.Duration, replicas ...func(context.Context) string) (string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // tell the replicas still running that nobody will wait
	// Buffered so that slow replicas can still send and exit after we return.
	replies := make(chan string, len(replicas))
	for _, replica := range replicas {
		go func() { replies <- replica(ctx) }()
	}

	select {
	case reply := <-replies:
		return reply, nil
	case <-time.After(timeout):
		return "", ErrTimeout
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
