package retry_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"gobackend.example/examples/retry"
)

// TestAttemptsBelowOne checks that a count of zero or less is refused with a
// readable error, and op is never called.
func TestAttemptsBelowOne(t *testing.T) {
	for _, attempts := range []int{0, -1} {
		calls := 0
		err := retry.Do(context.Background(), attempts, time.Millisecond, func(context.Context) error {
			calls++
			return nil
		})
		if err == nil || !strings.Contains(err.Error(), "at least 1") || strings.Contains(err.Error(), "%!") {
			t.Errorf("attempts=%d: err = %v, want a message saying at least 1", attempts, err)
		}
		if calls != 0 {
			t.Errorf("attempts=%d: op called %d times, want 0", attempts, calls)
		}
	}
}

// TestBackoffDoubles checks the pauses between attempts on synctest's fake
// clock, so the test takes no real time.
func TestBackoffDoubles(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var at []time.Duration
		retry.Do(t.Context(), 4, time.Second, func(context.Context) error {
			at = append(at, time.Since(start))
			return errors.New("down")
		})
		want := []time.Duration{0, time.Second, 3 * time.Second, 7 * time.Second}
		if len(at) != len(want) {
			t.Fatalf("called at %v, want %v", at, want)
		}
		for i := range want {
			if at[i] != want[i] {
				t.Errorf("call %d at %v, want %v", i+1, at[i], want[i])
			}
		}
	})
}

// TestCancelStopsTheWait checks that cancelling ctx ends a pause at once and
// that the error wraps both the cancellation and op's last error.
func TestCancelStopsTheWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errDown := errors.New("down")
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(time.Minute, cancel)
		start := time.Now()
		err := retry.Do(ctx, 3, time.Hour, func(context.Context) error { return errDown })
		if elapsed := time.Since(start); elapsed != time.Minute {
			t.Errorf("returned after %v, want 1m0s", elapsed)
		}
		if !errors.Is(err, context.Canceled) || !errors.Is(err, errDown) {
			t.Errorf("err = %v, want it to wrap context.Canceled and the last error", err)
		}
	})
}
