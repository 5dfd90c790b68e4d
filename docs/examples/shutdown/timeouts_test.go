package main

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"testing"
	"time"
)

// TestNewServerSetsAllTimeouts checks that none of the four timeouts is left
// at zero, which means no limit.
func TestNewServerSetsAllTimeouts(t *testing.T) {
	srv := NewServer(http.NotFoundHandler())
	for name, d := range map[string]time.Duration{
		"ReadHeaderTimeout": srv.ReadHeaderTimeout,
		"ReadTimeout":       srv.ReadTimeout,
		"WriteTimeout":      srv.WriteTimeout,
		"IdleTimeout":       srv.IdleTimeout,
	} {
		if d <= 0 {
			t.Errorf("%s = %v, want a positive limit", name, d)
		}
	}
}

// TestSlowClientIsDisconnected opens a connection that never sends its
// headers and expects the server to close it after ReadHeaderTimeout.
func TestSlowClientIsDisconnected(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewServer(http.NotFoundHandler())
	srv.ReadHeaderTimeout = 50 * time.Millisecond // shortened for the test
	ctx, cancel := context.WithCancel(context.Background())
	runErr := make(chan error, 1)
	go func() { runErr <- Run(ctx, ln, srv) }()
	defer func() {
		cancel()
		if err := <-runErr; err != nil {
			t.Errorf("Run returned %v", err)
		}
	}()

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET / HTTP/1.1\r\n") // and then nothing more
	conn.SetReadDeadline(time.Now().Add(2 * time.Second))
	start := time.Now()
	if _, err := io.ReadAll(conn); isTimeout(err) {
		t.Fatalf("server kept the connection open for %v: %v", time.Since(start), err)
	}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
