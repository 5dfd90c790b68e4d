// Package pubsub is an in-process event bus: publishers and subscribers
// know only a topic name, never each other.
package pubsub

import (
	"context"
	"errors"
	"slices"
	"sync"
)

// ErrClosed is returned by Publish once Close has been called.
var ErrClosed = errors.New("pubsub: bus closed")

// Bus delivers each message published on a topic to all its subscribers.
type Bus struct {
	mu      sync.Mutex
	subs    map[string][]chan string
	closed  bool
	done    chan struct{}  // closed by Close: wakes every blocked Publish
	sending sync.WaitGroup // Publish calls that may still send
}

// New returns an empty bus.
func New() *Bus {
	return &Bus{subs: make(map[string][]chan string), done: make(chan struct{})}
}

// Subscribe returns a channel that receives the topic's messages in order.
// After Close it returns a closed channel.
func (b *Bus) Subscribe(topic string) <-chan string {
	ch := make(chan string, 16) // a buffer absorbs short bursts
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		close(ch)
		return ch
	}
	b.subs[topic] = append(b.subs[topic], ch)
	return ch
}

// Publish sends msg to every subscriber of topic. A full buffer makes it
// wait, so a slow subscriber pushes back on its publisher instead of losing
// data; ctx bounds that wait. The lock is released before any send: a stuck
// subscriber holds up only the Publish calls that deliver to it, never
// other topics, Subscribe or Close.
func (b *Bus) Publish(ctx context.Context, topic, msg string) error {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return ErrClosed
	}
	subs := slices.Clone(b.subs[topic]) // a copy: Subscribe may append meanwhile
	b.sending.Add(1)                    // under the lock, so Close waits for us
	b.mu.Unlock()
	defer b.sending.Done()

	for _, ch := range subs {
		select {
		case ch <- msg:
		case <-ctx.Done():
			return ctx.Err()
		case <-b.done:
			return ErrClosed
		}
	}
	return nil
}

// Close ends every subscription: each subscriber still receives what its
// buffer holds, then its range loop ends. Publish calls blocked on a full
// buffer return ErrClosed. Calling Close again does nothing.
func (b *Bus) Close() {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return
	}
	b.closed = true
	close(b.done)
	subs := b.subs
	b.subs = nil
	b.mu.Unlock()

	// A channel may be closed only when no one can send on it any more.
	b.sending.Wait()
	for _, chans := range subs {
		for _, ch := range chans {
			close(ch)
		}
	}
}
