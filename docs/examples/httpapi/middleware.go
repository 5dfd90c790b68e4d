package httpapi

import (
	"context"
	"crypto/rand"
	"log/slog"
	"net/http"
)

// requestIDKey is the context key for the request ID. An unexported type
// means no other package can read or overwrite the value by accident.
type requestIDKey struct{}

// RequestID is middleware: it wraps a handler, gives every request an ID
// (or keeps a safe one the caller sent), puts it in the request's context
// and echoes it in the response, then logs the request.
func RequestID(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-ID")
		if !validRequestID(id) {
			id = rand.Text() // 26 random base32 characters
		}
		ctx := context.WithValue(r.Context(), requestIDKey{}, id)
		w.Header().Set("X-Request-ID", id)
		logger.InfoContext(ctx, "request", "method", r.Method, "path", r.URL.Path)
		next.ServeHTTP(w, r.WithContext(ctx)) // hand over to the wrapped handler
	})
}

// validRequestID accepts 1 to 64 letters, digits, '.', '_' and '-'. The ID
// goes into every log line and back to the client, so a client must not be
// able to choose its size or slip in line breaks, quotes or markup.
func validRequestID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range []byte(id) {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '.', c == '_', c == '-':
		default:
			return false
		}
	}
	return true
}

// RequestIDFrom returns the ID that RequestID stored in ctx, or "".
func RequestIDFrom(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// NewLogger returns a logger that writes through h and adds the request ID
// to every record logged with a request's context (InfoContext and so on).
func NewLogger(h slog.Handler) *slog.Logger {
	return slog.New(contextHandler{h})
}

// contextHandler wraps another slog.Handler and copies the request ID from
// the context into each record.
type contextHandler struct{ slog.Handler }

func (h contextHandler) Handle(ctx context.Context, r slog.Record) error {
	if id := RequestIDFrom(ctx); id != "" {
		r.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, r)
}

func (h contextHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return contextHandler{h.Handler.WithAttrs(attrs)}
}

func (h contextHandler) WithGroup(name string) slog.Handler {
	return contextHandler{h.Handler.WithGroup(name)}
}
