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

// stuckSubscriber subscribes to topic, never reads, and publishes until
// the subscription's buffer is full: the next Publish on topic must wait.
func stuckSubscriber(t *testing.T, bus *pubsub.Bus, topic string) {
	t.Helper()
	events := bus.Subscribe(topic)
	for len(events) < cap(events) {
		if err := bus.Publish(context.Background(), topic, "msg"); err != nil {
			t.Fatalf("Publish with room in the buffer: %v", err)
		}
	}
}

// TestStuckSubscriberBlocksOnlyItsOwnTopic checks that a subscriber that
// never reads holds up neither other topics nor Subscribe nor Close.
func TestStuckSubscriberBlocksOnlyItsOwnTopic(t *testing.T) {
	bus := pubsub.New()
	stuckSubscriber(t, bus, "stuck")
	blocked := make(chan error, 1)
	go func() { blocked <- bus.Publish(context.Background(), "stuck", "one more") }()
	// Give that Publish time to reach the full buffer. If it is slower, the
	// test still passes on correct code; it can only miss a lock held there.
	time.Sleep(20 * time.Millisecond)

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
	stuckSubscriber(t, bus, "stuck")

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
