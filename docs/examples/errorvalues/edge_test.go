package errorvalues_test

import (
	"errors"
	"testing"

	"gobackend.example/examples/errorvalues"
)

// TestEmailErrors checks each kind of failure at its boundary: zero is
// invalid like any non-positive id, and an unknown id wraps ErrNotFound.
func TestEmailErrors(t *testing.T) {
	tests := []struct {
		id          int
		wantInvalid bool
		wantMissing bool
	}{
		{0, true, false},
		{-5, true, false},
		{2, false, true},
	}
	for _, tt := range tests {
		_, err := errorvalues.Email(tt.id)
		var invalid *errorvalues.ValidationError
		if got := errors.As(err, &invalid); got != tt.wantInvalid {
			t.Errorf("Email(%d): ValidationError = %v, want %v (err %v)", tt.id, got, tt.wantInvalid, err)
		}
		if got := errors.Is(err, errorvalues.ErrNotFound); got != tt.wantMissing {
			t.Errorf("Email(%d): ErrNotFound = %v, want %v (err %v)", tt.id, got, tt.wantMissing, err)
		}
	}
}
