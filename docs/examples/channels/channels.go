// Package channels asks several replicas and keeps the first answer.
package channels

import (
	"errors"
	"time"
)

// ErrTimeout is returned when no replica answers in time.
var ErrTimeout = errors.New("no replica answered in time")

// First calls every replica concurrently and returns the first reply, or
// ErrTimeout when none arrives before the timeout.
func First(timeout time.Duration, replicas ...func() string) (string, error) {
	// Buffered so that slow replicas can still send and exit after we return.
	replies := make(chan string, len(replicas))
	for _, replica := range replicas {
		go func() { replies <- replica() }()
	}

	select {
	case reply := <-replies:
		return reply, nil
	case <-time.After(timeout):
		return "", ErrTimeout
	}
}
