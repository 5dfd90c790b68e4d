package userclient_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
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
