package cancellation_test

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"gobackend.example/examples/cancellation"
)

// TestReportStopsAtTheDeadline checks, on synctest's fake clock, that Report
// returns when the deadline passes, not when the work would have finished.
func TestReportStopsAtTheDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		start := time.Now()
		_, err := cancellation.Report(ctx, time.Hour)
		if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) != time.Second {
			t.Errorf("err = %v after %v, want DeadlineExceeded after 1s", err, time.Since(start))
		}
	})
}

// TestReportStopsOnCancel cancels midway through the work.
func TestReportStopsOnCancel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(time.Minute, cancel)
		start := time.Now()
		_, err := cancellation.Report(ctx, time.Hour)
		if !errors.Is(err, context.Canceled) || time.Since(start) != time.Minute {
			t.Errorf("err = %v after %v, want Canceled after 1m", err, time.Since(start))
		}
	})
}
