package tcpproxy_test

import (
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
