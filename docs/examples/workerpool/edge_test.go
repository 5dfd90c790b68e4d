package workerpool_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"gobackend.example/examples/workerpool"
)

// synctest.Test fails a test whose goroutines are still blocked when it
// returns, so each case below also proves that Run leaks nothing.

// TestTooFewWorkers checks that zero or negative workers is an error, not a
// goroutine stuck feeding a channel nobody reads.
func TestTooFewWorkers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		for _, n := range []int{0, -2} {
			results, err := workerpool.Run(t.Context(), []int{1, 2}, n, square)
			if err == nil || results != nil {
				t.Errorf("n=%d: got %v, %v; want nil and an error", n, results, err)
			}
		}
	})
}

// TestNoJobs checks that an empty job list returns at once with no results.
func TestNoJobs(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		results, err := workerpool.Run(t.Context(), nil, 4, square)
		if len(results) != 0 || err != nil {
			t.Errorf("got %v, %v; want no results and no error", results, err)
		}
	})
}

// TestCancelStopsHandingOutJobs cancels while two workers are busy with
// slow jobs: the jobs in hand finish, the rest are never started.
func TestCancelStopsHandingOutJobs(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		slow := func(ctx context.Context, n int) int {
			select {
			case <-time.After(time.Hour):
			case <-ctx.Done():
			}
			return n
		}
		time.AfterFunc(time.Minute, cancel)

		results, err := workerpool.Run(ctx, []int{1, 2, 3, 4, 5, 6}, 2, slow)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
		if len(results) != 2 {
			t.Errorf("got %d results, want the 2 jobs the workers held: %v", len(results), results)
		}
	})
}

// TestCancelledBeforeStart runs the pool many times on a context that has
// already ended: work must never be called. A select whose cases are both
// ready picks one at random, so a feeder that only selects on ctx.Done()
// would still hand out about half of the jobs.
func TestCancelledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	var calls atomic.Int64
	count := func(_ context.Context, n int) int {
		calls.Add(1)
		return n
	}
	for range 100 {
		results, err := workerpool.Run(ctx, []int{1, 2, 3, 4, 5, 6, 7, 8}, 4, count)
		if !errors.Is(err, context.Canceled) || len(results) != 0 {
			t.Fatalf("got %v, %v; want no results and context.Canceled", results, err)
		}
	}
	if n := calls.Load(); n != 0 {
		t.Errorf("work was called %d times on a cancelled context, want 0", n)
	}
}

// TestTimeout checks a deadline the same way: Run returns when it passes.
func TestTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		start := time.Now()
		_, err := workerpool.Run(ctx, []int{1, 2, 3}, 1, func(ctx context.Context, n int) int {
			<-ctx.Done()
			return n
		})
		if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) != time.Second {
			t.Errorf("err = %v after %v, want context.DeadlineExceeded after 1s", err, time.Since(start))
		}
	})
}
