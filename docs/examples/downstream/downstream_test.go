package downstream_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"gobackend.example/examples/downstream"
)

// TestStock covers a good reply, an error status and a reply that is not
// JSON.
func TestStock(t *testing.T) {
	tests := []struct {
		name    string
		status  int
		body    string
		want    int
		wantErr string
	}{
		{"in stock", 200, `{"count": 12}`, 12, ""},
		{"service error", 503, "down", 0, "503 Service Unavailable"},
		{"not JSON", 200, "<html>", 0, "decode"},
	}
	for _, tt := range tests {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(tt.status)
			io.WriteString(w, tt.body)
		}))
		n, err := downstream.Stock(context.Background(), srv.Client(), srv.URL)
		srv.Close()
		if n != tt.want || (tt.wantErr == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: got %d, %v; want %d and an error containing %q", tt.name, n, err, tt.want, tt.wantErr)
		}
	}
}

// TestCallerDeadlineWins checks that a caller whose own deadline is sooner
// than CallTimeout is not kept waiting by a stuck service.
func TestCallerDeadlineWins(t *testing.T) {
	stuck := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer stuck.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := downstream.Stock(ctx, stuck.Client(), stuck.URL)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > time.Second {
		t.Errorf("err = %v after %v, want context.DeadlineExceeded after about 50ms", err, time.Since(start))
	}
}
