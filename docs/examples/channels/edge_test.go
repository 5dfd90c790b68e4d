package channels_test

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"gobackend.example/examples/channels"
)

// These run on synctest's fake clock, which also fails a test whose
// goroutines are still blocked at the end: a replica that answers after
// First has returned must still be able to send and exit.

// TestNoReplicas checks that an empty list times out instead of hanging.
func TestNoReplicas(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		_, err := channels.First(t.Context(), time.Second)
		if !errors.Is(err, channels.ErrTimeout) || time.Since(start) != time.Second {
			t.Errorf("err = %v after %v, want ErrTimeout after 1s", err, time.Since(start))
		}
	})
}

// TestLateRepliesDoNotLeak lets every replica answer after the timeout and
// waits for all of them to finish sending.
func TestLateRepliesDoNotLeak(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		late := func(context.Context) string { time.Sleep(time.Minute); return "late" }
		if _, err := channels.First(t.Context(), time.Second, late, late, late); !errors.Is(err, channels.ErrTimeout) {
			t.Errorf("err = %v, want ErrTimeout", err)
		}
		time.Sleep(2 * time.Minute) // the replicas send into the buffer and exit
	})
}

// TestLosersAreCancelled checks that the replicas that did not win see
// their context cancelled as soon as First returns, instead of working on
// for an hour for nobody.
func TestLosersAreCancelled(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		stopped := make(chan time.Duration, 2)
		start := time.Now()
		loser := func(ctx context.Context) string {
			select {
			case <-time.After(time.Hour):
			case <-ctx.Done():
			}
			stopped <- time.Since(start)
			return "too late"
		}
		winner := func(context.Context) string { time.Sleep(time.Second); return "winner" }
		if reply, err := channels.First(t.Context(), time.Minute, loser, winner, loser); reply != "winner" || err != nil {
			t.Fatalf("got %q, %v; want the winner", reply, err)
		}
		for range 2 {
			if d := <-stopped; d != time.Second {
				t.Errorf("a loser stopped after %v, want 1s, when First returned", d)
			}
		}
	})
}

// TestCallerCancels checks that First returns the caller's cancellation.
func TestCallerCancels(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(time.Second, cancel)
		wait := func(ctx context.Context) string { <-ctx.Done(); return "" }
		if _, err := channels.First(ctx, time.Minute, wait); !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
}
