// Package tcpproxy forwards TCP connections to a backend address.
package tcpproxy

import (
	"errors"
	"io"
	"log"
	"net"
	"sync"
	"time"
)

// Serve accepts connections on ln and relays each one to target in its own
// goroutines. It returns nil once ln is closed.
func Serve(ln net.Listener, target string) error {
	for {
		client, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return nil
		}
		if err != nil {
			return err
		}
		go relay(client, target)
	}
}

func relay(client net.Conn, target string) {
	defer client.Close()
	backend, err := net.DialTimeout("tcp", target, 5*time.Second)
	if err != nil {
		log.Printf("dial %s: %v", target, err)
		return
	}
	defer backend.Close()

	// Copy both directions at once; return when both are done.
	var wg sync.WaitGroup
	wg.Add(2)
	go pipe(&wg, backend, client)
	go pipe(&wg, client, backend)
	wg.Wait()
}

func pipe(wg *sync.WaitGroup, dst, src net.Conn) {
	defer wg.Done()
	io.Copy(dst, src) // returns at EOF or on the first error
	// Pass the end of the stream on, so the other side sees EOF too.
	if tcp, ok := dst.(*net.TCPConn); ok {
		tcp.CloseWrite()
	}
}
