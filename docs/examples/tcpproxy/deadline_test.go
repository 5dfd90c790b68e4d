package tcpproxy_test

import (
	"io"
	"net"
	"testing"
	"time"

	"gobackend.example/examples/tcpproxy"
)

// silentBackend accepts connections and neither reads nor writes nor closes
// them until the test ends: a stuck peer.
func silentBackend(t *testing.T) string {
	t.Helper()
	ln := listen(t)
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			t.Cleanup(func() { conn.Close() })
		}
	}()
	return ln.Addr().String()
}

// startProxy serves p on a loopback port until the test ends and returns a
// client connection through it.
func startProxy(t *testing.T, p *tcpproxy.Proxy) net.Conn {
	t.Helper()
	ln := listen(t)
	go p.Serve(ln)
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// TestIdleConnectionIsClosed checks that the proxy hangs up on a client whose
// backend never answers, once Idle has passed.
func TestIdleConnectionIsClosed(t *testing.T) {
	conn := startProxy(t, &tcpproxy.Proxy{Target: silentBackend(t), Idle: 50 * time.Millisecond})
	start := time.Now()
	io.WriteString(conn, "anyone there?")

	conn.SetReadDeadline(time.Now().Add(5 * time.Second)) // the test's own limit
	if _, err := io.ReadAll(conn); err != nil {
		t.Fatalf("proxy kept the idle connection open: %v", err)
	}
	if elapsed := time.Since(start); elapsed < 40*time.Millisecond {
		t.Errorf("closed after %v, before the idle timeout", elapsed)
	}
}

// TestTrafficKeepsConnectionOpen checks that a connection in use lives past
// Idle: each echoed byte pushes the deadline back.
func TestTrafficKeepsConnectionOpen(t *testing.T) {
	echo := echoOnce(t)
	conn := startProxy(t, &tcpproxy.Proxy{Target: echo.Addr().String(), Idle: 200 * time.Millisecond})

	buf := make([]byte, 1)
	for i := range 10 { // 10 × 50 ms: more than twice the idle timeout
		time.Sleep(50 * time.Millisecond)
		conn.SetDeadline(time.Now().Add(5 * time.Second))
		if _, err := conn.Write([]byte{'x'}); err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
		if _, err := io.ReadFull(conn, buf); err != nil {
			t.Fatalf("read %d: connection closed while in use: %v", i, err)
		}
	}
}

// TestUnreachableBackend checks that the client is hung up on when the
// backend refuses the connection, instead of waiting forever.
func TestUnreachableBackend(t *testing.T) {
	closed := listen(t)
	target := closed.Addr().String()
	closed.Close() // nothing listens here any more
	conn := startProxy(t, &tcpproxy.Proxy{Target: target, Idle: time.Minute})

	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.ReadAll(conn); err != nil {
		t.Errorf("client not hung up on: %v", err)
	}
}

// TestZeroIdleUsesTheDefault checks that a Proxy with no Idle set relays
// instead of timing out at once.
func TestZeroIdleUsesTheDefault(t *testing.T) {
	echo := echoOnce(t)
	conn := startProxy(t, &tcpproxy.Proxy{Target: echo.Addr().String()})

	conn.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(conn, "ping")
	conn.(*net.TCPConn).CloseWrite()
	if got, err := io.ReadAll(conn); err != nil || string(got) != "ping" {
		t.Errorf("got %q, %v; want the echo of ping", got, err)
	}
}
