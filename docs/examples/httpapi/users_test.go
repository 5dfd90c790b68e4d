package httpapi_test

import (
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"gobackend.example/examples/httpapi"
)

// TestRoutes sends one request per row through the whole handler,
// middleware included, with no network: httptest records the response.
func TestRoutes(t *testing.T) {
	tests := []struct {
		name, method, path, body string
		wantStatus               int
		wantBody                 string
	}{
		{"existing user", "GET", "/users/1", "", 200, `{"id":1,"name":"Ada"}`},
		{"unknown user", "GET", "/users/42", "", 404, "user not found"},
		{"id not a number", "GET", "/users/abc", "", 400, "id must be a number"},
		{"create", "POST", "/users", `{"name":"Grace"}`, 201, `{"id":2,"name":"Grace"}`},
		{"create without name", "POST", "/users", `{}`, 400, "body must be"},
		{"wrong method", "DELETE", "/users/1", "", 405, "Method Not Allowed"},
	}
	quiet := slog.New(slog.DiscardHandler)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := httpapi.NewServer(quiet) // a fresh server per case
			req := httptest.NewRequest(tt.method, tt.path, strings.NewReader(tt.body))
			rec := httptest.NewRecorder()

			h.ServeHTTP(rec, req)

			if rec.Code != tt.wantStatus {
				t.Errorf("status = %d, want %d", rec.Code, tt.wantStatus)
			}
			if !strings.Contains(rec.Body.String(), tt.wantBody) {
				t.Errorf("body = %q, want it to contain %q", rec.Body.String(), tt.wantBody)
			}
		})
	}
}
