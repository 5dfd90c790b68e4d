package httpapi_test

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"

	"gobackend.example/examples/httpapi"
)

// safeID is the rule for a caller's X-Request-ID, written independently of
// the middleware's loop: 1 to 64 letters, digits, '.', '_' or '-'.
var safeID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// FuzzRequestID sends arbitrary X-Request-ID values through the middleware.
// A safe value is kept; anything else is replaced by a fresh 26-character
// ID, so nothing a client sends reaches the logs or the response unchecked.
// `make examples` runs it for a few seconds; the seeds are the edge cases.
func FuzzRequestID(f *testing.F) {
	for _, seed := range []string{
		"abc123", "req-2024.05_01", "", " ", "a\nb", "a\r\nSet-Cookie: x=1", "<script>", "ü",
		"0123456789012345678901234567890123456789012345678901234567890123",  // 64: the longest kept
		"01234567890123456789012345678901234567890123456789012345678901234", // 65: too long
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, sent string) {
		var seen string
		h := httpapi.RequestID(slog.New(slog.DiscardHandler), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			seen = httpapi.RequestIDFrom(r.Context())
		}))
		req := httptest.NewRequest("GET", "/", nil)
		req.Header["X-Request-Id"] = []string{sent} // as sent, bypassing Header.Set
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)

		got := rec.Header().Get("X-Request-ID")
		if got != seen || !safeID.MatchString(got) {
			t.Fatalf("sent %q: response ID %q, context ID %q; want the same safe ID", sent, got, seen)
		}
		if keep := safeID.MatchString(sent); keep != (got == sent) || !keep && len(got) != 26 {
			t.Fatalf("sent %q, got %q: a safe ID must be kept, any other replaced by a fresh one", sent, got)
		}
	})
}
