package main

import (
	"bufio"
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestMain runs the program itself when asked to: TestSecondSignalStopsAtOnce
// starts this test binary again as the server, so that it can signal it.
func TestMain(m *testing.M) {
	if os.Getenv("SHUTDOWN_RUN_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestSecondSignalStopsAtOnce starts the server, holds a request open so
// that shutdown has to wait for it, and presses Ctrl+C twice: the second
// must end the process at once, not after the shutdown's grace period.
func TestSecondSignalStopsAtOnce(t *testing.T) {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "SHUTDOWN_RUN_MAIN=1", "ADDR=127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	logs := bufio.NewScanner(stdout)
	await := func(msg string) map[string]string {
		for logs.Scan() {
			var rec map[string]string
			if json.Unmarshal(logs.Bytes(), &rec) == nil && rec["msg"] == msg {
				return rec
			}
		}
		t.Fatalf("the server exited before logging %q", msg)
		return nil
	}

	addr := await("serving")["addr"]
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// A request whose body never arrives in full: the server is still
	// reading it, so Shutdown waits for it. Give the server time to start.
	conn.Write([]byte("POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\nhalf"))
	time.Sleep(500 * time.Millisecond)

	cmd.Process.Signal(os.Interrupt)
	await("shutting down")
	start := time.Now()
	cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "interrupt") {
			t.Errorf("exited with %v after %v; want the interrupt to end it", err, time.Since(start))
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the second Ctrl+C did not stop the server within 2s")
	}
}
