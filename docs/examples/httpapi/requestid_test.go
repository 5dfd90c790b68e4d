package httpapi_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"gobackend.example/examples/httpapi"
)

// records decodes the JSON log lines written to buf.
func records(t *testing.T, buf *bytes.Buffer) []map[string]any {
	t.Helper()
	var out []map[string]any
	for line := range strings.Lines(buf.String()) {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		out = append(out, rec)
	}
	return out
}

// TestRequestIDReachesHandlerAndLogs checks that a caller's ID is echoed,
// is in the handler's context, and is on every log line of the request.
func TestRequestIDReachesHandlerAndLogs(t *testing.T) {
	var buf bytes.Buffer
	logger := httpapi.NewLogger(slog.NewJSONHandler(&buf, nil))
	h := httpapi.NewServer(logger)

	req := httptest.NewRequest("POST", "/users", strings.NewReader(`{"name":"Grace"}`))
	req.Header.Set("X-Request-ID", "abc123")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)

	if got := rec.Header().Get("X-Request-ID"); got != "abc123" {
		t.Errorf("echoed ID = %q, want %q", got, "abc123")
	}
	logs := records(t, &buf)
	var messages []string
	for _, r := range logs {
		messages = append(messages, r["msg"].(string))
		if r["request_id"] != "abc123" {
			t.Errorf("log record %v has request_id %v, want abc123", r, r["request_id"])
		}
	}
	if want := []string{"request", "user created"}; !slices.Equal(messages, want) {
		t.Errorf("logged %q, want %q", messages, want)
	}
}

// TestRequestIDIsMadeUp checks that a request without an ID gets a fresh
// one, the same in the response header and in the handler's context, and a
// different one per request.
func TestRequestIDIsMadeUp(t *testing.T) {
	var seen string
	h := httpapi.RequestID(slog.New(slog.DiscardHandler), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = httpapi.RequestIDFrom(r.Context())
	}))

	ids := map[string]bool{}
	for range 2 {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
		got := rec.Header().Get("X-Request-ID")
		if len(got) != 26 || got != seen {
			t.Errorf("header ID = %q, context ID = %q; want the same 26 characters", got, seen)
		}
		ids[got] = true
	}
	if len(ids) != 2 {
		t.Errorf("two requests got the same ID: %v", ids)
	}
}

// TestUnsafeRequestIDIsReplaced checks that an ID a client sends is used
// only when it is short and plain: anything else would be written, as the
// client chose it, into every log line and the response.
func TestUnsafeRequestIDIsReplaced(t *testing.T) {
	var seen string
	h := httpapi.RequestID(slog.New(slog.DiscardHandler), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = httpapi.RequestIDFrom(r.Context())
	}))
	for _, sent := range []string{
		strings.Repeat("a", 65), // too long
		"two words",
		"line\nbreak",
		`"quoted"`,
		"<script>",
		"ünïcode",
	} {
		req := httptest.NewRequest("GET", "/", nil)
		req.Header["X-Request-Id"] = []string{sent}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if got := rec.Header().Get("X-Request-ID"); got == sent || seen == sent || len(got) != 26 {
			t.Errorf("sent %q: response ID %q, context ID %q; want a fresh 26-character ID", sent, got, seen)
		}
	}
}

// TestLoggerWithoutRequest checks that records logged outside a request
// carry no request_id attribute.
func TestLoggerWithoutRequest(t *testing.T) {
	var buf bytes.Buffer
	httpapi.NewLogger(slog.NewJSONHandler(&buf, nil)).With("component", "test").Info("starting")
	logs := records(t, &buf)
	if len(logs) != 1 || logs[0]["component"] != "test" {
		t.Fatalf("logged %v, want one record with component=test", logs)
	}
	if _, ok := logs[0]["request_id"]; ok {
		t.Errorf("record outside a request has a request_id: %v", logs[0])
	}
}
