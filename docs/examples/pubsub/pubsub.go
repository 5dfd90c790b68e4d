// Package pubsub is an in-process event bus: publishers and subscribers
// know only a topic name, never each other.
package pubsub

import "sync"

// Bus delivers each message published on a topic to all its subscribers.
type Bus struct {
	mu   sync.Mutex
	subs map[string][]chan string
}

// New returns an empty bus.
func New() *Bus {
	return &Bus{subs: make(map[string][]chan string)}
}

// Subscribe returns a channel that receives the topic's messages in order.
func (b *Bus) Subscribe(topic string) <-chan string {
	ch := make(chan string, 16) // a buffer absorbs short bursts
	b.mu.Lock()
	b.subs[topic] = append(b.subs[topic], ch)
	b.mu.Unlock()
	return ch
}

// Publish sends msg to every subscriber of topic. A full buffer makes it
// wait: a slow subscriber pushes back on the publisher instead of losing data.
func (b *Bus) Publish(topic, msg string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, ch := range b.subs[topic] {
		ch <- msg
	}
}

// Close ends every subscription, which ends the subscribers' range loops.
// Call it after the last Publish.
func (b *Bus) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, chans := range b.subs {
		for _, ch := range chans {
			close(ch)
		}
	}
	clear(b.subs) // a second Close finds nothing left to close
}
