package httperrors_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"gobackend.example/examples/httperrors"
)

// TestStatus maps errors wrapped in different ways; the message never
// carries the text of an undeclared error.
func TestStatus(t *testing.T) {
	secret := errors.New("dial tcp 10.0.0.5:5432: connection refused")
	tests := []struct {
		name   string
		err    error
		status int
		msg    string
	}{
		{"sentinel, wrapped twice", fmt.Errorf("api: %w", fmt.Errorf("store: %w", httperrors.ErrNotFound)), 404, "not found"},
		{"validation error", &httperrors.ValidationError{Field: "email", Problem: "missing"}, 400, "email: missing"},
		{"joined with another error", errors.Join(secret, &httperrors.ValidationError{Field: "id", Problem: "not a number"}), 400, "id: not a number"},
		{"deadline", fmt.Errorf("call users: %w", context.DeadlineExceeded), 504, "timed out"},
		{"anything else", fmt.Errorf("query: %w", secret), 500, "internal error"},
	}
	for _, tt := range tests {
		status, msg := httperrors.Status(tt.err)
		if status != tt.status || msg != tt.msg {
			t.Errorf("%s: got %d %q, want %d %q", tt.name, status, msg, tt.status, tt.msg)
		}
	}
}
