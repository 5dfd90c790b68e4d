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

// TestBadPolicy checks that a policy that cannot work is refused with a
// readable error, and op is never called.
func TestBadPolicy(t *testing.T) {
	for _, p := range []retry.Policy{
		{Attempts: 0, Wait: time.Second, MaxWait: time.Second},
		{Attempts: -1, Wait: time.Second, MaxWait: time.Second},
		{Attempts: 3, Wait: 0, MaxWait: time.Second},
		{Attempts: 3, Wait: time.Minute, MaxWait: time.Second},
	} {
		calls := 0
		err := p.Do(context.Background(), func(context.Context) error {
			calls++
			return nil
		})
		if err == nil || !strings.Contains(err.Error(), "Attempts >= 1") || calls != 0 {
			t.Errorf("%+v: err = %v after %d calls; want a refusal and no call", p, err, calls)
		}
	}
}

// pauses runs p.Do against an op that always fails, on synctest's fake
// clock, and returns the pause before each call after the first.
func pauses(t *testing.T, p retry.Policy) []time.Duration {
	var out []time.Duration
	synctest.Test(t, func(t *testing.T) {
		last := time.Now()
		first := true
		p.Do(t.Context(), func(context.Context) error {
			if !first {
				out = append(out, time.Since(last))
			}
			first, last = false, time.Now()
			return errors.New("down")
		})
	})
	return out
}

// TestBackoffDoublesWithJitter checks that each pause lies between half and
// all of a wait that doubles from Wait, and that they are not all the same
// fraction of it: jitter keeps many clients from retrying in step.
func TestBackoffDoublesWithJitter(t *testing.T) {
	got := pauses(t, retry.Policy{Attempts: 8, Wait: time.Second, MaxWait: time.Hour})
	if len(got) != 7 {
		t.Fatalf("got %d pauses, want 7", len(got))
	}
	exact := 0
	for i, pause := range got {
		wait := time.Second << i
		if pause < wait/2 || pause > wait {
			t.Errorf("pause %d = %v, want between %v and %v", i+1, pause, wait/2, wait)
		}
		if pause == wait {
			exact++
		}
	}
	if exact == len(got) {
		t.Errorf("every pause was exactly the doubled wait (%v): no jitter", got)
	}
}

// TestPausesAreCapped runs 80 attempts: a wait doubled 79 times from 1s
// would overflow time.Duration after about 33 doublings and then not pause
// at all. Every pause must stay between MaxWait/2 and MaxWait instead.
func TestPausesAreCapped(t *testing.T) {
	got := pauses(t, retry.Policy{Attempts: 80, Wait: time.Second, MaxWait: time.Minute})
	for i, pause := range got[6:] { // 2^6 s is past the cap
		if pause < 30*time.Second || pause > time.Minute {
			t.Fatalf("pause %d = %v, want between 30s and 1m", i+7, pause)
		}
	}
}

// TestPermanentErrorIsNotRetried checks that Do stops at a Permanent error,
// even one wrapped further by op, and returns it.
func TestPermanentErrorIsNotRetried(t *testing.T) {
	errBad := errors.New("bad request")
	calls := 0
	err := retry.Policy{Attempts: 5, Wait: time.Hour, MaxWait: time.Hour}.Do(t.Context(), func(context.Context) error {
		calls++
		return errors.Join(errors.New("create order"), retry.Permanent(errBad))
	})
	if calls != 1 || !errors.Is(err, errBad) {
		t.Errorf("called %d times, err = %v; want 1 call and the bad request error", calls, err)
	}
}

// TestCancelStopsTheWait checks that cancelling ctx ends a pause at once and
// that the error wraps both the cancellation and op's last error.
func TestCancelStopsTheWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errDown := errors.New("down")
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(time.Minute, cancel)
		start := time.Now()
		err := retry.Policy{Attempts: 3, Wait: 2 * time.Hour, MaxWait: 2 * time.Hour}.Do(ctx, func(context.Context) error { return errDown })
		if elapsed := time.Since(start); elapsed != time.Minute {
			t.Errorf("returned after %v, want 1m0s", elapsed)
		}
		if !errors.Is(err, context.Canceled) || !errors.Is(err, errDown) {
			t.Errorf("err = %v, want it to wrap context.Canceled and the last error", err)
		}
	})
}
