// Package errorvalues shows Go's errors as ordinary return values.
package errorvalues

import (
	"errors"
	"fmt"
)

// ErrNotFound is a sentinel error: callers compare against it with errors.Is.
var ErrNotFound = errors.New("not found")

// ValidationError is a custom error type that carries details.
type ValidationError struct {
	Field, Reason string
}

func (e *ValidationError) Error() string {
	return e.Field + ": " + e.Reason
}

var emails = map[int]string{1: "ada@example.com"}

// Email looks up a user's email address. Every failure is a returned value.
func Email(id int) (string, error) {
	if id <= 0 {
		return "", &ValidationError{Field: "id", Reason: "must be positive"}
	}
	email, ok := emails[id]
	if !ok {
		// %w wraps: the message gains context, ErrNotFound stays detectable.
		return "", fmt.Errorf("email of user %d: %w", id, ErrNotFound)
	}
	return email, nil
}
