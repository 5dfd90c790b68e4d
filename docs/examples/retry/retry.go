// Package retry repeats a failing call with capped, jittered exponential
// backoff, a common defence against the brief failures of a remote service.
package retry

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"
)

// Policy says how often and how patiently to retry.
type Policy struct {
	Attempts int           // calls in all, at least 1
	Wait     time.Duration // the first pause; each later one doubles
	MaxWait  time.Duration // the longest pause; without it, doubling overflows
}

// Do calls op until it succeeds, returns a Permanent error, p.Attempts calls
// have failed, or ctx ends.
func (p Policy) Do(ctx context.Context, op func(context.Context) error) error {
	if p.Attempts < 1 || p.Wait <= 0 || p.MaxWait < p.Wait {
		return fmt.Errorf("retry: need Attempts >= 1 and 0 < Wait <= MaxWait, got %+v", p)
	}
	var err error
	wait := p.Wait
	for i := range p.Attempts {
		if err = op(ctx); err == nil {
			return nil
		}
		if _, ok := errors.AsType[*permanentError](err); ok {
			return err // a bad request fails the same way every time
		}
		if i == p.Attempts-1 {
			break // no pause after the last attempt
		}
		// A random pause between wait/2 and wait, so that many clients
		// failing together do not all retry at the same instant.
		pause := wait/2 + rand.N(wait/2+1)
		select {
		case <-time.After(pause):
			wait = min(2*wait, p.MaxWait)
		case <-ctx.Done():
			// Both errors stay inspectable with errors.Is.
			return fmt.Errorf("retry stopped: %w (last error: %w)", ctx.Err(), err)
		}
	}
	return fmt.Errorf("after %d attempts: %w", p.Attempts, err)
}

// Permanent marks err as not worth retrying; Do returns it at once.
func Permanent(err error) error {
	return &permanentError{err}
}

type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }
