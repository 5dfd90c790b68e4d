// Package tcpproxy forwards TCP connections to a backend address.
package tcpproxy

import (
	"errors"
	"io"
	"log/slog"
	"net"
	"sync"
	"time"
)

// DefaultIdle is the idle timeout of a Proxy whose Idle is not positive.
const DefaultIdle = 5 * time.Minute

// Proxy relays TCP connections to a backend.
type Proxy struct {
	Target string        // the backend's host:port
	Idle   time.Duration // close a connection after this long without traffic
}

// Serve accepts connections on ln and relays each one to p.Target in its own
// goroutines. It returns nil once ln is closed.
func (p *Proxy) Serve(ln net.Listener) error {
	var delay time.Duration // how long to wait after a failed Accept
	for {
		client, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return nil
		}
		if err != nil {
			// Other errors, such as running out of file descriptors, pass
			// once connections close: retry after a pause from 5 ms doubling
			// to 1 s, as net/http's server does for temporary errors.
			delay = min(max(2*delay, 5*time.Millisecond), time.Second)
			slog.Warn("accept", "error", err, "retry_in", delay)
			time.Sleep(delay)
			continue
		}
		delay = 0
		go p.relay(client)
	}
}

func (p *Proxy) relay(client net.Conn) {
	defer client.Close()
	backend, err := net.DialTimeout("tcp", p.Target, 5*time.Second)
	if err != nil {
		slog.Warn("dial backend", "target", p.Target, "error", err)
		return
	}
	defer backend.Close()

	// Every read that returns data pushes both connections' deadlines back
	// by idle. When nothing arrives from either side for that long, the
	// pending reads and writes fail and both copies end.
	idle := p.Idle
	if idle <= 0 {
		idle = DefaultIdle // a zero deadline would time out at once
	}
	touch := func() {
		deadline := time.Now().Add(idle)
		client.SetDeadline(deadline)
		backend.SetDeadline(deadline)
	}
	touch()

	// Copy both directions at once; return when both are done.
	var wg sync.WaitGroup
	wg.Go(func() { pipe(backend, activity{client, touch}) })
	wg.Go(func() { pipe(client, activity{backend, touch}) })
	wg.Wait()
}

func pipe(dst net.Conn, src io.Reader) {
	io.Copy(dst, src) // returns at EOF, on the first error or at the deadline
	// Pass the end of the stream on, so the other side sees EOF too.
	if tcp, ok := dst.(*net.TCPConn); ok {
		tcp.CloseWrite()
	}
}

// activity is a connection that calls touch whenever a read returns data.
type activity struct {
	net.Conn
	touch func()
}

func (a activity) Read(b []byte) (int, error) {
	n, err := a.Conn.Read(b)
	if n > 0 {
		a.touch()
	}
	return n, err
}
