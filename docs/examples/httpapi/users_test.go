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
		{"unknown key", "POST", "/users", `{"name":"Grace","admin":true}`, 400, "body must be"},
		{"body over 1 MiB", "POST", "/users", `{"name":"` + strings.Repeat("a", 1<<20) + `"}`, 413, "too large"},
		{"delete", "DELETE", "/users/1", "", 204, ""},
		{"wrong method", "PUT", "/users/1", "", 405, "Method Not Allowed"},
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

// TestIDsAreNeverReused deletes a user and creates another: the new user
// must get a fresh ID, not overwrite the one that now holds len(users)+1.
func TestIDsAreNeverReused(t *testing.T) {
	h := httpapi.NewServer(slog.New(slog.DiscardHandler))
	send := func(method, path, body string) string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(method, path, strings.NewReader(body)))
		return strings.TrimSpace(rec.Body.String())
	}
	send("POST", "/users", `{"name":"Grace"}`) // ID 2
	send("DELETE", "/users/1", "")
	if got := send("POST", "/users", `{"name":"Linus"}`); got != `{"id":3,"name":"Linus"}` {
		t.Errorf("created %s, want ID 3", got)
	}
	if got := send("GET", "/users/2", ""); got != `{"id":2,"name":"Grace"}` {
		t.Errorf("user 2 is now %s, want Grace", got)
	}
}
