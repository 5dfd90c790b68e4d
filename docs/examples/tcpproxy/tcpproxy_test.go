package tcpproxy_test

import (
	"errors"
	"io"
	"net"
	"testing"
	"time"

	"gobackend.example/examples/tcpproxy"
)

// listen opens a listener on a free loopback port and closes it after the test.
func listen(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return ln
}

// TestProxyRelaysBothWays sends messages through the proxy to an echo server
// and expects each one back unchanged.
func TestProxyRelaysBothWays(t *testing.T) {
	echo := listen(t)
	go func() {
		for {
			conn, err := echo.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				io.Copy(conn, conn) // echo until the client stops writing
			}()
		}
	}()

	proxy := listen(t)
	p := &tcpproxy.Proxy{Target: echo.Addr().String(), Idle: time.Minute}
	served := make(chan error, 1)
	go func() { served <- p.Serve(proxy) }()

	for _, msg := range []string{"ping", "hello through the proxy"} {
		conn, err := net.Dial("tcp", proxy.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(conn, msg)
		conn.(*net.TCPConn).CloseWrite() // done sending: the echo can finish
		got, err := io.ReadAll(conn)
		conn.Close()
		if err != nil || string(got) != msg {
			t.Errorf("sent %q, got %q (error %v)", msg, got, err)
		}
	}

	proxy.Close()
	if err := <-served; err != nil {
		t.Errorf("Serve returned %v after Close, want nil", err)
	}
}

// flakyListener fails its first Accept calls, as a listener does when the
// process has run out of file descriptors, then behaves normally.
type flakyListener struct {
	net.Listener
	failures int
}

func (l *flakyListener) Accept() (net.Conn, error) {
	if l.failures > 0 {
		l.failures--
		return nil, errors.New("accept tcp: too many open files")
	}
	return l.Listener.Accept()
}

// TestAcceptErrorsAreRetried checks that errors from Accept other than a
// closed listener do not stop the proxy: it waits briefly and carries on.
func TestAcceptErrorsAreRetried(t *testing.T) {
	echo := echoOnce(t)
	ln := &flakyListener{Listener: listen(t), failures: 3}
	p := &tcpproxy.Proxy{Target: echo.Addr().String(), Idle: time.Minute}
	served := make(chan error, 1)
	go func() { served <- p.Serve(ln) }()

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(conn, "still there?")
	conn.(*net.TCPConn).CloseWrite()
	if got, err := io.ReadAll(conn); err != nil || string(got) != "still there?" {
		select {
		case err := <-served:
			t.Fatalf("Serve returned %v after a failed Accept", err)
		default:
			t.Fatalf("got %q, %v; want the echo", got, err)
		}
	}
}

// echoOnce listens on a loopback port and echoes the first connection back.
func echoOnce(t *testing.T) net.Listener {
	t.Helper()
	ln := listen(t)
	go func() {
		conn, err := ln.Accept()
		if err == nil {
			defer conn.Close()
			io.Copy(conn, conn)
		}
	}()
	return ln
}
