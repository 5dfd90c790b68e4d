package slug_test

import (
	"testing"

	"gobackend.example/examples/slug"
)

// TestMake is table-driven: each row is a case name, an input and the
// expected output; adding a case is adding a line.
func TestMake(t *testing.T) {
	tests := []struct {
		name, title, want string
	}{
		{"simple", "Hello World", "hello-world"},
		{"punctuation", "Go for Backend Systems!", "go-for-backend-systems"},
		{"repeated separators", "a -- b", "a-b"},
		{"leading and trailing", "  Go 1.22  ", "go-1-22"},
		{"non-ASCII dropped", "Café au lait", "caf-au-lait"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := slug.Make(tt.title); got != tt.want {
				t.Errorf("Make(%q) = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
}
