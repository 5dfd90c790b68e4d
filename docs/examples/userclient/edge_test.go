package userclient_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"gobackend.example/examples/userclient"
)

// TestUserFailures checks the answers a broken service can give: each one
// is an error that names the user, never a zero User that looks valid.
func TestUserFailures(t *testing.T) {
	tests := []struct {
		name    string
		status  int
		body    string
		wantErr string
	}{
		{"server error", 500, "boom", "500 Internal Server Error"},
		{"not JSON", 200, "<html>", "decode"},
		{"empty body", 200, "", "decode"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(tt.status)
				io.WriteString(w, tt.body)
			}))
			defer srv.Close()

			u, err := userclient.New(srv.URL).User(context.Background(), 7)
			if err == nil || !strings.Contains(err.Error(), "get user 7") || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("got %+v, %v; want an error about user 7 containing %q", u, err, tt.wantErr)
			}
		})
	}
}

// TestErrorRepliesKeepTheConnection sends two requests that fail with 500:
// the client must read the rest of each reply so that the second request
// reuses the first one's connection instead of opening a new one.
func TestErrorRepliesKeepTheConnection(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, strings.Repeat("stack trace line\n", 100), http.StatusInternalServerError)
	}))
	var conns atomic.Int32
	srv.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()

	client := userclient.New(srv.URL)
	for range 2 {
		if _, err := client.User(context.Background(), 1); err == nil {
			t.Fatal("got no error from a 500 reply")
		}
	}
	if n := conns.Load(); n != 1 {
		t.Errorf("opened %d connections for two requests, want 1", n)
	}
}

// TestStatusErrors checks that callers can tell a missing user from other
// failures with errors.Is and read the status with errors.AsType.
func TestStatusErrors(t *testing.T) {
	status := http.StatusNotFound
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(status)
	}))
	defer srv.Close()
	client := userclient.New(srv.URL)

	_, err := client.User(context.Background(), 7)
	if !errors.Is(err, userclient.ErrNotFound) {
		t.Errorf("404: err = %v, want it to match userclient.ErrNotFound", err)
	}
	status = http.StatusServiceUnavailable
	_, err = client.User(context.Background(), 7)
	if se, ok := errors.AsType[*userclient.StatusError](err); !ok || se.Code != 503 || errors.Is(err, userclient.ErrNotFound) {
		t.Errorf("503: err = %v, want a *StatusError with Code 503", err)
	}
}

// TestOversizedReplyIsRefused checks that a reply larger than the limit is
// an error, not read into memory whole.
func TestOversizedReplyIsRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"id": 7, "name": "`+strings.Repeat("a", 2<<20)+`"}`)
	}))
	defer srv.Close()
	u, err := userclient.New(srv.URL).User(context.Background(), 7)
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("got a %d-byte name, err = %v; want an error about the size", len(u.Name), err)
	}
}
