package httpapi

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
)

// RequestID is middleware: it wraps a handler, gives every request an ID
// (or keeps the one the caller sent) and echoes it in the response.
func RequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-ID")
		if id == "" {
			id = newID()
		}
		w.Header().Set("X-Request-ID", id)
		next.ServeHTTP(w, r) // hand over to the wrapped handler
	})
}

func newID() string {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "unknown"
	}
	return hex.EncodeToString(b)
}
