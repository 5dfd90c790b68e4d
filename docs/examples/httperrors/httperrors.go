// Package httperrors turns the errors of a service's core into HTTP
// statuses at its edge, without sending internal details to clients.
package httperrors

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
)

// ErrNotFound is the core's sentinel for a missing resource.
var ErrNotFound = errors.New("not found")

// ValidationError says which field of a request is wrong.
type ValidationError struct {
	Field, Problem string
}

func (e *ValidationError) Error() string { return e.Field + ": " + e.Problem }

// Status picks the status and the message a client may see for err, however
// deeply it is wrapped. Errors the core did not declare are a 500 with a
// generic message: their text may name tables, hosts or queries.
func Status(err error) (int, string) {
	// Before Go 1.26: var ve *ValidationError; if errors.As(err, &ve) {...}
	if ve, ok := errors.AsType[*ValidationError](err); ok {
		return http.StatusBadRequest, ve.Error()
	}
	switch {
	case errors.Is(err, ErrNotFound):
		return http.StatusNotFound, "not found"
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout, "timed out"
	}
	return http.StatusInternalServerError, "internal error"
}

// Handle adapts a handler that returns an error. The error is handled once,
// here: the client gets its status and safe message, and a server error
// goes to the log in full.
func Handle(logger *slog.Logger, h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		status, message := Status(err)
		if status >= 500 {
			logger.ErrorContext(r.Context(), "request failed", "status", status, "error", err)
		}
		http.Error(w, message, status)
	})
}
