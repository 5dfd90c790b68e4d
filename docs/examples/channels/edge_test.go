package channels_test

import (
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
		_, err := channels.First(time.Second)
		if !errors.Is(err, channels.ErrTimeout) || time.Since(start) != time.Second {
			t.Errorf("err = %v after %v, want ErrTimeout after 1s", err, time.Since(start))
		}
	})
}

// TestLateRepliesDoNotLeak lets every replica answer after the timeout and
// waits for all of them to finish sending.
func TestLateRepliesDoNotLeak(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		late := func() string { time.Sleep(time.Minute); return "late" }
		if _, err := channels.First(time.Second, late, late, late); !errors.Is(err, channels.ErrTimeout) {
			t.Errorf("err = %v, want ErrTimeout", err)
		}
		time.Sleep(2 * time.Minute) // the replicas send into the buffer and exit
	})
}
