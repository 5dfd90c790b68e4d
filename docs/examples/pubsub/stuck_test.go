package pubsub_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"gobackend.example/examples/pubsub"
)

// within fails the test when f has not returned after a second.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Fatalf("%s blocked behind a stuck subscriber", what)
	}
}

// fillUntilBlocked publishes on topic until a Publish blocks, which means
// the subscriber's buffer is full, and returns that blocked call's result.
func fillUntilBlocked(t *testing.T, bus *pubsub.Bus, topic string) <-chan error {
	t.Helper()
	for i := range 1000 {
		result := make(chan error, 1)
		go func() { result <- bus.Publish(context.Background(), topic, "msg") }()
		select {
		case err := <-result:
			if err != nil {
				t.Fatalf("Publish %d: %v", i, err)
			}
		case <-time.After(20 * time.Millisecond):
			return result // this one waits for the stuck subscriber
		}
	}
	t.Fatal("Publish never blocked: the buffer did not fill")
	return nil
}

// TestStuckSubscriberBlocksOnlyItsOwnTopic checks that a subscriber that
// never reads holds up neither other topics nor Subscribe nor Close.
func TestStuckSubscriberBlocksOnlyItsOwnTopic(t *testing.T) {
	bus := pubsub.New()
	bus.Subscribe("stuck") // nobody ever reads this channel
	blocked := fillUntilBlocked(t, bus, "stuck")

	var other <-chan string
	within(t, "Subscribe", func() { other = bus.Subscribe("other") })
	within(t, "Publish on another topic", func() {
		if err := bus.Publish(context.Background(), "other", "hello"); err != nil {
			t.Errorf("Publish on another topic: %v", err)
		}
	})
	if got := <-other; got != "hello" {
		t.Errorf("other topic received %q, want %q", got, "hello")
	}

	within(t, "Close", bus.Close)
	if err := <-blocked; !errors.Is(err, pubsub.ErrClosed) {
		t.Errorf("blocked Publish returned %v after Close, want ErrClosed", err)
	}
}

// TestPublishGivesUpWhenContextEnds checks that ctx bounds the wait for a
// full subscriber.
func TestPublishGivesUpWhenContextEnds(t *testing.T) {
	bus := pubsub.New()
	defer bus.Close()
	bus.Subscribe("stuck")
	fillUntilBlocked(t, bus, "stuck")

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := bus.Publish(ctx, "stuck", "late"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Publish = %v, want context.DeadlineExceeded", err)
	}
}

// TestAfterClose checks that the bus is safe to use after Close: Publish
// reports ErrClosed, Subscribe hands out a closed channel, Close is idempotent.
func TestAfterClose(t *testing.T) {
	bus := pubsub.New()
	events := bus.Subscribe("t")
	bus.Close()
	bus.Close()

	if _, open := <-events; open {
		t.Error("a subscription is still open after Close")
	}
	if err := bus.Publish(context.Background(), "t", "x"); !errors.Is(err, pubsub.ErrClosed) {
		t.Errorf("Publish after Close = %v, want ErrClosed", err)
	}
	if _, open := <-bus.Subscribe("t"); open {
		t.Error("Subscribe after Close returned an open channel")
	}
}

// TestConcurrentUse runs publishers, subscribers and Close at once; run it
// with -race.
func TestConcurrentUse(t *testing.T) {
	bus := pubsub.New()
	ctx := context.Background()
	var received sync.WaitGroup
	for range 4 {
		events := bus.Subscribe("t")
		received.Go(func() {
			for range events {
			}
		})
	}
	var publishers sync.WaitGroup
	for range 4 {
		publishers.Go(func() {
			for range 100 {
				if err := bus.Publish(ctx, "t", "x"); err != nil && !errors.Is(err, pubsub.ErrClosed) {
					t.Errorf("Publish: %v", err)
				}
				bus.Subscribe("late") // never read: Close must still return
			}
		})
	}
	publishers.Go(bus.Close)
	publishers.Wait()
	received.Wait()
}
