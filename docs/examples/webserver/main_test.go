package main

import (
	"html/template"
	"net/http/httptest"
	"testing"
)

// TestRoutes checks the greeting, that the order page escapes what the URL
// carries, and that a template that fails to execute gives a 500 and no
// half-written page.
func TestRoutes(t *testing.T) {
	broken := template.Must(template.New("order").Parse("<h1>Order {{ .ID }}</h1>{{ .Missing }}"))
	tests := []struct {
		name       string
		page       *template.Template
		path       string
		wantStatus int
		wantBody   string
	}{
		{"greeting", orderPage, "/hello/gopher", 200, "Hello, gopher!\n"},
		{"order page", orderPage, "/orders/7", 200, "<h1>Order 7</h1>\n"},
		{"escaped", orderPage, "/orders/%3Cb%3E", 200, "<h1>Order &lt;b&gt;</h1>\n"},
		{"template fails", broken, "/orders/7", 500, "internal error\n"},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		NewMux(tt.page).ServeHTTP(rec, httptest.NewRequest("GET", tt.path, nil))
		if rec.Code != tt.wantStatus || rec.Body.String() != tt.wantBody {
			t.Errorf("%s: got %d %q, want %d %q", tt.name, rec.Code, rec.Body.String(), tt.wantStatus, tt.wantBody)
		}
	}
}
